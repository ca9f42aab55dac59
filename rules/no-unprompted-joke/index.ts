/**
 * no-unprompted-joke: the agent laughs or jokes ("lol", "haha", 😂, «هههه», «خخخ»,
 * "hhhh", "jk", a pun) when no earlier customer turn joked or laughed. Once the
 * customer has set a light tone, the agent may answer in kind.
 *
 * Laughter is found with regular expressions on the RAW text (URLs and @handles
 * blanked): Arabic normalisation collapses letter runs, so «ههههه» would become «ه».
 * Spoken joke markers ("just kidding", «بهزر», «بمزح») go through compilePhrases.
 */
import { looksArabizi } from '../../src/text/arabic/arabizi.js'
import { maskNoise } from '../../src/text/noise.js'
import { defineRule } from '../../src/engine/define-rule.js'
import { normalisePhrase } from '../../src/text/arabic/normalise.js'
import { messageLanguage } from '../../src/text/language.js'
import { compilePhrases, type PhraseEntry } from '../../src/text/phrases.js'
import type { OptionSchema, RuleContext, TurnAnalysis } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import en from './lexicon.en.json' with { type: 'json' }
import ar from './lexicon.ar.json' with { type: 'json' }
import { LiteralIndex, requiredClauses } from '../../src/text/regex-prefilter.js'

export interface NoUnpromptedJokeOptions {
  /** Phrases never flagged (matched against the triggering text and its sentence). */
  allow: string[]
  /** Also flag wordplay heuristics (-tastic coinages, WONDERful capitals). */
  wordplay: boolean
  /** Extra laughter/joke phrases to flag (compilePhrases syntax, `/regex/` allowed). */
  extra: string[]
}

type Kind = 'laugh' | 'phrase' | 'wordplay'

interface RawEntry {
  phrase: string
  gloss?: string
  dialect?: string
  confidence?: number
  numericGuard?: boolean
}

interface RawPattern {
  regex: RegExp
  entry: RawEntry
  kind: Kind
  confidence: number
}

export interface JokeHit {
  start: number
  end: number
  kind: Kind
  confidence: number
  gloss?: string
}

const ARABIC = /[\u0600-\u06FF]/

function toRegex(source: string): RegExp {
  const last = source.lastIndexOf('/')
  if (!source.startsWith('/') || last <= 0) throw new Error(`no-unprompted-joke: bad pattern ${source}`)
  const flags = new Set(source.slice(last + 1) + 'gu')
  return new RegExp(source.slice(1, last), [...flags].join(''))
}

function raw(list: ReadonlyArray<RawEntry>, kind: Kind, fallback: number): RawPattern[] {
  return list.map((entry) => ({ regex: toRegex(entry.phrase), entry, kind, confidence: entry.confidence ?? fallback }))
}

// Compiled once at module load.
const AGENT_PATTERNS: RawPattern[] = [
  ...raw(en.laughter, 'laugh', 0.85),
  ...raw(ar.laughter, 'laugh', 0.85),
  ...raw(en.wordplay, 'wordplay', 0.6)
]
const CUSTOMER_PATTERNS: RawPattern[] = [
  ...AGENT_PATTERNS.filter((p) => p.kind === 'laugh'),
  ...raw(en.customerSignals, 'laugh', 0.5),
  ...raw(ar.customerSignals, 'laugh', 0.5)
]
const JOKE_PHRASE_ENTRIES = [...(en.jokePhrases as PhraseEntry[]), ...(ar.jokePhrases as PhraseEntry[])]
const JOKE_PHRASES = compilePhrases(JOKE_PHRASE_ENTRIES)

// ---------------------------------------------------------------------------
// Prefilter (see prefilter.ts): one scan of a text tells which patterns can
// match it; the others are skipped, and so is masking when none can.

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
const SAFE_WORD = /^[\x21-\x7e\u0600-\u06ff]+$/

/** A word every match of a plain compilePhrases entry contains (undefined: none can be told). */
function plainLiteral(phrase: string): string | undefined {
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  const pieces = ARABIC_LETTER.test(phrase) ? normalisePhrase(core).split(/\s+/) : core.split(/\s+/).flatMap((w) => w.split(/['’‘`]/))
  const best = pieces.filter((w) => SAFE_WORD.test(w)).reduce((a, b) => (b.length > a.length ? b : a), '')
  return best || undefined
}

/** Clauses (see prefilter.ts) for a list of plain phrases: one single-word clause per phrase. */
function phraseClauses(entries: readonly PhraseEntry[]): string[][][] | undefined {
  const out: string[][][] = []
  for (const e of entries) {
    if (!e.phrase || !e.phrase.trim()) continue
    const l = /^\/.+\/[a-z]*$/.test(e.phrase) ? undefined : plainLiteral(e.phrase)
    if (!l) return undefined
    out.push([[l]])
  }
  return out
}

function patternIndex(patterns: readonly RawPattern[]): { index: LiteralIndex; bits: number[] } {
  const index = new LiteralIndex('raw')
  const bits = patterns.map((p) => 1 << index.add(requiredClauses(p.entry.phrase.slice(1, p.entry.phrase.lastIndexOf('/')))))
  return { index, bits }
}

const AGENT_INDEX = patternIndex(AGENT_PATTERNS)
const CUSTOMER_INDEX = patternIndex(CUSTOMER_PATTERNS)
/** Joke phrases match on Arabic-normalised text: a separate, Arabic-folding index. */
const PHRASE_INDEX = new LiteralIndex('arabic')
PHRASE_INDEX.add(phraseClauses(JOKE_PHRASE_ENTRIES))

/** A negation right before a joke verb turns it around: «مش بهزر», "I'm not joking". */
const NEGATION_BEFORE = /(?:^|[\s،,.!؟?])(?:لا|ما|مش|مو|مب|موش|مانيش|ماني|مني|not|no|never)\s*$/i
/** Words that make a run of fives a number (card ending 5555, code 5555). */
const NUMBER_CONTEXT = /(?:ending|ends|end|last|code|pin|no\.?|number|num|ref|ext|card|acct|account|phone|tel|call|dial|x|رقم|كود|الكود|رمز|الرمز|ينتهي|المنتهي|منتهي|بـ|ب)\s*(?:in|with|is|:|#)?\s*$/i


function runPatterns(text: string, patterns: readonly RawPattern[], out: JokeHit[], mask = -1, bits?: readonly number[]): void {
  for (let k = 0; k < patterns.length; k++) {
    if (bits && !(mask & bits[k]!)) continue
    const p = patterns[k]!
    p.regex.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = p.regex.exec(text))) {
      if (m[0].length === 0) {
        p.regex.lastIndex++
        continue
      }
      if (p.entry.numericGuard) {
        const before = text.slice(Math.max(0, m.index - 24), m.index)
        if (/\d\D{0,2}$/.test(before) || NUMBER_CONTEXT.test(before)) continue
        if (/^\D{0,2}\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue
      }
      out.push({ start: m.index, end: m.index + m[0].length, kind: p.kind, confidence: p.confidence, gloss: p.entry.gloss })
    }
  }
}

function phraseHits(text: string, out: JokeHit[], extra?: ReturnType<typeof compilePhrases>, phrases = true): void {
  for (const matcher of extra ? (phrases ? [JOKE_PHRASES, extra] : [extra]) : phrases ? [JOKE_PHRASES] : []) {
    for (const h of matcher.find(text)) {
      if (NEGATION_BEFORE.test(text.slice(Math.max(0, h.start - 12), h.start))) continue
      out.push({ start: h.start, end: h.end, kind: 'phrase', confidence: 0.85, gloss: h.entry.gloss })
    }
  }
}

/** Laughter and joke markers in an agent's (or bot's) own words. */
export function findJokes(text: string, options?: { wordplay?: boolean; extra?: ReturnType<typeof compilePhrases> }): JokeHit[] {
  const { mask, phrases } = agentGate(text, options?.wordplay !== false)
  return jokesIn(text, mask, phrases, options?.extra)
}

/**
 * Which agent patterns (a mask) and whether the joke phrases can match `text`
 * or any text made from it by blanking parts out (masking, own words).
 */
function agentGate(text: string, wordplay: boolean): { mask: number; phrases: boolean } {
  let mask = AGENT_INDEX.index.scanMask(text)
  if (!wordplay) mask &= ~WORDPLAY_BITS
  return { mask, phrases: PHRASE_INDEX.scan(text).length > 0 }
}

function jokesIn(text: string, mask: number, phrases: boolean, extra: ReturnType<typeof compilePhrases> | undefined): JokeHit[] {
  if (!mask && !phrases && !extra) return []
  const masked = maskNoise(text)
  const hits: JokeHit[] = []
  runPatterns(masked, AGENT_PATTERNS, hits, mask, AGENT_INDEX.bits)
  phraseHits(masked, hits, extra, phrases)
  return hits.sort((a, b) => a.start - b.start || b.end - a.end)
}

const WORDPLAY_BITS = AGENT_PATTERNS.reduce((m, p, k) => (p.kind === 'wordplay' ? m | AGENT_INDEX.bits[k]! : m), 0)

/** Did a customer laugh or joke in this text? (More permissive than the agent side.) */
export function customerJoked(text: string): boolean {
  const mask = CUSTOMER_INDEX.index.scanMask(text)
  const phrases = PHRASE_INDEX.scan(text).length > 0
  if (!mask && !phrases) return false
  const masked = maskNoise(text)
  const hits: JokeHit[] = []
  runPatterns(masked, CUSTOMER_PATTERNS, hits, mask, CUSTOMER_INDEX.bits)
  if (hits.length) return true
  phraseHits(masked, hits, undefined, phrases)
  return hits.length > 0
}


function inArabic(a: TurnAnalysis, hit: JokeHit, text: string): boolean {
  if (a.script === 'ar') return true
  const trigger = text.slice(hit.start, hit.end)
  if (a.script === 'mixed') return ARABIC.test(trigger) || !/[a-z]{3,}/i.test(trigger.replace(/h+/gi, ''))
  return looksArabizi(text)
}

/** The turn with the laughter removed, tidied, when that still reads as a reply. */
function withoutLaughter(text: string, hits: readonly JokeHit[]): string | undefined {
  let out = ''
  let at = 0
  for (const h of hits) {
    if (h.kind === 'wordplay' || h.start < at) continue
    out += text.slice(at, h.start)
    at = h.end
  }
  out += text.slice(at)
  out = out
    .replace(/[ \t]+([,.!?؟،])/g, '$1')
    .replace(/^[\s,،.!]+/, '')
    .replace(/([,،])\s*([.!?؟])/g, '$2')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+$/, '')
  if (out.replace(/[\s\p{P}\p{S}]/gu, '').length < 8 || out.length > 280) return undefined
  return out.charAt(0).toUpperCase() + out.slice(1)
}

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string' }, description: 'Phrases never flagged' },
    wordplay: { type: 'boolean', description: 'Flag wordplay heuristics (-tastic coinages, WONDERful)' },
    extra: { type: 'array', items: { type: 'string' }, description: 'Extra laughter or joke phrases to flag' }
  }
}

const extraCache = new Map<string, ReturnType<typeof compilePhrases>>()
function cached(list: readonly string[]): ReturnType<typeof compilePhrases> | undefined {
  if (!list.length) return undefined
  const key = JSON.stringify(list)
  let m = extraCache.get(key)
  if (!m) {
    m = compilePhrases(list)
    if (extraCache.size > 32) extraCache.clear()
    extraCache.set(key, m)
  }
  return m
}

function describe(text: string, hits: readonly JokeHit[], arabic: boolean): string {
  const quoted = [...new Set(hits.map((h) => text.slice(h.start, h.end)))].slice(0, 3)
  return quoted.map((q) => (arabic ? `«${q}»` : `"${q}"`)).join(arabic ? '، ' : ', ')
}

const VERB_EN: Record<Kind, string> = { laugh: 'laughs', phrase: 'jokes', wordplay: 'makes a pun' }
const VERB_AR: Record<Kind, string> = { laugh: 'يضحك', phrase: 'يمزح', wordplay: 'يلعب بالألفاظ مازحًا' }

export default defineRule<NoUnpromptedJokeOptions>({
  meta: {
    id: 'no-unprompted-joke',
    description: 'The agent laughs or jokes ("lol", "haha", 😂, «هههه») before the customer has joked or laughed',
    recommended: 'warn',
    url: docsUrl('no-unprompted-joke'),
    schema,
    defaultOptions: { allow: [], wordplay: true, extra: [] },
    judges: ['agent', 'bot'],
    languages: ['en', 'ar']
  },
  check(context: RuleContext<NoUnpromptedJokeOptions>) {
    const { transcript } = context
    const options = context.options ?? ({} as NoUnpromptedJokeOptions)
    const allow = cached(options.allow ?? [])
    const allowExact = new Set((options.allow ?? []).map((p) => p.trim().toLowerCase()))
    const extra = cached(options.extra ?? [])
    // The jokes in a turn depend on it, the customer's words before it (own words) and these options:
    // they are kept with the turn's analysis, so a pre-send check does not look for them again in
    // earlier turns on every draft.
    const hitsKey = `no-unprompted-joke:hits:${JSON.stringify([options.wordplay !== false, options.allow ?? [], options.extra ?? []])}`
    const hitsIn = (i: number): readonly JokeHit[] => {
      const turn = transcript.turns[i]!
      // Own words only blank text out: what cannot match the turn cannot match them, so skip the analysis.
      let gate = agentGate(turn.text, options.wordplay !== false)
      if (!gate.mask && !gate.phrases && !extra) return []
      const a = context.analyse(i)
      const text = a.ownText
      if (text !== turn.text) gate = agentGate(text, options.wordplay !== false)
      let hits = jokesIn(text, gate.mask, gate.phrases, extra)
      if (allow && hits.length) {
        const sentences = a.sentences
        hits = hits.filter((h) => {
          const s = sentences.find((x) => x.start <= h.start && h.end <= x.end)
          const span = text.slice(h.start, h.end)
          // Emoji and punctuation are compared as written (the word matcher only sees words).
          if (allowExact.has(span.toLowerCase())) return false
          return !allow.test(span) && !(s && allow.find(s.text).some((m) => m.start <= h.start - s.start && m.end >= h.end - s.start))
        })
      }
      return hits
    }
    const joked = (i: number) => context.analyse(i).memo('no-unprompted-joke:customer-joked', () => customerJoked(transcript.turns[i]!.text))
    // Agent turns before `since` are judged already; whether a customer joked before it is the same
    // for every draft, so it is kept with the turn before.
    const since = context.since || 0
    const turns = transcript.turns
    // Customer turns are read only once an agent turn has a joke (most have none), and each at most once:
    // those before `checked` are known not to have joked.
    let licensedBefore: boolean | undefined
    let checked = since
    const customerJokedBefore = (i: number): boolean => {
      licensedBefore ??=
        since > 0 && context.analyse(since - 1).memo('no-unprompted-joke:licensed', () => turns.slice(0, since).some((t, k) => t.role === 'customer' && joked(k)))
      if (licensedBefore) return true
      for (; checked < i; checked++) if (turns[checked]!.role === 'customer' && joked(checked)) return true
      return false
    }
    for (let i = since; i < turns.length; i++) {
      const turn = turns[i]!
      if (turn.role !== 'agent' && turn.role !== 'bot') continue
      const a = context.analyse(i)
      const hits = a.memo(hitsKey, () => hitsIn(i))
      if (!hits.length) continue
      // Once a customer has joked, every later agent turn may answer in kind.
      if (customerJokedBefore(i)) return
      const text = a.ownText
      const first = hits.reduce((best, h) => (h.confidence > best.confidence ? h : best), hits[0]!)
      const lead = hits[0]!
      // A forced locale wins; otherwise the language of the turn and its trigger.
      const arabic = messageLanguage(context, inArabic(a, lead, text) ? 'ar' : 'en') === 'ar'
      const quoted = describe(text, hits, arabic)
      const kind: Kind = hits.some((h) => h.kind === 'laugh') ? 'laugh' : hits.some((h) => h.kind === 'phrase') ? 'phrase' : 'wordplay'
      const onlyWordplay = hits.every((h) => h.kind === 'wordplay')
      const cleaned = onlyWordplay ? undefined : withoutLaughter(text, hits)
      const expected: string[] = []
      if (cleaned) expected.push(cleaned)
      if (arabic) {
        expected.push('نعتذر عن الإزعاج، دعني أتحقق من الموضوع وأعود إليك حالًا.')
        if (!cleaned) expected.push('شكرًا لتواصلك معنا، سأتابع طلبك خطوة بخطوة حتى يُحل.')
      } else {
        expected.push("I'm sorry about that — let me look into it for you right away.")
        if (!cleaned) expected.push("Thanks for reaching out. Here's what I can do to sort this out.")
      }
      context.report({
        turn: i,
        start: lead.start,
        end: lead.end,
        reason: arabic
          ? `الموظف ${VERB_AR[kind]} (${quoted}) والعميل لم يمزح أو يضحك قبله في هذه المحادثة`
          : `The agent ${VERB_EN[kind]} (${quoted}) although the customer has not joked or laughed in this conversation`,
        note: arabic
          ? 'لا تبدأ المزاح مع العميل: من يتواصل مع خدمة العملاء غالبًا منزعج أو مستعجل، والضحك قد يُفهم استخفافًا بمشكلته. حافظ على نبرة مهذبة ودودة، وإن بدأ العميل بالمزاح فلا بأس أن ترد بلطف وباختصار.'
          : "Let the customer set the tone. Someone contacting support is often annoyed or in a hurry, and a laugh or a pun can read as not taking the problem seriously. Stay warm and professional; if the customer jokes first, a short, polite reply in kind is fine.",
        expected: expected.slice(0, 3),
        confidence: onlyWordplay ? first.confidence : Math.max(...hits.filter((h) => h.kind !== 'wordplay').map((h) => h.confidence))
      })
    }
  }
})
