/**
 * A table-driven tester for rules, in the manner of ESLint's RuleTester:
 * valid conversations must produce no finding; invalid ones exactly the listed
 * findings (by turn, and optionally by text span or message). Uses the test
 * framework's global `describe`/`it` when present (vitest, mocha, jest).
 */
import { resolveConfig } from '../config/resolve.js'
import { runRules, type Finding } from '../engine/run-rules.js'
import type { Channel, Rule, Transcript, Turn } from '../types.js'
import { parseTime } from '../model/time.js'

export interface TestConversation {
  id?: string
  channel?: Channel
  language?: string
  turns: Array<Pick<Turn, 'role' | 'text'> & Partial<Pick<Turn, 'author' | 'at'>>>
}

export interface ValidCase {
  name?: string
  conversation: TestConversation
  options?: Record<string, unknown>
}

export interface ExpectedFinding {
  turn: number
  /** The reported span's text, when the rule reports a span. */
  span?: string
  /** A substring of the reason. */
  reason?: string
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[]
}

export interface RuleCases {
  valid: ValidCase[]
  invalid: InvalidCase[]
}

/** Build a full transcript from the short test form. */
export function toTranscript(c: TestConversation, fallbackId = 'test'): Transcript {
  return {
    id: c.id ?? fallbackId,
    channel: c.channel ?? 'chat',
    ...(c.language ? { language: c.language } : {}),
    turns: c.turns.map((t) => {
      const turn: Turn = { role: t.role, text: t.text }
      if (t.author !== undefined) turn.author = t.author
      if (t.at !== undefined) {
        turn.at = t.at
        const time = parseTime(t.at)
        if (time !== undefined) turn.time = time
      }
      return turn
    })
  }
}

/** Run one rule over a conversation with the given options. */
export function runRule(rule: Rule<any>, conversation: TestConversation, options?: Record<string, unknown>): Finding[] {
  const { rules } = resolveConfig({
    config: { rules: { [rule.meta.id]: options ? ['warn', options] : 'warn' } },
    plugins: [{ name: 'test', rules: { [rule.meta.id]: rule } }]
  })
  return runRules(toTranscript(conversation), rules)
}

function describeFindings(transcript: Transcript, findings: Finding[]): string {
  return findings
    .map((f) => `turn ${f.turn}${f.start !== undefined ? ` "${transcript.turns[f.turn]!.text.slice(f.start, f.end)}"` : ''}: ${f.reason}`)
    .join('\n    ') || 'nothing'
}

/** Check one case; returns an error message, or undefined when it passes. */
export function checkCase(rule: Rule<any>, c: ValidCase | InvalidCase): string | undefined {
  const transcript = toTranscript(c.conversation)
  const findings = runRule(rule, c.conversation, c.options)
  const expected = 'errors' in c ? c.errors : []
  const missing = expected.filter(
    (e) =>
      !findings.some(
        (f) =>
          f.turn === e.turn &&
          (e.span === undefined || transcript.turns[f.turn]!.text.slice(f.start, f.end) === e.span) &&
          (e.reason === undefined || f.reason.includes(e.reason))
      )
  )
  const extra = findings.filter((f) => !expected.some((e) => e.turn === f.turn))
  if (missing.length === 0 && extra.length === 0 && findings.length >= expected.length) return undefined
  return (
    `expected ${expected.length === 0 ? 'no findings' : expected.map((e) => `turn ${e.turn}${e.span ? ` "${e.span}"` : ''}`).join(', ')}` +
    `\n    got ${describeFindings(transcript, findings)}`
  )
}

type TestFn = (name: string, fn: () => void) => void

export class RuleTester {
  run(name: string, rule: Rule<any>, cases: RuleCases): void {
    const g = globalThis as unknown as { describe?: TestFn; it?: TestFn }
    const label = (c: ValidCase, i: number) => c.name ?? c.conversation.turns.map((t) => t.text).join(' / ').slice(0, 80) ?? `case ${i}`
    const exec = (c: ValidCase) => {
      const error = checkCase(rule, c)
      if (error) throw new Error(error)
    }
    if (!g.describe || !g.it) {
      for (const c of [...cases.valid, ...cases.invalid]) exec(c)
      return
    }
    const { describe, it } = g
    describe(name, () => {
      describe('valid', () => cases.valid.forEach((c, i) => it(label(c, i), () => exec(c))))
      describe('invalid', () => cases.invalid.forEach((c, i) => it(label(c, i), () => exec(c))))
    })
  }
}
