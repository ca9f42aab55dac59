/**
 * no-dead-end: the agent says it doesn't know, can't help, can't do it or that it
 * isn't its job, and the same turn offers no next step — no "let me find out",
 * no concrete referral (a named team, link, number or channel), no alternative,
 * no question that moves things forward.
 *
 * The diagnostic sits on the agent (or bot) turn, at the phrase that closed the door.
 */
import { sentenceEnd, sentenceStart } from '../../src/text/sentences.js'
import { overlaps } from '../../src/text/spans.js'
import { defineRule } from '../../src/engine/define-rule.js'
import { messageLanguage } from '../../src/text/language.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch } from '../../src/text/phrases.js'
import type { OptionSchema } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import en from './lexicon.en.json' with { type: 'json' }
import ar from './lexicon.ar.json' with { type: 'json' }

export interface NoDeadEndOptions {
  /** Phrases never reported (matched against the triggering phrase and its sentence). */
  allow?: string[]
  /** Extra phrases that count as a next step (a team name, a channel, a house phrase). */
  nextSteps?: string[]
}

type Kind = 'dont-know' | 'unsure' | 'no-info' | 'cant' | 'nothing' | 'remit' | 'no-longer' | 'not-covered' | 'policy' | 'not-possible' | 'unavailable'

/** How sure a phrase alone makes us that the agent closed a door. */
const BASE_CONFIDENCE: Record<Kind, number> = {
  'dont-know': 0.9,
  unsure: 0.75,
  'no-info': 0.85,
  cant: 0.8,
  nothing: 0.9,
  remit: 0.85,
  'no-longer': 0.6,
  'not-covered': 0.6,
  policy: 0.55,
  'not-possible': 0.7,
  unavailable: 0.55
}

/**
 * A bare "that's not possible" / «مش ممكن» refuses a request only when the customer asked for
 * something; after a report ("still error 1132") it disputes the customer instead (no-arguing).
 */
const REQUEST =
  /[?؟]|\b(?:can|could|would|will)\s+(?:I|you|we|u)\b|\bI(?:['’]d|\s+would)\s+like\b|\bI\s+(?:want|need|wanna)\b|\bplease\b|\bpls\b|\bis\s+(?:it|there)\s+(?:possible|any\s+way)\b|\bhow\s+(?:do|can)\s+I\b|ممكن|ابي|أبي|ابغى|أبغى|ابغي|بدي|عايز|عاوز|عايزة|حاب|حابة|اريد|أريد|نحب|بغيت|نبغي|لو\s+سمحت|من\s+فضلك|ياريت|يا\s+ريت|هل\s+يمكن|أقدر|اقدر|أكدر|اكدر|فيني|تقدر|تقدروا|تكدرون|يمديكم|momken|mumkin|ba2dar|a2dar|bidi|3ayez|abi|abgha/i


/**
 * Arabizi phrases ("mesh 3aref", "ma ba3ref") grouped by kind and dialect into one
 * ASCII-bounded expression each (digits count as letters in Arabizi): far cheaper
 * to compile than one Unicode-bounded alternative per phrase.
 */
function groupLatin(entries: PhraseEntry[]): PhraseEntry[] {
  const out: PhraseEntry[] = []
  const groups = new Map<string, PhraseEntry[]>()
  for (const e of entries) {
    if (e.phrase.startsWith('/')) out.push(e)
    else {
      const key = `${e.id ?? ''}\u0000${e.dialect ?? ''}`
      groups.set(key, [...(groups.get(key) ?? []), e])
    }
  }
  for (const list of groups.values()) {
    const alternatives = list
      .map((e) => e.phrase.trim().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+'))
      .sort((a, b) => b.length - a.length)
    const first = list[0]!
    out.push({
      phrase: `/(?<![A-Za-z0-9])(?:${alternatives.join('|')})(?![A-Za-z0-9])/i`,
      ...(first.id ? { id: first.id } : {}),
      ...(first.dialect ? { dialect: first.dialect } : {}),
      gloss: list.map((e) => `${e.phrase} (${e.gloss ?? ''})`).join('; ')
    })
  }
  return out
}

// Compiled once at module load.
const ARABIC_LETTERS = /[\u0600-\u06FF]/
const TRIGGERS_EN = compilePhrases(en.triggers as PhraseEntry[])
const TRIGGERS_AR = compilePhrases((ar.triggers as PhraseEntry[]).filter((e) => ARABIC_LETTERS.test(e.phrase)))
const TRIGGERS_ARABIZI = compilePhrases(groupLatin((ar.triggers as PhraseEntry[]).filter((e) => !ARABIC_LETTERS.test(e.phrase))))
/** Cheap gate before the large Arabizi matcher: a word with digits for letters (3aref, 2dar) or a common Arabizi word. */
const ARABIZI_HINT =
  /(?:^|[\s(])(?:[a-z]*[a-z][2379][a-z]+|[2379][a-z]{2,}|ma|mesh|msh|mish|mush|mo|mu|mafi|mafish|maku|mdri|madri|mani|manish|walahi|wallah|wallahi|wala|ya|el|fandem|bas|akid|khouya|khoya|habibi|mab3ref|ma3rafsh)(?=[\s,.!?]|$)/i
const findTriggers = (text: string): PhraseMatch[] =>
  [...TRIGGERS_EN.find(text), ...(ARABIC_LETTERS.test(text) ? TRIGGERS_AR.find(text) : []), ...(ARABIZI_HINT.test(text) ? TRIGGERS_ARABIZI.find(text) : [])].sort(
    (a, b) => a.start - b.start || b.end - a.end
  )

const NOT_DEAD_END = compilePhrases([...(en.notDeadEnd as PhraseEntry[]), ...(ar.notDeadEnd as PhraseEntry[])])
const REPORTED = compilePhrases([...(en.reportedSpeech as PhraseEntry[]), ...(ar.reportedSpeech as PhraseEntry[])])
const NEXT_STEPS = compilePhrases([...(en.nextSteps as PhraseEntry[]), ...(ar.nextSteps as PhraseEntry[])])
const GENERIC_QUESTIONS = compilePhrases([...(en.genericQuestions as PhraseEntry[]), ...(ar.genericQuestions as PhraseEntry[])])

/** Work is capped per turn: a hostile 100k-character turn is judged on its first part. */
const MAX_CHARS = 20_000

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string' }, description: 'Phrases never reported' },
    nextSteps: { type: 'array', items: { type: 'string' }, description: 'Extra phrases that count as a next step' }
  }
}

// ---------------------------------------------------------------------------
// Text helpers (all offsets are indices in the turn text).

interface Range {
  start: number
  end: number
}

const QUOTE_PAIRS =
  /"[^"\n]{1,300}"|“[^”\n]{1,300}”|«[^»\n]{1,300}»|„[^“”\n]{1,300}[“”]|(?<![\p{L}\p{N}])['‘](?:[^'’‘\n]|(?<=\p{L})['’](?=\p{L})){1,200}['’](?![\p{L}\p{N}])/gu

/** Spans of quoted words: the agent repeating what someone said is not its own dead end. */
function quotedRanges(text: string): Range[] {
  const out: Range[] = []
  QUOTE_PAIRS.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = QUOTE_PAIRS.exec(text))) out.push({ start: m.index, end: m.index + m[0].length })
  return out
}

const inside = (r: Range, ranges: Range[]) => ranges.some((q) => r.start >= q.start && r.end <= q.end)

function blank(text: string, ranges: Range[]): string {
  if (ranges.length === 0) return text
  const chars = text.split('')
  for (const r of ranges) for (let i = Math.max(0, r.start); i < Math.min(chars.length, r.end); i++) if (chars[i] !== '\n') chars[i] = ' '
  return chars.join('')
}

// Words after "we can't" / «ما نقدر» that belong to the refusal ("… نعمل شي"), not to a next step.
const CLAUSE_STOP = /^(?:but|however|though|although|so|and|please|let|i|i'll|i’ll|we|we'll|we’ll|you|if|instead|alternatively|لكن|ولكن|لاكن|بس|الا|إلا|خليني|خلني|دعني|اسمح|لحظة|لحظه|سوف|رح|راح|تقدر|تقدري|فيك|ممكن|يمكنك|بإمكانك|بامكانك|bas|lakin|5alini|khalini)$/i
const WORD = /[\p{L}\p{N}\p{M}'’\u0640-]+/gu

function complementEnd(text: string, end: number): number {
  WORD.lastIndex = end
  let last = end
  let words = 0
  let m: RegExpExecArray | null
  while (words < 3 && (m = WORD.exec(text))) {
    const gap = text.slice(last, m.index)
    if (/[.,!?;:؟،؛…\n—–()]/.test(gap)) break
    if (CLAUSE_STOP.test(m[0]) || /^[وف](?:لكن|بس|سوف|رح|راح|سا|سن|ها|هن)/.test(m[0])) break
    // Arabic clauses joined with و: «… وسأرسل لك», «… ونقدر نعوضك»
    if (words > 0 && /^و[\u0600-\u06FF]{2,}/.test(m[0])) break
    last = m.index + m[0].length
    words++
  }
  return last
}

const URL = /(?:https?:\/\/|www\.)[^\s<>"«»]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|gov|edu|io|gg|co|me|app|ly|tn|sa|ae|eg|qa|kw|bh|om|jo|lb|ma|dz|iq|uk|us|de|fr|help|support)(?:\.[a-z]{2})?(?:\/[^\s<>"«»]*)?/gi
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g
const ROUTE_WORDS =
  /(?:\b(?:here|visit|at|via|through|using|use|follow|check|see|go|head|submit|apply|request|contact|reach|find|read|guide|steps|form|page|link|site|website|below|above|on|appeal|book|register|sign|download|track|tracking|portal|app|open|click|tap)\b|هنا|الرابط|رابط|عبر|خلال|على|علي|زور|زوري|ادخل|اضغط|صفحة|صفحه|الموقع|موقع|احجز|هاو|هذا|هذه|هاد|هادا|من)[^\n]{0,60}$/iu
const PHONE = /(?<![\w/.-])(?:\+|00)?\d[\d\s().-]{5,18}\d(?![\w/])/g
const CALL_WORDS =
  /(?:\b(?:call|phone|tel|telephone|hotline|helpline|ring|dial|whatsapp|line|option|text|sms)\b|اتصل|اتصال|هاتف|الهاتف|جوال|موبايل|الخط|خط|واتساب|واتس|تلفون|تليفون|المشرف|الساخن|ra2am|ra9m|raqam|rakam|\bnumber\b)[^\n]{0,40}$/iu
const ID_WORDS = /(?:order|booking|ticket|case|ref|reference|account|invoice|طلب|الطلب|الاوردر|الأوردر|حجز|الحجز|تذكرة|تذكره|بلاغ|حساب|الحساب|فاتورة|فاتوره|الشكوى|شكوى)[^\n]{0,15}$/iu
const VAGUE_TARGET =
  /^[^.!?\n]{0,24}?(?:\b(?:someone|somebody)\s+else\b|\b(?:another|a\s+different|some\s+other|the\s+relevant|the\s+appropriate|the\s+right)\s+(?:department|team|company|party|provider|people|person)\b|\belsewhere\b|جه[ةه]\s+(?:أخرى|اخرى|اخري|ثانية|ثانيه|تانية|مختصة|مختصه)|الجه[ةه]\s+المختص|الجهات\s+المختص|قسم\s+(?:آخر|اخر|ثاني|تاني))/iu
const NEG_BEFORE = /(?:^|[^\u0600-\u06FF])(?:لا|ما|مش|مو|مب|لن|لم|ماني|مانيش|ليس|مهوش|موش|مقدرش|ماقدرش)\s+(?:(?:راح|رح|ح|ه|بعد|نقدر|اقدر|أقدر|فينا|فيني|يمكننا|يمكنني)\s+){0,2}$/u

/** Does the reply (with the refusal itself blanked) give the customer somewhere to go? */
function findNextStep(judged: string, original: string, extra?: ReturnType<typeof compilePhrases>): string | undefined {
  // Generic closers ("Is there anything else I can help with?", «هل هناك شيء آخر…؟») move nothing
  // forward: blank them to the end of their sentence first.
  const rest = blank(
    judged,
    GENERIC_QUESTIONS.find(judged).map((g) => ({ start: g.start, end: sentenceEnd(judged, g.end) }))
  )
  for (const m of NEXT_STEPS.find(rest)) {
    const before = rest.slice(Math.max(0, m.start - 24), m.start)
    if (m.entry.dialect && NEG_BEFORE.test(before)) continue // «ما راح نتواصل», «لا تتواصل»
    // "you'll need to contact another department", «تواصل مع الجهة المختصة»: not a concrete referral.
    if (m.entry.id === 'referral' && VAGUE_TARGET.test(original.slice(m.end, m.end + 48))) continue
    return m.entry.gloss ?? m.entry.phrase
  }
  if (extra?.test(rest)) return 'configured next step'
  // A link presented as a route ("visit…", "here:", «عبر الرابط»), not a bare citation.
  let withoutLinks = rest
  EMAIL.lastIndex = 0
  if (EMAIL.test(rest)) return 'an e-mail address'
  URL.lastIndex = 0
  let m: RegExpExecArray | null
  let route = false
  while ((m = URL.exec(rest))) {
    withoutLinks = withoutLinks.slice(0, m.index) + ' '.repeat(m[0].length) + withoutLinks.slice(m.index + m[0].length)
    if (ROUTE_WORDS.test(rest.slice(Math.max(0, m.index - 60), m.index))) route = true
  }
  if (route) return 'a link to follow'
  // A phone number given as a number to call (not an order or ticket number).
  PHONE.lastIndex = 0
  while ((m = PHONE.exec(withoutLinks))) {
    const digits = m[0].replace(/\D/g, '').length
    if (digits < 6) continue
    const before = withoutLinks.slice(Math.max(0, m.index - 40), m.index)
    if (CALL_WORDS.test(before) && !ID_WORDS.test(before)) return 'a number to call'
  }
  // Another account to contact (not the leading reply-to mentions of a tweet).
  const body = withoutLinks.replace(/^\s*(?:@\w+\s*)+/, '')
  if (/(?:^|\s)@[A-Za-z_]\w{2,}/.test(body)) return 'an account to contact'
  // A question that moves things on (generic closers were blanked before).
  const q = /[?؟]/g
  while ((m = q.exec(withoutLinks))) {
    const s = sentenceStart(withoutLinks, m.index)
    if (/[\p{L}]/u.test(withoutLinks.slice(s, m.index + 1))) return 'a question'
  }
  return undefined
}

const SINGLE = new Map<PhraseEntry, ReturnType<typeof compilePhrases>>()

/** Point at «معرفش», not «ومعرفش»: drop a leading conjunction و/ف when the phrase still matches without it. */
function trimConjunction(text: string, m: PhraseMatch): number {
  const ch = text[m.start]
  if ((ch !== 'و' && ch !== 'ف') || m.end - m.start < 3) return m.start
  let matcher = SINGLE.get(m.entry)
  if (!matcher) SINGLE.set(m.entry, (matcher = compilePhrases([m.entry])))
  const again = matcher.find(text.slice(m.start + 1, m.end))
  return again.some((x) => x.start === 0 && x.end === m.end - m.start - 1) ? m.start + 1 : m.start
}

// ---------------------------------------------------------------------------
// Coaching text, fitted to the finding.

type Dialect = 'MSA' | 'EGY' | 'GLF' | 'LEV' | 'MAG' | 'IRQ'

function baseDialect(tag: string | undefined): Dialect {
  const t = (tag ?? '').toUpperCase()
  for (const d of ['EGY', 'GLF', 'LEV', 'MAG', 'IRQ'] as const) if (t.startsWith(d)) return d
  return 'MSA'
}

const AR_EXPECTED: Record<Dialect, { know: string[]; cant: string[]; arabizi: string }> = {
  MSA: {
    know: ['سؤال في محله، دعني أتحقق من ذلك وأعود إليك قبل نهاية اليوم.', 'لا تتوفر لدي المعلومة الآن، وسأسأل الفريق المختص وأبلغك بالرد اليوم.'],
    cant: ['لا أستطيع تنفيذ ذلك من هنا، لكن ما يمكنني فعله هو …، هل يناسبك ذلك؟', 'هذا من اختصاص الفريق المعني، وسأحيل طلبك إليهم الآن وأتابعه حتى يتواصلوا معك.'],
    arabizi: 'khalini at2akkad w arja3lak el yom.'
  },
  EGY: {
    know: ['سؤال حلو، خليني أتأكد وأرجع لحضرتك النهارده.', 'المعلومة دي مش عندي دلوقتي، هسأل الفريق وأرد على حضرتك في أقرب وقت.'],
    cant: ['مش هقدر أعمل ده من هنا، بس اللي أقدر أعمله لحضرتك هو …، يناسبك؟', 'ده بيتابعه قسم تاني، هحوّل طلبك ليهم دلوقتي وأفضل متابع معاك لحد ما يكلموك.'],
    arabizi: 'so2al 7elw, 5alini at2akked w arga3 l 7adretak el naharda.'
  },
  GLF: {
    know: ['سؤالك في محله، خلني أتأكد وأرجع لك اليوم.', 'ما عندي المعلومة الحين، بسأل الفريق وأبلغك أول ما يوصلني رد.'],
    cant: ['ما أقدر أسويها من هنا، بس أقدر أسوي لك …، يناسبك؟', 'هذا عند القسم المختص، برفع طلبك لهم الحين وأتابعه لين يتواصلون معك.'],
    arabizi: '5alni at2akkad w arja3 lak el yom.'
  },
  LEV: {
    know: ['سؤال منيح، خليني إتأكد وإرجعلك اليوم.', 'ما عندي المعلومة هلق، رح إسأل الفريق وخبرك أول ما يوصلني رد.'],
    cant: ['ما فيني اعملها من هون، بس فيني ساعدك بـ …، بيناسبك؟', 'هاد الموضوع عند قسم تاني، رح حوّل طلبك عليهم هلق وضلني متابع معك لحتى يتواصلوا معك.'],
    arabizi: '5alini et2akkad w erja3lak el yom.'
  },
  MAG: {
    know: ['سؤال مزيان، خليني نتأكد ونرجعلك اليوم.', 'ما عنديش المعلومة دابا، غادي نسول الفريق ونخبرك أول ما يجاوبوني.'],
    cant: ['ما نقدرش ندير هادي من هنا، ولكن نقدر نعاونك بـ …، واش يناسبك؟', 'هادي عند قسم آخر، غادي نحوّل الطلب ديالك ليهم دابا ونتابع معاك.'],
    arabizi: 'khalini nt2akked w nrje3 lik lyoum.'
  },
  IRQ: {
    know: ['سؤال بمكانه، خليني أتأكد وأرجعلك اليوم.', 'ما عندي المعلومة هسه، راح أسأل الفريق وأبلغك أول ما يوصلني رد.'],
    cant: ['ما أكدر أسويها من هنا، بس أكدر أساعدك بـ …، يناسبك؟', 'هذا الموضوع عند قسم ثاني، راح أحوّل طلبك إلهم هسه وأتابعه وياك.'],
    arabizi: 'khalini at2akkad w arja3lak el yom.'
  }
}

/** Which team a better reply would name, guessed from the conversation's words. */
function guessTeam(text: string): string {
  const t = text.toLowerCase()
  if (/\b(?:refund|charge|charged|bill|billing|invoice|fee|payment|paid|card)\b/.test(t)) return 'our billing team'
  if (/\b(?:deliver|delivery|parcel|package|courier|shipping|shipment|order|restock|stock)\w*/.test(t)) return 'our orders team'
  if (/\b(?:account|login|log in|password|ban|banned|locked|email address|profile)\b/.test(t)) return 'our accounts team'
  if (/\b(?:outage|repair|fault|broken|error|crash|bug|signal|internet|wifi|connection|app)\b/.test(t)) return 'our technical team'
  return 'the right team'
}

/** The refused action, for "I can't … myself, but …" ("overturn automated bans from chat", "change the fee"). */
function refusedAction(sentence: string): string | undefined {
  const about = /nothing\s+(?:more\s+|else\s+)?(?:I|we)\s+(?:can|could)\s+do\s+(?:about|with|for)\s+((?:[\w'’-]+\s*){1,6})/i.exec(sentence)
  if (about) return `change ${about[1]!.replace(/[\s,]+$/, '').trim()}`
  const m =
    /(?:can['’]?t|cannot|can\s+not|couldn['’]?t|could\s+not|won['’]?t\s+be\s+able\s+to|will\s+not\s+be\s+able\s+to|not\s+able\s+to|unable\s+to|not\s+in\s+a\s+position\s+to|not\s+allowed\s+to|not\s+possible\s+to)\s+((?:[\w'’-]+\s*){1,8})/i.exec(sentence)
  if (!m) return undefined
  return m[1]!.replace(/[\s,]+$/, '').trim() || undefined
}

function englishMessages(kind: Kind, span: string, sentence: string, turnText: string) {
  const team = guessTeam(turnText)
  const short = span.length > 80 ? span.slice(0, 77) + '…' : span
  const know = kind === 'dont-know' || kind === 'unsure' || kind === 'no-info'
  const reason = know
    ? `"${short}" leaves the customer with no answer and no next step: nothing says who will find out or when.`
    : `"${short}" closes the door without a next step: no alternative, referral or follow-up is offered.`
  const note =
    'A bare "I don\'t know" or "we can\'t" ends the conversation for the customer — they have to chase you or give up, and customers made to work hard rarely stay. ' +
    'Own the question: say you will find out and when you will come back, name the team, link or number that will handle it, or offer what you can do instead.'
  let expected: string[]
  if (know) {
    expected = [
      `Good question — let me find out for you and get back to you by the end of today.`,
      `I don't have that yet, so I'll check with ${team} and update you here as soon as I hear back.`
    ]
    if (kind === 'no-info') expected[0] = `We don't have that yet — I'll keep an eye on it and message you as soon as we do.`
  } else if (kind === 'remit') {
    expected = [
      `That's handled by ${team}; I'll pass your message to them now and make sure they contact you.`,
      `This isn't something I can change from here, but here's who can: [team, link or number] — and I'll note your case so you don't have to repeat it.`
    ]
  } else {
    const action = refusedAction(sentence)
    expected = [
      action ? `I can't ${action} myself, but here's what I can do: … — would that work for you?` : `I can't do that myself, but here's what I can do: … — would that work for you?`,
      `Let me ask ${team} whether there's another way, and I'll come back to you by the end of today.`
    ]
  }
  return { reason, note, expected }
}

function arabicMessages(kind: Kind, span: string, dialectTag: string | undefined) {
  const d = baseDialect(dialectTag)
  const know = kind === 'dont-know' || kind === 'unsure' || kind === 'no-info'
  const short = span.length > 80 ? span.slice(0, 77) + '…' : span
  const reason = know
    ? `«${short}»: الرد يقول إنك لا تعرف، ولا يذكر من سيبحث عن الإجابة أو متى يعود إلى العميل.`
    : `«${short}»: الرد يغلق الباب دون خطوة تالية، فلا بديل ولا جهة محددة ولا متابعة.`
  const note =
    'عبارة «لا أعرف» أو «ما نقدر» وحدها تُنهي الحديث وتترك العميل بلا طريق، والعميل الذي يُجبَر على بذل جهد كبير قلّما يبقى. ' +
    'تحمّل السؤال: قل إنك ستتحقق وتعود إليه ومتى، أو سمِّ القسم أو الرابط أو الرقم الذي سيتولى الأمر، أو اعرض ما تستطيع فعله بدلًا منه.'
  const set = AR_EXPECTED[d]
  const expected = [...(know ? set.know : set.cant)]
  if (/arabizi/i.test(dialectTag ?? '')) expected.push(set.arabizi)
  return { reason, note, expected }
}

/** Did the customer's latest message before turn `i` ask for something? */
function customerAsked(turns: ReadonlyArray<{ role: string; text: string }>, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = turns[k]!
    if (t.role === 'customer') return REQUEST.test(t.text.slice(0, 4000))
    if (t.role === 'agent' || t.role === 'bot') return false
  }
  return false
}

// ---------------------------------------------------------------------------

export default defineRule<NoDeadEndOptions>({
  meta: {
    id: 'no-dead-end',
    description:
      'The agent says it does not know, cannot help or that it is not its job, and offers no next step (find out, referral, alternative or question)',
    recommended: 'warn',
    url: docsUrl('no-dead-end'),
    schema,
    defaultOptions: { allow: [], nextSteps: [] },
    judges: ['agent', 'bot'],
    languages: ['en', 'ar']
  },
  check(context) {
    const { transcript, options } = context
    const allow = options.allow?.length ? compilePhrases(options.allow, { shared: false }) : undefined
    const extraSteps = options.nextSteps?.length ? compilePhrases(options.nextSteps, { shared: false }) : undefined

    transcript.turns.forEach((turn, i) => {
      // A turn is judged on it and the turns before it: the caller has the findings before `since`.
      if (i < context.since || (turn.role !== 'agent' && turn.role !== 'bot')) return
      const analysis = context.analyse(i)
      const own = analysis.ownText
      const text = own.length > MAX_CHARS ? own.slice(0, MAX_CHARS) : own
      if (!/[\p{L}]/u.test(text)) return

      // Kept with the turn's analysis: a pre-send check does not look again in earlier turns on every draft.
      const found = analysis.memo('no-dead-end:triggers', () => findTriggers(text))
      if (found.length === 0) return
      const quotes = quotedRanges(text)
      const idioms = NOT_DEAD_END.find(text)
      const reported = REPORTED.find(text)

      const triggers: PhraseMatch[] = []
      for (const t of found) {
        if (triggers.some((k) => overlaps(k, t))) continue // keep the first, longest match at a place
        if (inside(t, quotes)) continue
        if (idioms.some((m) => overlaps(m, t))) continue
        const s = sentenceStart(text, t.start)
        if (reported.some((r) => r.start >= s && r.end <= t.start)) continue
        if (t.entry.id === 'not-possible' && !customerAsked(transcript.turns, i)) continue
        if (allow) {
          const sentence = text.slice(s, sentenceEnd(text, t.end))
          if (allow.test(text.slice(t.start, t.end)) || allow.test(sentence)) continue
        }
        triggers.push(t)
      }
      if (triggers.length === 0) return

      // Judge the rest of the reply: the refusal (and the words it governs) and quotes blanked.
      const rest = blank(text, [...quotes, ...triggers.map((t) => ({ start: t.start, end: complementEnd(text, t.end) }))])
      if (findNextStep(rest, text, extraSteps)) return

      const first = triggers[0]!
      const kind = ((first.entry.id as Kind | undefined) ?? 'cant') as Kind
      const start = trimConjunction(text, first)
      const span = text.slice(start, first.end)
      const sentence = text.slice(sentenceStart(text, first.start), sentenceEnd(text, first.end))
      const arabicTrigger = first.entry.dialect !== undefined && first.entry.dialect !== 'EN'
      // The configured locale wins; otherwise an Arabic (or Arabizi) trigger gets Arabic coaching.
      const arabic = messageLanguage(context, arabicTrigger && (analysis.script !== 'en' || /arabizi/i.test(first.entry.dialect ?? '')) ? 'ar' : analysis.script) === 'ar'
      const messages = arabic ? arabicMessages(kind, span, first.entry.dialect) : englishMessages(kind, span, sentence, text)

      let confidence = BASE_CONFIDENCE[kind] ?? 0.7
      if (analysis.sentences.length >= 4) confidence -= 0.1
      context.report({
        turn: i,
        start,
        end: first.end,
        reason: messages.reason,
        note: messages.note,
        expected: messages.expected,
        confidence: Math.max(0.3, Math.round(confidence * 100) / 100)
      })
    })
  }
})
