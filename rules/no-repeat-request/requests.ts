/**
 * Where an agent (or bot) turn ASKS the customer for a detail, and which kind.
 *
 * A request is a kind noun ("order number", «رقم الجوال», "ra2m el 7ajez") in one
 * of these frames, inside one sentence:
 * - a request verb in request form: "could you send / please DM us / share your …",
 *   an imperative at the start of a clause, or an Arabic request word
 *   (ممكن، أرسل لي، عطني، دزلي، يرجى تزويدنا، ابعتلي …), with no clause break
 *   ("so we can", «عشان») between the verb and the noun;
 * - a self-sufficient frame: "can I get", "we'll need", "let us know";
 * - a question word right before the noun: "what's the …", "which …", «وش رقم …»,
 *   or right after it, ending the question: «رقم الطلب كام؟»;
 * - the noun followed by "please" / «لو سمحت», or a bare "Your email?";
 * - a resend: "… please delete the post and resend it in a DM".
 * Negated or done requests ("please don't share your account number", «تم إرسال …»),
 * checks ("check your email"), objects of a photo ("a photo of the serial sticker")
 * and destinations ("to your email address", «على جوالك») are not requests;
 * "the order number for the OTHER parcel" is marked `different`.
 */
import { compilePhrases, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from '../../src/text/phrases.js'
import { splitSentences } from '../../src/text/sentences.js'
import en from './lexicon.en.json' with { type: 'json' }
import ar from './lexicon.ar.json' with { type: 'json' }
import { isRequestKind, type RequestKind } from './kinds.js'

export type RequestForm = 'verb' | 'frame' | 'wh' | 'tail' | 'short' | 'resend'

export interface Request {
  kind: RequestKind
  /** The request phrase: from the trigger to the end of the noun (indices in the text). */
  start: number
  end: number
  /** The kind noun alone. */
  nounStart: number
  nounEnd: number
  form: RequestForm
  /** The trigger or noun is Arabic (script or Arabizi). */
  arabic: boolean
  /** Asks for another or a corrected one ("the other parcel", «رقم الطلب الثاني», "the correct email"). */
  different: boolean
  /** Asks to move it to a private channel (DM, «الخاص»). */
  private: boolean
}

export const MAX_CHARS = 20_000

type Entry = string | { phrase: string; dialect?: string; gloss?: string }
const norm = (e: Entry, id: string): PhraseEntry => (typeof e === 'string' ? { phrase: e, id } : { ...e, id })

function grouped(...groups: Array<Record<string, Entry[]>>): PhraseMatcher {
  const list: PhraseEntry[] = []
  for (const g of groups) for (const [kind, items] of Object.entries(g)) for (const e of items) list.push(norm(e, kind))
  return compilePhrases(list)
}
function flat(id: string, ...lists: Entry[][]): PhraseMatcher {
  return compilePhrases(lists.flatMap((l) => l.map((e) => norm(e, id))))
}
function tagged(enList: Entry[], arList: Entry[]): PhraseMatcher {
  return compilePhrases([...enList.map((e) => norm(e, 'en')), ...arList.map((e) => norm(e, 'ar'))])
}

const NOUNS = grouped(en.asked as Record<string, Entry[]>, ar.asked as Record<string, Entry[]>)
const AR_NOUNS = new Set((Object.values(ar.asked) as Entry[][]).flat().map((e) => (typeof e === 'string' ? e : e.phrase)))
const VERBS = compilePhrases([...en.verbs.map((e) => norm(e, 'verb')), ...en.gerunds.map((e) => norm(e, 'gerund'))])
const MODALS = compilePhrases([...en.modals.map((e) => norm(e, 'modal')), ...en.connectors.map((e) => norm(e, 'connector'))])
const FRAMES = flat('frame', en.frames)
const AR_VERBS = flat('ar', ar.verbs as Entry[])
const AR_MODALS = flat('arModal', ar.modals as Entry[])
const WH = tagged(en.wh, ar.wh as Entry[])
const TAILS = flat('tail', en.tails, ar.tails as Entry[])
const RESEND = tagged(en.resend, ar.resend as Entry[])
const BREAKERS = flat('breaker', en.breakers, ar.breakers as Entry[])
const OBJECT_BREAKERS = flat('object', en.objectBreakers, ar.objectBreakers as Entry[])
const NEGATIONS = flat('negation', en.negations, ar.negations as Entry[], ar.notRequest as Entry[])
const POST_WH = flat('postWh', ar.postWh as Entry[])
const DIFFERENT = flat('different', en.different)
const DIFFERENT_AFTER = flat('different', en.differentAfter, ar.differentAfter as Entry[])
const ADVERBS = new RegExp(`(?:(?<![A-Za-z])(?:${en.adverbs.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*)+$`, 'i')

const ARABIC = /[\u0600-\u06FF]/
const PRIVATE = /(?<![A-Za-z\u0621-\u064A])(?:dms?|d\.m\.?|direct message|private message|pm|inbox|privately|الخاص|خاص|رسالة خاصة)(?![A-Za-z\u0621-\u064A])/i
const GIVING_OBJECT = /^\s+(?:you|u|ya|y'all|yall)\b/i
/** Words allowed between an English question word and the noun: "what's the exact …". */
const EN_WH_GAP = /^(?:\s*(?:is|was|are|'s|’s|s|the|your|ur|a|an|exact|full|correct|current|registered|primary|best|main|preferred|account(?:'s|’s)?|associated|phone's|device's|console's|please|again))*\s*$/i
const AR_WH_GAP = /^(?:\s*(?:هو|هي|يكون|بالضبط|بالزبط|el|al|howa|heya))*\s*$/

const wordsIn = (s: string) => (s.trim() ? s.trim().split(/\s+/).length : 0)

/** Every lexicon hit in one sentence, found once. */
interface Hits {
  verbs: PhraseMatch[]
  modals: PhraseMatch[]
  frames: PhraseMatch[]
  arVerbs: PhraseMatch[]
  arModals: PhraseMatch[]
  wh: PhraseMatch[]
  tails: PhraseMatch[]
  postWh: PhraseMatch[]
  resend: PhraseMatch[]
  breakers: PhraseMatch[]
  objectBreakers: PhraseMatch[]
  negations: PhraseMatch[]
  different: PhraseMatch[]
  differentAfter: PhraseMatch[]
}

/** What the sentence of `text` from `from` to `to` holds (offsets in the sentence). */
function hitsOf(text: string, from: number, to: number): Hits {
  return {
    verbs: VERBS.findIn(text, from, to),
    modals: MODALS.findIn(text, from, to),
    frames: FRAMES.findIn(text, from, to),
    arVerbs: AR_VERBS.findIn(text, from, to),
    arModals: AR_MODALS.findIn(text, from, to),
    wh: WH.findIn(text, from, to),
    tails: TAILS.findIn(text, from, to),
    postWh: POST_WH.findIn(text, from, to),
    resend: RESEND.findIn(text, from, to),
    breakers: BREAKERS.findIn(text, from, to),
    objectBreakers: OBJECT_BREAKERS.findIn(text, from, to),
    negations: NEGATIONS.findIn(text, from, to),
    different: DIFFERENT.findIn(text, from, to),
    differentAfter: DIFFERENT_AFTER.findIn(text, from, to)
  }
}

const within = (ms: PhraseMatch[], from: number, to: number) => ms.filter((m) => m.start >= from && m.end <= to)

/** Is the English verb `v` in request form (an imperative, or after a modal)? */
/** Verbs that are also nouns ("email address", "text message"): a verb only with an object after it. */
const NOUNISH = new Set(['email', 'e-mail', 'text', 'message', 'post', 'pm', 'inbox', 'list', 'add', 'pop'])
const OBJECT_AFTER = /^\s+(?:us|me|it|them|this|that|those|these|the|your|ur|a|an|over|across|back|directly|privately|in|with|along)\b/i

function verbQualifies(sentence: string, v: PhraseMatch, hits: Hits): boolean {
  if (GIVING_OBJECT.test(sentence.slice(v.end, v.end + 8))) return false
  if (NOUNISH.has(v.entry.phrase) && !OBJECT_AFTER.test(sentence.slice(v.end, v.end + 12))) return false
  const from = Math.max(0, v.start - 60)
  const before = sentence.slice(from, v.start).replace(ADVERBS, '').replace(/\s+$/, '')
  // A modal ending where the text before the verb (less adverbs) ends, or inside those adverbs
  // ("could you please send": the modal match is "could you please").
  const edge = from + before.length
  const modal = hits.modals.some((m) => m.end >= edge && m.end <= v.start && m.start < edge && m.entry.id === 'modal')
  // "would you mind sharing …": a gerund is a request only after a modal.
  if (v.entry.id === 'gerund') return modal
  if (before === '' || /[,;:!?.\-—–(…]$/.test(before)) return true
  // Right after an @handle ("@bri_t send us …").
  if (/@\w+$/.test(before)) return true
  return modal || hits.modals.some((m) => m.end >= edge && m.end <= v.start && m.start < edge)
}

/** Where the request phrase starts: at the modal before the verb ("Could you please send …"), if any. */
function phraseStart(sentence: string, v: { start: number }, hits: Hits): number {
  const from = Math.max(0, v.start - 60)
  const edge = from + sentence.slice(from, v.start).replace(ADVERBS, '').replace(/\s+$/, '').length
  const modal = hits.modals.find((m) => m.end >= edge - 1 && m.end <= v.start && m.start >= from && m.entry.id === 'modal')
  return modal ? modal.start : v.start
}

function negatedBefore(sentence: string, at: number, hits: Hits): boolean {
  return hits.negations.some((n) => n.end <= at && n.end >= at - 24 && wordsIn(sentence.slice(n.end, at)) <= 2)
}

interface Trigger {
  start: number
  end: number
  form: RequestForm
  arabic: boolean
}

/** The request frame that governs the noun, if any. */
function triggerFor(sentence: string, noun: PhraseMatch, hits: Hits): Trigger | undefined {
  const from = Math.max(0, noun.start - 160)
  const candidates: Trigger[] = []
  for (const m of within(hits.frames, from, noun.start)) candidates.push({ start: m.start, end: m.end, form: 'frame', arabic: false })
  for (const m of within(hits.arVerbs, from, noun.start)) candidates.push({ start: m.start, end: m.end, form: 'verb', arabic: true })
  for (const m of within(hits.verbs, from, noun.start)) {
    if (verbQualifies(sentence, m, hits)) candidates.push({ start: phraseStart(sentence, m, hits), end: m.end, form: 'verb', arabic: false })
  }
  candidates.sort((a, b) => a.end - b.end || b.start - a.start)
  let near = candidates[candidates.length - 1]
  if (near) {
    // Chained request words: «نرجو تزويدنا», «ممكن تبعتلي», "please could you send".
    const chain = [...candidates.slice(0, -1), ...hits.arModals].sort((a, b) => b.end - a.end)
    for (const c of chain) {
      if (c.end <= near.start && /^\s{0,2}$/.test(sentence.slice(c.end, near.start))) near = { ...near, start: c.start }
    }
    // "so we can …" breaks the clause; "a photo of …" takes the noun as its object,
    // unless a list goes on after it ("a photo of the invoice and the order number").
    const broken =
      hits.breakers.some((b) => b.start >= near.end && b.end <= noun.start) ||
      hits.objectBreakers.some(
        (b) => b.start >= near.end && b.end <= noun.start && !/(?:^|[\s,،])(?:and|&|و)(?:\s|$)|[,،]|\sو/i.test(sentence.slice(b.end, noun.start)) && !/^و/.test(sentence.slice(noun.start, noun.end))
      )
    // Arabic request words reach less far than "please send us a DM with … ".
    const tooFar = near.arabic && wordsIn(sentence.slice(near.end, noun.start)) > 8
    if (!broken && !tooFar && !negatedBefore(sentence, near.start, hits)) return near
  }

  // A question word right before the noun.
  const whs = within(hits.wh, from, noun.start)
  const wh = whs[whs.length - 1]
  if (wh) {
    const gap = sentence.slice(wh.end, noun.start)
    const arabicWh = wh.entry.id === 'ar'
    const nounText = sentence.slice(noun.start, noun.end)
    const listed = /^و/.test(nounText) || /(?:^|\s)(?:w|and|&|و)\s*$/i.test(gap) || /[,،]\s*$/.test(gap)
    const ok = (arabicWh ? AR_WH_GAP.test(gap) : EN_WH_GAP.test(gap)) || (listed && wordsIn(gap) <= 4)
    if (ok && !negatedBefore(sentence, wh.start, hits)) return { start: wh.start, end: wh.end, form: 'wh', arabic: arabicWh }
  }
  return undefined
}

/** All requests in an agent turn's own text. */
export function findRequests(raw: string): Request[] {
  const text = raw.length > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw
  const out: Request[] = []
  for (const s of splitSentences(text)) {
    const sentence = s.text
    // The sentence's matches come from the whole text's facts (worked out once per turn).
    const all = NOUNS.findIn(text, s.start, s.end)
    const ignored = all.filter((m) => m.entry.id === 'ignore')
    const nouns: PhraseMatch[] = []
    for (const m of all) {
      if (m.entry.id === 'ignore') continue
      if (ignored.some((g) => g.start < m.end && m.start < g.end)) continue
      if (nouns.some((k) => k.start < m.end && m.start < k.end)) continue // keep the first, longest
      // "your email address": the address belongs to the e-mail.
      if (m.entry.id === 'address' && /(?:e-?mail|ip|mac|web|wallet)\s*$/i.test(sentence.slice(Math.max(0, m.start - 8), m.start))) continue
      nouns.push(m)
    }
    if (nouns.length === 0) continue
    const hits = hitsOf(text, s.start, s.end)
    for (const noun of nouns) {
      const kind = noun.entry.id
      if (!kind || !isRequestKind(kind)) continue
      const nounArabic = ARABIC.test(noun.entry.phrase) || AR_NOUNS.has(noun.entry.phrase)
      // "send the code to your email address", «أرسلنا الكود على جوالك»: a destination, not a request.
      if (/(?:(?<![A-Za-z])(?:to|on|at|via|onto|into)|(?<![\u0621-\u064A])(?:إلى|الى|على|ع|عبر|في))\s+(?:(?:your|the|ur)\s+)?$/i.test(sentence.slice(Math.max(0, noun.start - 14), noun.start))) continue
      let trigger: Trigger | undefined = /^(?:what|which)\s/i.test(noun.entry.phrase)
        ? { start: noun.start, end: noun.end, form: 'wh', arabic: false }
        : triggerFor(sentence, noun, hits)
      let start = trigger?.start ?? noun.start
      let end = noun.end
      if (!trigger) {
        // "Your order number, please?" / «رقم الطلب لو سمحت»
        const tail =
          hits.tails.find((t) => t.start >= noun.end && /^[\s,،:]*$/.test(sentence.slice(noun.end, t.start))) ??
          // «رقم الطلب كام؟»: a question word after the noun, ending the question.
          hits.postWh.find((t) => t.start >= noun.end && /^\s*$/.test(sentence.slice(noun.end, t.start)) && /^\s*(?:[?؟]|$)/.test(sentence.slice(t.end)))
        const lead = sentence.slice(0, noun.start).replace(/^(?:@\w+\s*)+/, '')
        if (tail && wordsIn(lead) <= 8 && !/\b(?:is|was|are|has|have|had)\b/i.test(lead)) {
          trigger = { start: noun.start, end: tail.end, form: 'tail', arabic: nounArabic }
          end = tail.end
        } else if (/^(?:(?:and|also|&|و)\s+)?(?:(?:your|the|ur)\s+)?$/i.test(lead.trim() ? lead.trim() + ' ' : '') && /^\s*(?:too|as well|again|also)?\s*[?؟]/i.test(sentence.slice(noun.end))) {
          trigger = { start: noun.start, end: noun.end, form: 'short', arabic: nounArabic }
          start = 0
        }
      }
      if (!trigger) {
        // "… posted your address publicly, please delete it and resend in a DM."
        const resend = hits.resend.find((r) => r.start >= noun.end)
        if (resend && !negatedBefore(sentence, resend.start, hits)) {
          trigger = { start: resend.start, end: resend.end, form: 'resend', arabic: resend.entry.id === 'ar' }
          start = resend.start
          end = resend.end
        }
      }
      if (!trigger) continue
      if (trigger.form !== 'short' && trigger.form !== 'resend') start = Math.min(trigger.start, noun.start)
      const different =
        hits.different.some((d) => d.end <= noun.start && d.end >= noun.start - 30 && wordsIn(sentence.slice(d.end, noun.start)) <= 1) ||
        hits.differentAfter.some((d) => d.start >= noun.end && d.start <= noun.end + 40 && wordsIn(sentence.slice(noun.end, d.start)) === 0)
      out.push({
        kind,
        start: s.start + start,
        end: s.start + end,
        nounStart: s.start + noun.start,
        nounEnd: s.start + noun.end,
        form: trigger.form,
        arabic: trigger.arabic || nounArabic,
        different,
        private: PRIVATE.test(sentence)
      })
    }
  }
  return out
}
