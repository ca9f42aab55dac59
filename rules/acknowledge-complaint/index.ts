/**
 * acknowledge-complaint: the customer reports a failure or complains, and the
 * agent's (or bot's) first reply after it carries no apology and no
 * acknowledgement of the customer's situation.
 *
 * Three parts, all driven by the lexicon files next to this module:
 * 1. a complaint scorer for customer turns (failure, bad-service, trouble and
 *    tone phrases add up; information questions and praise pull the score
 *    down);
 * 2. an acknowledgement finder for agent turns (apology, empathy and short
 *    sympathy; generic offers of help are deliberately absent);
 * 3. the conversation logic: a complaint opens a check, the first agent/bot
 *    turn after it is judged, then the check is closed until the customer
 *    reports a new, distinct failure (a fix that did not work, a broken
 *    promise, a second problem, a complaint about the reply itself). A plain
 *    restatement of the same complaint does not reopen it.
 */
import { defineRule } from '../../src/engine/define-rule.js'
import type { PhraseEntry, PhraseMatch, PhraseMatcher } from '../../src/text/phrases.js'
import { messageLanguage } from '../../src/text/language.js'
import { ownWords } from '../../src/text/own-words.js'
import { splitSentences } from '../../src/text/sentences.js'
import type { OptionSchema, RuleContext, Turn } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import { compilePhrases } from '../../src/text/phrases.js'
import enData from './lexicon.en.json' with { type: 'json' }
import arData from './lexicon.ar.json' with { type: 'json' }

export interface AcknowledgeComplaintOptions {
  /** Extra phrases that count as an acknowledgement in the agent's reply (never flagged when present). */
  allow?: string[]
  /** Extra phrases that mark a customer turn as a complaint on their own (product-specific failures). */
  complaintPhrases?: string[]
  /** Complaint score a customer turn needs before the next reply is judged (default 2). */
  threshold?: number
  /** Reopen the check when the customer reports a new, distinct failure later on (default true). */
  newFailures?: boolean
}

type Entry = string | PhraseEntry
interface Lexicon {
  complaint: Record<string, Entry[]>
  notComplaint: Record<string, Entry[]>
  followUp: Record<string, Entry[]>
  agentTurn: Record<string, Entry[]>
  acknowledgement: Record<string, Entry[]>
  notAcknowledgement: Entry[]
  kinds: Record<string, Entry[]>
}

const EN = enData as unknown as Lexicon
const AR = arData as unknown as Lexicon

/**
 * Arabic nouns marked `"noun": true` also match with the article and the
 * attached prepositions (الـ، بالـ، للـ، بـ، لـ، كـ): «خيبة أمل» → «بخيبة أمل»,
 * «التأخير» → «بالتأخير». The matcher itself only allows a و/ف prefix.
 */
const NOUN_PREFIXES = ['', 'ال', 'بال', 'لل', 'ب', 'ل', 'ك', 'كال']

function expand(entries: Entry[]): Entry[] {
  const out: Entry[] = []
  for (const e of entries) {
    if (typeof e === 'string' || !(e as { noun?: boolean }).noun) {
      out.push(e)
      continue
    }
    for (const p of NOUN_PREFIXES) out.push({ ...e, phrase: p + e.phrase })
  }
  return out
}

function both(pick: (l: Lexicon) => Entry[] | undefined): PhraseMatcher {
  return compilePhrases(expand([...(pick(EN) ?? []), ...(pick(AR) ?? [])]))
}

/**
 * Weight of each complaint category. A category counts once, plus half a point
 * for each further distinct phrase of it (at most one extra point).
 */
const WEIGHTS = {
  failure: 2,
  badService: 2,
  trouble: 1.5,
  negativeTone: 1,
  punctuation: 0.5,
  weak: 1,
  outcome: 1.5,
  sarcasm: 0.5
} as const
type Category = keyof typeof WEIGHTS
const CATEGORIES = Object.keys(WEIGHTS) as Category[]
/** Categories where a second distinct phrase adds weight (tone words and weak hints do not pile up). */
const BONUS = new Set<Category>(['failure', 'badService', 'trouble', 'outcome'])
/** Weights of the signals that only mean something once an agent has answered. */
const AFTER_AGENT = { agentFault: 2, tone: 2, toldYou: 1, brokenPromise: 1 } as const
/** Dampers: information questions, praise, self-inflicted trouble, public service announcements. */
const DAMPERS = { infoQuestion: 1, praise: 1.5, selfCaused: 1, psa: 1.5 } as const
const PROBLEM_QUESTION = both((l) => l.notComplaint.problemQuestion)

const COMPLAINT = Object.fromEntries(CATEGORIES.map((c) => [c, both((l) => l.complaint[c])])) as Record<Category, PhraseMatcher>
const AGENT_FAULT = both((l) => l.complaint.agentFault)
const DAMPER = Object.fromEntries(Object.keys(DAMPERS).map((k) => [k, both((l) => l.notComplaint[k])])) as Record<keyof typeof DAMPERS, PhraseMatcher>
const RESOLVED = both((l) => l.notComplaint.resolved)
/**
 * Spans where a failure word is no failure: a problem fixed or stopped ("the patch fixed the lag", "caught a dodgy
 * payment"), a team's name ("fraud team"), a person's habit ("she doesn't even play"), the customer's own slip
 * ("I ordered the wrong size"), a wait the customer accepts («ماشي مستني»), a question about another order.
 */
const NOT_FAILURE = both((l) => l.notComplaint.notFailure)
/** Categories whose phrases are dropped inside those spans. */
const FAILURE_LIKE = new Set<Category>(['failure', 'badService', 'trouble', 'outcome'])
const FOLLOW_UP = {
  persisting: both((l) => l.followUp.persisting),
  toldYou: both((l) => l.followUp.toldYou),
  brokenPromise: both((l) => l.followUp.brokenPromise),
  another: both((l) => l.followUp.another),
  tone: both((l) => l.followUp.tone)
}
const FIX_CLAIM = both((l) => l.agentTurn.fixClaim)
const COMMITMENT = both((l) => l.agentTurn.commitment)
const ACK = compilePhrases([
  ...Object.values(EN.acknowledgement).flat(),
  ...Object.values(AR.acknowledgement).flat()
])
const NOT_ACK = both((l) => l.notAcknowledgement)
const KIND_ORDER = ['service', 'damaged', 'billing', 'delivery', 'access', 'broken'] as const
type Kind = (typeof KIND_ORDER)[number] | 'followUp' | 'general'
const KINDS = Object.fromEntries(KIND_ORDER.map((k) => [k, both((l) => l.kinds[k])])) as Record<(typeof KIND_ORDER)[number], PhraseMatcher>

/** Work per turn is capped: a complaint or an apology lives in the first few thousand characters. */
const MAX_CHARS = 6000
const LETTER = /\p{L}/u
const QUESTION_MARK = /[?؟]/
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
/** English function words: two or more in a Latin-script reply mean it is English, not Arabizi. */
const ENGLISH_WORDS = /\b(?:the|please|your|you|we|our|thanks?|hello|is|are|can|will|for|with|this|that|to|of)\b/gi
function looksEnglish(text: string): boolean {
  return (text.slice(0, 2000).match(ENGLISH_WORDS)?.length ?? 0) >= 2
}
const LEADING_MENTIONS = /^(?:[@＠][\p{L}\p{N}_]+[\s,:]*)+/u
const SHOUTING = /\b[A-Z][A-Z'’]*(?:[ \t,.!?]+[A-Z][A-Z'’]*\b){3,}/g

/** What an earlier agent turn said, for judging whether a customer's follow-up is a new failure. */
export interface AgentContext {
  /** The agent said it was fixed, restored, working. */
  claimedFix: boolean
  /** The agent committed to an action or a time. */
  committed: boolean
}

export interface Complaint {
  turn: number
  score: number
  /** The phrase that weighs most, for quoting. */
  trigger: PhraseMatch
  /** The customer's sentence around the trigger, for the message. */
  quote: string
  /** Strongest kind of new failure this message reports after an earlier answer, if any. */
  followUp?: 'tone' | 'dispute' | 'persisting' | 'promise' | 'another'
  /** The customer says the problem is solved ("sorted now, thanks"). */
  resolved: boolean
  kind: Kind
}

/**
 * Distinct phrases among matches, counting overlapping matches once, up to `limit` (counting stops there: the bonus
 * it feeds is capped).
 */
function distinctCount(text: string, found: PhraseMatch[], limit: number): number {
  if (found.length < 2) return found.length
  const seen = new Set<string>()
  let end = -1
  for (const m of found) {
    if (m.start < end) continue
    end = m.end
    seen.add(text.slice(m.start, m.end).toLowerCase())
    if (seen.size >= limit) break
  }
  return seen.size
}

/** Four or more words in capitals in a row (twelve letters or more): shouting. */
function isShouting(text: string): boolean {
  SHOUTING.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = SHOUTING.exec(text))) if (m[0].replace(/[^A-Z]/g, '').length >= 12) return true
  return false
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t
}

function kindOf(text: string): Kind {
  for (const k of KIND_ORDER) if (KINDS[k].test(text)) return k
  return 'general'
}

/** What an agent turn claims or commits to (exported for tests and tuning). */
export function describeAgentTurn(own: string): AgentContext {
  return { claimedFix: FIX_CLAIM.test(own), committed: COMMITMENT.test(own) }
}

/** Own words of a customer message, capped. */
function customerText(raw: string): string {
  return ownWords(raw.length > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw)
}

/** A scored complaint before its quote and kind are worked out (they cost sentence splitting and 5 matchers). */
type Scored = Omit<Complaint, 'quote' | 'kind'> & { finish(): Complaint }

/**
 * Scores one customer message as a complaint (exported for tests and tuning).
 * `agent` describes the last agent turn before it, when there is one.
 */
export function scoreCustomerTurn(
  index: number,
  raw: string,
  agent: AgentContext | undefined,
  extra?: PhraseMatcher
): Complaint | undefined {
  return score(index, customerText(raw), agent, extra)?.finish()
}

function score(index: number, text: string, agent: AgentContext | undefined, extra?: PhraseMatcher): Scored | undefined {
  return withAgent(baseScore(index, text, agent !== undefined, extra), agent)
}

/**
 * What the scorer finds in a customer message that does not depend on what the
 * last agent turn said (only on whether there was one): kept per turn between
 * pre-send checks. The follow-up kind is settled by `withAgent`.
 */
interface BaseScore {
  index: number
  text: string
  score: number
  trigger: PhraseMatch
  resolved: boolean
  /** Signals for the follow-up kind (with an agent turn before only). */
  tone: boolean
  fault: boolean
  promise: boolean
  upset: boolean
  strong: boolean
  /** The quote and kind, worked out on first use. */
  details?: { quote: string; kind: Kind }
  persisting?: boolean
  another?: boolean
}

function baseScore(index: number, text: string, hasAgent: boolean, extra?: PhraseMatcher): BaseScore | undefined {
  let score = 0
  let best: { weight: number; match: PhraseMatch } | undefined
  const consider = (weight: number, found: PhraseMatch[], bonus = true) => {
    const first = found[0]
    if (!first) return false
    score += weight + (bonus ? Math.min(1, (distinctCount(text, found, 3) - 1) * 0.5) : 0)
    if (!best || weight > best.weight || (weight === best.weight && first.start < best.match.start)) best = { weight, match: first }
    return true
  }
  let notFailure: PhraseMatch[] | undefined
  const outsideNotFailure = (found: PhraseMatch[]): PhraseMatch[] => {
    if (found.length === 0) return found
    notFailure ??= NOT_FAILURE.find(text)
    if (notFailure.length === 0) return found
    const spans = notFailure
    return found.filter((m) => !spans.some((p) => p.start <= m.start && m.end <= p.end))
  }
  const hit = {} as Record<Category, boolean>
  for (const c of CATEGORIES) {
    const found = COMPLAINT[c].find(text)
    hit[c] = consider(WEIGHTS[c], FAILURE_LIKE.has(c) ? outsideNotFailure(found) : found, BONUS.has(c))
  }
  if (extra) hit.failure = consider(2, extra.find(text)) || hit.failure
  const strong = hit.failure || hit.badService

  let fault = false
  let tone = false
  let promise = false
  let toldYou = false
  if (hasAgent) {
    fault = consider(AFTER_AGENT.agentFault, AGENT_FAULT.find(text))
    tone = consider(AFTER_AGENT.tone, FOLLOW_UP.tone.find(text))
    toldYou = consider(AFTER_AGENT.toldYou, FOLLOW_UP.toldYou.find(text))
    promise = consider(AFTER_AGENT.brokenPromise, outsideNotFailure(FOLLOW_UP.brokenPromise.find(text)))
  }
  // Nothing of a complaint: what follows only adjusts a score (scores are sums of halves, so the order is free).
  if (!best) return undefined
  const shouting = isShouting(text)
  if (shouting) score += 1
  // An upset follow-up: a fix that did not work or a disputed answer only counts as a new failure when it shows.
  const upset = hasAgent && (hit.negativeTone || hit.punctuation || hit.badService || shouting || toldYou)
  const resolved = RESOLVED.test(text)
  // An information question ("how do I…?", "is it possible…?") lowers the score, unless it asks for a fix or for help.
  if (QUESTION_MARK.test(text) && !PROBLEM_QUESTION.test(text) && asksForInformation(text)) score -= DAMPERS.infoQuestion
  // Praise said with a straight face lowers the score; sarcastic praise ("great, third cancellation this week") does not.
  if (!strong && !hit.sarcasm && DAMPER.praise.test(text)) score -= DAMPERS.praise
  if (DAMPER.selfCaused.test(text)) score -= DAMPERS.selfCaused
  if (DAMPER.psa.test(text)) score -= DAMPERS.psa
  if (resolved && !strong) score -= 1
  const trigger = (best as { weight: number; match: PhraseMatch }).match
  return { index, text, score, trigger, resolved, tone, fault, promise, upset, strong }
}

/**
 * Whether the message's questions, read together one to a line, ask for information. A single question is tested
 * where it stands in the message (the message's matching facts serve it); several are joined first, as a phrase may
 * run from the end of one into the next.
 */
function asksForInformation(text: string): boolean {
  const questions = splitSentences(text).filter((q) => QUESTION_MARK.test(q.text))
  if (questions.length === 0) return false
  if (questions.length === 1) return DAMPER.infoQuestion.testIn(text, questions[0]!.start, questions[0]!.end)
  return DAMPER.infoQuestion.test(questions.map((q) => q.text).join('\n'))
}

/** The base score of a customer message completed with what the last agent turn said. */
function withAgent(base: BaseScore | undefined, agent: AgentContext | undefined): Scored | undefined {
  if (!base) return undefined
  const followUp = followUpOf(base, agent)
  return { turn: base.index, score: base.score, trigger: base.trigger, ...(followUp ? { followUp } : {}), resolved: base.resolved, finish: () => complete(base, followUp) }
}

/** Strongest kind of new failure a customer message reports after the agent turn `agent`, if any. */
function followUpOf(base: BaseScore, agent: AgentContext | undefined): Complaint['followUp'] {
  if (!agent || base.resolved) return undefined
  if (base.tone) return 'tone'
  if (base.fault && base.upset) return 'dispute'
  if ((base.persisting ??= FOLLOW_UP.persisting.test(base.text)) && (agent.claimedFix || base.upset)) return 'persisting'
  if (base.promise && agent.committed) return 'promise'
  if (base.strong && (base.another ??= FOLLOW_UP.another.test(base.text))) return 'another'
  return undefined
}

/** The complaint with its quote and kind (worked out once per message). */
function complete(base: BaseScore, followUp: Complaint['followUp']): Complaint {
  const { index, text, score, trigger, resolved } = base
  const details = (base.details ??= (() => {
    const sentence = splitSentences(text).find((s) => s.start <= trigger.start && trigger.start < s.end)
    const quote = clip((sentence?.text ?? text.slice(trigger.start, trigger.end)).replace(LEADING_MENTIONS, ''), 90)
    return { quote, kind: kindOf(text) }
  })())
  return { turn: index, score, trigger, quote: details.quote, ...(followUp ? { followUp } : {}), resolved, kind: details.kind }
}

/**
 * Whether a customer message after the check is done can reopen it: a new
 * failure needs one of the follow-up signals (tone, a disputed answer, a fix
 * that did not work, a broken promise, another problem) and no "sorted now".
 * Cheap: five small lexicons instead of the whole complaint scorer. What the
 * message alone says is worked out here; `test` adds the last agent turn.
 */
function reopenSignals(text: string): { test(agent: AgentContext): boolean } {
  if (RESOLVED.test(text)) return { test: () => false }
  if (FOLLOW_UP.tone.test(text) || AGENT_FAULT.test(text) || FOLLOW_UP.persisting.test(text) || FOLLOW_UP.another.test(text)) {
    return { test: () => true }
  }
  let brokenPromise: boolean | undefined
  return { test: (agent) => agent.committed && (brokenPromise ??= FOLLOW_UP.brokenPromise.test(text)) }
}

/** What an agent turn claims or commits to, worked out only when a later customer turn asks. */
class LazyAgentContext implements AgentContext {
  #own: () => string
  #claimedFix?: boolean
  #committed?: boolean
  constructor(own: () => string) {
    this.#own = own
  }
  get claimedFix(): boolean {
    return (this.#claimedFix ??= FIX_CLAIM.test(this.#own()))
  }
  get committed(): boolean {
    return (this.#committed ??= COMMITMENT.test(this.#own()))
  }
}

/** The span a finding points at: the reply's first sentence, after any leading @mentions. */
function firstSentence(context: RuleContext<AcknowledgeComplaintOptions>, i: number): { start: number; end: number } {
  const a = context.analyse(i)
  for (const s of a.sentences) {
    const lead = LEADING_MENTIONS.exec(s.text)
    const start = s.start + (lead ? lead[0].length : 0)
    if (start < s.end && LETTER.test(a.ownText.slice(start, s.end))) return { start, end: s.end }
  }
  return { start: 0, end: a.text.length }
}

/** The first apology or acknowledgement in an agent's own words, if any (exported for tests and tuning). */
export function findAcknowledgement(text: string, allow?: PhraseMatcher): PhraseMatch | undefined {
  const capped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text
  const allowed = allow?.find(capped)[0]
  if (allowed) return allowed
  const found = ACK.find(capped)
  if (found.length === 0) return undefined
  const not = NOT_ACK.find(capped)
  return found.find((m) => !not.some((n) => n.start <= m.start && m.end <= n.end))
}

/**
 * Whether an agent's own words acknowledge anything: what `findAcknowledgement` finds, asking less. A reply with
 * no "no need to apologise" span needs one acknowledgement, not all of them, so it is tested, not searched.
 */
function hasAcknowledgement(text: string, allow?: PhraseMatcher): boolean {
  const capped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text
  if (allow?.test(capped)) return true
  const not = NOT_ACK.find(capped)
  if (not.length === 0) return ACK.test(capped)
  return ACK.find(capped).some((m) => !not.some((n) => n.start <= m.start && m.end <= n.end))
}

const EXPECTED: Record<Kind, { en: string[]; ar: string[] }> = {
  damaged: {
    en: ["I'm so sorry it reached you like that — that's really disappointing. Let me sort out a replacement for you.", "Sorry about this, that's not the condition it should have arrived in. I'll put it right now."],
    ar: ['نعتذر جدًا أن طلبك وصلك بهذه الحالة، ونتفهم خيبة أملك. دعنا نرتب لك بديلًا.', 'نأسف لما حدث، فليس هكذا يجب أن يصلك طلبك. سأعمل على تصحيح الأمر الآن.']
  },
  billing: {
    en: ["I'm sorry about the unexpected charge — let me look into it right away.", "Sorry for the billing trouble, I can see why that's frustrating. I'm checking the charge now."],
    ar: ['نعتذر عن هذا الخصم غير المتوقع، وسنراجع المبلغ فورًا.', 'نأسف للإزعاج ونتفهم انزعاجك من هذه الرسوم، دعني أتحقق منها الآن.']
  },
  delivery: {
    en: ["I'm sorry your order hasn't arrived — I know how frustrating the wait is. Let me check where it is.", "Sorry for the delay, that's not the experience we want for you. I'm looking into it now."],
    ar: ['نعتذر عن التأخير ونتفهم انزعاجك من الانتظار، سأتحقق من طلبك الآن.', 'نأسف لما حدث، فهذه ليست التجربة التي نريدها لك. أتابع الأمر حالًا.']
  },
  access: {
    en: ["I'm sorry you can't get into your account — that's stressful. Let's get you back in.", 'Sorry about the trouble with your account, I understand how worrying that is. I can help you recover it.'],
    ar: ['نأسف لعدم تمكنك من الدخول إلى حسابك، ونتفهم قلقك. دعنا نساعدك على استعادته.', 'نعتذر عن هذه المشكلة في حسابك، وسنعمل معك على حلها الآن.']
  },
  broken: {
    en: ["Sorry it isn't working as it should — that's frustrating. Let's fix it together.", "Oh no, I'm sorry about that. Let me help you get it working again."],
    ar: ['نعتذر عن هذا العطل ونتفهم انزعاجك، دعنا نحله معًا.', 'نأسف للإزعاج، وسنعمل على إعادة الخدمة في أسرع وقت.']
  },
  service: {
    en: ["I'm sorry about the experience you had — that's not the service we want you to get.", "I apologise, that shouldn't have happened. Thank you for telling us; I'll follow it up."],
    ar: ['نعتذر عمّا مررت به، فهذا ليس المستوى الذي نريده لك.', 'أعتذر لك، ما كان ينبغي أن يحدث هذا. شكرًا لإبلاغنا وسأتابع الأمر بنفسي.']
  },
  followUp: {
    en: ["I'm sorry this still isn't sorted — I know you've had to come back to us about it.", "Sorry, that's not what we told you would happen. Let me put it right now."],
    ar: ['نعتذر أن المشكلة ما زالت قائمة، ونتفهم أنك اضطررت للتواصل معنا مرة أخرى.', 'نأسف لأن ما وعدناك به لم يحدث، وسأتابع الأمر بنفسي الآن.']
  },
  general: {
    en: ["I'm sorry to hear about this — let me help put it right.", "Sorry for the trouble, I understand how frustrating that is. Let's sort it out."],
    ar: ['نعتذر عن الإزعاج ونتفهم موقفك، دعنا نساعدك في حل المشكلة.', 'نأسف لما حدث، وسنعمل على حله فورًا.']
  }
}

const NOTE = {
  en:
    'Acknowledge before you fix. Open with a short apology or a word of empathy that names the problem, then give the next step: ' +
    'service-recovery advice is that a prompt apology plus action settles most upset customers, while a reply that jumps straight to ' +
    'questions or links reads as if the failure was not heard. The stakes are high: about nine in ten unhappy customers never come back, ' +
    'and seven in ten people who complain on social media expect an answer within the hour. Generic offers ("Here to help!") do not count.',
  ar:
    'اعترف بالمشكلة قبل أن تحلها: ابدأ باعتذار قصير أو كلمة تفهّم تذكر المشكلة نفسها، ثم اذكر الخطوة التالية. ' +
    'الاعتذار السريع مع إجراء واضح يهدّئ معظم العملاء الغاضبين، أما الرد الذي يقفز مباشرة إلى الأسئلة أو الروابط فيوحي بأن الشكوى لم تُسمع. ' +
    'والأمر مهم: نحو تسعة من كل عشرة عملاء غير راضين لا يعودون، وسبعة من كل عشرة ممن يشتكون على وسائل التواصل ينتظرون ردًا خلال ساعة. ' +
    'عبارات المساعدة العامة مثل «نحن هنا لخدمتك» لا تكفي وحدها.'
}

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string' }, description: 'Extra phrases that count as an acknowledgement in the reply' },
    complaintPhrases: { type: 'array', items: { type: 'string' }, description: 'Extra phrases that make a customer turn a complaint' },
    threshold: { type: 'number', minimum: 0.5, maximum: 10, description: 'Complaint score needed before the next reply is judged' },
    newFailures: { type: 'boolean', description: 'Reopen the check when the customer reports a new, distinct failure' }
  }
}

const matcherCache = new WeakMap<string[], PhraseMatcher>()
function userMatcher(list: string[] | undefined): PhraseMatcher | undefined {
  if (!list || list.length === 0) return undefined
  let m = matcherCache.get(list)
  if (!m) {
    m = compilePhrases(list)
    matcherCache.set(list, m)
  }
  return m
}

export default defineRule<AcknowledgeComplaintOptions>({
  meta: {
    id: 'acknowledge-complaint',
    description: "The agent's first reply to a complaint or reported failure has no apology or acknowledgement",
    recommended: 'warn',
    url: docsUrl('acknowledge-complaint'),
    schema,
    defaultOptions: { allow: [], complaintPhrases: [], threshold: 2, newFailures: true },
    judges: ['agent', 'bot'],
    languages: ['en', 'ar']
  },
  check(context) {
    const { transcript, options } = context
    const threshold = options.threshold ?? 2
    const newFailures = options.newFailures ?? true
    const allow = userMatcher(options.allow)
    const extra = userMatcher(options.complaintPhrases)

    let open: Complaint | undefined
    let checked = false
    let agent: AgentContext | undefined
    /** A customer spoke since the last agent turn (so an apology now answers something they said). */
    let signal = false
    /** Kinds of follow-up already judged: saying "still broken" twice is a restatement. */
    let reopened = new Set<string>()

    // Per-turn work is kept with the turn analyses (pre-send checks reuse them while only the draft changes): the
    // keys carry every option the values depend on; what the previous agent turn said is applied afresh each run.
    const scoreKey = `acknowledge-complaint:score:${JSON.stringify(options.complaintPhrases ?? [])}`
    const scoreFirstKey = `${scoreKey}:first`
    const scoreAfterAgentKey = `${scoreKey}:after-agent`
    const ackKey = `acknowledge-complaint:ack:${JSON.stringify(options.allow ?? [])}`
    const acknowledged = (i: number) => {
      const a = context.analyse(i)
      return a.memo(ackKey, () => hasAcknowledgement(a.ownText, allow))
    }

    /**
     * Customer turns since the last agent turn, before the first reply is judged: scored only when the
     * next agent turn needs them. A reply that acknowledges settles the check whatever they said.
     */
    let waiting: number[] = []

    const scoreCustomer = (turn: Turn, i: number) => {
      // Once the check is done, only a new, distinct failure matters: skip the scorer unless one can be there.
      if (!open && checked && !(newFailures && agent)) return
      const a = context.analyse(i)
      const text = a.memo('acknowledge-complaint:text', () => customerText(turn.text))
      if (!open && checked && !a.memo('acknowledge-complaint:reopen', () => reopenSignals(text)).test(agent!)) return
      const c = agent
        ? a.memo(scoreAfterAgentKey, () => baseScore(i, text, true, extra))
        : a.memo(scoreFirstKey, () => baseScore(i, text, false, extra))
      if (open) {
        // Still waiting for the first reply: "sorted now, thanks" closes it; a stronger message gives the quote.
        if (c && c.resolved && c.score < threshold) open = undefined
        else if (c && c.score > open.score) open = { ...complete(c, followUpOf(c, agent)), kind: open.kind }
        return
      }
      if (!c || c.score < threshold) return
      const followUp = followUpOf(c, agent)
      if (!checked) open = complete(c, followUp)
      else if (newFailures && followUp && !reopened.has(followUp)) {
        reopened.add(followUp)
        open = { ...complete(c, followUp), kind: 'followUp' }
      }
    }

    const step = (turn: Turn, i: number) => {
      if (turn.role === 'customer') {
        signal = true
        if (checked) scoreCustomer(turn, i)
        else waiting.push(i)
        return
      }
      if (turn.role !== 'agent' && turn.role !== 'bot') return
      const analysis = context.analyse(i)
      if (waiting.length > 0) {
        // An acknowledging reply (with words) leaves the check done and nothing open, whatever the scores:
        // below, it closes an open complaint without a finding, or marks the check done when none is open.
        const skip = LETTER.test(analysis.ownText) && acknowledged(i)
        const turnsWaiting = waiting
        waiting = []
        if (!skip) for (const k of turnsWaiting) scoreCustomer(transcript.turns[k]!, k)
      }
      agent = analysis.memo(
        'acknowledge-complaint:agent',
        () =>
          new LazyAgentContext(() => {
            const own = analysis.ownText
            return own.length > MAX_CHARS ? own.slice(0, MAX_CHARS) : own
          })
      )
      const hadSignal = signal
      signal = false
      if (!open) {
        // An apology in answer to a customer message the scorer did not count as a complaint still shows there was
        // one, and that it was acknowledged: that check is done.
        if (!checked && hadSignal && acknowledged(i)) checked = true
        return
      }
      const a = context.analyse(i)
      if (!LETTER.test(a.ownText)) return
      const complaint = open
      open = undefined
      checked = true
      // Turns before `since` are judged already: only the state above matters from them.
      if (i < context.since || acknowledged(i)) return

      const triggerText = transcript.turns[complaint.turn]!.text.slice(complaint.trigger.start, complaint.trigger.end)
      const dialect = complaint.trigger.entry.dialect ?? ''
      const arabizi = dialect.endsWith('-arabizi')
      const arabicTrigger = ARABIC.test(triggerText) || arabizi
      // A configured locale wins. Otherwise coach in Arabic when the reply is in Arabic, when a mixed reply answers
      // an Arabic complaint, or when an Arabizi complaint gets an Arabizi reply.
      const own = a.ownText.length > MAX_CHARS ? a.ownText.slice(0, MAX_CHARS) : a.ownText
      const arabic =
        messageLanguage(
          context,
          a.script === 'ar' || (a.script === 'mixed' && arabicTrigger) || (a.script === 'en' && arabizi && !looksEnglish(own)) ? 'ar' : 'en'
        ) === 'ar'
      const span = firstSentence(context, i)
      const messages = EXPECTED[complaint.kind]
      const confidence =
        complaint.kind === 'followUp' ? 0.75 : complaint.score >= 3 ? 0.9 : complaint.score >= 2.5 ? 0.8 : complaint.score >= 2 ? 0.7 : 0.55
      context.report({
        turn: i,
        start: span.start,
        end: span.end,
        reason: arabic
          ? `أول رد بعد شكوى العميل («${complaint.quote}») لا يتضمن اعتذارًا ولا تفهّمًا لموقفه`
          : `The first reply to the customer's complaint ("${complaint.quote}") has no apology or acknowledgement`,
        note: arabic ? NOTE.ar : NOTE.en,
        expected: arabic ? messages.ar : messages.en,
        confidence
      })
    }

    // The state after the turns before `since` depends on them and the options only: a pre-send
    // check keeps it with the analysis of the turn before the draft.
    const turns = transcript.turns
    const since = context.since || 0
    let from = 0
    if (since > 0) {
      const key = `acknowledge-complaint:state:${JSON.stringify([threshold, newFailures, options.complaintPhrases ?? [], options.allow ?? []])}`
      const state = context.analyse(since - 1).memo(key, () => {
        for (let i = 0; i < since; i++) step(turns[i]!, i)
        return { open, checked, agent, signal, reopened, waiting }
      })
      ;({ open, checked, agent, signal } = state)
      reopened = new Set(state.reopened)
      waiting = state.waiting.slice()
      from = since
    }
    for (let i = from; i < turns.length; i++) step(turns[i]!, i)
  }
})

