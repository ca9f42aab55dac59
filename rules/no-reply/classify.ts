/**
 * Decide whether a customer turn asks, requests or complains (and so needs an
 * answer), or is a closing — thanks, acknowledgement, goodbye, emoji — or a
 * plain statement such as "just did" / «بعت في الخاص».
 *
 * All phrases come from the JSON lexicons next to this file; they are compiled
 * once, when this module loads.
 */
import closingsEn from './closings.en.json' with { type: 'json' }
import closingsAr from './closings.ar.json' with { type: 'json' }
import cuesEn from './cues.en.json' with { type: 'json' }
import cuesAr from './cues.ar.json' with { type: 'json' }
import { normalise, PhraseMatcher, phrasesOf, type Entry } from './lexicon.js'

type Lists = Record<string, readonly Entry[] | undefined>

const closingEnLists = closingsEn.closing as Lists
const closingArLists = closingsAr.closing as Lists
const en = cuesEn as unknown as Lists
const ar = cuesAr as unknown as Lists

const join = (...lists: Array<readonly Entry[] | undefined>) => lists.flatMap((l) => phrasesOf(l))

/** Courtesy formulas with a negation or question word: removed before any cue is looked for. */
const IDIOM = new PhraseMatcher(join(closingsEn.idiom.phrases, closingsAr.idiom.phrases as Entry[]))
/** Every closing phrase and filler word. */
const CLOSING = new PhraseMatcher(
  join(
    ...Object.values(closingEnLists),
    closingsEn.filler,
    closingsEn.idiom.phrases,
    ...Object.values(closingArLists),
    closingsAr.filler as Entry[],
    closingsAr.idiom.phrases as Entry[]
  )
)
/** Thanks, praise and goodbyes only: the words that close a conversation. */
const THANKS = new PhraseMatcher(
  join(closingEnLists['thanks'], closingEnLists['praise'], closingEnLists['goodbye'], closingArLists['thanks'], closingArLists['goodbye'])
)
/** "ok", «ماشي»: a short rest after "but" that opens with one accepts the answer. */
const ACCEPTANCE = new PhraseMatcher(join(closingsEn.acceptance.phrases, closingsAr.acceptance.phrases as Entry[]))
const QUESTION = new PhraseMatcher(join(en['question'], ar['question']))
const REQUEST = new PhraseMatcher(join(en['request'], ar['request']))
const CLAUSE_VERB = new PhraseMatcher(join(en['clauseStart']))
const OPENER = new PhraseMatcher(join(en['opener']))
const WH = new PhraseMatcher(phrasesOf(en['wh']))
const WH_CONTRACTION = new PhraseMatcher(phrasesOf(en['whContraction']))
const AUX = new PhraseMatcher([...phrasesOf(en['aux']), 'to'])
const AUX_SUBJECT = new PhraseMatcher(
  phrasesOf(en['aux']).flatMap((aux) => phrasesOf(en['subject']).map((subject) => `${aux} ${subject}`))
)
const NEGATION = new PhraseMatcher(join(en['negation'], ar['negation']))
const ANSWER_NEGATION = new PhraseMatcher(join(en['answerNegation'], ar['answerNegation']))
const ANSWER_NO_FOLLOW = new PhraseMatcher(join(en['answerNoFollow']))
const RELATIVE = new PhraseMatcher(join(ar['relative']))
const COMPLAINT = new PhraseMatcher(join(en['complaint'], ar['complaint']))
const PROBLEM = new PhraseMatcher(join(en['problem'], ar['problem']))
const RESOLUTION = new PhraseMatcher(join(en['resolution'], ar['resolution']))
const CONTRAST = new PhraseMatcher(join(en['contrast'], ar['contrast']))
const SELF_FUTURE = new PhraseMatcher(join(en['selfFuture'], ar['selfFuture']))
const emojiPattern = (list: string[]) => new RegExp(list.map((e) => e.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|') || '(?!)', 'u')
const ANGRY_EMOJI = emojiPattern(phrasesOf(en['angryEmoji']))
const SAD_EMOJI = emojiPattern(phrasesOf(en['sadEmoji']))

/** Latin-script phrases of the Arabic lexicons: a hint that a Latin turn is Arabizi. */
const ARABIZI = new PhraseMatcher(
  [closingsAr.idiom.phrases as Entry[], ...Object.values(closingArLists), ...Object.values(ar)]
    .flatMap((l) => phrasesOf(l))
    .filter((p) => /^[a-z0-9' ]+$/.test(p) && p.length > 3)
)

export type Kind = 'question' | 'request' | 'complaint'

export interface Classification {
  /** Why the turn needs an answer; undefined when it does not. */
  kind?: Kind
  /** Closing, emoji-only or noise: nothing substantive is left. */
  closing: boolean
  /** The turn contains a thanks, acknowledgement or goodbye (possibly beside other words). */
  courtesy: boolean
  /** Arabic script, or clearly Arabizi (digits for letters, several Arabizi words). */
  arabic: boolean
  /** Some Arabizi word: Arabic if the rest of the conversation is. */
  arabizi: boolean
}

export interface ClassifyOptions {
  /** Extra phrases treated as closings (never flagged). */
  allow?: PhraseMatcher
  /** Extra phrases that make a turn a question, request or complaint. */
  asks?: PhraseMatcher
  /** Author names to ignore when deciding whether anything substantive is left. */
  names?: { has(word: string): boolean }
}

const QUOTE_HEADER = /^(?:On .{4,200}wrote:|-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}|From: .+|في .{4,200}كتب:|-{2,}\s*الرسالة الأصلية\s*-{2,})\s*$/im

/** Cut quoted e-mail history, signatures, URLs, e-mail addresses, @handles, hashtags and emoji. */
export function clean(text: string): string {
  let t = text
  const header = QUOTE_HEADER.exec(t)
  if (header) t = t.slice(0, header.index)
  t = t.replace(/^[ \t]*>.*$/gm, ' ')
  const signature = /^--\s*$/m.exec(t)
  if (signature && signature.index > 0) t = t.slice(0, signature.index)
  t = t
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ')
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, ' ')
    .replace(/[@＠][\p{L}\p{N}_]+/gu, ' ')
    .replace(/#[\p{L}\p{N}_]+/gu, ' ')
    .replace(/(?<=^|\s)(?:[:;=8xX]-?[()DPpOo3/\\|*\][]+|<3|\^+_*\^+|:'\()(?=\s|$)/g, ' ')
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{1F1E6}-\u{1F1FF}\uFE0F\u20E3]/gu, ' ')
  return normalise(t)
}

/** The word right after `end`, when only white space separates them. */
function nextWord(text: string, end: number): string | undefined {
  return /^\s+([\p{L}\p{N}']+)/u.exec(text.slice(end, end + 80))?.[1]
}

/** The word right before `start`, when only white space separates them. */
function previousWord(text: string, start: number): string | undefined {
  return /([\p{L}\p{N}']+)\s+$/u.exec(text.slice(Math.max(0, start - 80), start))?.[1]
}

const CLAUSE_BOUNDARY = /[.!?;:,،؛\n…]\s*$/u

function atClauseStart(text: string, start: number): boolean {
  // Only the few characters before matter (long turns must stay linear).
  const from = Math.max(0, start - 80)
  const before = text.slice(from, start)
  if (from === 0 && before.trim() === '') return true
  if (CLAUSE_BOUNDARY.test(before)) return true
  const word = previousWord(text, start)
  if (word === undefined || !OPENER.isWhole(word)) return false
  return atClauseStart(text, from + before.trimEnd().length - word.length)
}

function asks(text: string, options: ClassifyOptions): Kind | undefined {
  if (/[?؟]/.test(text)) return 'question'
  if (QUESTION.test(text)) return 'question'
  if (WH_CONTRACTION.find(text).some((h) => atClauseStart(text, h.start))) return 'question'
  // "when will…", "how to…", "what app should I…" at the start of a clause.
  for (const h of WH.find(text)) {
    if (!atClauseStart(text, h.start)) continue
    const [first, second] = text.slice(h.end, h.end + 60).trim().split(/[\s,]+/)
    if ((first && AUX.isWhole(first)) || (second && AUX.isWhole(second))) return 'question'
  }
  if (AUX_SUBJECT.find(text).some((h) => atClauseStart(text, h.start) && !reportsDone(text, h))) return 'question'
  if (REQUEST.test(text) || options.asks?.test(text)) return 'request'
  if (CLAUSE_VERB.find(text).some((h) => atClauseStart(text, h.start))) return 'request'
  return undefined
}

/** "did it in the app, thanks": "did it" opening a statement of what the customer did, not a question. */
const DONE_AFTER = /^(?:in|on|via|through|myself|already|yesterday|earlier|online|just|now|thanks|thx|ty|cheers|ta|and|ourselves)$/i
function reportsDone(text: string, h: { start: number; end: number }): boolean {
  if (!/^did\s+(?:it|that|this)$/i.test(text.slice(h.start, h.end))) return false
  const next = nextWord(text, h.end)
  return next === undefined ? !/^\s*\w/.test(text.slice(h.end)) : DONE_AFTER.test(next)
}

function negated(text: string): boolean {
  for (const h of NEGATION.find(text)) {
    if (nextWord(text, h.end) === undefined) continue
    // «ما» after «زي، مثل، حسب، كل…» is "what", not "not".
    if (/^[وف]?م+ا+$/u.test(h.text)) {
      const before = previousWord(text, h.start)
      if (before !== undefined && RELATIVE.isWhole(before)) continue
    }
    return true
  }
  // «لا» / "no" + a word: "no internet", «لا يعمل» — but not "no, thanks", «لا تمام», "no I'm good".
  for (const h of ANSWER_NEGATION.find(text)) {
    const next = nextWord(text, h.end)
    if (next !== undefined && !CLOSING.isWhole(next) && !ANSWER_NO_FOLLOW.isWhole(next)) return true
  }
  return false
}

function complains(text: string, original: string): boolean {
  if (COMPLAINT.test(text) || negated(text)) return true
  if (PROBLEM.test(text) && !RESOLUTION.test(text)) return true
  if (ANGRY_EMOJI.test(original)) return true
  // A sad face counts unless the turn thanks ("thanks :(" is a sigh, not a complaint) or only
  // accepts ("ok 😔" is resigned, and asks nothing).
  return SAD_EMOJI.test(original) && !THANKS.test(text) && !onlyClosings(text)
}

/** Words, and all of them closings or filler ("ok", "fine then"). */
function onlyClosings(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text) && !/[\p{L}\p{N}]/u.test(CLOSING.remove(text))
}

/** The part of the text whose complaint counts: after "but", when it thanks or moves on. */
function complaintScope(text: string): string {
  const hits = CONTRAST.find(text)
  const last = hits[hits.length - 1]
  if (!last) return text
  const tail = text.slice(last.end)
  if (!/\p{L}/u.test(tail)) return text
  // "It never arrived, but thanks, I'll book again" — the customer has moved on.
  // A long tail that merely ends with "thanks" has not.
  const short = (tail.match(/[\p{L}\p{N}']+/gu) ?? []).length <= 6
  const movesOn = RESOLUTION.test(tail) || SELF_FUTURE.test(tail) || (short && (THANKS.test(tail) || opensWith(ACCEPTANCE, tail)))
  // "found it, but the page says error 500": what was solved comes before "but", the new problem after it.
  return movesOn || RESOLUTION.test(text.slice(0, last.start)) ? tail : text
}

/** Whether the text's first words are a phrase of the matcher. */
function opensWith(matcher: PhraseMatcher, text: string): boolean {
  const first = matcher.find(text)[0]
  return first !== undefined && !/[\p{L}\p{N}]/u.test(text.slice(0, first.start))
}

function arabicness(original: string, text: string): { arabic: boolean; arabizi: boolean } {
  const arabicLetters = (original.match(/[\u0600-\u06FF]/g) ?? []).length
  const latinLetters = (original.match(/[A-Za-z]/g) ?? []).length
  if (arabicLetters > 0 && arabicLetters >= latinLetters * 0.15) return { arabic: true, arabizi: false }
  if (latinLetters === 0) return { arabic: false, arabizi: false }
  // Arabizi writes ع ح ء ق with digits inside words: 3ayez, ma7al, so2al.
  const digitWords = text.match(/(?<![\p{L}\p{N}])[a-z]*[a-z][2379][a-z][a-z0-9]*/gu) ?? []
  const hits = ARABIZI.find(text).length
  return { arabic: digitWords.length >= 1 || hits >= 2, arabizi: hits >= 1 }
}

export function classify(original: string, options: ClassifyOptions = {}): Classification {
  let text = clean(original)
  if (options.allow) text = options.allow.remove(text)
  const courtesy = CLOSING.test(text)
  text = IDIOM.remove(text)
  const { arabic, arabizi } = arabicness(original, text)

  let kind: Kind | undefined = asks(text, options)
  // "yes please, DMing now": the request is only a closing's "please".
  if (kind === 'request' && onlyClosings(text)) kind = undefined
  if (!kind && complains(complaintScope(text), original)) kind = 'complaint'

  // What is left once closings, filler, names and punctuation are gone?
  const rest = CLOSING.remove(text)
  const words = (rest.match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => !options.names?.has(w))
  const letters = (text.match(/\p{L}/gu) ?? []).length
  const closing = words.length === 0 || (letters <= 2 && !kind)
  return { ...(kind ? { kind } : {}), closing, courtesy, arabic, arabizi }
}
