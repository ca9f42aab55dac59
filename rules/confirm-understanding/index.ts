/**
 * confirm-understanding: the agent acts on its own reading of a vague or ambiguous
 * request without checking it, or claims to know what the customer means.
 *
 * Two kinds of evidence, both judged on the agent turn and what came before it:
 *
 * 1. Words: the agent claims to know ("I know exactly what you mean", "obviously you
 *    want…", «أكيد قصدك», «أعرف إيش تبي») and does not turn it into a question; or
 *    says it understood perfectly («فهمتك مليح», "fahem 7adretek bel zabt") and then
 *    acts without asking anything.
 * 2. Structure: the customer's request is under-specified (a change verb with no
 *    object or a generic one — "upgrade me", "split it", «بدي اجدد»، «غيّر شي»; a
 *    change of address/e-mail with no new value; a bare "please help me"; a question
 *    about availability) or the agent itself sees several candidates ("I see 4 lines"),
 *    and the agent's first reply acts or hands over a fix with no question and no
 *    restatement.
 */
import { looksArabizi } from '../../src/text/arabic/arabizi.js'
import { maskNoise } from '../../src/text/noise.js'
import { defineRule } from '../../src/engine/define-rule.js'
import { messageLanguage } from '../../src/text/language.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from '../../src/text/phrases.js'
import type { OptionSchema, RuleContext, Transcript, TurnAnalysis } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import { leadingHandles, nextAgentOpening, nextCustomerOpening } from '../next-reply.js'
import en from './lexicon.en.json' with { type: 'json' }
import ar from './lexicon.ar.json' with { type: 'json' }

export interface ConfirmUnderstandingOptions {
  /** Phrases never flagged (matched against the triggering span and its sentence). */
  allow: string[]
  /** Also use conversation structure (vague request + action), not only explicit wording. */
  structural: boolean
  /** Extra phrases that claim to know what the customer means. */
  presumption: string[]
}

const both = (a: ReadonlyArray<PhraseEntry>, b: ReadonlyArray<PhraseEntry>): PhraseMatcher => compilePhrases([...a, ...b])
const list = (a: ReadonlyArray<PhraseEntry> | undefined): ReadonlyArray<PhraseEntry> => a ?? []

// Compiled once at module load.
const PRESUMPTION = both(en.presumption, ar.presumption)
const PRESUMPTION_WEAK = compilePhrases([...list(en.presumptionWeak), ...list(ar.presumptionWeak)])
const CHECKING = both(en.checking, ar.checking)
/** A request that points at one thing without naming it: "cancel it", "move the appointment". */
const BARE_REFERENCE = compilePhrases(en.bareReference)
/** Two items named in the conversation: "I can see both", "two orders", "one for … and one for …". */
const NAMED_PAIR = compilePhrases(en.namedPair)
const SUGGESTION_QUESTIONS = compilePhrases(en.suggestionQuestions)
const ACTIONS = both(en.actions, ar.actions)
const CHANGE_ACTIONS = both(en.changeActions, ar.changeActions)
const SOLUTIONS = both(en.solutions, ar.solutions)
const VAGUE = both(en.vagueRequests, ar.vagueRequests)
const MISSING_VALUE = both(en.missingValue, ar.missingValue)
const VALUE_GIVEN = both(en.valueGiven, ar.valueGiven)
const AVAILABILITY = both(en.availabilityQuestions, ar.availabilityQuestions)
const MULTIPLE = both(en.multipleCandidates, ar.multipleCandidates)
const VERIFICATION = both(en.verificationAsks, ar.verificationAsks)
const EXPLICIT = both(en.explicitRequests, ar.explicitRequests)
const GUESSES = both(en.guesses, ar.guesses)
/** The customer's next turn says the reply misread the request ("I meant…", «قصدي…»). */
const CORRECTION = both(en.correction, ar.correction)
/** The same in words that serve other ends too ("the other one"): counted only after an action or a fix. */
const CORRECTION_WEAK = both(en.correctionWeak, ar.correctionWeak)
/** The agent's next reply admits the misreading: "I should have asked first", «فهمتك غلط». */
const ADMISSION = both(en.admission, ar.admission)
const PRAISE = both(en.praise, ar.praise)
const NOT_ONLY_PRAISE = both(en.notOnlyPraise, ar.notOnlyPraise)
const HELP_ONLY = new Set(en.helpOnlyWords.map((w) => w.toLowerCase()))
const HELP_WORDS = new Set(en.helpWords.map((w) => w.toLowerCase()))

const ARABIC = /[\u0600-\u06FF]/
/** Characters of a turn this rule reads: requests and replies show their intent early. */
const MAX_CHARS = 6000
const head = (s: string) => (s.length > MAX_CHARS ? s.slice(0, MAX_CHARS) : s)
/** The customer already said which one ("the line ending 0928", «المنتهية بـ 0928»). */
const PICKED_ONE = /(?:ending|ends)\s*(?:in|with)?\s*\d{2,}|last\s+(?:four|4)\s+(?:digits\s+)?(?:are|is)?\s*\d|المنته|ينتهي|اللي آخره|اللي اخره/i


/** How far back a named pair still counts. */
const PAIR_LOOKBACK = 4

/** The words that named two items in the turns just before turn `i`, if any. */
function pairNamedBefore(turns: Transcript['turns'], i: number): string | undefined {
  for (let k = i - 1; k >= 0 && k >= i - PAIR_LOOKBACK; k--) {
    const turn = turns[k]!
    if (turn.role === 'system') continue
    const text = head(turn.text)
    const m = firstMatch(NAMED_PAIR, text)
    if (m) return text.slice(m.start, m.end)
  }
  return undefined
}

/** The action right after "I can see 3 …" takes all of them ("removed them", "cancelled both"): no pick was made. */
const ON_ALL_OF_THEM = /^\s*(?:them|all|both|each|every|those|these)\b/i

/** How far into the customer's next turn a correction counts: it opens the turn. */
const CORRECTION_REACH = 100
/** How far into the agent's next reply an admission counts: it answers the correction first. */
const ADMISSION_REACH = 200

/**
 * How the customer's turn right after an agent turn (no other agent turn between), opening with
 * `opening`, says the reply misread what they asked: "I meant the other account", "that's not what
 * I asked", «لا قصدي الإيقاف المؤقت».
 */
function correctionIn(opening: string): { strong: boolean; words: string } | undefined {
  const strong = firstMatch(CORRECTION, opening)
  const m = strong ?? firstMatch(CORRECTION_WEAK, opening)
  return m && { strong: strong !== undefined, words: opening.slice(m.start, m.end) }
}

/** Question sentences that really ask the customer something (not "Have you tried…?"). */
function realQuestions(masked: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = []
  // The same spans as /[^.!?؟\n]*[?؟]/g: from just after the previous . ! ? ؟ or
  // line break up to and including each ? or ؟. Most turns ask nothing: the
  // question marks are looked up first, and only the sentences they end are read.
  let latin = masked.indexOf('?')
  let arabic = masked.indexOf('\u061f')
  let from = 0
  while (latin >= 0 || arabic >= 0) {
    const end = arabic < 0 || (latin >= 0 && latin < arabic) ? latin : arabic
    let start = end
    for (; start > from; start--) {
      const c = masked.charCodeAt(start - 1)
      if (c === 0x2e || c === 0x21 || c === 0x0a) break
    }
    // The sentence is read as a window of the turn: its words and literals are the turn's.
    if (!SUGGESTION_QUESTIONS.testIn(masked, start, end + 1)) out.push({ start, end: end + 1 })
    from = end + 1
    if (end === latin) latin = masked.indexOf('?', from)
    else arabic = masked.indexOf('\u061f', from)
  }
  return out
}


function inArabic(a: TurnAnalysis, trigger: string, text: string): boolean {
  if (a.script === 'ar') return true
  if (a.script === 'mixed') return ARABIC.test(trigger) || looksArabizi(text)
  return looksArabizi(text)
}

function clip(s: string, n = 70): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}

function words(text: string): string[] {
  return (
    maskNoise(text)
      .toLowerCase()
      .replace(/#\w+/g, ' ')
      .match(/[\p{L}\p{N}']+/gu) ?? []
  )
}

/** "please help me", "I need some help guys": a request for help that says nothing about what. */
function bareHelp(text: string): boolean {
  const w = words(text).filter((x) => /\p{L}/u.test(x))
  if (w.length === 0 || w.length > 10) return false
  return w.some((x) => HELP_WORDS.has(x)) && w.every((x) => HELP_ONLY.has(x))
}

/** The customer only praised or thanked: no question, no request, no contrast or problem next to it. */
function onlyPraised(text: string | undefined): boolean {
  return text !== undefined && PRAISE.test(text) && !/[?؟]/.test(text) && !EXPLICIT.test(text) && !NOT_ONLY_PRAISE.test(text)
}

interface CustomerBlock {
  /** Joined text of the customer turns the agent is answering. */
  text: string
  /** No customer turn before this block. */
  first: boolean
  /** The last customer turn of the block. */
  last: string
}

const firstCustomers = new WeakMap<Transcript['turns'], number>()
/** Index of the conversation's first customer turn (-1: none). */
function firstCustomer(turns: Transcript['turns']): number {
  let k = firstCustomers.get(turns)
  if (k === undefined) {
    k = turns.findIndex((t) => t.role === 'customer')
    firstCustomers.set(turns, k)
  }
  return k
}

/** Customer turns between the previous agent turn and turn `i`. */
function blockBefore(turns: Transcript['turns'], i: number): { block?: CustomerBlock; prevAgent: number } {
  const texts: string[] = []
  let j = i - 1
  for (; j >= 0; j--) {
    const t = turns[j]!
    if (t.role === 'customer') texts.unshift(head(t.text))
    else if (t.role === 'system') continue
    else break
  }
  if (!texts.length) return { prevAgent: j }
  const earliest = firstCustomer(turns)
  const first = earliest < 0 || earliest > j
  return { block: { text: texts.join('\n'), first, last: texts[texts.length - 1]! }, prevAgent: j }
}

/** The agent (or bot) turn before turn `i`, past customer and system turns: where `blockBefore` stops (-1: none). */
function agentBefore(turns: Transcript['turns'], i: number): number {
  let j = i - 1
  while (j >= 0 && (turns[j]!.role === 'customer' || turns[j]!.role === 'system')) j--
  return j
}

/**
 * The request the agent is acting on. When the customer's last turn only answers a
 * verification question ("Karen Liu, PIN 8812"), the request is the block before it.
 */
function requestFor(turns: Transcript['turns'], i: number): CustomerBlock | undefined {
  const { block, prevAgent } = blockBefore(turns, i)
  if (!block) return undefined
  if (prevAgent < 0) return block
  const prevText = maskNoise(head(turns[prevAgent]!.text))
  // What the agent asked decides first: the request is read (and its words counted) only after a verification question.
  const onlyVerified = realQuestions(prevText).length > 0 && VERIFICATION.test(prevText) && !ACTIONS.test(prevText) && !CHECKING.test(prevText)
  if (onlyVerified && words(block.text).length <= 12 && !VAGUE.test(block.text) && !MISSING_VALUE.test(block.text)) {
    const earlier = blockBefore(turns, prevAgent).block
    if (earlier) return earlier
  }
  return block
}

/**
 * What judging a reply reads of the customer's request, worked out as asked.
 * It depends only on the turns before the reply, so it is kept with the turn
 * before it: a pre-send check does not read the same request again for every
 * draft.
 */
class RequestFacts {
  #vague?: { match: PhraseMatch | undefined }
  #missing?: PhraseMatch[]
  #asked?: { match: PhraseMatch | undefined }
  #short?: boolean
  #pickedOne?: boolean
  #bareHelp?: boolean
  #explicit?: boolean
  constructor(readonly block: CustomerBlock) {}
  /** The first vague wording in the request. */
  get vague(): PhraseMatch | undefined {
    return (this.#vague ??= { match: firstMatch(VAGUE, this.block.text) }).match
  }
  get missing(): PhraseMatch[] {
    return (this.#missing ??= MISSING_VALUE.find(this.block.text))
  }
  /** Twelve words or fewer, and no number of three digits or more. */
  get short(): boolean {
    return (this.#short ??= words(this.block.text).length <= 12 && !/\d{3,}/.test(this.block.text))
  }
  get pickedOne(): boolean {
    return (this.#pickedOne ??= PICKED_ONE.test(this.block.text))
  }
  get bareHelp(): boolean {
    return (this.#bareHelp ??= bareHelp(this.block.text) && !/https?:\/\//i.test(this.block.text))
  }
  /** What the last customer turn asks to be available. */
  get asked(): PhraseMatch | undefined {
    return (this.#asked ??= { match: firstMatch(AVAILABILITY, this.block.last) }).match
  }
  get explicit(): boolean {
    return (this.#explicit ??= EXPLICIT.test(this.block.last))
  }
}

/** Does a new value follow the "change my address" request? */
function valueGiven(text: string, after: number): boolean {
  const rest = text.slice(after, after + 160)
  const sentenceEnd = rest.search(/[.!?؟\n]/)
  const sentence = sentenceEnd >= 0 ? rest.slice(0, sentenceEnd + 1) : rest
  return VALUE_GIVEN.test(sentence) || /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,100}/.test(text) || /(?<!\d)\+?\d[\d\s-]{6,30}\d/.test(text.replace(/\d{5}(?!\d)/g, ''))
}

/** Contact details or an address written in any earlier customer turn. */
function valueGivenEarlier(turns: Transcript['turns'], i: number): boolean {
  for (let k = 0; k < i; k++) {
    const t = turns[k]!
    if (t.role !== 'customer') continue
    const x = head(t.text)
    if (/(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,100}/.test(x) || /(?<!\d)\+?\d[\d\s-]{6,30}\d/.test(x.replace(/\d{5}(?!\d)/g, '')) || VALUE_GIVEN.find(x).some((m) => !/^(?:to|into|الى|إلى|الي|لـ)(?![\p{L}])/iu.test(x.slice(m.start, m.end)))) {
      return true
    }
  }
  return false
}

/** The customer named the exact item (a number of 3+ digits) that the agent then acts on. */
function sharedIdentifier(request: string, agent: string): boolean {
  for (const id of request.match(/\d{3,}/g) ?? []) if (agent.includes(id)) return true
  return false
}

interface Finding {
  kind: 'presumption' | 'presumption-weak' | 'candidates' | 'missing-value' | 'vague-action' | 'vague-solution' | 'bare-help' | 'availability' | 'corrected' | 'admitted'
  start: number
  end: number
  confidence: number
  /** Customer words the finding is about. */
  request?: string
  /** Extra agent words (the candidates, the claimed understanding). */
  detail?: string
}

/** The text with @handles blanked (same length), so a handle is not read as words. */
function blankHandles(text: string): string {
  return text.includes('@') ? text.replace(/@\w+/g, (m) => ' '.repeat(m.length)) : text
}

function firstMatch(m: PhraseMatcher, text: string): PhraseMatch | undefined {
  return m.find(text)[0]
}

/**
 * What judging reads of an agent turn's own words, worked out when first asked.
 * It depends only on the turn, so it is kept with the turn's analysis: the
 * judgement of the turn, the look-ahead after it and the look-ahead after the
 * next reply (did the agent ask before acting?) read it once.
 */
class ReplyFacts {
  readonly masked: string
  #questions?: Array<{ start: number; end: number }>
  #checked?: boolean
  #action?: { match: PhraseMatch | undefined }
  #solution?: { match: PhraseMatch | undefined }
  constructor(readonly text: string) {
    this.masked = maskNoise(text)
  }
  /** The sentences that really ask the customer something. */
  get questions(): Array<{ start: number; end: number }> {
    return (this.#questions ??= realQuestions(this.masked))
  }
  /** It asks something, or restates the request to check it. */
  get checked(): boolean {
    return (this.#checked ??= this.questions.length > 0 || CHECKING.test(this.masked))
  }
  /** The first action it reports ("Done!", "I've switched…"). */
  get action(): PhraseMatch | undefined {
    return (this.#action ??= { match: firstMatch(ACTIONS, this.masked) }).match
  }
  /** The first fix it hands over (handles blanked, links kept). */
  get solution(): PhraseMatch | undefined {
    return (this.#solution ??= { match: firstMatch(SOLUTIONS, blankHandles(this.text)) }).match
  }
}

function replyFacts(context: RuleContext<ConfirmUnderstandingOptions>, i: number): ReplyFacts {
  const a = context.analyse(i)
  return a.memo('confirm-understanding:reply', () => new ReplyFacts(head(a.ownText)))
}

function judge(context: RuleContext<ConfirmUnderstandingOptions>, i: number, extraPresumption?: PhraseMatcher): Finding | undefined {
  const { transcript } = context
  const structural = context.options?.structural !== false
  const reply = replyFacts(context, i)
  const { text, masked } = reply
  if (!text.trim()) return undefined

  // 1. Claims to know what the customer means (agreeing with praise or thanks presumes nothing).
  const claims = [...PRESUMPTION.find(masked), ...(extraPresumption?.find(masked) ?? [])].sort((x, y) => x.start - y.start)
  if (claims.length > 0 && onlyPraised(blockBefore(transcript.turns, i).block?.text)) claims.length = 0
  for (const c of claims) {
    // A claim turned into a check: a question in the same or the next sentence ("…, is that right?").
    if (reply.questions.some((q) => q.end > c.start && q.start < c.end + 120)) continue
    return { kind: 'presumption', start: c.start, end: c.end, confidence: 0.85 }
  }

  // Everything below (1b and 2) is about a turn that asks nothing, answering a customer.
  if (reply.checked) return undefined
  const facts = i > 0 ? context.analyse(i - 1).memo('confirm-understanding:request', () => {
    const block = requestFor(transcript.turns, i)
    return block && new RequestFacts(block)
  }) : undefined
  if (!facts) return undefined
  const request = facts.block
  const req = request.text

  // Each finding below needs something of the reply (an action, a guess, a change of the order) and
  // something of the request. The reply's part is looked up first where it is the rarer one: its
  // words are known already, while the request's may be a text of its own.

  // 1b. "I understood you perfectly" about a short request, then acts, asking nothing.
  // (After a detailed message, or one naming the item, the same words are usually sympathy.)
  const weak = firstMatch(PRESUMPTION_WEAK, masked)
  if (weak && (reply.action || reply.solution) && (facts.short || facts.vague)) {
    return { kind: 'presumption-weak', start: weak.start, end: weak.end, confidence: 0.75 }
  }

  if (!structural) return undefined

  // 2a. The agent sees several candidates, picks one and acts.
  const many = firstMatch(MULTIPLE, masked)
  const act = reply.action
  if (many && act && act.start > many.start && !facts.pickedOne && !ON_ALL_OF_THEM.test(masked.slice(act.end, act.end + 24)) && !sharedIdentifier(req, masked)) {
    return { kind: 'candidates', start: act.start, end: act.end, confidence: 0.75, detail: masked.slice(many.start, many.end) }
  }

  // 2a'. Two items were named a few turns before ("I can see both …", "two orders, one for … and one for …"), the
  // request points at "it" / "the order" without saying which, and the agent picks one and acts.
  if (act && !facts.pickedOne && BARE_REFERENCE.test(req)) {
    const pair = pairNamedBefore(transcript.turns, i)
    if (pair && !sharedIdentifier(req, masked)) {
      return { kind: 'candidates', start: act.start, end: act.end, confidence: 0.7, detail: pair }
    }
  }

  // 2b. Asked to change an address / e-mail / number, gave no new value, and the agent "did" it.
  if (act) {
    for (const m of facts.missing) {
      if (valueGiven(req, m.end) || valueGivenEarlier(transcript.turns, i)) continue
      return { kind: 'missing-value', start: act.start, end: act.end, confidence: 0.7, request: req.slice(m.start, m.end) }
    }
  }

  // 2c. A vague opening request (no object, a generic one, "upgrade me") answered by action or a fix.
  if (request.first) {
    // A vague request is rarer than a fix.
    const vague = facts.vague
    const fix = vague && (act ?? reply.solution)
    if (fix) {
      const kind = act ? 'vague-action' : 'vague-solution'
      return { kind, start: fix.start, end: fix.end, confidence: act ? 0.7 : 0.6, request: req.slice(vague.start, vague.end) }
    }
    const guess = firstMatch(GUESSES, masked)
    if (guess && facts.bareHelp) {
      return { kind: 'bare-help', start: guess.start, end: guess.end, confidence: 0.6, request: clip(req, 60) }
    }
  }

  // 2d. The customer asked whether something is available; the agent changed the order.
  const change = firstMatch(CHANGE_ACTIONS, masked)
  const asked = change && facts.asked
  if (asked && !facts.explicit) {
    return { kind: 'availability', start: change.start, end: change.end, confidence: 0.6, request: request.last.slice(asked.start, asked.end) }
  }
  return undefined
}

/**
 * 3. Looking ahead: the reply acted or answered without asking anything, and the customer's
 * very next turn says that is not what they meant. The request could be read two ways after
 * all, and the agent picked one. Judged whenever that next turn is from `since` on.
 */
function correctedAfter(context: RuleContext<ConfirmUnderstandingOptions>, i: number): Finding | undefined {
  const { turns } = context.transcript
  const first = firstCustomer(turns)
  if (first < 0 || first > i) return undefined
  const next = nextCustomerOpening(turns, i, CORRECTION_REACH)
  if (!next || next.turn < context.since) return undefined
  // The reply is read before the customer's words: they are a text of their own, read for this only.
  const reply = replyFacts(context, i)
  const { text, masked } = reply
  if (!/\p{L}/u.test(masked) || reply.checked) return undefined
  // The agent asked what it needed in its turn before, and acted on the answer: it did check.
  const prevAgent = agentBefore(turns, i)
  if (prevAgent > first && replyFacts(context, prevAgent).questions.length > 0) return undefined
  const later = correctionIn(next.text)
  const acted = reply.action ?? reply.solution
  if (!later) {
    // The customer's words did not say it, but the agent's next reply owns the misreading ("sorry for jumping the gun").
    if (!acted) return undefined
    const answer = nextAgentOpening(turns, next.turn, ADMISSION_REACH)
    if (!answer || answer.turn < context.since) return undefined
    const admitted = firstMatch(ADMISSION, answer.text)
    if (!admitted) return undefined
    return { kind: 'admitted', start: acted.start, end: acted.end, confidence: 0.7, request: answer.text.slice(admitted.start, admitted.end) }
  }
  if (acted) return { kind: 'corrected', start: acted.start, end: acted.end, confidence: 0.7, request: later.words }
  if (!later.strong) return undefined
  // No action words: the reply's first sentence with words of its own is what was misread.
  const sentence = context.analyse(i).sentences.find((s) => /\p{L}{2}/u.test(masked.slice(s.start, s.end)))
  if (!sentence) return undefined
  return { kind: 'corrected', start: sentence.start + leadingHandles(text.slice(sentence.start, sentence.end)), end: sentence.end, confidence: 0.6, request: later.words }
}

function messages(f: Finding, span: string, arabic: boolean): { reason: string; note: string; expected: string[] } {
  const q = (s?: string) => `"${clip(s ?? '')}"`
  const aq = (s?: string) => `«${clip(s ?? '')}»`
  if (arabic) {
    const note =
      'لا تعتمد على فهمك الشخصي لاحتياج العميل ولا تدّعِ فهم ما لم يُقل: إذا احتمل الطلب أكثر من معنى أو نقصته معلومة فاسأل سؤالًا مباشرًا أو أعد صياغة الطلب قبل التنفيذ. العميل أدرى بما يريد، والتنفيذ على فهم خاطئ يضاعف الجهد ويُغضبه.'
    switch (f.kind) {
      case 'presumption':
        return {
          reason: `يدّعي الموظف أنه يعرف ما يقصده العميل (${aq(span)}) بدل أن يتأكد منه`,
          note,
          expected: ['للتأكد فقط: هل تقصد … أم شيئًا آخر؟', 'ممكن توضح لي أكثر ما الذي تحتاجه بالضبط حتى أساعدك بالشكل الصحيح؟']
        }
      case 'presumption-weak':
        return {
          reason: `يقول الموظف إنه فهم تمامًا (${aq(span)}) ثم ينفّذ دون أن يتأكد مما يقصده العميل`,
          note,
          expected: ['إذا فهمتك صح، تقصد … ، صح؟', 'قبل ما أنفّذ الطلب، ممكن توضح لي أي واحد تقصد؟']
        }
      case 'candidates':
        return {
          reason: `يرى الموظف أكثر من احتمال (${aq(f.detail)}) لكنه يختار واحدًا وينفّذ (${aq(span)}) دون أن يسأل`,
          note,
          expected: [`${clip(f.detail ?? '')} — أي واحد تقصد؟`, 'قبل ما أنفّذ التغيير، ممكن تأكد لي أي واحد تقصد؟']
        }
      case 'missing-value':
        return {
          reason: `ينفّذ الموظف (${aq(span)}) مع أن طلب العميل (${aq(f.request)}) ينقصه المعلومة الجديدة`,
          note,
          expected: ['أكيد أقدر أعدّلها لك، ممكن تعطيني المعلومة الجديدة؟', 'ما هو العنوان (أو الرقم) الجديد الذي تريد اعتماده؟']
        }
      case 'availability':
        return {
          reason: `العميل سأل سؤالًا (${aq(f.request)}) والموظف غيّر الطلب (${aq(span)}) دون أن يسأله`,
          note,
          expected: ['نعم متوفر! هل تحب أن أعدّل الطلب عليه؟', 'متوفر بالفعل، تحب أبدّل لك أم تبقي طلبك كما هو؟']
        }
      case 'corrected':
        return {
          reason: `تصرّف الموظف على فهمه للطلب (${aq(span)}) دون أن يسأل، وردّ العميل بعدها بأن هذا ليس ما قصده (${aq(f.request)})`,
          note,
          expected: ['للتأكد قبل ما أنفّذ: تقصد … ولا …؟', 'ممكن توضح لي أكثر ما الذي تريده بالضبط حتى أنفّذه صح؟']
        }
      case 'admitted':
        return {
          reason: `تصرّف الموظف على فهمه للطلب (${aq(span)}) دون أن يسأل، ثم اعترف في ردّه التالي بأنه أساء الفهم (${aq(f.request)})`,
          note,
          expected: ['للتأكد قبل ما أنفّذ: تقصد … ولا …؟', 'ممكن توضح لي أكثر ما الذي تريده بالضبط حتى أنفّذه صح؟']
        }
      case 'bare-help':
        return {
          reason: `العميل طلب المساعدة فقط (${aq(f.request)}) والموظف قدّم حلًّا لمشكلة خمّنها`,
          note,
          expected: ['يسعدنا مساعدتك! ممكن توضح لنا أكثر ما المشكلة التي تواجهها؟']
        }
      default:
        return {
          reason: `الطلب غير محدد (${aq(f.request)}) والموظف تصرّف (${aq(span)}) على فهمه الخاص دون أن يتأكد`,
          note,
          expected: ['للتأكد فقط: تقصد … ولا …؟', 'ممكن توضح لي أكثر ما الذي تريد تغييره بالضبط؟']
        }
    }
  }
  const note =
    "Don't lean on your own reading of what the customer needs, and don't claim to understand what you haven't checked: when a request could mean two things or is missing a detail, ask one direct question or restate it (\"just to confirm, you mean…?\") before acting. The customer may know exactly what they want; acting on a wrong guess costs them more effort and trust."
  switch (f.kind) {
    case 'presumption':
      return {
        reason: `Claims to know what the customer means (${q(span)}) instead of checking`,
        note,
        expected: ['Just to make sure I get this right — do you mean …, or something else?', "Could you tell me a bit more about what's happening, so I fix the right thing?"]
      }
    case 'presumption-weak':
      return {
        reason: `Says it understood exactly (${q(span)}) and acts without checking what the customer meant`,
        note,
        expected: ['If I understand correctly, you mean … — is that right?', 'Before I make the change, could you confirm which one you mean?']
      }
    case 'candidates':
      return {
        reason: `Sees several possibilities (${q(f.detail)}) but picks one and acts (${q(span)}) without asking which`,
        note,
        expected: [`${clip(f.detail ?? '').replace(/^./, (c) => c.toUpperCase())} — which one would you like me to change?`, 'Before I make the change, could you confirm which one you mean?']
      }
    case 'missing-value':
      return {
        reason: `Acts (${q(span)}) although the request (${q(f.request)}) does not give the new details`,
        note,
        expected: ["Happy to update that — what's the new one?", 'Sure! What should I change it to?']
      }
    case 'availability':
      return {
        reason: `The customer asked a question (${q(f.request)}) and the agent changed the order (${q(span)}) without asking`,
        note,
        expected: ["Yes, it's in stock! Would you like me to switch your order to it?", "It's available — shall I make the change, or keep your order as it is?"]
      }
    case 'corrected':
      return {
        reason: `Acts on one reading of the request (${q(span)}) without checking, and the customer's next turn says that is not what they meant (${q(f.request)})`,
        note,
        expected: ['Just to confirm before I go ahead — do you mean … or …?', 'Could you tell me a little more about what you need, so I get it right first time?']
      }
    case 'admitted':
      return {
        reason: `Acts on one reading of the request (${q(span)}) without checking, and the agent's next reply admits the misreading (${q(f.request)})`,
        note,
        expected: ['Just to confirm before I go ahead — do you mean … or …?', 'Could you tell me a little more about what you need, so I get it right first time?']
      }
    case 'bare-help':
      return {
        reason: `The customer only asked for help (${q(f.request)}) and the agent offers a fix for a guessed problem (${q(span)})`,
        note,
        expected: ["Happy to help! Could you tell us a bit more about what's going on?"]
      }
    case 'vague-solution':
      return {
        reason: `Answers one reading of a vague request (${q(f.request)}) without checking what the customer meant`,
        note,
        expected: ['Happy to help! Just to confirm — which one do you mean?', 'Could you tell me a little more about what you need, so I give you the right steps?']
      }
    default:
      return {
        reason: `Acts on one reading of a vague request (${q(f.request)}) — ${q(span)} — without checking what the customer meant`,
        note,
        expected: ['Happy to help! Just to confirm — do you mean … or …?', "Before I change anything, could you tell me exactly what you'd like?"]
      }
  }
}

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string' }, description: 'Phrases never flagged' },
    structural: { type: 'boolean', description: 'Also flag vague request + unchecked action (not only explicit wording)' },
    presumption: { type: 'array', items: { type: 'string' }, description: 'Extra phrases that claim to know what the customer means' }
  }
}

const cache = new Map<string, PhraseMatcher>()
function cached(phrases: readonly string[] | undefined): PhraseMatcher | undefined {
  if (!phrases?.length) return undefined
  const key = JSON.stringify(phrases)
  let m = cache.get(key)
  if (!m) {
    if (cache.size > 32) cache.clear()
    m = compilePhrases(phrases)
    cache.set(key, m)
  }
  return m
}

export default defineRule<ConfirmUnderstandingOptions>({
  meta: {
    id: 'confirm-understanding',
    description: 'The agent acts on its own reading of a vague request, or claims to know what the customer means, without checking',
    recommended: 'info',
    url: docsUrl('confirm-understanding'),
    schema,
    defaultOptions: { allow: [], structural: true, presumption: [] },
    judges: ['agent', 'bot'],
    languages: ['en', 'ar']
  },
  check(context) {
    const allow = cached(context.options?.allow)
    const extra = cached(context.options?.presumption)
    // The judgement of a turn depends on it, the turns before it and these options: it is kept with
    // the turn's analysis, so a pre-send check does not redo it for earlier turns on every draft.
    const structural = context.options?.structural !== false
    const memoKey = `confirm-understanding:judge:${JSON.stringify([structural, context.options?.presumption ?? []])}`
    context.transcript.turns.forEach((turn, i) => {
      if (turn.role !== 'agent' && turn.role !== 'bot') return
      // A turn is judged on it and the turns before it (the caller has the findings before `since`),
      // then on the customer's next turn, when that is from `since` on.
      const f = (i >= context.since ? context.analyse(i).memo(memoKey, () => judge(context, i, extra)) : undefined) ?? (structural ? correctedAfter(context, i) : undefined)
      if (!f) return
      const a = context.analyse(i)
      const text = a.ownText
      const span = text.slice(f.start, f.end)
      if (allow) {
        const s = a.sentences.find((x) => x.start <= f.start && f.end <= x.end)
        if (allow.test(span) || (s && allow.test(s.text))) return
      }
      // The configured locale wins; otherwise Arabic (or Arabizi) turns get Arabic coaching.
      const arabic = messageLanguage(context, inArabic(a, span + (f.detail ?? ''), text) ? 'ar' : 'en') === 'ar'
      const { reason, note, expected } = messages(f, span, arabic)
      context.report({ turn: i, start: f.start, end: f.end, reason, note, expected, confidence: f.confidence })
    })
  }
})
