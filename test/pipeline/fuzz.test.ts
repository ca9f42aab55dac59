// Every rule over conversations made of hostile pieces: lexicon phrases next to odd Unicode, links,
// quoted history, long runs and broken timestamps. Nothing may throw, and every finding must sit
// inside its turn's text without cutting a character in half, both in a full lint and in a
// pre-send check of the same turn.
import { readFileSync, readdirSync } from 'node:fs'
import { createLinter, readInput, runRules, type Transcript } from '../../src/index.js'

const rulesDir = new URL('../../rules/', import.meta.url)
/** Phrases of every lexicon (plain ones: expressions are not text anyone writes). */
const PHRASES: string[] = []
for (const dir of readdirSync(rulesDir, { withFileTypes: true })) {
  if (!dir.isDirectory()) continue
  for (const file of readdirSync(new URL(`${dir.name}/`, rulesDir))) {
    if (!/^lexicon.*\.json$/.test(file)) continue
    const walk = (x: unknown): void => {
      if (typeof x === 'string') {
        if (!x.startsWith('/')) PHRASES.push(x.replace(/^\*|\*$/g, ''))
      } else if (Array.isArray(x)) x.forEach(walk)
      else if (x && typeof x === 'object') {
        const phrase = (x as { phrase?: unknown }).phrase
        if (typeof phrase === 'string') walk(phrase)
        else Object.values(x).forEach(walk)
      }
    }
    walk(JSON.parse(readFileSync(new URL(`${dir.name}/${file}`, rulesDir), 'utf8')))
  }
}

const ODD = [
  '\u200f', '\u202e', '\u0640\u0640', '\u064b\u0651', '\u0000', '\r\n', '\t', '\ufeff', '\ud83d', '\ude02', '😂😂', '🤦🏽‍♀️', '﷽', 'ﻻ', 'ٱ',
  'ſ', 'İ', 'K', 'ẞ', '٣٤٥', '۱۲', '１２３', 'ＡＢＣ', '...', '!!!', '???', '؟', '،', '—', '’', '`', '"', '\\', '>', '> ', ':(', ':-D', ';)', 'xD',
  'https://example.com/a?b=c', 'www.example.org', 'me@example.com', '@handle', '#tag', '+966 55 123 4567', 'ORDER #A-12345', 'ref: 99887766',
  'On Mon, 3 Mar 2025 at 10:00, Dana <dana@example.com> wrote:', '-----Original Message-----', '-- \nSara\nSupport', 'ههههههه', 'hahahaha', 'lol', 'ya3ni', '7abibi'
]

function generator(seed: number) {
  // mulberry32: the low bits of a plain linear congruential generator repeat too soon for `% n`.
  const random = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return (((x ^ (x >>> 14)) >>> 0) % n)
  }
  const piece = (): string => {
    const r = random(10)
    if (r < 5) return PHRASES[random(PHRASES.length)]!
    if (r < 8) return ODD[random(ODD.length)]!
    if (r < 9) return (PHRASES[random(PHRASES.length)]! + ' ').repeat(1 + random(100))
    return ODD[random(ODD.length)]!.repeat(1 + random(1000))
  }
  const text = () => Array.from({ length: 1 + random(12) }, piece).join(['', ' ', '\n', ', ', '. '][random(5)]!)
  const roles = ['customer', 'agent', 'customer', 'agent', 'bot', 'system'] as const
  const time = (k: number) => {
    const r = random(8)
    if (r === 0) return undefined
    if (r === 1) return 'not a time'
    if (r === 2) return new Date(Date.UTC(2025, 2, 3, 10) - k * 60_000).toISOString()
    return new Date(Date.UTC(2025, 2, 3, 10) + k * random(600) * 60_000).toISOString()
  }
  return (id: number) => ({
    id: `fuzz-${id}`,
    channel: (['chat', 'email', 'social', 'messaging'] as const)[random(4)],
    turns: Array.from({ length: 2 + random(7) }, (_, k) => {
      const at = time(k)
      return { role: roles[random(roles.length)]!, text: text(), ...(at ? { at } : {}) }
    })
  })
}

/** A span is whole characters of the text: inside it, and not between the halves of a surrogate pair. */
function wholeSpan(text: string, start: number, end: number): boolean {
  const cuts = (i: number) => i > 0 && i < text.length && /[\ud800-\udbff]/.test(text[i - 1]!) && /[\udc00-\udfff]/.test(text[i]!)
  return 0 <= start && start <= end && end <= text.length && !cuts(start) && !cuts(end)
}

describe('every rule on hostile conversations', () => {
  const linter = createLinter({ config: { extends: 'all' } })
  const make = generator(20250303)
  const conversations = Array.from({ length: 60 }, (_, k) => make(k))

  it('lints them without a rule failing, with findings inside their turns', () => {
    expect(PHRASES.length).toBeGreaterThan(1000)
    const source = conversations.map((c) => JSON.stringify(c)).join('\n') + '\n'
    const file = linter.lintSource(source, { path: 'fuzz.jsonl', format: 'jsonl' })
    const failures = file.messages.filter((m) => /^Rule "/.test(m.reason)).map((m) => m.reason)
    expect(failures).toEqual([])
    const lines = source.split('\n')
    for (const m of file.messages) {
      const place = m.place as { start: { line: number; column: number }; end: { line: number; column: number } } | undefined
      if (!place?.start) continue
      expect(place.start.line).toBeGreaterThanOrEqual(1)
      expect(lines[place.start.line - 1]!.length).toBeGreaterThanOrEqual(place.start.column - 1)
      expect(place.start.line < place.end.line || (place.start.line === place.end.line && place.start.column <= place.end.column)).toBe(true)
    }
    expect(file.messages.length).toBeGreaterThan(50)
  })

  it('keeps every finding inside whole characters of its turn, and a pre-send check agrees with the full lint', () => {
    const transcripts: Transcript[] = conversations.flatMap((c) => readInput(JSON.stringify(c), { name: `${c.id}.json`, format: 'json' }).conversations.map((x) => x.transcript))
    let drafts = 0
    let spans = 0
    expect(transcripts.length).toBe(conversations.length)
    for (const t of transcripts) {
      const findings = runRules(t, linter.config.rules)
      for (const f of findings) {
        if (f.start === undefined) continue
        spans++
        expect(wholeSpan(t.turns[f.turn]!.text.slice(0, 20_000), f.start, f.end!), `${f.ruleId} on ${t.id} turn ${f.turn}`).toBe(true)
      }
      // The last agent turn, checked as a draft against the turns before it.
      const last = t.turns.findLastIndex((u) => u.role === 'agent')
      if (last < 1) continue
      drafts++
      const draft = t.turns[last]!.text
      const before = { id: t.id, channel: t.channel, turns: t.turns.slice(0, last).map((u) => ({ role: u.role, text: u.text, ...(u.time !== undefined ? { at: new Date(u.time).toISOString() } : {}) })) }
      const at = t.turns[last]!.time
      const result = linter.lintDraft({ conversation: before, draft, ...(at !== undefined ? { at } : {}) })
      const onDraft = result.messages.filter((m) => m.onDraft && m.target === 'text')
      for (const m of onDraft) expect(wholeSpan(draft, m.start!, m.end!), `draft ${m.ruleId} on ${t.id}`).toBe(true)
      // The same findings on that turn as a full lint of the conversation up to it.
      const upTo = runRules({ ...t, turns: t.turns.slice(0, last + 1) }, linter.config.rules)
      const full = upTo.filter((f) => f.turn === last && f.start !== undefined).map((f) => `${f.ruleId} ${f.start}-${f.end}`)
      expect(onDraft.map((m) => `${m.ruleId} ${m.start}-${m.end}`).sort(), t.id).toEqual(full.sort())
    }
    expect(drafts).toBeGreaterThan(20)
    expect(spans).toBeGreaterThan(100)
  })
})
