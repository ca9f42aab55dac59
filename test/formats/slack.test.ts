import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { zipSync } from 'fflate'
import { readInput, readSlackZip, slackUsersFromJson } from '../../src/formats/index.js'
import { expandPaths, lint } from '../../src/node/index.js'
import type { CoachlintMessage } from '../../src/engine/messages.js'
import { wordPlugin } from '../helpers/word-rule.js'
import { bytesOf, fixture, rows } from './helpers.js'

const root = fixture('slack/export')
const users = slackUsersFromJson(readFileSync(join(root, 'users.json'), 'utf8'))
const day = (name: string, options = {}) => readInput(bytesOf(`slack/export/support/${name}`), { name: `slack/export/support/${name}`, slack: { users, channel: 'support' }, ...options })

describe('Slack export: one day file', () => {
  it('each thread is a conversation; the rest of the day is another; markup to text; bots and joins are system', () => {
    const r = day('2025-02-03.json', { roles: { agent: ['Sara Ali'] } })
    expect(r.format).toBe('slack')
    expect(r.problems).toEqual([])
    expect(r.conversations.map((c) => [c.transcript.id, c.transcript.channel])).toEqual([
      ['support/2025-02-03', 'chat'],
      ['support/1738573200.000200', 'chat']
    ])
    expect(rows(r.conversations[1]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2025-02-03T09:00:00Z', 'Our invoices are wrong & late'],
      ['agent', 'Sara Ali', '2025-02-03T09:05:00Z', '@dana sorry! Calm down, see the billing page'],
      ['customer', 'Dana Reyes', '2025-02-03T09:06:40Z', 'ok thanks']
    ])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['system', 'Dana Reyes', '2025-02-03T08:58:20Z', '@dana has joined the channel'],
      ['system', 'Zendesk', '2025-02-03T09:08:20Z', 'Ticket #12 updated'],
      ['agent', 'Sara Ali', '2025-02-03T10:03:20Z', 'Reminder: the portal is down tonight, calm down everyone']
    ])
  })

  it('agents by the e-mail domain of their Slack profile', () => {
    const r = day('2025-02-03.json', { agents: { domains: ['acme.com'] } })
    expect(r.conversations[1]!.transcript.turns.map((t) => t.role)).toEqual(['customer', 'agent', 'customer'])
  })

  it('without agents configured, says nothing is judged', () => {
    const r = day('2025-02-03.json')
    expect(r.conversations[1]!.transcript.turns.map((t) => t.role)).toEqual(['customer', 'customer', 'customer'])
    expect(r.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/No agent is named for this Slack export/)])
  })

  it('a malformed day file: located warnings, the rest read', () => {
    const r = day('2025-02-04.json', { roles: { agent: ['U02SARA'] } })
    const text = r.text
    expect(r.problems.map((p) => [text.slice(p.start, p.end), p.reason])).toEqual([
      ['"', 'Expected a message object, got string; skipped'],
      ['"yesterday"', '"ts" "yesterday" is not a Slack timestamp; the time is ignored']
    ])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', null, 'Is it fixed?'],
      ['agent', 'Sara Ali', '2025-02-04T09:06:40Z', 'Yes, calm down']
    ])
  })
})

const linterConfig = { rules: { 'test-word': ['warn', { word: 'Calm down' }] as ['warn', { word: string }] }, roles: { agent: ['Sara Ali'] } }

function placed(files: Awaited<ReturnType<typeof lint>>) {
  return files.flatMap((f) =>
    (f.messages as CoachlintMessage[]).filter((m) => m.ruleId).map((m) => {
      const p = m.place as { start: { line: number; column: number } }
      return [f.path, `${p.start.line}:${p.start.column}`, m.conversation]
    })
  )
}

describe('Slack export: folders and zips (Node)', () => {
  it('walks an export folder, skipping users.json and channels.json, with users for names', async () => {
    const { files } = await expandPaths([root], { cwd: root })
    expect(files.map((f) => relative(root, f))).toEqual(['support/2025-02-03.json', 'support/2025-02-04.json'])
    const out = await lint([root], { cwd: root, config: { ...linterConfig, plugins: [wordPlugin] } as never, noConfig: true })
    const line = readFileSync(join(root, 'support/2025-02-03.json'), 'utf8').split('\n')
    const lineNo = line.findIndex((l) => l.includes('Calm down')) + 1
    expect(placed(out)).toEqual([['support/2025-02-03.json', `${lineNo}:${line[lineNo - 1]!.indexOf('Calm down') + 1}`, 'support/1738573200.000200']])
  })

  it('reads a zipped export (fflate, browser-safe) and lints each day file under the zip path', async () => {
    const entries: Record<string, Uint8Array> = {}
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name)
        if (statSync(p).isDirectory()) walk(p)
        else entries[`Acme Slack export/${relative(root, p)}`] = readFileSync(p)
      }
    }
    walk(root)
    const dir = mkdtempSync(join(tmpdir(), 'coachlint-slack-'))
    const zip = join(dir, 'export.zip')
    writeFileSync(zip, zipSync(entries))

    const read = readSlackZip(readFileSync(zip))
    expect(read.entries.map((e) => [e.path, e.channel])).toEqual([
      ['Acme Slack export/support/2025-02-03.json', 'support'],
      ['Acme Slack export/support/2025-02-04.json', 'support']
    ])
    expect(read.users.U02SARA).toMatchObject({ real_name: 'Sara Ali', email: 'sara@acme.com' })

    const { files } = await expandPaths([dir], { cwd: dir })
    expect(files).toEqual([zip])
    const out = await lint([zip], { cwd: dir, config: { ...linterConfig, plugins: [wordPlugin] } as never })
    expect(out.map((f) => f.path)).toEqual(['export.zip/Acme Slack export/support/2025-02-03.json', 'export.zip/Acme Slack export/support/2025-02-04.json'])
    expect(placed(out)).toHaveLength(1)
    expect(placed(out)[0]![0]).toBe('export.zip/Acme Slack export/support/2025-02-03.json')

    // A zip that holds no Slack export is left out of folder walks.
    writeFileSync(join(dir, 'photos.zip'), zipSync({ 'IMG_0001.jpg': new Uint8Array([0xff, 0xd8, 0xff]) }))
    expect((await expandPaths([dir], { cwd: dir })).files).toEqual([zip])
  })
})
