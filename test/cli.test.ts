import { mkdtempSync, writeFileSync, createWriteStream, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { BIN, coachlint } from './helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'coachlint-cli-'))
const slow = (id: string) =>
  JSON.stringify({ id, channel: 'chat', turns: [{ role: 'customer', text: 'Is my order shipped?', at: '2025-01-01T10:00:00Z' }, { role: 'agent', text: 'Yes, it shipped today.', at: '2025-01-01T10:09:00Z' }] })
const clean = (id: string) =>
  JSON.stringify({ id, channel: 'chat', turns: [{ role: 'customer', text: 'Is my order shipped?', at: '2025-01-01T10:00:00Z' }, { role: 'agent', text: 'Yes, it shipped today.', at: '2025-01-01T10:01:00Z' }] })

// These tests are about the CLI, not the rules: one deterministic rule keeps them so.
const ONLY_SLOW = join(dir, 'only-slow-reply.json')
writeFileSync(ONLY_SLOW, JSON.stringify({ rules: { 'slow-reply': 'warn' } }))

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

describe('coachlint CLI', () => {
  it('exits 0 on clean input and prints a summary', async () => {
    const run = await coachlint(['-c', ONLY_SLOW, file('clean.jsonl', clean('c1') + '\n')])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
  })

  it('exits 0 on warnings and 1 when a rule is set to error', async () => {
    const path = file('slow.jsonl', slow('s1') + '\n')
    expect((await coachlint(['-c', ONLY_SLOW, path])).code).toBe(0)
    const run = await coachlint(['-c', ONLY_SLOW, '--rule', 'slow-reply:error', path])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/waited 9 min for this reply.*slow-reply/)
  })

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const path = file('slow2.jsonl', slow('a') + '\n' + slow('b') + '\n')
    expect((await coachlint(['-c', ONLY_SLOW, '--max-warnings', '2', path])).code).toBe(0)
    const run = await coachlint(['-c', ONLY_SLOW, '--max-warnings', '1', path])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/too many warnings/)
  })

  it('prints the JSON contract, with a located fatal message for a malformed line', async () => {
    const path = file('mixed.jsonl', [slow('one'), '{"id": "broken", "channel": "chat", "turns": [}', slow('three')].join('\n') + '\n')
    const run = await coachlint(['-c', ONLY_SLOW, '--format', 'json', path])
    expect(run.code).toBe(1)
    const results = JSON.parse(run.stdout)
    expect(results).toHaveLength(1)
    const [result] = results
    expect(Object.keys(result).sort()).toEqual(['errorCount', 'infoCount', 'messages', 'path', 'warningCount'])
    const fatal = result.messages.filter((m: { fatal?: boolean }) => m.fatal)
    expect(fatal).toHaveLength(1)
    expect(fatal[0]).toMatchObject({ ruleId: null, severity: 'error', line: 2, fatal: true })
    const found = result.messages.filter((m: { ruleId: string }) => m.ruleId === 'slow-reply')
    expect(found.map((m: { conversation: string }) => m.conversation)).toEqual(['one', 'three'])
    expect(Object.keys(found[0]).sort()).toEqual(
      ['author', 'column', 'confidence', 'conversation', 'endColumn', 'endLine', 'expected', 'line', 'note', 'reason', 'role', 'ruleId', 'severity', 'turn', 'url'].sort()
    )
    expect(found[0]).toMatchObject({ severity: 'warning', turn: 1, role: 'agent', line: 1, endLine: 1 })
    expect(result).toMatchObject({ errorCount: 1, warningCount: 2, infoCount: 0 })
  })

  it('reads stdin, naming it with --stdin-filename', async () => {
    const run = await coachlint(['-c', ONLY_SLOW, '--stdin', '--stdin-filename', 'pasted.jsonl', '-f', 'json'], { input: slow('in') + '\n' })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ path: 'pasted.jsonl', warningCount: 1 })
  })

  it('exits 2 when a file cannot be read at all, and still lints the others', async () => {
    const good = file('good.jsonl', slow('g') + '\n')
    const empty = file('empty.jsonl', '')
    const run = await coachlint(['-c', ONLY_SLOW, '-f', 'json', good, empty, join(dir, 'missing.jsonl')])
    expect(run.code).toBe(2)
    const results = JSON.parse(run.stdout)
    expect(results.map((r: { path: string; messages: Array<{ reason: string }> }) => [r.path.split('/').pop(), r.messages[0]?.reason])).toEqual([
      ['empty.jsonl', expect.stringMatching(/Empty input/)],
      ['good.jsonl', expect.stringMatching(/waited/)],
      [expect.stringMatching(/missing\.jsonl/), expect.stringMatching(/No such file/)]
    ])
  })

  it('exits 2 on usage and configuration errors', async () => {
    expect((await coachlint(['--format', 'xml', 'x.jsonl'])).code).toBe(2)
    const bad = await coachlint(['-c', ONLY_SLOW, '--rule', 'slow-replyy:error', file('c.jsonl', clean('c') + '\n')])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/unknown rule "slow-replyy" \(did you mean "slow-reply"\?\)/)
    const cfg = file('bad.json', '{"rules": {"slow-reply": ["warn", {"limits": {"chat": "soon"}}]}}')
    const run = await coachlint(['--config', cfg, file('c2.jsonl', clean('c') + '\n')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/limits\.chat/)
  })

  it('exits 2 with a clear message on usage errors in every subcommand, never 1 or a stack trace', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['report', '--bogus'], /unknown option '--bogus'/],
      [['eval', '--bogus'], /unknown option '--bogus'/],
      [['convert', '--bogus'], /unknown option '--bogus'/],
      [['rules', '--bogus'], /unknown option '--bogus'/],
      [['serve', '--bogus'], /unknown option '--bogus'/],
      [['check-draft', '--conversation', ONLY_SLOW, '--draft', 'x', '--bogus'], /unknown option '--bogus'/],
      [['report', '--format', 'pdf'], /argument 'pdf' is invalid/]
    ]
    const runs = await Promise.all(cases.map(([args]) => coachlint(args)))
    runs.forEach((run, k) => {
      const [args, message] = cases[k]!
      expect({ args, code: run.code }).toEqual({ args, code: 2 })
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(/\n\s+at /)
      expect(run.stdout).toBe('')
    })
    // Help still exits 0.
    expect((await coachlint(['report', '--help'])).code).toBe(0)
  })

  it('finds a config file and prints the resolved config', async () => {
    const sub = mkdtempSync(join(dir, 'proj-'))
    writeFileSync(join(sub, '.coachlintrc.json'), JSON.stringify({ extends: 'recommended', rules: { 'slow-reply': ['error', { limits: { chat: '30m' } }] } }))
    const run = await coachlint(['--print-config'], { cwd: sub })
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    expect(printed.configFile).toBe(join(sub, '.coachlintrc.json'))
    expect(printed.rules['slow-reply']).toEqual(['error', { limits: expect.objectContaining({ chat: '30m' }) }])
  })

  it('lints folders recursively and honours .coachlintignore', async () => {
    const sub = mkdtempSync(join(dir, 'tree-'))
    for (const [name, body] of [['a/one.jsonl', slow('1')], ['b/two.json', slow('2')], ['b/skip/three.jsonl', slow('3')], ['notes.md', '# not a transcript']]) {
      const path = join(sub, name)
      await import('node:fs').then((fs) => fs.mkdirSync(join(path, '..'), { recursive: true }))
      writeFileSync(path, body)
    }
    writeFileSync(join(sub, '.coachlintignore'), 'b/skip/\n')
    const run = await coachlint(['-c', ONLY_SLOW, '-f', 'json', '.'], { cwd: sub })
    expect(JSON.parse(run.stdout).map((r: { path: string }) => r.path)).toEqual(['a/one.jsonl', 'b/two.json'])
  })

  it('writes to --output-file and lists rules', async () => {
    const out = join(dir, 'out', 'report.json')
    await coachlint(['-c', ONLY_SLOW, '-f', 'json', '-o', out, file('o.jsonl', slow('o') + '\n')])
    expect(JSON.parse(readFileSync(out, 'utf8'))[0].warningCount).toBe(1)
    const rules = await coachlint(['rules'])
    expect(rules.code).toBe(0)
    expect(rules.stdout).toMatch(/slow-reply\s+warn/)
    expect(rules.stdout).toMatch(/no-reply/)
  })

  it('--help shows examples and --version the version', async () => {
    const help = await coachlint(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Examples:/)
    expect((await coachlint(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('survives a 50 MB file: a huge turn, bad lines, bad bytes — and lints the rest', async () => {
    const path = join(dir, 'big.jsonl')
    const stream = createWriteStream(path)
    const huge = 'x'.repeat(1_000) + ' banana'.repeat(6_000_000)
    stream.write(JSON.stringify({ id: 'huge', channel: 'chat', turns: [{ role: 'customer', text: 'hi', at: '2025-01-01T10:00:00Z' }, { role: 'agent', text: huge, at: '2025-01-01T10:05:00Z' }] }) + '\n')
    stream.write('{"id": "cut", "channel": "chat", "turns": [{"role": "agent", "text": "unterminated\n')
    stream.write(Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]))
    for (let i = 0; i < 2_000; i++) stream.write(slow(`n${i}`) + '\n')
    await new Promise((r) => stream.end(r))
    expect(readFileSync(path).length).toBeGreaterThan(40_000_000)
    const run = await coachlint(['-c', ONLY_SLOW, '-f', 'json', path], { timeout: 120_000 })
    expect(run.code).toBe(1)
    const [result] = JSON.parse(run.stdout)
    const fatal = result.messages.filter((m: { fatal?: boolean }) => m.fatal)
    expect(fatal.map((m: { line: number }) => m.line)).toEqual([2, 3])
    expect(result.messages.filter((m: { ruleId: string }) => m.ruleId === 'slow-reply')).toHaveLength(2_001)
    expect(result.messages.some((m: { reason: string }) => /only the first/.test(m.reason))).toBe(true)
  })
  it('stops quietly when the reader of its output goes away (`coachlint … | head`)', async () => {
    const path = file('many.jsonl', Array.from({ length: 3_000 }, (_, i) => slow(`p${i}`)).join('\n') + '\n')
    const child = spawn(process.execPath, [BIN, '-c', ONLY_SLOW, path], { env: { ...process.env, NO_COLOR: '1' } })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    // Read the first chunk, then close the pipe, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(141)
  })
})
