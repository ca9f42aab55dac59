/**
 * unkept-promise: the agent committed to an action or a time ("I'll update you
 * in 10 minutes", «هكلمك بكرة الساعة ١٢») and the rest of the transcript shows
 * it was not kept — the customer chased it, or the deadline passed and the next
 * agent reply neither delivered nor mentioned it. The diagnostic sits on the
 * turn that made the promise; its note names the turn that shows it was broken.
 *
 * This rule LOOKS AHEAD. A promise that the transcript simply ends after is
 * never reported: no evidence either way.
 */
import { defineRule } from '../../src/engine/define-rule.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from '../../src/text/phrases.js'
import { normaliseArabic } from '../../src/text/arabic/normalise.js'
import { normalise } from './normalise.js'
import { messageLanguage } from '../../src/text/language.js'
import { ownWords } from '../../src/text/own-words.js'
import { splitSentences } from '../../src/text/sentences.js'
import type { Channel, OptionSchema, RuleContext } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import { ARABIZI_WORD, formatDuration, formatLocal, parseDeadline, utcOffsetMinutes, type Deadline } from './deadline.js'
import en from './lexicon.en.json' with { type: 'json' }
import ar from './lexicon.ar.json' with { type: 'json' }

export interface UnkeptPromiseOptions {
  /** Phrases never flagged: a promise whose sentence contains one is skipped. */
  allow: string[]
  /** Also report a deadline that passes silently (the next agent reply neither delivers nor mentions it). */
  timePath: boolean
  /** Slack after a stated deadline before a silent reply counts as late (minutes). Default: 10% of the promised wait, 2–60 min. */
  graceMinutes?: number
  /** Days skipped when counting business days (0 = Sunday). Default Sat+Sun, or Fri+Sat for Arabic turns. */
  weekend?: number[]
  /** Minutes allowed for vague promises: `short` ("shortly", «بعد شوي»), `soon` ("soon", «قريباً»). Default per channel. */
  vagueMinutes?: { short?: number; soon?: number }
}

const MIN = 60_000
const LOOKAHEAD_TURNS = 80
const QUICK_FOLLOW_UP = 2 * 60_000
const MAX_SENTENCE = 1_000

/** contact: reply, call, update; act: send, check, refund; fix: mend or deliver (a later "it still doesn't work" breaks it). */
type Kind = 'contact' | 'act' | 'fix'

const VAGUE_DEFAULTS: Record<Channel, { short: number; soon: number }> = {
  chat: { short: 15, soon: 120 },
  voice: { short: 10, soon: 60 },
  messaging: { short: 60, soon: 24 * 60 },
  social: { short: 60, soon: 24 * 60 },
  email: { short: 4 * 60, soon: 48 * 60 }
}

// ---------------------------------------------------------------------------
// Lexicons, compiled once

type Entry = PhraseEntry & { kind?: Kind }

function escapeWords(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]?"))
    .join('\\s+')
}

function alternation(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map(escapeWords)
    .join('|')
}

const SUBJECTS = alternation(en.commitSubjects)
const FILLERS = alternation(en.commitFillers)
function englishCommit(kind: 'contact' | 'act'): Entry {
  const verbs = alternation(en.commitVerbs[kind])
  return {
    phrase: `/(?<![\\p{L}\\p{N}])(?:${SUBJECTS})\\s+(?:(?:${FILLERS})\\s+){0,2}(?:${verbs})(?![\\p{L}\\p{N}])/i`,
    id: `en-${kind}`,
    kind
  }
}

const COMMIT: PhraseMatcher = compilePhrases([englishCommit('contact'), englishCommit('act'), ...(ar.commitments as Entry[])])
const EXPLICIT: PhraseMatcher = compilePhrases([...en.explicitPromises.map((p) => ({ phrase: p, kind: 'act' as Kind })), ...ar.explicitPromises])
/** Promises phrased from the customer's side or a third party's: "you'll hear from us", "it'll arrive by …", "Kim will call you". */
type SideEntry = PhraseEntry & { kind: Kind; needsTime?: boolean }
const CUSTOMER_SIDE: PhraseMatcher = compilePhrases(en.customerSide as SideEntry[])
const PURPOSE: PhraseMatcher = compilePhrases([...en.purposeClauses, ...ar.purposeClauses])
const CONDITIONS: PhraseMatcher = compilePhrases([...en.conditions, ...ar.conditions])
const FIX: PhraseMatcher = compilePhrases([...en.fixWords, ...ar.fixWords])
const CHASE_STRONG: PhraseMatcher = compilePhrases([...en.chases.strong, ...ar.chases.strong])
const CHASE_BROKEN: PhraseMatcher = compilePhrases([...en.chases.broken, ...ar.chases.broken])
const CHASE_EXPLICIT: PhraseMatcher = compilePhrases([...en.chases.explicit, ...ar.chases.explicit])
const RECEIVED: PhraseMatcher = compilePhrases([...en.received, ...ar.received])
/** "as promised", "sorry for the delay": a later agent turn that says these mentions the promise. */
const DELIVERED: PhraseMatcher = compilePhrases([...en.delivered.explicit, ...ar.delivered.explicit])
/** "I've sent", "attached", "here's the": delivery only in a reply that follows the promise directly. */
const DELIVERED_GENERIC: PhraseMatcher = compilePhrases([...en.delivered.generic, ...ar.delivered.generic])
const RECEIVED_NEGATOR = (() => {
  const src = ar.receivedNegators
  const last = src.lastIndexOf('/')
  return new RegExp(src.slice(1, last), src.slice(last + 1))
})()
const EN_NEGATOR = /(?:\bnot|n['’]t|\bnever|\bno|\bnothing|\bnobody|\bno one)(?:\s+\w+){0,2}\s*$/i
const EN_STOP = new Set(en.stopwords.map((w) => w.toLowerCase()))
const AR_STOP = new Set(ar.stopwords.map((w) => normaliseArabic(w).text))
const ARABIC_LETTER = /[\u0600-\u06FF]/
const URL = /(?:https?:\/\/|www\.)\S+/g
const OFFER_QUESTION =
  /^[\s"'“«(]*(?:would|shall|should|do|does|can|could|may|will|want|is|are|did|have|has|هل|تحب|تحبي|تحبين|تبي|تبين|تبغى|تبغي|بدك|بدكم|عايز|عايزه|عايزة|حابب|حابه|حابة|ودك)(?![\p{L}])/iu
const FUTURE_CUE = /\b(?:will|['’]ll|going\s+to|shall|be\s+with\s+you|(?:is|are|has\s+been|have\s+been)\s+(?:scheduled|booked|due|set)\s+(?:for|to|on))\b/i

// ---------------------------------------------------------------------------
// Promises

interface PromiseFound {
  turn: number
  /** Report span in the turn text. */
  start: number
  end: number
  sentence: { start: number; end: number; text: string }
  kind: Kind
  deadline?: Deadline
  /** The time phrase in the sentence even when the turn has no timestamp. */
  timePhrase?: { start: number; end: number }
  conditional: boolean
  weak: boolean
  arabic: boolean
  keywords: string[]
}

function isArabicEntry(m: PhraseMatch, text: string): boolean {
  const d = m.entry.dialect ?? ''
  return ARABIC_LETTER.test(text.slice(m.start, m.end)) || /arabizi|^(?:MSA|EGY|GLF|LEV|MAG|IRQ|PAN)/.test(d)
}

function keywordsOf(text: string, exclude: ReadonlyArray<{ start: number; end: number }>): string[] {
  let t = text.replace(/https?:\/\/\S+/g, (u) => ' '.repeat(u.length))
  for (const x of exclude) t = t.slice(0, x.start) + ' '.repeat(Math.max(0, x.end - x.start)) + t.slice(x.end)
  return [...new Set(tokensOf(t))]
}

/**
 * Comparable word stems, cut to five letters: English `[a-z][a-z'’-]{3,}` runs
 * (lower case, no final 's), Arabic runs of three letters or more (normalised,
 * no article).
 */
function tokensOf(text: string): string[] {
  const out: string[] = []
  const lower = text.toLowerCase()
  eachRun(lower, isAsciiLower, isWordTail, 4, (p, q) => {
    const last = lower.charCodeAt(q - 1)
    const before = lower.charCodeAt(q - 2)
    const w = lower.slice(p, last === 0x73 && (before === 0x27 || before === 0x2019) ? q - 2 : q) // no 's
    if (!EN_STOP.has(w)) out.push(w.length > 5 ? w.slice(0, 5) : w)
  })
  if (ARABIC_LETTER.test(text)) {
    const norm = normalise(text).text
    eachRun(norm, isArabicLetterCode, isArabicLetterCode, 3, (p, q) => {
      const whole = norm.slice(p, q)
      if (AR_STOP.has(whole)) return
      const w = withoutArticle(whole)
      if (w.length >= 3 && !AR_STOP.has(w) && !AR_STOP.has('ال' + w)) out.push(w.length > 5 ? w.slice(0, 5) : w)
    })
  }
  return out
}

/**
 * Each maximal run of `s` that starts with a `first` character and goes on
 * with `rest` ones, when it is `min` long or longer (as a global regular
 * expression `first rest{min-1,}` finds them).
 */
function eachRun(s: string, first: (c: number) => boolean, rest: (c: number) => boolean, min: number, visit: (start: number, end: number) => void): void {
  const n = s.length
  for (let p = 0; p < n; ) {
    if (!first(s.charCodeAt(p))) {
      p++
      continue
    }
    let q = p + 1
    while (q < n && rest(s.charCodeAt(q))) q++
    if (q - p >= min) visit(p, q)
    p = q
  }
}

const isAsciiLower = (c: number) => c >= 0x61 && c <= 0x7a
/** `[a-z'’-]` */
const isWordTail = (c: number) => isAsciiLower(c) || c === 0x27 || c === 0x2019 || c === 0x2d
/** `[\u0621-\u064A]` */
const isArabicLetterCode = (c: number) => c >= 0x0621 && c <= 0x064a
const ARTICLES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال']
/** The word without a leading article (the first of ARTICLES it starts with). */
function withoutArticle(w: string): string {
  for (const a of ARTICLES) if (w.startsWith(a)) return w.slice(a.length)
  return w
}

function overlaps(words: ReadonlySet<string>, keywords: readonly string[]): boolean {
  return keywords.length > 0 && keywords.some((k) => words.has(k))
}

/** What the look-ahead needs to know about each later turn, computed once per conversation. */
interface CustomerFacts {
  text: string
  strong?: PhraseMatch
  broken?: PhraseMatch
  explicit: boolean
  received: boolean
  /** Something arrived, whether or not the turn also chases ("the heaters came, but nobody called"). */
  arrived: boolean
  words: ReadonlySet<string>
}
interface AgentFacts {
  delivered: boolean
  deliveredGeneric: boolean
  promise: boolean
  words: ReadonlySet<string>
}
interface Facts {
  customer(j: number): CustomerFacts
  agent(j: number): AgentFacts
}

function factsFor(context: RuleContext<UnkeptPromiseOptions>): Facts {
  const turns = context.transcript.turns
  // Per-turn facts are kept with the turn's analysis: a pre-send check does not redo them on every keystroke.
  // Every promise looks ahead over the turns after it: this run keeps what it has looked up already.
  const customers: Array<CustomerFacts | undefined> = []
  const agents: Array<AgentFacts | undefined> = []
  return {
    customer: (j) => (customers[j] ??= customerFacts(j)),
    agent: (j) => (agents[j] ??= agentFacts(j))
  }
  function customerFacts(j: number): CustomerFacts {
    return context.analyse(j).memo('unkept-promise:customer', (): CustomerFacts => {
      const text = ownWords(turns[j]!.text)
      const chases = CHASE_STRONG.find(text)
      const strong = chases[0]
      const broken = strong ? undefined : CHASE_BROKEN.find(text)[0]
      return {
        text,
        ...(strong ? { strong } : {}),
        ...(broken ? { broken } : {}),
        explicit: CHASE_EXPLICIT.test(text),
        // A fix that did not work is checked first (it chases a promise to fix); anything else received keeps the promise.
        received: !strong && received(text),
        arrived: strong !== undefined && received(text, chases),
        words: new Set(tokensOf(text))
      }
    })
  }
  function agentFacts(j: number): AgentFacts {
    return context.analyse(j).memo('unkept-promise:agent', (): AgentFacts => {
      const text = context.analyse(j).ownText
      return { delivered: DELIVERED.test(text), deliveredGeneric: DELIVERED_GENERIC.test(text), promise: COMMIT.test(text) || EXPLICIT.test(text), words: new Set(tokensOf(text)) }
    })
  }
}

interface Settings {
  options: UnkeptPromiseOptions
  allow: PhraseMatcher | undefined
  channel: Channel
  /** Memo key of a turn's promises: everything `findPromises` reads besides the turn (options and channel). */
  promisesKey: string
}

function findPromises(context: RuleContext<UnkeptPromiseOptions>, i: number, s: Settings): PromiseFound[] {
  const turn = context.transcript.turns[i]!
  const a = context.analyse(i)
  const text = a.ownText
  if (!text.trim()) return []
  const offset = utcOffsetMinutes(turn.at) ?? 0
  const arabicTurn = a.script === 'ar' || (a.script === 'mixed' && ARABIC_LETTER.test(text))
  const vague = { ...VAGUE_DEFAULTS[s.channel], ...(s.options.vagueMinutes ?? {}) }

  type Candidate = { m: PhraseMatch; kind: Kind; conditional: boolean; needsTime: boolean; weak: boolean }
  const candidates: Candidate[] = []
  for (const m of COMMIT.find(text)) candidates.push({ m, kind: ((m.entry as Entry).kind ?? 'act') as Kind, conditional: false, needsTime: false, weak: false })
  for (const m of EXPLICIT.find(text)) candidates.push({ m, kind: 'act', conditional: false, needsTime: false, weak: false })
  for (const m of CUSTOMER_SIDE.find(text)) {
    const e = m.entry as SideEntry
    const contact = e.kind === 'contact' || /\b(?:hear|call|reply|respond)\b/i.test(text.slice(m.start, m.end))
    candidates.push({ m, kind: contact ? 'contact' : 'act', conditional: false, needsTime: e.needsTime === true, weak: false })
  }
  for (const m of PURPOSE.find(text)) candidates.push({ m, kind: 'contact', conditional: true, needsTime: false, weak: false })
  candidates.sort((x, y) => x.m.start - y.m.start || y.m.end - x.m.end)

  const found: PromiseFound[] = []
  const usedSentences = new Set<number>()
  const commitSpans = candidates.map((c) => ({ start: c.m.start, end: c.m.end }))

  const consider = (
    sentenceIndex: number,
    span: { start: number; end: number },
    kind: Kind,
    conditional: boolean,
    needsTime: boolean,
    weak: boolean,
    arabicTrigger: boolean
  ) => {
    const sentence = a.sentences[sentenceIndex]!
    if (usedSentences.has(sentenceIndex)) return
    const stext = sentence.text.length > MAX_SENTENCE ? sentence.text.slice(0, MAX_SENTENCE) : sentence.text
    if (/[?؟]\s*$/.test(stext) && OFFER_QUESTION.test(stext)) return
    if (s.allow && s.allow.test(stext)) return
    const arabic = arabicTrigger || arabicTurn
    const weekend = s.options.weekend ?? (arabic ? [5, 6] : [0, 6])
    const deadlineOptions = { offsetMinutes: offset, weekend, shortMs: vague.short * MIN, soonMs: vague.soon * MIN }
    const probe = parseDeadline(stext, turn.time ?? 0, deadlineOptions)
    if (needsTime && (!probe || probe.vague)) return
    const deadline = turn.time !== undefined ? probe : undefined
    const before = text.slice(sentence.start, span.start)
    const isConditional = conditional || CONDITIONS.find(before).length > 0
    let end = span.end
    let start = span.start
    if (probe) {
      const ps = sentence.start + probe.start
      const pe = sentence.start + probe.end
      // Report the commitment with its time when they sit close together.
      if (ps >= span.end && ps - span.end <= 80) end = pe
      else if (pe <= span.start && span.start - pe <= 40) start = ps
    }
    usedSentences.add(sentenceIndex)
    found.push({
      turn: i,
      start,
      end,
      sentence,
      kind: kind !== 'contact' && FIX.test(stext) ? 'fix' : kind,
      ...(deadline ? { deadline } : {}),
      ...(probe ? { timePhrase: { start: sentence.start + probe.start, end: sentence.start + probe.end } } : {}),
      conditional: isConditional,
      weak,
      arabic,
      keywords: keywordsOf(stext, commitSpans.map((c) => ({ start: c.start - sentence.start, end: c.end - sentence.start })).filter((c) => c.end > 0 && c.start < stext.length))
    })
  }

  const sentenceOf = (pos: number) => a.sentences.findIndex((x) => x.start <= pos && pos < x.end)
  for (const c of candidates) {
    const si = sentenceOf(c.m.start)
    if (si < 0) continue
    consider(si, c.m, c.kind, c.conditional, c.needsTime, c.weak, isArabicEntry(c.m, text))
  }
  // A stated time with no commitment verb ("it'll be with you tomorrow morning",
  // «حجزتلك زيارة بكرة من ١٢ لـ ٣», "ba3ad sa3a ma ykoon ay mushkila") is a weaker promise.
  a.sentences.forEach((sentence, si) => {
    if (usedSentences.has(si)) return
    const stext = sentence.text.slice(0, MAX_SENTENCE)
    // A question asks the customer ("can you switch it off and on after 30 seconds?"); it promises nothing.
    if (/[?؟]\s*$/.test(stext)) return
    const arabicish = ARABIC_LETTER.test(stext) || ARABIZI_WORD.test(stext.replace(URL, ' '))
    if (!arabicish && !FUTURE_CUE.test(stext)) return
    const probe = parseDeadline(stext, turn.time ?? 0, { offsetMinutes: offset })
    // Only a stated wait or a later day reads as a commitment on its own ("today", "this evening" or a lone hour describe, they do not promise).
    if (!probe || !(probe.basis === 'duration' || (probe.basis === 'day' && (probe.dayOffset ?? 0) >= 1))) return
    consider(si, { start: sentence.start + probe.start, end: sentence.start + probe.end }, 'act', false, false, true, arabicish && !FUTURE_CUE.test(stext))
  })
  return found.sort((x, y) => x.start - y.start)
}

// ---------------------------------------------------------------------------
// Looking ahead

interface Chase {
  type: 'chase'
  turn: number
  phrase: string
}
interface Silent {
  type: 'silent'
  turn: number
}
type Evidence = Chase | Silent

/** Does a customer turn hold a chase phrase at all (strong, or "still broken")? */
function chaseIn(text: string): boolean {
  return CHASE_STRONG.test(text) || CHASE_BROKEN.test(text)
}

/** Whether the customer says something arrived (outside `chases`, the chase phrases of the same turn). */
function received(text: string, chases: readonly PhraseMatch[] = []): boolean {
  for (const m of RECEIVED.find(text)) {
    if (chases.some((c) => m.start < c.end && c.start < m.end)) continue
    const before = text.slice(Math.max(0, m.start - 24), m.start)
    if (RECEIVED_NEGATOR.test(before) || EN_NEGATOR.test(before)) continue
    return true
  }
  return false
}

function delivers(context: RuleContext<UnkeptPromiseOptions>, facts: Facts, p: PromiseFound, j: number, customerBetween: boolean): boolean {
  const turns = context.transcript.turns
  const promiser = turns[p.turn]!
  const t = turns[j]!
  const f = facts.agent(j)
  if (f.delivered || overlaps(f.words, p.keywords)) return true
  if (f.deliveredGeneric && !customerBetween) return true
  if (p.kind === 'contact') {
    if (!customerBetween) return true
    if (promiser.author && t.author && promiser.author !== t.author) return true
    if (promiser.role === 'bot' && t.role === 'agent') return true
  }
  return false
}

/** The customer's words around a chase phrase: its sentence, cut to a readable length. */
function around(text: string, start: number, end: number): string {
  const boundary = /[.!?؟\n]/
  let s = start
  while (s > 0 && start - s < 60 && !boundary.test(text[s - 1]!)) s--
  let e = end
  while (e < text.length && e - end < 60 && !boundary.test(text[e]!)) e++
  if (e < text.length && /[?؟!]/.test(text[e]!)) e++
  return text.slice(s, e).trim()
}

function graceMs(p: PromiseFound, promiseTime: number, option: number | undefined): number {
  if (option !== undefined) return option * MIN
  const window = p.deadline ? p.deadline.at - promiseTime : 0
  return Math.min(60 * MIN, Math.max(2 * MIN, window * 0.1))
}

/** Where a look-ahead stands: whether a customer, and an agent, have written since the promise. */
interface Scan {
  customerBetween: boolean
  agentBetween: boolean
}

/** The sentence of `text` that holds a match. */
function sentenceAround(text: string, m: { start: number }): string {
  return splitSentences(text).find((s) => s.start <= m.start && m.start < s.end)?.text ?? text
}

/** Whether agent turn `j` makes a fresh promise of the same kind as `p` (or one whose kind is not known). */
function takesOver(context: RuleContext<UnkeptPromiseOptions>, s: Settings, j: number, p: PromiseFound): boolean {
  const fresh = context.analyse(j).memo(s.promisesKey, () => findPromises(context, j, s))
  return fresh.length === 0 || fresh.some((q) => q.kind === p.kind)
}

/**
 * The evidence that promise `p` was not kept, from turn `from` on (with what
 * `scan` says of the turns before it). Stopped at turn `until`, it answers
 * `open` when the turns before `until` settle nothing.
 */
function lookAhead(
  context: RuleContext<UnkeptPromiseOptions>,
  facts: Facts,
  p: PromiseFound,
  s: Settings,
  from = p.turn + 1,
  scan: Scan = { customerBetween: false, agentBetween: false },
  until = Infinity
): Evidence | undefined | 'open' {
  const turns = context.transcript.turns
  const promiseTime = turns[p.turn]!.time
  const deadline = p.deadline
  let { customerBetween, agentBetween } = scan
  const stated = deadline !== undefined && !deadline.vague
  const last = Math.min(turns.length - 1, p.turn + LOOKAHEAD_TURNS)
  for (let j = from; j <= last; j++) {
    if (j >= until) {
      scan.customerBetween = customerBetween
      scan.agentBetween = agentBetween
      return 'open'
    }
    const t = turns[j]!
    if (t.role === 'system') continue
    if (t.role === 'customer') {
      const f = facts.customer(j)
      // "It still doesn't work" chases an unconditional promise to fix or deliver, not a promise to reply or to act on something else.
      const chase = f.strong ?? (p.kind === 'fix' && !p.conditional ? f.broken : undefined)
      // "Thanks, the heaters came. But nobody from the engineers has called": the arrival keeps a
      // promise to act or fix, unless the sentence that chases names it.
      if (chase && f.arrived && p.kind !== 'contact' && !overlaps(new Set(tokensOf(sentenceAround(f.text, chase))), p.keywords)) return undefined
      if (chase) {
        // Before a stated deadline the promise is not broken yet; with no stated time, a message
        // written within two minutes of the promise is the customer still talking about the problem.
        const early =
          t.time !== undefined &&
          (stated ? t.time < deadline!.at : !customerBetween && promiseTime !== undefined && t.time - promiseTime < QUICK_FOLLOW_UP)
        // Once the agent has written again, a chase must point back at this promise.
        const linked = !agentBetween || f.explicit || overlaps(f.words, p.keywords)
        if (!early && linked) return { type: 'chase', turn: j, phrase: around(f.text, chase.start, chase.end) }
      } else if (f.received) {
        return undefined
      }
      customerBetween = true
      continue
    }
    // An agent or bot turn.
    if (delivers(context, facts, p, j, customerBetween)) return undefined
    if (s.options.timePath && deadline && promiseTime !== undefined && t.time !== undefined) {
      if (t.time > deadline.at + graceMs(p, promiseTime, s.options.graceMinutes)) return { type: 'silent', turn: j }
    }
    // A fresh promise of the same kind takes over ("I'll call you Friday instead"): later chases belong
    // to it. One of another kind ("we'll bring the heaters round") leaves this one open.
    if (facts.agent(j).promise && takesOver(context, s, j, p)) return undefined
    agentBetween = true
  }
  return undefined
}

// ---------------------------------------------------------------------------
// Messages

function quote(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > max ? `${t.slice(0, max - 1)}…` : t
}

interface Message {
  reason: string
  note: string
  expected: string[]
}

function message(context: RuleContext<UnkeptPromiseOptions>, p: PromiseFound, e: Evidence): Message {
  const turns = context.transcript.turns
  const promiseTurn = turns[p.turn]!
  const ev = turns[e.turn]!
  const offset = utcOffsetMinutes(promiseTurn.at) ?? 0
  const text = promiseTurn.text
  const said = quote(text.slice(p.start, p.end))
  // The promise's language, unless the configuration forces one.
  const arabic = messageLanguage(context, p.arabic ? 'ar' : 'en') === 'ar'
  const due = p.deadline && promiseTurn.time !== undefined ? formatLocal(p.deadline.at, promiseTurn.time, offset, arabic) : undefined
  const dueShown = due && !p.deadline!.vague ? due : undefined
  const later = ev.time !== undefined && promiseTurn.time !== undefined ? ev.time - promiseTurn.time : undefined
  const past = ev.time !== undefined && p.deadline && !p.deadline.vague ? ev.time - p.deadline.at : undefined

  if (arabic) {
    const when = later !== undefined ? ` بعد ${formatDuration(later, true)}` : ''
    const over = past !== undefined && past > 0 ? `، أي بعد الموعد بـ${formatDuration(past, true)}` : ''
    const evidence =
      e.type === 'chase'
        ? `تابع العميل الأمر في الرسالة ${e.turn}${when}${over} («${quote(e.phrase, 60)}»).`
        : `مرّ الموعد، والرد التالي في الرسالة ${e.turn}${when} لم ينفّذ الوعد ولم يذكره.`
    const time = dueShown ?? 'وقت محدد'
    return {
      reason: `وعدٌ لم يُنفَّذ: «${said}»${dueShown ? ` (الموعد ${dueShown})` : ''}`,
      note: `${evidence} لا تعِد إلا بما تملك تنفيذه، ودوّن كل وعد مع موعده، وعُد إلى العميل قبل أن يحين الموعد ولو لتخبره أن الأمر يحتاج وقتاً أطول؛ فالوعد الذي يُخلَف يهدم الثقة أكثر من عدم الوعد.`,
      expected:
        e.type === 'silent'
          ? [`نعتذر، وعدناك بالرد قبل ${time} ولم نلتزم. هذا ما وصلنا إليه حتى الآن: …`, `سأتابع طلبك وأرد عليك قبل ${time}، حتى لو كان الرد أننا ما زلنا نعمل عليه.`]
          : [
              `سأتابع طلبك وأرد عليك قبل ${time}، حتى لو كان الرد أننا ما زلنا نعمل عليه.`,
              p.kind === 'contact'
                ? `رفعتُ طلبك للفريق المختص، وإن لم يتواصلوا معك قبل ${time} فراسلني هنا وسأتابع بنفسي.`
                : `لا أستطيع أن أحدد الوقت بدقة، لكنني سأتحقق من الأمر قبل ${time} وأبلغك بالنتيجة في الحالتين.`
            ]
    }
  }

  const when = later !== undefined ? `, ${formatDuration(later)} later` : ''
  const over = past !== undefined && past > 0 ? ` (${formatDuration(past)} past the deadline)` : ''
  const evidence =
    e.type === 'chase'
      ? `The customer chased it in turn ${e.turn}${when}${over}: "${quote(e.phrase, 60)}".`
      : `The deadline passed and the next agent reply, turn ${e.turn}${when}, neither delivered it nor mentioned it.`
  const time = dueShown ?? '[a time you can keep]'
  return {
    reason: `Promise not kept: "${said}"${dueShown ? ` (due ${dueShown})` : ''}`,
    note: `${evidence} Promise only what you control, note every commitment with its time, and come back before it is due, even if only to say it is taking longer: a broken promise costs more trust than no promise at all.`,
    expected:
      e.type === 'silent'
        ? [`Sorry, I said I'd update you by ${time} and didn't. Here's where it stands: …`, `I'll update you by ${time}, even if it's only to say we're still working on it.`]
        : [
            `I'll update you by ${time}, even if it's only to say we're still working on it.`,
            p.kind === 'contact'
              ? `I've passed this to the team; if you haven't heard from them by ${time}, reply here and I'll chase it myself.`
              : `I can't promise the exact time, but I'll check on it by ${time} and let you know either way.`
          ]
  }
}

// ---------------------------------------------------------------------------

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string' }, description: 'Phrases never flagged: a promise whose sentence contains one is skipped.' },
    timePath: { type: 'boolean', description: 'Also report a deadline that passes silently before the next agent reply.' },
    graceMinutes: { type: 'number', minimum: 0, description: 'Slack after a stated deadline (minutes).' },
    weekend: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 6 }, description: 'Days skipped when counting business days (0 = Sunday).' },
    vagueMinutes: {
      type: 'object',
      additionalProperties: false,
      properties: { short: { type: 'number', minimum: 0 }, soon: { type: 'number', minimum: 0 } },
      description: 'Minutes allowed for "shortly" (short) and "soon" (soon).'
    }
  }
}

export default defineRule<UnkeptPromiseOptions>({
  meta: {
    id: 'unkept-promise',
    description: 'The agent promised an action or a time and the transcript shows it was not kept (the customer chased it, or the deadline passed unmentioned)',
    recommended: 'warn',
    url: docsUrl('unkept-promise'),
    schema,
    defaultOptions: { allow: [], timePath: true },
    judges: ['agent', 'bot'],
    languages: ['en', 'ar']
  },
  check(context) {
    const { transcript } = context
    const given = context.options as Partial<UnkeptPromiseOptions>
    const options: UnkeptPromiseOptions = { ...given, allow: given.allow ?? [], timePath: given.timePath ?? true }
    const s: Settings = {
      options,
      allow: options.allow && options.allow.length > 0 ? compilePhrases(options.allow, { shared: false }) : undefined,
      channel: transcript.channel,
      // Analyses may be shared between runs with other options (runRules' `analyses`): the key names what the promises depend on.
      promisesKey: `unkept-promise:promises:${JSON.stringify([transcript.channel, options.allow, options.weekend ?? null, options.vagueMinutes ?? null])}`
    }
    const facts = factsFor(context)
    const turns = transcript.turns
    // Evidence is a customer chase or (time path) a later agent reply past the deadline. Both are
    // cheap to rule out, so a turn with neither in its look-ahead window is not searched for promises.
    const chaseAt = (j: number) => context.analyse(j).memo('unkept-promise:chase', () => chaseIn(ownWords(turns[j]!.text)))
    const timed = options.timePath && (options.graceMinutes === undefined || !(options.graceMinutes < 0))
    const evidencePossible = (i: number): boolean => {
      const from = turns[i]!.time
      const last = Math.min(turns.length - 1, i + LOOKAHEAD_TURNS)
      for (let j = i + 1; j <= last; j++) {
        const t = turns[j]!
        if (t.role === 'system') continue
        if (t.role === 'customer') {
          if (chaseAt(j)) return true
        } else if (timed && from !== undefined && t.time !== undefined && t.time > from) {
          // A deadline lies after the promise time and grace is never negative: only a later reply can be late.
          return true
        }
      }
      return false
    }
    const promisesOf = (i: number) => context.analyse(i).memo(s.promisesKey, () => findPromises(context, i, s))
    const reportPromise = (p: PromiseFound, evidence: Evidence) => {
      let confidence = evidence.type === 'chase' ? (p.deadline && !p.deadline.vague ? 0.9 : 0.85) : p.deadline?.vague ? 0.5 : 0.75
      if (p.conditional) confidence -= 0.2
      if (p.weak) confidence -= 0.25
      const m = message(context, p, evidence)
      context.report({ turn: p.turn, start: p.start, end: p.end, ...m, confidence: Math.max(0.3, Math.round(confidence * 100) / 100) })
    }

    // From `since` on (a pre-send draft), the promises before it whose look-ahead the earlier turns
    // leave open are the same for every draft: they are kept with the analysis of the turn before,
    // with where each look-ahead stands, and only they are followed into the new turns. (A turn's
    // finding settled before `since` is the caller's already.)
    const since = context.since || 0
    if (since > 0) {
      const key = `unkept-promise:open:${s.promisesKey}:${JSON.stringify([options.timePath, options.graceMinutes ?? null])}`
      const open = context.analyse(since - 1).memo(key, () => {
        const out: Array<Array<{ p: PromiseFound; scan: Scan }>> = []
        for (let i = Math.max(0, since - LOOKAHEAD_TURNS); i < since; i++) {
          if (turns[i]!.role !== 'agent' && turns[i]!.role !== 'bot') continue
          const waiting: Array<{ p: PromiseFound; scan: Scan }> = []
          for (const p of promisesOf(i)) {
            const scan: Scan = { customerBetween: false, agentBetween: false }
            const result = lookAhead(context, facts, p, s, p.turn + 1, scan, since)
            if (result === 'open') waiting.push({ p, scan })
            else if (result) break
          }
          if (waiting.length > 0) out.push(waiting)
        }
        return out
      })
      for (const waiting of open) {
        for (const { p, scan } of waiting) {
          const evidence = lookAhead(context, facts, p, s, since, { ...scan })
          if (evidence && evidence !== 'open') {
            reportPromise(p, evidence)
            break
          }
        }
      }
    }
    for (let i = since; i < turns.length; i++) {
      const turn = turns[i]!
      // Nothing after it: nothing to judge.
      if ((turn.role !== 'agent' && turn.role !== 'bot') || i === turns.length - 1) continue
      if (!evidencePossible(i)) continue
      for (const p of promisesOf(i)) {
        const evidence = lookAhead(context, facts, p, s)
        if (!evidence || evidence === 'open') continue
        reportPromise(p, evidence)
        break
      }
    }
  }
})
