// Rules keep per-turn work with the turn analyses (`analysis.memo`), and pre-send checks share those
// analyses between runs over the same conversation. A memo must never change a finding: runs that
// share analyses (other drafts before, other options, another locale) give what fresh runs give.
import { readFileSync } from 'node:fs'
import { createLinter, readInput, runRules, type Finding, type Transcript, type Turn } from '../../src/index.js'
// @ts-expect-error: a JavaScript module without types
import { conversations } from '../../scripts/lib/generate.js'
import type { FullTurnAnalysis } from '../../src/text/analysis.js'

const examples = ['support-chats.jsonl', 'whatsapp-ar.jsonl'].flatMap((name) => {
  const path = new URL(`../../fixtures/examples/${name}`, import.meta.url)
  return readInput(readFileSync(path, 'utf8'), { name, format: 'jsonl' }).conversations.map((c) => c.transcript)
})

const at = (minutes: number) => new Date(Date.parse('2025-03-03T10:00:00Z') + minutes * 60_000).toISOString()
/** A chat written here, as the readers read it. */
const chat = (id: string, turns: Array<{ role: string; author: string; at: string; text: string }>): Transcript[] =>
  readInput(JSON.stringify({ id, channel: 'chat', turns }), { name: `${id}.json`, format: 'json' }).conversations.map((c) => c.transcript)

// A promise chased later, a detail given then asked for again, a joke and a complaint argued with.
const handMade = chat('hand-made', [
  { role: 'customer', author: 'Dana', at: at(0), text: 'My order 44113 never arrived, my email is dana@example.com. This is ridiculous!' },
  { role: 'agent', author: 'Sara', at: at(1), text: "Actually, you entered the wrong address haha. I'll update you shortly about the parcel." },
  { role: 'customer', author: 'Dana', at: at(90), text: 'Any update on the parcel? Still waiting.' },
  { role: 'agent', author: 'Sara', at: at(91), text: 'Calm down, PLEASE READ THE EMAIL WE SENT YOU. Could you send me your email address? I understand exactly what you need.' },
  { role: 'customer', author: 'Dana', at: at(92), text: 'وينكم؟ لسه محد رد علي' },
  { role: 'agent', author: 'Sara', at: at(93), text: 'هههه ما نقدر نسوي شي، بكلمك بكرة إن شاء الله' },
  { role: 'customer', author: 'Dana', at: at(3000), text: 'ما أحد كلمني للحين!' }
])

const all = createLinter({ config: { extends: 'all' } }).config.rules
const tuned = createLinter({
  config: {
    extends: 'all',
    rules: {
      'no-arguing': ['warn', { implicit: false, actually: false, allow: ['as I said'] }],
      'no-rudeness': ['warn', { shouting: false, allow: ['calm down'] }],
      'confirm-understanding': ['warn', { structural: false, presumption: ['i know exactly'] }],
      'no-unprompted-joke': ['warn', { wordplay: false, allow: ['haha', 'هههه'] }],
      'unkept-promise': ['warn', { weekend: [3], vagueMinutes: { short: 1, soon: 2 }, allow: ['update you'] }],
      'no-repeat-request': ['warn', { kinds: ['email'] }],
      'acknowledge-complaint': ['warn', { allow: ['any update'], complaintPhrases: ['wrong button', 'still waiting'], threshold: 1.5, newFailures: false }]
    }
  }
}).config.rules

const DRAFTS = [
  "I don't know. Calm down, as I said you clicked the wrong button 😂",
  'Sorry for the wait! Could you send me your order number and e-mail? I will update you in 10 minutes.',
  'Please send a screenshot of the screen and your phone number, I will check it.'
]
const key = (t: Transcript, rules = all, locale?: 'en' | 'ar', analyses?: Array<FullTurnAnalysis | undefined>) =>
  JSON.stringify(runRules(t, rules, { locale, analyses }).map((f) => [f.ruleId, f.turn, f.start, f.end, f.reason, f.note, f.expected, f.confidence]))

describe('analyses shared between runs (pre-send checks)', () => {
  it('give the findings of fresh runs, whatever the drafts, options and locale before', () => {
    expect(examples.length).toBeGreaterThan(2)
    expect(handMade).toHaveLength(1)
    let compared = 0
    for (const t of [...examples, ...handMade]) {
      const analyses: Array<FullTurnAnalysis | undefined> = []
      for (let n = 1; n <= t.turns.length; n++) {
        const prefix: Transcript = { ...t, turns: t.turns.slice(0, n) }
        const last = t.turns[n - 1]!
        const time = (last.time ?? Date.parse('2025-01-01T00:00:00Z')) + 3 * 3600_000
        for (const [k, text] of DRAFTS.entries()) {
          const draft: Turn = { role: 'agent', author: 'Sara', text, at: new Date(time).toISOString(), time }
          const withDraft: Transcript = { ...prefix, turns: [...prefix.turns, draft] }
          const rules = k === 0 ? all : tuned
          const locale = k === 0 ? undefined : 'ar'
          expect(key(withDraft, rules, locale, analyses)).toBe(key(withDraft, rules, locale))
          compared++
        }
        expect(key(prefix, tuned, undefined, analyses)).toBe(key(prefix, tuned))
        expect(key(prefix, all, 'en', analyses)).toBe(key(prefix, all, 'en'))
      }
    }
    expect(compared).toBeGreaterThan(10)
  })
})

// A pre-send check tells rules which turn is the draft (`since`), so they can skip judging the turns
// before it. What it keeps must not change: the findings on the draft, and those on earlier turns that
// a run over the earlier turns alone does not give (a promise the draft leaves unkept).
describe('runs that judge only from the draft on (`since`)', () => {
  const spot = (f: Finding) => `${f.ruleId}\u0000${f.turn}\u0000${f.start ?? ''}\u0000${f.end ?? ''}\u0000${f.target ?? ''}`
  const full = (f: Finding) => JSON.stringify([f.ruleId, f.turn, f.start, f.end, f.target, f.reason, f.note, f.expected, f.confidence])
  const kept = (findings: Finding[], since: number, baseline: Set<string>) =>
    findings
      .filter((f) => f.turn >= since || !baseline.has(spot(f)))
      .map(full)
      .sort()

  it('keep what full runs give on the draft and what the draft brings about earlier', () => {
    const generated = [...conversations(40, 500)].map(
      (c) => readInput(JSON.stringify(c), { name: 'generated.json', format: 'json' }).conversations[0]!.transcript
    )
    let compared = 0
    let kinds = 0
    // A promise to be contacted, then the customer's reply: a draft long after the deadline from the same agent
    // does not keep it (the look-ahead must resume knowing the customer wrote in between).
    const contactPromise = chat('contact-promise', [
      { role: 'customer', author: 'Dana', at: at(0), text: 'My order 44113 has not arrived.' },
      { role: 'agent', author: 'Sara', at: at(1), text: 'A colleague from the delivery team will contact you within 10 minutes.' },
      { role: 'customer', author: 'Dana', at: at(2), text: 'OK, thank you.' }
    ])
    for (const t of [...examples, ...handMade, ...contactPromise, ...generated]) {
      // Shared between drafts, as a pre-send check shares them (what rules keep from `since` on included).
      const analyses: Array<FullTurnAnalysis | undefined> = []
      for (let n = 1; n <= t.turns.length; n++) {
        const prefix: Transcript = { ...t, turns: t.turns.slice(0, n) }
        const last = t.turns[n - 1]!
        const time = (last.time ?? Date.parse('2025-01-01T00:00:00Z')) + 3 * 3600_000
        for (const [k, text] of [...DRAFTS.entries(), ...DRAFTS.entries()]) {
          const rules = k === 0 ? all : tuned
          const locale = k === 0 ? undefined : 'ar'
          const draft: Turn = { role: 'agent', author: 'Sara', text, at: new Date(time).toISOString(), time }
          const withDraft: Transcript = { ...prefix, turns: [...prefix.turns, draft] }
          const baseline = new Set(runRules(prefix, rules, { locale }).map(spot))
          const everything = runRules(withDraft, rules, { locale })
          const expected = kept(everything, n, baseline)
          expect(kept(runRules(withDraft, rules, { locale, since: n, analyses }), n, baseline)).toEqual(expected)
          compared++
          if (everything.some((f) => f.turn < n && !baseline.has(spot(f)))) kinds++
        }
      }
    }
    expect(compared).toBeGreaterThan(300)
    // Some drafts did bring about findings on earlier turns.
    expect(kinds).toBeGreaterThan(0)
  })
})
