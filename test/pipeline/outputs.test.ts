import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Ajv from 'ajv-draft-04'
import { coachlint } from '../helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'coachlint-out-'))
const config = join(dir, 'only-slow.json')
writeFileSync(config, JSON.stringify({ rules: { 'slow-reply': 'warn', 'no-reply': 'error' } }))

const conv = (i: number, agent = `agent-${i % 3}`) =>
  JSON.stringify({
    id: `c${i}`,
    channel: 'chat',
    turns: [
      { role: 'customer', author: 'cust', text: 'Where is my order, please?', at: `2025-01-0${1 + (i % 3)}T10:00:00Z` },
      { role: 'agent', author: agent, text: 'Let me check: it left the warehouse today.', at: `2025-01-0${1 + (i % 3)}T10:0${i % 2 === 0 ? 1 : 5}:00Z` },
      ...(i % 4 === 0 ? [{ role: 'customer', author: 'cust', text: 'And when will it arrive?' }] : [])
    ]
  })

const corpus = join(dir, 'corpus.jsonl')
writeFileSync(corpus, Array.from({ length: 300 }, (_, i) => conv(i)).join('\n') + '\n{"broken": \n' + conv(300) + '\n')

describe('output formats', () => {
  it('sarif validates against the SARIF 2.1.0 schema', async () => {
    const run = await coachlint(['-c', config, '-f', 'sarif', corpus])
    const sarif = JSON.parse(run.stdout)
    const require = createRequire(import.meta.url)
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
    const ajv = new (Ajv as unknown as typeof import('ajv').default)({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false })
    const validate = ajv.compile(schema)
    const ok = validate(sarif)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
    expect(sarif.runs[0].results.length).toBeGreaterThan(100)
    const first = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'slow-reply')
    expect(first.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0)
  })

  it('github annotations escape newlines, commas and colons', async () => {
    const run = await coachlint(['-c', config, '-f', 'github', corpus])
    const lines = run.stdout.trim().split('\n')
    expect(lines.every((l) => /^::(error|warning|notice) file=corpus\.jsonl|^::(error|warning|notice) file=/.test(l))).toBe(true)
    expect(lines.some((l) => /title=coachlint slow-reply \(c1%2C turn 1\)::/.test(l))).toBe(true)
    expect(lines.every((l) => !l.includes('\n'))).toBe(true)
  })

  it('csv has a header and one quoted row per message', async () => {
    const run = await coachlint(['-c', config, '-f', 'csv', corpus])
    const rows = run.stdout.trim().split('\r\n')
    expect(rows[0]).toBe('path,conversation,turn,role,author,ruleId,severity,line,column,endLine,endColumn,confidence,reason,note,expected,url')
    expect(rows.length).toBeGreaterThan(100)
  })

  it('jsonl writes one line per conversation, in input order, the same with 1 or 2 workers', async () => {
    const one = await coachlint(['-c', config, '-f', 'jsonl', '--jobs', '1', corpus])
    const two = await coachlint(['-c', config, '-f', 'jsonl', '--jobs', '2', corpus], { env: { COACHLINT_PARALLEL_THRESHOLD: '0' } })
    expect(two.stdout).toBe(one.stdout)
    const lines = one.stdout.trim().split('\n').map((l) => JSON.parse(l))
    const ids = lines.map((l) => l.conversation)
    expect(ids.filter((x) => x !== null)).toEqual(Array.from({ length: 301 }, (_, i) => `c${i}`))
    const broken = lines.find((l) => l.conversation === null)
    expect(broken.messages[0]).toMatchObject({ ruleId: null, fatal: true, line: 301 })
    expect(one.code).toBe(1) // no-reply is an error in this config
  })

  it('streams JSONL from stdin', async () => {
    const input = Array.from({ length: 2000 }, (_, i) => conv(i)).join('\n') + '\n'
    const run = await coachlint(['-c', config, '-f', 'jsonl', '--stdin', '--stdin-filename', 'night.jsonl'], { input })
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(2000)
    expect(JSON.parse(lines[1999]!).messages[0]?.line ?? 2000).toBe(2000)
  })

  it('shards split the corpus without overlap or loss', async () => {
    const ids: string[] = []
    for (const shard of ['1/3', '2/3', '3/3']) {
      const run = await coachlint(['-c', config, '-f', 'jsonl', '--shard', shard, corpus])
      ids.push(...run.stdout.trim().split('\n').map((l) => JSON.parse(l).conversation).filter((x: string | null) => x !== null))
    }
    expect(ids.sort()).toEqual(Array.from({ length: 301 }, (_, i) => `c${i}`).sort())
    expect((await coachlint(['--shard', '4/3', corpus])).code).toBe(2)
  })
})

describe('scorecards', () => {
  it('builds per agent, rule, channel and day, and merges shard results into the same report', async () => {
    const whole = JSON.parse((await coachlint(['report', '-c', config, '-f', 'json', corpus])).stdout)
    expect(whole.totals.conversations).toBe(301)
    expect(Object.keys(whole.byAgent).sort()).toEqual(['agent-0', 'agent-1', 'agent-2'])
    expect(Object.keys(whole.byDay)).toEqual(['2025-01-01', '2025-01-02', '2025-01-03'])
    expect(whole.byRule['slow-reply'].findings).toBe(150)
    expect(whole.inputProblems).toBe(1)
    expect(whole.totals.score).toBeGreaterThan(0)
    expect(whole.totals.score).toBeLessThan(100)

    const parts: string[] = []
    for (const shard of ['1/2', '2/2']) {
      const out = join(dir, `shard-${shard[0]}.jsonl`)
      await coachlint(['-c', config, '-f', 'jsonl', '--shard', shard, '-o', out, corpus])
      parts.push(out)
    }
    const merged = JSON.parse((await coachlint(['report', '--merge', '-f', 'json', ...parts])).stdout)
    const strip = (card: Record<string, unknown>) => ({ ...card, generatedAt: null, worst: null })
    expect(strip(merged)).toEqual(strip(whole))
  })

  it('writes CSV scorecards', async () => {
    const out = join(dir, 'card.csv')
    await coachlint(['report', '-c', config, '-f', 'csv', '-o', out, corpus])
    const csv = readFileSync(out, 'utf8')
    expect(csv.split('\r\n')[0]).toBe('dimension,key,conversations,agentTurns,findings,errors,warnings,infos,per100AgentTurns,score')
    expect(csv).toMatch(/^agent,agent-1,/m)
  })
})
