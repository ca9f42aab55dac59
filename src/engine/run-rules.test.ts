import { readFileSync } from 'node:fs'
// @ts-expect-error: plain JavaScript shared with the benchmark scripts
import { conversations } from '../../scripts/lib/generate.js'
import { readInput } from '../formats/index.js'
import { createLinter } from '../index.js'
import type { ActiveRule, Report, Transcript } from '../types.js'
import { defineRule } from './define-rule.js'
import { BATCH_CHARS, BATCH_CONVERSATIONS, BATCH_TURNS, batchesOf, runRules, runRulesOnBatch, type RuleFailure } from './run-rules.js'

const rules = createLinter({ config: { extends: 'all' } }).config.rules

function examples(): Transcript[] {
  const out: Transcript[] = []
  for (const name of ['support-chats.jsonl', 'whatsapp-ar.jsonl']) {
    const text = readFileSync(new URL(`../../fixtures/examples/${name}`, import.meta.url), 'utf8')
    out.push(...readInput(text, { name, format: 'jsonl' }).conversations.map((c) => c.transcript))
  }
  const generated = [...(conversations(120) as Iterable<unknown>)].map((c) => JSON.stringify(c)).join('\n')
  out.push(...readInput(generated, { name: 'generated.jsonl', format: 'jsonl' }).conversations.map((c) => c.transcript))
  return out
}

describe('runRulesOnBatch', () => {
  it('finds what runRules finds on each conversation, in the same order', () => {
    const all = examples()
    expect(all.length).toBeGreaterThan(100)
    const one = all.map((t) => runRules(t, rules))
    expect(one.flat().length).toBeGreaterThan(100)
    // Whole, in batches of a few, and one by one.
    expect(runRulesOnBatch(all, rules)).toEqual(one)
    for (let size = 1; size <= 7; size += 3) {
      const batched: unknown[] = []
      for (let i = 0; i < all.length; i += size) batched.push(...runRulesOnBatch(all.slice(i, i + size), rules))
      expect(batched).toEqual(one)
    }
  })

  it('reports a failing rule on the conversation it failed on, and the others still run', () => {
    const all = examples().slice(0, 6)
    const picky = defineRule({
      meta: { id: 'picky', description: 'fails on one conversation', recommended: 'warn' },
      check(context) {
        if (context.transcript.id === all[2]!.id) throw new Error('not this one')
        context.report({ turn: 0, reason: 'seen' })
      }
    })
    const withPicky: ActiveRule[] = [{ rule: picky, severity: 'warn', options: {} }, ...rules]
    const failures: Array<[RuleFailure, number]> = []
    const found = runRulesOnBatch(all, withPicky, {}, (f, i) => failures.push([f, i]))
    expect(failures.map(([f, i]) => [f.ruleId, f.error.message, i])).toEqual([['picky', 'not this one', 2]])
    found.forEach((findings, i) => {
      expect(findings.some((f) => f.ruleId === 'picky')).toBe(i !== 2)
      expect(findings.filter((f) => f.ruleId !== 'picky')).toEqual(runRules(all[i]!, rules))
    })
  })

  it('applies minConfidence and the turn cut as runRules does', () => {
    const all = examples().slice(0, 40)
    const options = { minConfidence: 0.8, maxTurnLength: 60 }
    expect(runRulesOnBatch(all, rules, options)).toEqual(all.map((t) => runRules(t, rules, options)))
  })
})

describe('batchesOf', () => {
  const convo = (turns: number, chars: number): Transcript => ({
    id: `c${turns}-${chars}`,
    channel: 'chat',
    turns: Array.from({ length: turns }, (_, i) => ({ role: i % 2 ? 'agent' : 'customer', text: 'x'.repeat(chars) }))
  })

  it('keeps every item once, in order, within the bounds, and closes a batch only when the next item would not fit', () => {
    const items = [
      ...Array.from({ length: 3 * BATCH_CONVERSATIONS + 2 }, () => convo(2, 10)),
      convo(BATCH_TURNS + 5, 1),
      convo(3, Math.floor(BATCH_CHARS / 2)),
      convo(3, Math.floor(BATCH_CHARS / 2)),
      ...Array.from({ length: 7 }, () => convo(Math.floor(BATCH_TURNS / 3), 10)),
      convo(1, 5)
    ]
    const batches = batchesOf(items, (t) => t)
    expect(batches.flat()).toEqual(items)
    const size = (b: Transcript[]) => ({
      conversations: b.length,
      turns: b.reduce((n, t) => n + t.turns.length, 0),
      chars: b.reduce((n, t) => n + t.turns.reduce((m, u) => m + u.text.length, 0), 0)
    })
    const fits = (b: Transcript[]) => {
      const s = size(b)
      return s.conversations <= BATCH_CONVERSATIONS && s.turns <= BATCH_TURNS && s.chars <= BATCH_CHARS
    }
    batches.forEach((b, i) => {
      expect(b.length).toBeGreaterThan(0)
      // A single conversation over a bound makes a batch of its own.
      if (b.length > 1) expect(fits(b)).toBe(true)
      if (i + 1 < batches.length) expect(fits([...b, batches[i + 1]![0]!])).toBe(false)
    })
    expect(batches.length).toBeGreaterThan(6)
  })

  it('gives no batch for no items', () => {
    expect(batchesOf([], (t: Transcript) => t)).toEqual([])
  })
})

describe('better phrasings', () => {
  const rule = (id: string, report: (text: string) => Report) =>
    ({
      rule: defineRule({ meta: { id, description: id, recommended: 'warn' }, check: (c) => c.report(report(c.transcript.turns[0]!.text)) }),
      severity: 'warn',
      options: {}
    }) as ActiveRule
  const t: Transcript = { id: 't', turns: [{ role: 'agent', text: 'lol not my problem' }] } as Transcript
  const rude = rule('rude', (text) => ({ turn: 0, start: text.indexOf('not'), end: text.length, reason: 'rude', expected: ['I will help.'] }))
  const joke = (expected: string[]) =>
    rule('joke', () => ({ turn: 0, start: 0, end: 3, reason: 'joke', expected, fix: { kind: 'replace', start: 0, end: 18 } }))

  it('drop a phrasing that repeats words another rule flags on the turn', () => {
    const [laugh] = runRules(t, [joke(['Not my problem', 'Sorry, let me look into it.']), rude]).filter((f) => f.ruleId === 'joke')
    expect(laugh!.expected).toEqual(['Sorry, let me look into it.'])
    const [alone] = runRules(t, [joke(['Not my problem!'])])
    expect(alone!.expected).toEqual(['Not my problem!'])
    const [none] = runRules(t, [joke(['NOT  my problem!']), rude]).filter((f) => f.ruleId === 'joke')
    expect(none!.expected).toBeUndefined()
  })

  it('keep phrasings that only share a span marking where an apology goes', () => {
    const apology = rule('ack', () => ({ turn: 0, start: 4, end: 18, reason: 'no apology', fix: { kind: 'prepend' } }))
    const [laugh] = runRules(t, [joke(['Not my problem']), apology]).filter((f) => f.ruleId === 'joke')
    expect(laugh!.expected).toEqual(['Not my problem'])
  })
})
