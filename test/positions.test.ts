import { createLinter } from '../src/index.js'
import type { CoachlintMessage } from '../src/engine/messages.js'
import { wordPlugin } from './helpers/word-rule.js'

const linter = createLinter({ noBuiltins: true, plugins: [wordPlugin], config: { rules: { 'test-word': 'warn' } } })

function spans(source: string, name: string) {
  const file = linter.lintSource(source, { path: name })
  const lines = source.split('\n')
  return (file.messages as CoachlintMessage[]).map((m) => {
    const place = m.place as { start: { line: number; column: number }; end: { line: number; column: number } }
    // Read the source text between start and end (same line in these cases).
    const line = lines[place.start.line - 1]!
    return { at: `${place.start.line}:${place.start.column}`, text: line.slice(place.start.column - 1, place.end.column - 1), m }
  })
}

describe('diagnostics point at the phrase in the source file', () => {
  it('inside JSON strings with escapes, emoji and non-Latin text', () => {
    const source = [
      '{"id": "a", "channel": "chat", "turns": [{"role": "customer", "text": "hi"}, {"role": "agent", "text": "x"}]}',
      '{"id": "b", "channel": "chat", "turns": [{"role": "agent", "text": "\\"quoted\\" \\u00e9t\\u00e9 😂 مرحبا\\n\\tbanana split"}]}'
    ].join('\n')
    const found = spans(source, 'x.jsonl')
    expect(found).toHaveLength(1)
    expect(found[0]!.text).toBe('banana')
    expect(found[0]!.at).toBe(`2:${source.split('\n')[1]!.indexOf('banana') + 1}`)
    expect(found[0]!.m).toMatchObject({ ruleId: 'test-word', source: 'coachlint', conversation: 'b', turn: 0, role: 'agent', confidence: 0.8, note: 'a tip', expected: ['apple'], fatal: false })
  })

  it('in a pretty-printed JSON array', () => {
    const source = JSON.stringify([{ id: 'p', channel: 'email', turns: [{ role: 'customer', text: 'hello' }, { role: 'agent', text: 'Line one\nthen a banana' }] }], null, 2)
    const found = spans(source, 'x.json')
    expect(found.map((f) => f.text)).toEqual(['banana'])
  })

  it('in plain-text logs, on continuation lines', () => {
    const source = '[2025-01-01 10:00] Customer: hi\n[2025-01-01 10:01] Agent Sam: hello\n  have a banana'
    const found = spans(source, 'x.txt')
    expect(found.map((f) => [f.at, f.text])).toEqual([['3:10', 'banana']])
  })

  it('within the turn text when linting an object', () => {
    const file = linter.lintTranscript({ id: 'o', channel: 'chat', turns: [{ role: 'agent', text: 'one\ntwo banana' }] })
    const m = file.messages[0] as CoachlintMessage
    expect(m.place).toMatchObject({ start: { line: 2, column: 5 }, end: { line: 2, column: 11 } })
  })

  it('drops findings under minConfidence', () => {
    const strict = createLinter({ noBuiltins: true, plugins: [wordPlugin], config: { rules: { 'test-word': 'error' }, minConfidence: 0.9 } })
    expect(strict.lintTranscript({ id: 'o', channel: 'chat', turns: [{ role: 'agent', text: 'banana' }] }).messages).toHaveLength(0)
  })

  it('reports a rule that throws as a fatal message and keeps the others', () => {
    const broken = { meta: { id: 'broken', description: 'throws', recommended: 'warn' as const }, check() { throw new Error('boom') } }
    const l = createLinter({ noBuiltins: true, plugins: [wordPlugin, { name: 'b', rules: { broken } }], config: { rules: { 'test-word': 'warn', broken: 'warn' } } })
    const file = l.lintTranscript({ id: 'o', channel: 'chat', turns: [{ role: 'agent', text: 'banana' }] })
    expect(file.messages.map((m) => m.ruleId ?? m.reason)).toEqual(expect.arrayContaining(['test-word', expect.stringMatching(/Rule "broken" failed.*boom/)]))
  })
})
