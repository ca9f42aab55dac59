/**
 * no-overpromise: the agent guarantees what it cannot control or states it in
 * absolute terms — "I guarantee", "100%", "it'll definitely arrive tomorrow",
 * "this will never happen again", «أوعدك ١٠٠٪ هتوصلك بكرة», «مضمون».
 * Ordinary commitments to the agent's own next action ("I'll email you the
 * label", «هبعتلك اللينك») are not reported, nor are «أبشر» or a bare «أكيد».
 *
 * The diagnostic sits on the agent (or bot) turn, at the over-promising phrase.
 */
import { sentenceEnd, sentenceStart } from '../../src/text/sentences.js'
import { overlaps } from '../../src/text/spans.js'
import { defineRule } from '../../src/engine/define-rule.js'
import { normaliseArabic } from '../../src/text/arabic/normalise.js'
import { messageLanguage } from '../../src/text/language.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch } from '../../src/text/phrases.js'
import type { OptionSchema } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import en from './lexicon.en.json' with { type: 'json' }
import ar from './lexicon.ar.json' with { type: 'json' }

export interface NoOverpromiseOptions {
  /** Phrases never reported (matched against the triggering phrase and its sentence). */
  allow?: string[]
  /** Extra phrases to report as over-promises (house guarantees, brand slogans). */
  also?: string[]
}

type Kind = 'guarantee' | 'hundred' | 'certain-future' | 'certain' | 'never-again' | 'never-again-weak' | 'promise' | 'assure' | 'absolute' | 'custom'

const BASE_CONFIDENCE: Record<Kind, number> = {
  guarantee: 0.9,
  hundred: 0.8,
  'certain-future': 0.8,
  certain: 0.8,
  'never-again': 0.9,
  'never-again-weak': 0.7,
  promise: 0.85,
  assure: 0.8,
  absolute: 0.75,
  custom: 0.8
}

// Compiled once at module load.
const TRIGGERS = compilePhrases([...(en.triggers as PhraseEntry[]), ...(ar.triggers as PhraseEntry[])])
const HEDGES = compilePhrases([...(en.hedges as PhraseEntry[]), ...(ar.hedges as PhraseEntry[])])
const AMOUNT_AFTER = new Set(en.amountWordsAfter.map((w) => w.toLowerCase()))
const AMOUNT_BEFORE = new Set(en.amountWordsBefore.map((w) => w.toLowerCase()))
const AR_AMOUNT = new Set(ar.amountWords.map((w) => normaliseArabic(w).text))
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const OWN_ACTIONS = new RegExp(`^(?:${en.ownActions.map((w) => escape(w).replace(/\s+/g, '\\s+')).join('|')})\\b`, 'i')
const AR_OUTCOME = new RegExp(`(?:${ar.outcomeStems.map((w) => escape(normaliseArabic(w).text)).join('|')})`)

const MAX_CHARS = 20_000

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string' }, description: 'Phrases never reported' },
    also: { type: 'array', items: { type: 'string' }, description: 'Extra phrases to report as over-promises' }
  }
}

// ---------------------------------------------------------------------------
// Text helpers.

interface Range {
  start: number
  end: number
}

const QUOTE_PAIRS =
  /"[^"\n]{1,300}"|“[^”\n]{1,300}”|«[^»\n]{1,300}»|(?<![\p{L}\p{N}])['‘](?:[^'’‘\n]|(?<=\p{L})['’](?=\p{L})){1,200}['’](?![\p{L}\p{N}])/gu

function quotedRanges(text: string): Range[] {
  const out: Range[] = []
  QUOTE_PAIRS.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = QUOTE_PAIRS.exec(text))) out.push({ start: m.index, end: m.index + m[0].length })
  return out
}

const inside = (r: Range, ranges: Range[]) => ranges.some((q) => r.start >= q.start && r.end <= q.end)

/** Start of the clause holding `index` (sentence start, or after , ; : — and "but"). */
function clauseStart(text: string, index: number): number {
  const s = sentenceStart(text, index)
  const before = text.slice(s, index)
  let cut = 0
  const re = /[,;:—–،؛]|\b(?:but|however|and)\b|(?:^|\s)(?:لكن|بس|ولكن)(?=\s)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(before))) cut = m.index + m[0].length
  return s + cut
}

/** «مش متأكد ١٠٠٪», «ما بعرف متأكد ١٠٠٪»: not (fully) sure, the opposite of a guarantee. */
const AR_UNSURE_BEFORE = /(?:^|[^\u0600-\u06FF])(?:مش|مو|ما|مب|موش|مانيش|ماني|لست|لسنا|غير)\s+(?:[\u0621-\u064A]+\s+)?(?:متأكد|متاكد|متأكدين|متاكدين|متأكدة|متاكدة|متأكده|متاكده|أكيد|اكيد)\s*$/u
const AR_NEGATION_BEFORE = /(?:^|[^\u0600-\u06FF])(?:لا|ما|مش|مو|مب|لن|لم|غير|ليس|موش|مهوش)\s*$/u
const EN_NEGATION_BEFORE = /\b(?:not|never|no|n['’]t)\s+$/i

const SINGLE = new Map<PhraseEntry, ReturnType<typeof compilePhrases>>()

/** Point at «مضمون», not «ومضمون»: drop a leading conjunction و/ف when the phrase still matches without it. */
function trimConjunction(text: string, m: PhraseMatch): number {
  const ch = text[m.start]
  if ((ch !== 'و' && ch !== 'ف') || m.end - m.start < 3) return m.start
  let matcher = SINGLE.get(m.entry)
  if (!matcher) SINGLE.set(m.entry, (matcher = compilePhrases([m.entry])))
  const again = matcher.find(text.slice(m.start + 1, m.end))
  return again.some((x) => x.start === 0 && x.end === m.end - m.start - 1) ? m.start + 1 : m.start
}

// ---------------------------------------------------------------------------
// Outcome checks: an outcome in someone else's hands, or the agent's own action?

function englishPromiseIsOutcome(after: string): boolean {
  const clause = (after.split(/[.!?\n;]/)[0] ?? '').slice(0, 160)
  if (/^\s*(?:[,:—–-]\s*)?(?:that\s+)?(?:I|we)(?:['’]ll|['’]m|['’]re|['’]d|\s+will|\s+shall|\s+am|\s+are|\s+would|\s+won['’]t|\s+(?:do|did|have|had|always|never|really|truly)\b)/i.test(clause)) return false
  if (/^\s*(?:[,:—–-]\s*)?to\s/i.test(clause)) return false
  return /(?:\bwill\b|['’]ll\b|\bwon['’]t\b|\bshall\b|\bgoing\s+to\b|\bgonna\b|\bbe\s+(?:back|there|with\s+you|delivered|fixed|resolved|sorted|done|approved|refunded|credited|online|working)\b)/i.test(clause)
}

/** "It will arrive tomorrow, I promise": a promise that ends its sentence is about the clause before it. */
function englishTrailingPromiseIsOutcome(text: string, m: PhraseMatch): boolean {
  // The promise closes its clause: punctuation, a dash, the end, or only a signature ("^NB") or emoji after it.
  if (!/^\s*(?:[.!?\n;)\-–—]|$)/.test(text.slice(m.end, m.end + 3)) && !/^[^\p{L}\p{N}]*(?:[\^*~]\p{L}{1,5}[^\p{L}\p{N}]*)?$/u.test(text.slice(m.end, m.end + 40))) return false
  const before = text.slice(Math.max(0, m.start - 200), m.start)
  const clause = before.slice(before.search(/[^.!?\n;]*$/)).replace(/[\s,:—–-]+$/, '')
  return englishPromiseIsOutcome(clause)
}

/** "we'll definitely pass this on" is the agent's own action; "it'll definitely arrive" is not. */
function englishCertaintyIsOwnAction(text: string, m: PhraseMatch): boolean {
  const matched = text.slice(m.start, m.end)
  const before = text.slice(Math.max(0, m.start - 30), m.start)
  const subject = /([A-Za-z]+)\s*$/.exec(before)?.[1]?.toLowerCase()
  if (subject !== 'i' && subject !== 'we') return false
  let after: string
  const trailing = /\b(?:for\s+sure|without\s+fail|no\s+matter\s+what)$/i
  if (trailing.test(matched)) after = matched.replace(/^(?:will|['’]ll)\s+/i, '')
  else after = text.slice(m.end, m.end + 60).trim()
  after = after.replace(/^(?:will|['’]ll|going\s+to|gonna)\s+/i, '').replace(/^(?:definitely|certainly|surely|absolutely|also|personally)\s+/i, '')
  return OWN_ACTIONS.test(after)
}

const AR_FUNCTION_WORDS = new Set(
  ['هذا', 'هذه', 'هنا', 'هناك', 'هو', 'هي', 'هم', 'هيك', 'هاي', 'هلق', 'هسه', 'بس', 'بعد', 'بين', 'بكره', 'بكرا', 'باكر', 'بالله', 'بدي', 'بدك', 'برضو', 'بصراحه', 'بكل', 'بالتاكيد', 'تم', 'ده', 'دي', 'هاد', 'هادي', 'هادا', 'هذي'].map((w) => normaliseArabic(w).text)
)
const AR_TIME = /^(?:بكره|بكرا|باكر|غدا|غدوه|اليوم|النهارده|الليله|الصبح|الصباح|قبل|بعد|خلال|الساعه|الضهر|الظهر|المسا|المساء|الحين|دلوقتي|هلق|هسه|دابا|توا|فورا|حالا|على|علي|في|من|مع|كمان|اكيد|والله|ان|انه|انها|بان|بانه|بانها|اللي|الي|يا|حضرتك|انت|انتي|ليك|لك|عندك|الطلب|الشحنه|الاوردر|طلبك|طلب|المبلغ|فلوسك|الفلوس|المشكله|العطل|الموافقه|التعويض|الرد|الفني|المندوب|الكوليا|الكومند|الباكج|ميه|100|%|ب|بال)$/
const AR_OWN_SUBJECT = /^(?:انا|احنا|نحن|اني|اننا|انني|احنا)$/

/**
 * After «أوعدك» / «أكيد»: true when the next verb is a second/third-person future
 * (an outcome: «هتوصلك», «بيوصلك», «ستصدر», «ما راح تتكرر»), false when it is the
 * agent's own action («هبعتلك», «سأتصل», «رح إتصل»), undefined when unclear.
 */
function arabicOutcomeAfter(
  tokens: ReadonlyArray<{ start: number; end: number; norm: string; script: string }>,
  text: string,
  from: number,
  maxTokens: number,
  strict: boolean
): boolean | undefined {
  const list = tokens.filter((t) => t.start >= from)
  let prevEnd = from
  for (let k = 0; k < Math.min(maxTokens, list.length); k++) {
    const t = list[k]!
    if (/[.!?؟\n]/.test(text.slice(prevEnd, t.start))) return undefined
    prevEnd = t.end
    if (t.script === 'latin') {
      const w = t.norm.toLowerCase()
      if (/^(?:ra7|rah|ghadi|gha)$/.test(w)) {
        const next = list[k + 1]?.norm.toLowerCase() ?? ''
        if (/^[ty]/.test(next)) return true
        if (/^[an2e]/.test(next)) return false
        continue
      }
      if (/^(?:ha|7a)-?[ty]\w{2,}/.test(w) || /^(?:bi|b)[ty]\w{2,}/.test(w)) return true
      if (/^(?:ha|7a)-?[^ty\s]\w{2,}/.test(w) || /^(?:bn|mn)\w{2,}/.test(w)) return false
      if (/^(?:ana|e7na|i7na|ehna)$/.test(w)) return false
      continue
    }
    if (t.script !== 'ar') continue
    const raw = t.norm
    const w = /^[وف]/.test(raw) && raw.length > 3 && !/^(?:وصل|فعل|وافق|وفر|فتح)/.test(raw) ? raw.slice(1) : raw
    if (AR_OWN_SUBJECT.test(w)) return false
    if (/^(?:رح|راح|غادي|رايح|حا)$/.test(w)) {
      const next = list[k + 1]?.norm ?? ''
      if (/^[يت]/.test(next)) return !strict || AR_OUTCOME.test(next)
      if (/^[انإ]/.test(next)) return false
      continue
    }
    if (/^(?:لا|ما|مش|مو|لن|مب|موش|مهوش)$/.test(w)) continue
    if (AR_TIME.test(w) || AR_FUNCTION_WORDS.has(w)) continue
    // First person: سأتصل، سنرسل، هنبعت، حنكلم، بنرسل، منبعت، هبعتلك، بشيك (هـ/بـ + consonant).
    if (/^(?:س[ان]|[هح][ان]|ب[ان]|من|بن)[\u0621-\u064a]{2,}/.test(w) || /^[هب][^يتناوه][\u0621-\u064a]{2,}/.test(w)) return false
    // هتابع / هتواصل / بتأكد: the 1sg future of verbs that begin with ت («I'll follow up»).
    if (/^[هحب](?:تابع|تواصل|تاكد|تحقق|تصل|تكلم|تعامل|تصرف|ترجم)/.test(w)) return false
    // Second/third person future: ستصلك، سيتم، هتوصلك، هيوصل، حتوصل، بيوصلك.
    if (/^(?:س[يت]|[هحب][يت])[\u0621-\u064a]{2,}/.test(w)) return !strict || AR_OUTCOME.test(w)
    if (/^(?:يكون|تكون|يصير|تصير)$/.test(w)) return true
    if (/^[يت][\u0621-\u064a]{2,}(?:ك|لك|كم|لكم|ليك|لج|ج|كي)$/.test(w)) return !strict || AR_OUTCOME.test(w)
    if (strict) return undefined
    // A bare third-person verb after «أوعدك» («أوعدك يوصل بكرة») is an outcome too.
    if (/^[يت][\u0621-\u064a]{3,}$/.test(w)) return true
  }
  return undefined
}

const ASSURED_OUTCOME =
  /\b(?:arriv\w*|deliver\w*|be\s+(?:there|with\s+you|back|fixed|resolved|restored|refunded|approved|credited|removed|sorted|online)|fix\w*|resolv\w*|refund\w*|approv\w*|never|again|won['’]t|reach\s+you|get\s+(?:it|your))\b/i

/** «بيوصلك بكرة أكيد»: an outcome verb in the few words before a clause-final certainty word. */
function arabicOutcomeBefore(tokens: ReadonlyArray<{ start: number; end: number; norm: string; script: string }>, text: string, before: number): boolean {
  const list = tokens.filter((t) => t.end <= before && t.script === 'ar').slice(-5)
  for (let k = list.length - 1; k >= 0; k--) {
    const t = list[k]!
    if (/[.!?؟\n]/.test(text.slice(t.end, k === list.length - 1 ? before : list[k + 1]!.start))) return false
    // «وبيوصلك»: the conjunction comes off first.
    const w = /^[وف](?:س[يت]|[هحب][يت]|[يت])[\u0621-\u064a]{2,}/.test(t.norm) ? t.norm.slice(1) : t.norm
    if (/^(?:س[يت]|[هحب][يت])[\u0621-\u064a]{2,}/.test(w) && AR_OUTCOME.test(w)) return true
    if (/^[يت][\u0621-\u064a]{2,}(?:ك|لك|كم|لكم|ليك|لج|ج|كي)$/.test(w) && AR_OUTCOME.test(w)) return true
  }
  return false
}

/** Is this 100% an amount or a level ("100% of the fare", «ممتلئة بنسبة ١٠٠٪»)? */
function isAmount(text: string, m: PhraseMatch): boolean {
  const before = text.slice(Math.max(0, m.start - 30), m.start)
  const after = text.slice(m.end, m.end + 30)
  const prevLatin = /([A-Za-z']+)[^A-Za-z\u0600-\u06FF]*$/.exec(before)?.[1]?.toLowerCase()
  const prevAr = /([\u0600-\u06FF]+)[^\u0600-\u06FF]*$/.exec(before)
  const nextLatin = /^[^A-Za-z\u0600-\u06FF.!?]*?([A-Za-z][A-Za-z'’-]*)/.exec(after)?.[1]?.toLowerCase()
  const nextAr = /^[^A-Za-z\u0600-\u06FF.!?]*?([\u0600-\u06FF]+)/.exec(after)?.[1]
  const directlyBefore = before.replace(/\s+$/, '')
  // "not 100% sure", «مش ١٠٠٪»
  if (EN_NEGATION_BEFORE.test(before) || AR_NEGATION_BEFORE.test(directlyBefore + ' ')) return true
  if (prevAr && /[\u0600-\u06FF]\s*$/.test(directlyBefore) && AR_AMOUNT.has(normaliseArabic(prevAr[1]!).text)) return true
  if (nextAr && /^\s*[\u0600-\u06FF]/.test(after) && AR_AMOUNT.has(normaliseArabic(nextAr).text)) return true
  if (prevLatin && /[A-Za-z']\s*$/.test(directlyBefore) && (AMOUNT_BEFORE.has(prevLatin) || /^(?:is|are)$/.test(prevLatin) && /\bat\s*$/i.test(before))) return true
  if (nextLatin && /^\s*[A-Za-z]/.test(after)) {
    if (AMOUNT_AFTER.has(nextLatin)) return true
    // In an English clause, 100% must qualify a claim ("100% sure", "100% it'll arrive").
    if (!/^(?:sure|certain|guarantee\w*|confident|positive|that|it|it['’]ll|it['’]s|you|you['’]ll|your|this|the|will|won['’]t|be|nothing|no|i|i['’]m|we|we['’]ll|going|on|arriv\w*|deliver\w*|fix\w*|resolv\w*|get|gets|happen\w*|definitely|yes|promise\w*|mia|ykoon|ykun|hayewsal|hatewsal|bywsal)$/.test(nextLatin)) return true
  }
  return false
}

// ---------------------------------------------------------------------------
// Coaching text.

type Dialect = 'MSA' | 'EGY' | 'GLF' | 'LEV' | 'MAG' | 'IRQ'
type Topic = 'delivery' | 'never' | 'decision' | 'fix' | 'generic'

function detectDialect(text: string): Dialect {
  const n = normaliseArabic(text).text
  const score: Record<Dialect, number> = { MSA: 0, EGY: 0, GLF: 0, LEV: 0, MAG: 0, IRQ: 0 }
  const add = (d: Dialect, re: RegExp) => (score[d] += (n.match(re) ?? []).length)
  add('EGY', /(?<![\u0621-\u064a])(?:دلوقتي|حضرتك|عشان|ده|دي|ازاي|ايه|النهارده|اوي|خالص|هتوصل\S*|هيوصل\S*|مش|فندم|اوردر|بتاع\S*|كده|تاني)(?![\u0621-\u064a])/g)
  add('GLF', /(?<![\u0621-\u064a])(?:الحين|وش|ابي|تبي|باكر|زين|مب|حقك|يعطيك|عساك|ابشر|لين|وايد|شلونك|الطلبيه|جان)(?![\u0621-\u064a])/g)
  add('LEV', /(?<![\u0621-\u064a])(?:هلق|هلا|شو|هيك|منيح|رح|بدك|بدي|كتير|هون|لحتى|عم|منشان|مشان|يلا)(?![\u0621-\u064a])/g)
  add('IRQ', /(?<![\u0621-\u064a])(?:شلون|هسه|اكو|ماكو|وياك|شنو|كلش|هواي|اريد|راح|دزلي)(?![\u0621-\u064a])/g)
  add('MAG', /(?<![\u0621-\u064a])(?:دابا|واش|بزاف|ديال\S*|غادي|نتا|كيفاش|باش|توا|برشا|برك|شنو|علاش|هادي|بلي|ماشي|مزيان|الكوليا|خويا)(?![\u0621-\u064a])/g)
  add('MSA', /(?<![\u0621-\u064a])(?:سوف|لن|نود|يرجي|نرجو|الذي|التي|ذلك|هذه|لدينا|لدي|نحن|سيتم|يمكنكم|حضره|المحترم)(?![\u0621-\u064a])/g)
  let best: Dialect = 'MSA'
  for (const d of ['EGY', 'GLF', 'LEV', 'IRQ', 'MAG'] as const) if (score[d] > score[best]) best = d
  return best
}

function topicOf(sentence: string): Topic {
  const s = sentence.toLowerCase()
  const n = normaliseArabic(sentence).text
  if (/\bagain\b|\bnever\b|last\s+time|تكرر|اخر\s+مره|تتعاود|يتعاود|kar+a?r|akher\s+marra/.test(s + ' ' + n)) return 'never'
  if (/\b(?:arriv|deliver|courier|ship|parcel|package|at\s+your\s+door|with\s+you|dispatch|post)\w*|يوصل|توصل|وصل|الشحن|المندوب|التوصيل|الشحنه|الكوليا|الاوردر|wsal|wosol/.test(s + ' ' + n)) return 'delivery'
  if (/\b(?:refund|insur|bank|approv|credit\s+report|dispute|claim|pay|compensat|chargeback|decision)\w*|الموافقه|اللجنه|البنك|الاسترجاع|استرجاع|التعويض|الفلوس|المبلغ|ترجعلك|ترجع/.test(s + ' ' + n)) return 'decision'
  if (/\b(?:fix|back\s+online|restor|repair|outage|resolv|sorted|working|block)\w*|تتصلح|يتصلح|ينحل|تنحل|العطل|الشبكه|مشكله/.test(s + ' ' + n)) return 'fix'
  return 'generic'
}

function englishTime(sentence: string): string | undefined {
  const m =
    /\b(?:today|tonight|tomorrow(?:\s+(?:morning|afternoon|evening|night))?|(?:this|next)\s+(?:week|weekend|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:by|before)\s+(?:\d{1,2}(?::\d{2})?\s*(?:am|pm)(?:\s+today)?|noon|midday|the\s+end\s+of\s+\w+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|within\s+\d+\s+\w+)\b/i.exec(
      sentence
    )
  return m?.[0]
}

function arabicTime(sentence: string): string | undefined {
  return /(?:بكر[اةه]|باكر|باچر|غد[اًا]?[\u064B-\u065F]*(?![\u0621-\u064a])|غدوة|غدوه|اليوم|النهارده|الليلة|خلال\s+[^\s،,.]+(?:\s+[^\s،,.]+)?|قبل\s+[^\s،,.]+(?:\s+[^\s،,.]+)?)/.exec(sentence)?.[0]
}

function englishMessages(kind: Kind, span: string, sentence: string) {
  const short = span.length > 80 ? span.slice(0, 77) + '…' : span
  const reason =
    kind === 'never-again' || kind === 'never-again-weak'
      ? `"${short}" promises it will never happen again — no one can guarantee that.`
      : kind === 'hundred'
        ? `"${short}" claims a certainty you can't back up.`
        : kind === 'guarantee'
          ? `"${short}" guarantees something you don't fully control.`
          : kind === 'absolute'
            ? `"${short}" makes an absolute claim about the future.`
            : `"${short}" promises an outcome that depends on others (a courier, a bank, a system), not on you.`
  const note =
    'Promise only what you and your team can deliver — and then keep it. If a courier, a bank or a system breaks a guarantee you gave, the customer blames you twice. ' +
    'Give the expected time as an estimate, and commit to your own next step: checking, following up, updating them.'
  const when = englishTime(sentence)
  let expected: string[]
  switch (topicOf(sentence)) {
    case 'delivery':
      expected = [
        `It's with the courier now and they expect to deliver ${when ?? 'on the date shown in your tracking'}; I'll keep an eye on the tracking and let you know straight away if anything changes.`,
        `The courier's current estimate is ${when ? when.replace(/^(?:on|by)\s+/i, '') : 'the date shown in your tracking'}. I can't control their route, but I'll check on it and update you.`
      ]
      break
    case 'never':
      expected = [
        "I'm sorry this happened. We've fixed the cause and we're working to stop it happening again — if it does, tell me and I'll deal with it personally.",
        "We've taken steps to prevent a repeat, and I've noted your account so we can act quickly if anything goes wrong."
      ]
      break
    case 'decision':
      expected = [
        "The final decision is theirs, but I've sent everything they need and I'll follow up and let you know as soon as they reply.",
        `I've sent everything they need; I'll chase them if there's no answer ${when ?? 'within a few days'}, and keep you updated at each step.`
      ]
      break
    case 'fix':
      expected = [
        `The team expects to have it fixed ${when ?? 'soon'}; I'll update you as soon as it's done, or with a new time if it slips.`,
        "I can't promise an exact time, but I'll follow the repair and message you the moment it's back."
      ]
      break
    default:
      expected = [
        `The expected timing is ${when ?? 'the one we quoted'}; I can't promise it, but I'll follow it up and keep you posted.`,
        "I'll do everything I can to make that happen, and I'll update you on progress."
      ]
  }
  return { reason, note, expected }
}

const AR_EXPECTED: Record<Dialect, { delivery: string[]; never: string[]; generic: string[] }> = {
  MSA: {
    delivery: ['الشحنة لدى شركة الشحن، وموعد التسليم المتوقع {t}. سأتابعها وأبلغك فورًا إن تغيّر شيء.', 'لا أستطيع التحكم في مسار الشحن، لكنني سأتابع حالة الطلب وأطلعك على كل جديد.'],
    never: ['نعتذر عمّا حدث، وقد عالجنا السبب ونعمل على ألّا يتكرر، وإن تكرر فتواصل معي مباشرة وسأتولاه بنفسي.', 'اتخذنا إجراءات لمنع تكرار المشكلة، وسنتابع حسابك عن قرب.'],
    generic: ['الموعد المتوقع {t}، ولا أستطيع ضمانه لأن الأمر بيد جهة أخرى، لكنني سأتابع وأبلغك فور صدور أي جديد.', 'سأبذل كل ما بوسعي وأبقيك على اطلاع بكل خطوة.']
  },
  EGY: {
    delivery: ['الشحنة مع شركة الشحن والمتوقع توصل {t}، وأنا هتابعها بنفسي وأبلغ حضرتك لو حصل أي تغيير.', 'مقدرش أتحكم في شركة الشحن، بس هفضل متابع الأوردر وأطمن حضرتك أول بأول.'],
    never: ['حقك علينا، صلحنا سبب المشكلة وبنعمل كل اللي نقدر عليه عشان متتكررش، ولو حصلت تاني كلمني على طول.', 'اتخذنا إجراءات عشان المشكلة دي متتكررش، وهنتابع حساب حضرتك بنفسنا.'],
    generic: ['المتوقع {t}، ومقدرش أضمنه لأنه مش في إيدينا، بس هتابع وأرد على حضرتك أول ما يوصلني جديد.', 'هعمل كل اللي أقدر عليه وأبلغ حضرتك بكل خطوة.']
  },
  GLF: {
    delivery: ['الشحنة عند شركة التوصيل والمتوقع توصلك {t}، وبتابعها بنفسي وأبلغك إذا تغير شي.', 'ما أقدر أتحكم بشركة التوصيل، بس بتابع الطلب وأطمنك أول بأول.'],
    never: ['حقك علينا، عالجنا سبب المشكلة ونشتغل على إنها ما تتكرر، وإذا صارت مرة ثانية كلمني مباشرة.', 'اتخذنا إجراءات تمنع تكرار المشكلة، وبنتابع حسابك عن قرب.'],
    generic: ['المتوقع {t}، وما أقدر أضمنه لأنه عند جهة ثانية، بس بتابعه وأبلغك أول ما يوصلني رد.', 'بسوي كل اللي أقدر عليه وأبلغك بكل خطوة.']
  },
  LEV: {
    delivery: ['الشحنة مع شركة التوصيل والمتوقع توصلك {t}، ورح تابعها بنفسي وخبرك إذا تغيّر شي.', 'ما فيني اتحكم بشركة التوصيل، بس رح ضل متابع الطلب وطمنك أول بأول.'],
    never: ['حقك علينا، صلّحنا سبب المشكلة وعم نشتغل لحتى ما تتكرر، وإذا صارت مرة تانية احكيني مباشرة.', 'اتخذنا إجراءات لحتى ما تتكرر المشكلة، ورح نتابع حسابك عن قرب.'],
    generic: ['المتوقع {t}، وما فيني إضمنه لأنه مش بإيدنا، بس رح تابع وخبرك أول ما يوصلني رد.', 'رح اعمل كل اللي بقدر عليه وخبرك بكل خطوة.']
  },
  MAG: {
    delivery: ['الكوليا عند شركة التوصيل والمتوقع توصلك {t}، وغادي نتابعها بنفسي ونخبرك إلا تبدل شي.', 'ما نقدرش نتحكم فشركة التوصيل، ولكن غادي نبقى نتابع الطلب ونطمنك.'],
    never: ['سمح لينا، صلحنا سبب المشكل وخدامين باش ما يتعاودش، وإلا وقع مرة أخرى تواصل معايا نيشان.', 'درنا إجراءات باش المشكل ما يتعاودش، وغادي نتابعو الحساب ديالك.'],
    generic: ['المتوقع {t}، وما نقدرش نضمنو حيت ماشي بيدنا، ولكن غادي نتابع ونخبرك أول ما يوصلني الجواب.', 'غادي نعمل كلشي اللي نقدر عليه ونخبرك بكل خطوة.']
  },
  IRQ: {
    delivery: ['الشحنة عند شركة التوصيل والمتوقع توصلك {t}، وراح أتابعها بنفسي وأبلغك إذا تغير شي.', 'ما أكدر أتحكم بشركة التوصيل، بس راح أتابع الطلب وأطمنك أول بأول.'],
    never: ['حقك علينا، عالجنا سبب المشكلة ونشتغل حتى ما تتكرر، وإذا صارت مرة لخ كلمني مباشرة.', 'سوينا إجراءات تمنع تكرار المشكلة، وراح نتابع حسابك.'],
    generic: ['المتوقع {t}، وما أكدر أضمنه لأن مو بإيدنا، بس راح أتابع وأبلغك أول ما يوصلني رد.', 'راح أسوي كل اللي أكدر عليه وأبلغك بكل خطوة.']
  }
}

function arabicMessages(kind: Kind, span: string, sentence: string, turnText: string) {
  const short = span.length > 80 ? span.slice(0, 77) + '…' : span
  const reason =
    kind === 'never-again' || kind === 'never-again-weak'
      ? `«${short}»: وعدٌ بأن المشكلة لن تتكرر أبدًا، ولا أحد يستطيع ضمان ذلك.`
      : kind === 'hundred' || kind === 'guarantee'
        ? `«${short}»: ضمان قاطع لأمر ليس كله بيدك.`
        : `«${short}»: وعدٌ بنتيجة تتوقف على غيرك (شركة شحن، بنك، نظام) لا على ما ستفعله أنت.`
  const note =
    'لا تعِد إلا بما تستطيع أنت وفريقك تنفيذه، ثم أوفِ به. إذا أخلفت شركة الشحن أو البنك ضمانًا قدّمته أنت، خسرت ثقة العميل مرتين. ' +
    'اذكر الموعد على أنه تقدير، والتزم بخطوتك أنت: المتابعة والتحقق وإبلاغه بالجديد.'
  const d = detectDialect(turnText)
  const topic = topicOf(sentence)
  const set = AR_EXPECTED[d]
  const t = arabicTime(sentence) ?? 'قريبًا'
  const list = topic === 'delivery' ? set.delivery : topic === 'never' ? set.never : set.generic
  return { reason, note, expected: list.map((s) => s.replace('{t}', t)) }
}

// ---------------------------------------------------------------------------

/** What a finished cancellation stops: being charged, billed, e-mailed or called again. */
const STOPPED_CONSEQUENCE =
  /\b(?:charged|billed|debited|invoiced|contacted|emailed|e-mailed|texted|called|messaged|(?:receive|get)\s+(?:any\s+)?(?:more\s+)?(?:emails?|e-mails?|messages?|texts?|calls?|letters?|invoices?|bills?|newsletters?|notifications?))\b/i
const DONE_ACTION =
  /\b(?:(?:has|have|had)\s+been|was|were|is\s+now|are\s+now|I['’]ve|we['’]ve|I\s+have|we\s+have|I|we)\s+(?:now\s+|just\s+|already\s+|successfully\s+|also\s+)?(?:cancell?ed|stopped|closed|removed|unsubscribed|deleted|opted\s+you\s+out|refunded|turned\s+off|switched\s+off|disabled|ended|terminated|blocked|deactivated)\b/i

/**
 * "Your subscription has been cancelled and you won't be charged again": the consequence of what the agent has
 * just done, not a promise about the future.
 */
function isConsequenceOfDoneAction(text: string, m: PhraseMatch): boolean {
  if (!STOPPED_CONSEQUENCE.test(text.slice(m.start, m.end))) return false
  return DONE_ACTION.test(text.slice(sentenceStart(text, m.start), sentenceEnd(text, m.end)))
}

export default defineRule<NoOverpromiseOptions>({
  meta: {
    id: 'no-overpromise',
    description:
      'The agent guarantees what it cannot control or speaks in absolutes ("I guarantee", "100%", "this will never happen again"); its own next actions are fine',
    recommended: 'warn',
    url: docsUrl('no-overpromise'),
    schema,
    defaultOptions: { allow: [], also: [] },
    judges: ['agent', 'bot'],
    languages: ['en', 'ar']
  },
  check(context) {
    const { transcript, options } = context
    const allow = options.allow?.length ? compilePhrases(options.allow, { shared: false }) : undefined
    const also = options.also?.length ? compilePhrases(options.also.map((phrase) => ({ phrase, id: 'custom' })), { shared: false }) : undefined

    transcript.turns.forEach((turn, i) => {
      // A turn is judged on it and the turns before it: the caller has the findings before `since`.
      if (i < context.since || (turn.role !== 'agent' && turn.role !== 'bot')) return
      const analysis = context.analyse(i)
      const own = analysis.ownText
      const text = own.length > MAX_CHARS ? own.slice(0, MAX_CHARS) : own
      if (!/[\p{L}\p{N}]/u.test(text)) return

      // The built-in triggers of a turn are kept with its analysis: a pre-send check does not look again in earlier turns.
      const found = [...analysis.memo('no-overpromise:triggers', () => TRIGGERS.find(text)), ...(also?.find(text) ?? [])].sort((a, b) => a.start - b.start || b.end - a.end)
      if (found.length === 0) return
      const quotes = quotedRanges(text)
      const hedges = HEDGES.find(text)
      let tokens: ReturnType<typeof context.analyse>['tokens'] | undefined

      const accepted: PhraseMatch[] = []
      for (const m of found) {
        if (inside(m, quotes)) continue
        const kind = (m.entry.id ?? 'custom') as Kind
        const clause = clauseStart(text, m.start)
        const before = text.slice(Math.max(clause, m.start - 30), m.start)
        // Negated or hedged: "I can't guarantee", «ما نقدر نضمن», "to make sure it won't happen again".
        if (kind !== 'custom') {
          // Effort words ("to make sure…", «عشان ما…») soften a never-again or a forecast, not an explicit guarantee.
          const effortCounts = kind === 'never-again' || kind === 'never-again-weak' || kind === 'certain-future' || kind === 'absolute'
          if (hedges.some((h) => h.start >= clause && h.end <= m.start && (effortCounts || h.entry.id === 'negation'))) continue
          if (AR_NEGATION_BEFORE.test(before) || EN_NEGATION_BEFORE.test(before)) continue
        }
        if (allow) {
          const sentence = text.slice(sentenceStart(text, m.start), sentenceEnd(text, m.end))
          if (allow.test(text.slice(m.start, m.end)) || allow.test(sentence)) continue
        }
        const arabicEntry = m.entry.dialect !== undefined && !/arabizi/i.test(m.entry.dialect)
        if (kind === 'hundred' && (isAmount(text, m) || AR_UNSURE_BEFORE.test(before))) continue
        if (kind === 'guarantee' && arabicEntry && /مضمون/.test(normaliseArabic(text.slice(m.start, m.end)).text)) {
          // «مضمون الرسالة» / «مضمون رسالتك» is "the content of the message", not "guaranteed".
          const next = /^[^\S\n]*([\u0621-\u064a]+)/.exec(normaliseArabic(text.slice(m.end, m.end + 24)).text)?.[1]
          if (next && (next.startsWith('ال') || (!/^(?:[يتنا]|[هحبس][يتنا])/.test(next) && /(?:ك|كم|كي|ه|ها|نا|هم)$/.test(next)))) continue
        }
        if (kind === 'promise') {
          if (m.entry.dialect) {
            tokens ??= context.analyse(i).tokens
            if (arabicOutcomeAfter(tokens, text, m.end, 8, false) !== true) continue
          } else if (!englishPromiseIsOutcome(text.slice(m.end, m.end + 200)) && !englishTrailingPromiseIsOutcome(text, m)) continue
        }
        if (kind === 'assure') {
          // "We assure you that you will be assisted" is a courtesy; "I assure you it will arrive tomorrow" is not.
          const after = text.slice(m.end, m.end + 200)
          if (!englishPromiseIsOutcome(after) || !ASSURED_OUTCOME.test((after.split(/[.!?\n;]/)[0] ?? '').slice(0, 160))) continue
        }
        if (kind === 'certain') {
          tokens ??= context.analyse(i).tokens
          const ahead = arabicOutcomeAfter(tokens, text, m.end, 3, true)
          // «بيوصلك بكرة أكيد»: a clause-final «أكيد» stresses the outcome just before it.
          const trailing = ahead !== true && /^\s*(?:[.!؟?,،]|$)/.test(text.slice(m.end, m.end + 3)) && arabicOutcomeBefore(tokens, text, m.start)
          if (ahead !== true && !trailing) continue
        }
        if (kind === 'certain-future' && englishCertaintyIsOwnAction(text, m)) continue
        if (kind === 'never-again-weak' && isConsequenceOfDoneAction(text, m)) continue
        accepted.push(m)
      }
      if (accepted.length === 0) return

      // Group overlapping matches; report the first group, by its strongest reading.
      const groups: PhraseMatch[][] = []
      for (const m of accepted) {
        const last = groups[groups.length - 1]
        if (last && last.some((k) => overlaps(k, m))) last.push(m)
        else groups.push([m])
      }
      const strength = (m: PhraseMatch) => BASE_CONFIDENCE[(m.entry.id ?? 'custom') as Kind] ?? 0.75
      const first = groups[0]!.reduce((a, b) => (strength(b) > strength(a) ? b : a))
      const kind = (first.entry.id ?? 'custom') as Kind
      const start = trimConjunction(text, first)
      const span = text.slice(start, first.end)
      const sentence = text.slice(sentenceStart(text, first.start), sentenceEnd(text, first.end))
      const arabicTrigger = first.entry.dialect !== undefined && first.entry.dialect !== 'EN'
      // The configured locale wins; otherwise an Arabic (or Arabizi) trigger gets Arabic coaching.
      const arabicHere =
        (analysis.script === 'mixed' && (arabicTrigger || /[\u0600-\u06FF]/.test(sentence))) || (arabicTrigger && /arabizi/i.test(first.entry.dialect ?? ''))
      const arabic = messageLanguage(context, arabicHere ? 'ar' : analysis.script) === 'ar'
      const messages = arabic ? arabicMessages(kind, span, sentence, text) : englishMessages(kind, span, sentence)
      let confidence = BASE_CONFIDENCE[kind] ?? 0.75
      if (groups.length > 1) confidence += 0.05
      context.report({
        turn: i,
        start,
        end: first.end,
        reason: messages.reason,
        note: messages.note,
        expected: messages.expected,
        confidence: Math.min(0.95, Math.round(confidence * 100) / 100)
      })
    })
  }
})
