/** `coachlint check-draft` as a real process. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { coachlint } from '../helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'coachlint-draft-'))
const conversation = join(dir, 'conv.json')
writeFileSync(
  conversation,
  JSON.stringify({
    id: 'order-4411',
    channel: 'chat',
    turns: [
      { role: 'customer', author: 'Dana', at: '2024-05-01T10:02:00Z', text: 'My invoice is wrong, I was charged twice!' },
      { role: 'agent', author: 'Sara', at: '2024-05-01T10:03:10Z', text: "Sorry about that, Dana! I'll check it with billing and update you in 10 minutes." },
      { role: 'customer', author: 'Dana', at: '2024-05-01T10:04:00Z', text: 'ok, thanks' }
    ]
  })
)
const AT = ['--at', '2024-05-01T10:05:00Z']

describe('coachlint check-draft', () => {
  it('prints the verdict and findings with suggestions; exit 0 on review', async () => {
    const run = await coachlint(['check-draft', '--no-config', '--conversation', conversation, '--draft', "I don't know", ...AT])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/draft → review/)
    expect(run.stdout).toMatch(/1:1-1:13\s+warning\s+"I don't know" leaves the customer/)
    expect(run.stdout).toMatch(/no-dead-end/)
    expect(run.stdout).toMatch(/→ instead: /)
  })

  it('reads the draft from standard input and prints JSON', async () => {
    const run = await coachlint(['check-draft', '--no-config', '--conversation', conversation, '-f', 'json', ...AT], { input: "I don't know\n" })
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.verdict).toBe('review')
    expect(result.turn).toBe(3)
    const m = result.messages.find((x: { ruleId: string }) => x.ruleId === 'no-dead-end')
    expect(m).toMatchObject({ start: 0, end: 12, line: 1, column: 1, onDraft: true })
    expect(result.suggestions.length).toBeGreaterThan(0)
  })

  it('exits 1 when the verdict is block', async () => {
    const run = await coachlint(['check-draft', '--no-config', '--rule', 'no-dead-end:error', '--conversation', conversation, '--draft', "I don't know", ...AT])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/draft → block/)
    const lenient = await coachlint(['check-draft', '--no-config', '--rule', 'no-dead-end:error', '--block', 'off', '--conversation', conversation, '--draft', "I don't know", ...AT])
    expect(lenient.code).toBe(0)
    const strict = await coachlint(['check-draft', '--no-config', '--block', 'warn:0.5', '--conversation', conversation, '--draft', "I don't know", ...AT])
    expect(strict.code).toBe(1)
  })

  it('surfaces the earlier promise once its time has passed', async () => {
    const run = await coachlint(['check-draft', '--no-config', '--conversation', conversation, '--draft', 'Hi Dana, anything else I can help with?', '--at', '2024-05-01T11:30:00Z', '-f', 'json'])
    const result = JSON.parse(run.stdout)
    expect(result.messages.find((m: { ruleId: string }) => m.ruleId === 'unkept-promise')).toMatchObject({ turn: 1, onDraft: false })
  })

  it('reads other formats for the conversation (a plain-text log)', async () => {
    const log = join(dir, 'chat.txt')
    writeFileSync(log, '# channel: chat\n[2025-02-05 14:00] Customer Dana: My email is dana@example.com, where is my order?\n')
    const run = await coachlint(['check-draft', '--no-config', '--conversation', log, '--draft', 'Could you send me your email address?', '--at', '2025-02-05T14:01:00Z'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/no-repeat-request/)
  })

  it('exits 2 on usage errors', async () => {
    const missing = await coachlint(['check-draft', '--draft', 'x'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/--conversation/)
    const unreadable = await coachlint(['check-draft', '--no-config', '--conversation', join(dir, 'nope.json'), '--draft', 'x'])
    expect(unreadable.code).toBe(2)
    expect(unreadable.stderr).toMatch(/cannot read .*nope\.json: ENOENT/)
    const badTime = await coachlint(['check-draft', '--no-config', '--conversation', conversation, '--draft', 'x', '--at', 'tomorrow'])
    expect(badTime.code).toBe(2)
    expect(badTime.stderr).toMatch(/"at" must be/)
    const badThreshold = await coachlint(['check-draft', '--no-config', '--conversation', conversation, '--draft', 'x', '--block', 'severe'])
    expect(badThreshold.code).toBe(2)
    const several = join(dir, 'two.jsonl')
    writeFileSync(several, [1, 2].map((i) => JSON.stringify({ id: `c${i}`, channel: 'chat', turns: [{ role: 'customer', text: 'hi' }] })).join('\n') + '\n')
    const ambiguous = await coachlint(['check-draft', '--no-config', '--conversation', several, '--draft', 'x'])
    expect(ambiguous.code).toBe(2)
    expect(ambiguous.stderr).toMatch(/2 conversations \(c1, c2\); pick one with --id/)
    const picked = await coachlint(['check-draft', '--no-config', '--conversation', several, '--id', 'c2', '--draft', 'Hello! How can I help?'])
    expect(picked.code).toBe(0)
  })
})
