/**
 * no-arguing: the agent contradicts, corrects, disputes or blames the customer
 * ("you're wrong", "as I already said", "you should have…", "that's not our
 * fault", «أنت غلطان», «زي ما قلتلك», «هذا مو ذنبنا»). Judged on agent and bot
 * turns, on the agent's own words (quoted history blanked), in the light of the
 * customer's turn just before.
 *
 * Not arguing (GUIDE): a neutral statement of policy or fact, the agent
 * correcting its own mistake, an apology with a clarification.
 */
import { defineRule } from '../../src/engine/define-rule.js'
import { chooseFindings, reportPhraseFindings, type PhraseFinding } from '../phrase-findings.js'
import { inside, lowerWords as words, overlaps, quotedSpans } from '../../src/text/spans.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from '../../src/text/phrases.js'
import { compileCategory, type Category as LexiconCategory } from '../../src/text/lexicon-category.js'
import type { OptionSchema, TurnAnalysis } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import ar from './lexicon.ar.json' with { type: 'json' }
import en from './lexicon.en.json' with { type: 'json' }
import { dialectOfTag, guessDialect, type Dialect } from '../../src/text/arabic/dialect.js'
import { message, type Kind } from './messages.js'
import { LiteralIndex, requiredClauses } from '../../src/text/regex-prefilter.js'

export interface NoArguingOptions {
  /** Phrases never flagged: a finding is dropped when one occurs in the triggering sentence. */
  allow: string[]
  /** Extra phrases that count as arguing (same syntax as the lexicons). */
  phrases: string[]
  /** Also flag weaker, structural signals: an emphatic "we do…" pushing back on a complaint. */
  implicit: boolean
  /** Flag a reply that opens with "Actually," to correct the customer. */
  actually: boolean
}

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string' }, description: 'Phrases never flagged (matched in the triggering sentence).' },
    phrases: { type: 'array', items: { type: 'string' }, description: 'Extra phrases that count as arguing.' },
    implicit: { type: 'boolean', description: 'Flag an emphatic "we do…" that pushes back on a complaint.' },
    actually: { type: 'boolean', description: 'Flag a reply that opens with "Actually," to correct the customer.' }
  }
}

const defaultOptions: NoArguingOptions = { allow: [], phrases: [], implicit: true, actually: true }

// ---------------------------------------------------------------------------
// Lexicons, compiled once.

type Lexicon = Record<string, unknown>
const EN = en as Lexicon
const AR = ar as Lexicon

type Category = 'contradict' | 'doubt' | 'impossible' | 'notPossible' | 'repeat' | 'blame' | 'deflect' | 'lecture' | 'nonApology' | 'hedge'
const CATEGORIES: Category[] = ['contradict', 'doubt', 'impossible', 'notPossible', 'repeat', 'blame', 'deflect', 'lecture', 'nonApology', 'hedge']
const LISTS = Object.fromEntries(CATEGORIES.map((c) => [c, compileCategory(EN, AR, c)])) as Record<Category, LexiconCategory>
const helper = (name: string): PhraseMatcher => compileCategory(EN, AR, name).matcher
const BUT = helper('but')
const OWN_COMMITMENT = helper('ownCommitment')
const SELF_CORRECTION_LIST = compileCategory(EN, AR, 'selfCorrection')
const APOLOGY_LIST = compileCategory(EN, AR, 'apology')
const REQUEST = helper('request')

const KIND: Record<Category, Kind> = {
  contradict: 'contradict',
  doubt: 'doubt',
  impossible: 'impossible',
  notPossible: 'impossible',
  repeat: 'repeat',
  blame: 'blame',
  deflect: 'deflect',
  lecture: 'lecture',
  nonApology: 'nonApology',
  hedge: 'hedge'
}

const CONFIDENCE: Record<Kind, number> = {
  contradict: 0.85,
  doubt: 0.75,
  impossible: 0.8,
  repeat: 0.85,
  blame: 0.8,
  deflect: 0.8,
  lecture: 0.75,
  nonApology: 0.7,
  hedge: 0.75,
  actually: 0.65,
  emphatic: 0.5,
  custom: 0.8
}

// ---------------------------------------------------------------------------
// Small text helpers.

/** Work is capped per turn so that hostile inputs stay fast. */
const MAX_CHARS = 20_000
const MAX_FINDINGS_PER_TURN = 5
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
const SECOND_PERSON = /(?<![\p{L}\p{N}])(?:you|your|u|ur)(?![\p{L}\p{N}])|انت|انتي|إنت|أنت|إنك|انك|أنك|حضرتك|راك|نتا|(?<![\p{L}\p{N}])(?:enta|inta|enti|inti|rak|nta|7adretak|7adretek)(?![\p{L}\p{N}])/iu
const EN_NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'nor', 'neither', 'hardly'])
const AR_NEGATORS = new Set(['مش', 'مو', 'مب', 'ما', 'لا', 'ليس', 'ليست', 'لست', 'لسنا', 'موش', 'ماشي', 'مهوش', 'مانيش', 'ماني', 'لم', 'لن', 'مهو', 'ماهو', 'ابدا', 'مكانش', 'محدش', 'msh', 'mesh', 'mish', 'mo', 'mu', 'ma', 'la'])
const EN_BARE_CONTRACTIONS = new Set(['dont', 'cant', 'wont', 'isnt', 'didnt', 'doesnt', 'wasnt', 'arent', 'werent', 'havent', 'hasnt', 'couldnt', 'wouldnt', 'shouldnt', 'aint', 'cannot'])
const EN_CONDITIONAL = new Set(['if', 'whether', 'unless', 'know', 'realise', 'realize', 'understand', 'appreciate', 'case', 'when', 'hope', 'why', 'see', 'worry', 'feel', 'sorry'])
const AR_CONDITIONAL = new Set(['لو', 'اذا', 'إذا', 'إن', 'حال', 'لما', 'لوكان', 'اسف', 'اسفين', 'نعتذر', 'متاسف', 'ناسف'])
/** Contradictions shaped like an answer ("No, it doesn't", "that's not correct", «مش صحيح»). */
const ANSWER_LIKE = /^no\b|^[وف]?(?:لا|لأ|لاء)(?![\u0621-\u064A])|^la2\b|not\s+(?:true|correct|accurate|the\s+case|right|what\s+happened)|incorrect|inaccurate|untrue|false|(?:valid|correct|accurate|legitimate|right|justified|genuine|in\s+order|applied)$|صحيح|صح|حقيقي|دقيق|مظبوط|مضبوط|سليم|sa7/iu
const NO_LEAD = /^(?:no\b|[وف]?(?:لا|لأ|لاء)(?![\u0621-\u064A])|la2\b)/iu
const UPHELD = /(?:valid|correct|accurate|legitimate|right|justified|genuine|in\s+order|applied|delivered|received|collected|signed\s+for|handed\s+over|paid|refunded|sent|posted|dispatched|emailed|صحيح|صحيحه|صحيحة|سليم|سليمه|سليمة|مظبوط|مظبوطه|مظبوطة|مضبوط|قانوني|قانونية|قانونيه|نظامي|نظامية|نظاميه|محلها|محله|do(?:es)?\s+that)$/iu
/** A yes/no question about where the problem lies. */
const OPEN_QUESTION = /^\s*(?:@\w+\s*)*(?:هل|(?:could|might|can|is|was|would)\s+(?:it|the\s+(?:problem|issue|fault)|this|that)\b)/iu
/** The clause a match sits in, from its start up to the match ("sorry, is the problem …" → "is the problem …"). */
function clauseBefore(text: string, sentenceStart: number, at: number): string {
  let s = at
  while (s > sentenceStart && !/[،,;:]/.test(text[s - 1]!)) s--
  return text.slice(s, at)
}
/** Forms of address between an answering «لا» and the clause ("لا عيني، …", "لا خويا، …"). */
const VOCATIVE = new Set(['يا', 'عيني', 'خويا', 'اخويا', 'اخوي', 'أخوي', 'خوي', 'حبيبي', 'حبيبتي', 'استاذ', 'أستاذ', 'اخي', 'أخي', 'اختي', 'أختي', 'خيي', 'عزيزي', 'عزيزتي', 'سيدي', 'باشا', 'عمي', 'خالتي', 'ياخي', 'حبي', 'غالي', 'الغالي', 'يافندم', 'فندم'])
/** A clause opening on "this / that / what you say" (after which «لا» is the answer "no"). */
const NO_THEN_THIS = /^[وف]?(?:هذا|هاذا|ده|دا|دي|هيدا|هيدي|هاد|هادا|هادي|هادشي|هاي|هذي|هاذي|الكلام|كلامك)(?![\u0621-\u064A])/u
/**
 * «لا، هذا مو صحيح»: a bare "no" and the contradiction right after it are one finding, spanning both
 * (the English lexicon has the joined phrases; the Arabic "no" is matched on its own).
 */
function joinLeadingNo<C extends { kind: Kind; start: number; end: number }>(candidates: C[], text: string): C[] {
  const dropped = new Set<C>()
  for (const c of candidates) {
    if (c.kind !== 'contradict' || !NO_LEAD.test(text.slice(c.start, c.end))) continue
    const next = candidates.find((d) => d !== c && d.kind === 'contradict' && d.start >= c.end && /^[\s,،.!]*$/u.test(text.slice(c.end, d.start)))
    if (!next) continue
    next.start = c.start
    dropped.add(c)
  }
  return dropped.size ? candidates.filter((c) => !dropped.has(c)) : candidates
}

const SOFT_REFUSAL = /(?<![\p{L}\p{N}])(?:unfortunately|afraid|regrettably|sadly)(?![\p{L}\p{N}])|للأسف|للاسف|مع الأسف|مع الاسف|نأسف(?!\s*ل)|ناسف(?!\s*ل)|بكل أسف/iu

function isNegator(w: string): boolean {
  if (EN_NEGATORS.has(w) || AR_NEGATORS.has(w) || /n['’]t$/.test(w) || EN_BARE_CONTRACTIONS.has(w)) return true
  return (w.startsWith('و') || w.startsWith('ف')) && AR_NEGATORS.has(w.slice(1))
}

/** The words before a phrase make it hypothetical or sympathetic: "if you don't understand", "I know that you're confused". */
function conditional(prev: string[]): boolean {
  const last = prev[prev.length - 1]
  if (!last) return false
  const lead = last === 'that' || last === 'ان' || last === 'إن' ? prev[prev.length - 2] : last
  return lead !== undefined && (EN_CONDITIONAL.has(lead) || AR_CONDITIONAL.has(lead))
}

type Sentence = TurnAnalysis['sentences'][number]

function sentenceAt(sentences: readonly Sentence[], index: number): Sentence | undefined {
  return sentences.find((s) => index >= s.start && index < s.end)
}

/** The text of the latest customer turn before turn i. */
function previousCustomer(turns: ReadonlyArray<{ role: string }>, analyse: (i: number) => TurnAnalysis, i: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const t = turns[j]!
    if (t.role === 'customer') return analyse(j).ownText.slice(0, MAX_CHARS)
    if (t.role === 'agent' || t.role === 'bot') return ''
  }
  return ''
}

/** The customer asked a yes/no or "is that right?" question: a "no, …" answers it rather than disputes it. */
function askedConfirmation(customer: string): boolean {
  const parts = customer.split(/(?<=[.!?؟…])\s+|\n+/).map((s) => s.trim()).filter(Boolean)
  const last = parts[parts.length - 1] ?? ''
  if (!/[?؟]\s*\p{Extended_Pictographic}*\s*$/u.test(last)) return false
  if (/^(?:\W*)(?:(?:is|was|were|does|did|do|am|has|have|isn['’]?t|wasn['’]?t|doesn['’]?t|don['’]?t|didn['’]?t|should|shall)\s|(?:are|will|would)\s+(?!you\b|u\b|y['’]?all\b)|so\b)/i.test(last)) return true
  if (/\b(?:right|correct|true|yes or no)\s*\?/i.test(last)) return true
  return /هل|صح\s*[?؟]|صحيح\s*[?؟]|مظبوط|ولا لا|ولا لأ|ولا ايه|ولا إيه|ولا شو|مش كده|مو كذا|مش هيك|مو هيك|يعني/.test(last)
}

/** Every sentence of the customer's turn is a question (nothing claimed to dispute). */
function onlyQuestions(customer: string): boolean {
  const parts = customer.split(/(?<=[.!?؟…])\s+|\n+/).map((s) => s.trim()).filter((s) => /[\p{L}]/u.test(s))
  return parts.length > 0 && parts.every((s) => /[?؟]\s*\p{Extended_Pictographic}*\s*$/u.test(s))
}

// ---------------------------------------------------------------------------
// Structural signals beyond the lexicon.

const ACTUALLY = /^(?:(?:no|well|hmm+|um+|oh|so|but|and)[,\s]+)?actually(?![\p{L}\p{N}])/iu
const ACTUALLY_BENIGN = new Set([
  'i', "i've", 'i’ve', "i'll", 'i’ll', "i'm", 'i’m', "i'd", 'i’d', 'let', 'yes', 'yeah', 'good', 'great', 'glad', 'happy', 'thanks', 'thank', 'sorry',
  'my', "we've", 'we’ve', "we'll", 'we’ll', "we're", 'we’re', "we'd", 'we’d', 'you’re', "you're", "that's", 'that’s', 'there’s', "there's", 'it’s', 'no', 'one', 'just', 'already'
])
const ACTUALLY_BENIGN_PAIRS = /^(?:you['’]?re right|you are right|that['’]?s (?:great|right|fine|good|a great|a good)|there['’]?s (?:good|some good|a (?:quick|simple|faster|better|way))|it['’]?s (?:easier|simpler|quicker|free|included|possible)|we (?:can|could|have|already|just|do have (?:good|great))|you can (?:now |also |easily |even |still )?(?:do|find|change|update|manage|reset|check|see|get|download|view|set|switch|add|order|book|track|cancel|use)\b|you (?:don['’]?t|do not) (?:need|have) to\b)/i

const EMPHATIC = /(?<![\p{L}\p{N}'’])([a-z]+)\s+(do|does|did)\s+(?!not\b|n['’]t\b)([a-z]+)/giu
/** Words that cannot be the subject of an emphatic do (questions, the customer, the agent's own "I do"). */
const EMPHATIC_NOT_SUBJECT = new Set([
  'what', 'how', 'why', 'where', 'when', 'who', 'which', 'whom', 'whose', 'if', 'so', 'nor', 'neither', 'as', 'than', 'i', 'u', 'ya', 'y', 'to', 'and', 'or', 'but',
  'please', 'that', 'whatever', 'whenever', 'wherever', 'however', 'not', 'also', 'only', 'just', 'really', 'still', 'then', 'now', 'often', 'ever', 'never', 'sometimes',
  'usually', 'always', 'rarely', 'anything', 'everything', 'something', 'nothing', 'all', 'both', 'can', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'did',
  'do', 'does', 'how', 'let', 'thanks', 'thank', 'hey', 'hi', 'hello', 'ok', 'okay', 'yes', 'no', 'well'
])
const EMPHATIC_BENIGN = new Set([
  'apologise', 'apologize', 'understand', 'appreciate', 'hope', 'value', 'care', 'want', 'need', 'know', 'see', 'hear', 'thank', 'realise', 'realize', 'recognise',
  'recognize', 'feel', 'sympathise', 'sympathize', 'regret', 'take', 'love', 'like', 'wish', 'try', 'get', 'listen', 'read', 'welcome', 'sound', 'seem', 'look',
  'appear', 'happen', 'sometimes', 'occasionally', 'so', 'that', 'this', 'it', 'with', 'for', 'to', 'in', 'on', 'not', 'work', 'help', 'make', 'mean', 'agree',
  'deserve', 'apologies', 'miss', 'enjoy', 'expect', 'aim', 'strive', 'promise', 'believe', 'think', 'wonder', 'well', 'the', 'a', 'an', 'what', 'everything',
  'anything', 'our', 'all', 'get', 'go', 'say', 'ask', 'plan', 'intend', 'depend', 'vary', 'differ', 'change'
])
const EMPHATIC_PREFIX_OK = /^(?:|.*[,;:—–-]|.*\b(?:but|and|so|yes|however|well|no|though|although))$/is

/** "Our app doesn't delete notes" after "your app deleted my notes": denying the very action the customer reported. */
const DENIAL = /(?<![\p{L}\p{N}'’])((?:our|the|your|this|that)\s+[\p{L}-]+|it|that|this|we|they|he|she)\s+(?:does\s*n['’]?t|does\s+not|did\s*n['’]?t|did\s+not|do\s*n['’]?t|do\s+not|never|would\s*n['’]?t|would\s+not|would\s+never|is\s*n['’]?t|is\s+not|was\s*n['’]?t|was\s+not|are\s*n['’]?t|are\s+not|were\s*n['’]?t|were\s+not)\s+(?:ever\s+|automatically\s+|just\s+|simply\s+|actually\s+|really\s+)?(?:an?\s+)?([a-z]{3,})/giu
const DENIAL_BENIGN = new Set([
  'have', 'get', 'work', 'need', 'know', 'see', 'seem', 'look', 'appear', 'want', 'like', 'mean', 'think', 'understand', 'happen', 'apply', 'matter', 'allow', 'receive',
  'exist', 'help', 'take', 'come', 'make', 'let', 'use', 'affect', 'hesitate', 'worry', 'hear', 'find', 'show', 'agree', 'wish', 'hope', 'expect', 'mind', 'care', 'recommend',
  'advise', 'suggest', 'usually', 'normally', 'always', 'currently', 'yet', 'also', 'really', 'actually', 'necessarily', 'apologise', 'apologize',
  'you', 'your', 'the', 'that', 'this', 'any', 'all', 'our', 'his', 'her', 'their', 'them', 'him', 'not', 'even', 'ever', 'for', 'with', 'want', 'feel', 'say', 'tell'
])
/** Irregular past forms by their base ("lost" → "lose"), so that "we did not lose it" denies "you lost it". */
const PAST_FORMS = new Map(Object.entries(en.pastForms as Record<string, string>))
const stem = (word: string) => {
  const w = word.toLowerCase()
  return (PAST_FORMS.get(w) ?? w).replace(/(?:ing|ed|es|s|e)$/, '').replace(/(.)\1$/, '$1')
}

// ---------------------------------------------------------------------------
// Prefilter (see prefilter.ts): one scan of a turn tells which matchers can
// find anything in it; the others are skipped, and a turn where nothing can
// be found is skipped before its analysis.

const INDEX = new LiteralIndex('arabic')
for (const c of CATEGORIES) LISTS[c].register(INDEX)
const LAST_CATEGORY_UNIT = INDEX.size
APOLOGY_LIST.register(INDEX)
SELF_CORRECTION_LIST.register(INDEX)
const ACTUALLY_UNIT = INDEX.add(requiredClauses(ACTUALLY.source))
const EMPHATIC_UNIT = INDEX.add(requiredClauses(EMPHATIC.source))
const DENIAL_UNIT = INDEX.add(requiredClauses(DENIAL.source))

/** Can anything that produces a finding match (a category, "actually", an emphatic do, a denial)? */
function anyProducer(possible: readonly number[]): boolean {
  for (const u of possible) if (u < LAST_CATEGORY_UNIT || u === ACTUALLY_UNIT || u === EMPHATIC_UNIT || u === DENIAL_UNIT) return true
  return false
}

type Candidate = PhraseFinding<Kind, Dialect>

// ---------------------------------------------------------------------------

export default defineRule<NoArguingOptions>({
  meta: {
    id: 'no-arguing',
    description: 'The agent contradicts, corrects, disputes or blames the customer ("you\'re wrong", "as I said", "you should have…", «أنت غلطان», «زي ما قلتلك»)',
    recommended: 'warn',
    url: docsUrl('no-arguing'),
    schema,
    defaultOptions: defaultOptions as unknown as Record<string, unknown>,
    judges: ['agent', 'bot'],
    languages: ['en', 'ar']
  },
  check(context) {
    const { transcript } = context
    const options = { ...defaultOptions, ...context.options }
    const allow = options.allow.length ? compilePhrases(options.allow, { shared: false }) : undefined
    const custom = options.phrases.length ? compilePhrases(options.phrases, { shared: false }) : undefined

    // What a turn holds (before the coaching text, which depends on the locale) is kept with its
    // analysis: a pre-send check does not redo it for the earlier turns on every draft. It depends
    // on the turn, the customer's turn before it and these options.
    const memoKey = `no-arguing:candidates:${JSON.stringify([options.allow, options.phrases, options.implicit, options.actually])}`
    const candidatesIn = (i: number): Candidate[] => {
      const turn = transcript.turns[i]!
      // Nothing in the turn can match: skip it before any analysis (own words only blank text out).
      const raw = turn.text.length > MAX_CHARS ? turn.text.slice(0, MAX_CHARS) : turn.text
      let possible = INDEX.scan(raw)
      if (!anyProducer(possible) && !custom) return []
      const analysis = context.analyse(i)
      const text = analysis.ownText.length > MAX_CHARS ? analysis.ownText.slice(0, MAX_CHARS) : analysis.ownText
      if (text !== raw) possible = INDEX.scan(text)
      if (!anyProducer(possible) && !custom) return []
      const may = (unit: number) => possible.includes(unit)
      if (!/[\p{L}]/u.test(text)) return []
      let sentencesCache: readonly Sentence[] | undefined
      const sentences = () => (sentencesCache ??= analysis.sentences)
      const customer = previousCustomer(transcript.turns, context.analyse, i)
      let quotesCache: Array<[number, number]> | undefined
      const quotes = () => (quotesCache ??= quotedSpans(text))
      let apologiesCache: PhraseMatch[] | undefined
      const apologies = (): PhraseMatch[] => {
        if (apologiesCache) return apologiesCache
        const apology = APOLOGY_LIST.matcherFor(possible)
        if (!apology) return (apologiesCache = [])
        const nonApologies = LISTS.nonApology.matcherFor(possible)?.find(text) ?? []
        return (apologiesCache = apology.find(text).filter((a) => !nonApologies.some((n) => overlaps(a, n))))
      }
      let selfCorrectsCache: boolean | undefined
      const selfCorrects = () => (selfCorrectsCache ??= SELF_CORRECTION_LIST.matcherFor(possible)?.test(text) ?? false)
      let dialectCache: Dialect | undefined
      const dialect = () => (dialectCache ??= guessDialect(text))

      const sentenceOf = (m: { start: number; end: number }) =>
        sentenceAt(sentences(), m.start) ?? { start: Math.max(0, m.start - 200), end: Math.min(text.length, m.end + 200), text: text.slice(Math.max(0, m.start - 200), Math.min(text.length, m.end + 200)) }

      const language = (m: { start: number; end: number; entry?: PhraseEntry }): Pick<Candidate, 'lang' | 'dialect'> => {
        const span = text.slice(m.start, m.end)
        const tag = m.entry?.dialect
        if (tag && /arabizi/i.test(tag)) return { lang: 'arabizi', dialect: dialectOfTag(tag) ?? dialect() }
        const arabic = analysis.script === 'ar' || (analysis.script === 'mixed' && ARABIC.test(span))
        return arabic ? { lang: 'ar', dialect: dialectOfTag(tag) ?? dialect() } : { lang: 'en' }
      }

      /** Up to three words before the match, in its clause ("…was not activated, so the fees stand": no negation). */
      const before = (m: { start: number }, sentence: Sentence, n = 3) => {
        const lead = text.slice(Math.max(sentence.start, m.start - 60), m.start)
        const cut = Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.lastIndexOf('،'), lead.lastIndexOf('—'), lead.lastIndexOf('–'))
        return words(cut >= 0 ? lead.slice(cut + 1) : lead).slice(-n)
      }

      /** A "but" right after the match (rest of its sentence, or the start of the next one). */
      const butFollows = (m: { end: number }, sentence: Sentence) => {
        const rest = text.slice(m.end, Math.min(text.length, Math.max(sentence.end, m.end) + 40))
        return BUT.find(rest).some((b) => b.start < Math.max(60, sentence.end - m.end + 20))
      }

      const candidates: Candidate[] = []
      const push = (kind: Kind, m: { start: number; end: number; entry?: PhraseEntry }, confidence: number, matcher?: PhraseMatcher) =>
        candidates.push({ kind, start: m.start, end: m.end, confidence, matcher, ...language(m) })

      for (const category of CATEGORIES) {
        const list = LISTS[category]
        const matcher = list.matcherFor(possible)
        if (!matcher) continue
        for (const found of matcher.find(text).slice(0, 50)) {
          const m = { ...found, entry: list.entryOf(found, text) }
          if (inside(quotes(), m.start, m.end)) continue
          const sentence = sentenceOf(m)
          const span = text.slice(m.start, m.end)
          const prev = before(m, sentence)
          // «لا، هذا مو صحيح», «لا عيني هذا مو صحيح»: a «لا» before "this is …" (and any form of address)
          // answers "no", it does not negate the clause.
          const no = prev.lastIndexOf('لا')
          const interjection = no >= 0 && prev.slice(no + 1).every((w) => VOCATIVE.has(w)) && NO_THEN_THIS.test(span)
          const negated = (interjection ? prev.slice(0, no) : prev).some(isNegator)
          let kind = KIND[category]
          let confidence = CONFIDENCE[kind]

          switch (category) {
            case 'contradict': {
              if (conditional(prev)) continue
              if (selfCorrects()) continue
              // "No, it doesn't" / "that's not correct" answering the customer's own question is an answer, not a dispute.
              if (ANSWER_LIKE.test(span) && askedConfirmation(customer)) continue
              // A bare "No," / «لا،» only disputes a claim: after a question or a request it is an answer or a refusal.
              if (NO_LEAD.test(span) && (!customer || /[?؟]/.test(customer) || REQUEST.test(customer))) continue
              if (!SECOND_PERSON.test(span)) {
                // "The charge is correct" answering a plain question is information; against a complaint it upholds the dispute.
                if (UPHELD.test(span) && (!customer || onlyQuestions(customer))) continue
                confidence = 0.75
              }
              if (negated) {
                // "I'm not saying you're wrong, but…" still says it; without a "but" the negation clears the customer.
                if (!butFollows(m, sentence)) continue
                kind = 'hedge'
                confidence = CONFIDENCE.hedge
              }
              break
            }
            case 'hedge':
              if (!butFollows(m, sentence)) continue
              break
            case 'impossible':
            case 'notPossible': {
              if (selfCorrects()) continue
              if (SOFT_REFUSAL.test(sentence.text)) continue
              if (category === 'notPossible') {
                // After a request, "that's not possible" refuses it (a dead end, not an argument).
                if (!customer || REQUEST.test(customer) || /[?؟]/.test(customer)) continue
                confidence = 0.65
              }
              break
            }
            case 'repeat': {
              // «كما ذكرتَ» / «كما قلتِ»: as YOU said — agreeing with the customer.
              if (/ت[\u064E\u0650]/.test(span)) continue
              // "As I said, I'll call you back": the agent restating its own promise.
              const after = text.slice(m.end, m.end + 60).replace(/^[\s,،:;—–-]+/u, '')
              const own = OWN_COMMITMENT.find(after)
              if (own.length && own[0]!.start === 0) continue
              // "…should have reached you yesterday as I said." inside an apology: owning a broken promise.
              const trailing = /^[\s.!…]*$/.test(text.slice(m.end, sentence.end))
              if (trailing && apologies().some((a) => a.start >= sentence.start && a.end <= sentence.end)) continue
              break
            }
            case 'blame':
              if (negated) continue
              if (conditional(prev)) continue
              // «هل المشكلة عندك من امبارح؟», "could the problem be on your side?": asking, not blaming.
              if (/[?؟]\s*$/.test(sentence.text) && OPEN_QUESTION.test(clauseBefore(text, sentence.start, m.start))) continue
              // "The terms you agreed to are here" answering "what are the terms?" is a pointer, not a reproach.
              if (/agreed|consented|accepted|signed|وافقت|وقعت|قبلت|مضيت/iu.test(span) && customer && onlyQuestions(customer)) continue
              break
            case 'lecture':
              if (conditional(prev)) continue
              if (/^please understand/i.test(span)) confidence = 0.6
              break
            default:
              break
          }
          push(kind, m, confidence, list.matcher)
        }
      }

      // "Actually, your balance was…" opening a correction of the customer's claim.
      if (options.actually && may(ACTUALLY_UNIT) && !selfCorrects() && customer && !onlyQuestions(customer)) {
        for (const sentence of sentences()) {
          const lead = sentence.text.replace(/^(?:@\w+\s*)+/u, '').replace(/^(?:hi|hello|hey|dear)\b[^,.!?]{0,40}[,!]\s*/iu, '')
          const offset = sentence.text.length - lead.length
          const m = ACTUALLY.exec(lead)
          if (!m) continue
          const at = m[0].toLowerCase().indexOf('actually')
          const rest = lead.slice(at + 'actually'.length).replace(/^[\s,]+/, '')
          const next = (/^[\p{L}'’]+/u.exec(rest)?.[0] ?? '').toLowerCase()
          if (ACTUALLY_BENIGN.has(next) || ACTUALLY_BENIGN_PAIRS.test(rest)) continue
          if (apologies().some((a) => a.start < sentence.end)) continue
          const start = sentence.start + offset + at
          if (inside(quotes(), start, start + 8)) continue
          push('actually', { start, end: start + 'actually'.length }, CONFIDENCE.actually)
        }
      }

      // "We do have that facility." — an emphatic do pushing back on the complaint.
      if (options.implicit && may(EMPHATIC_UNIT) && !selfCorrects() && apologies().length === 0 && !/[?؟]/.test(text) && customer && !askedConfirmation(customer)) {
        EMPHATIC.lastIndex = 0
        let m: RegExpExecArray | null
        let n = 0
        while ((m = EMPHATIC.exec(text)) && n++ < 50) {
          const verb = m[3]!.toLowerCase()
          if (EMPHATIC_BENIGN.has(verb) || EMPHATIC_NOT_SUBJECT.has(m[1]!.toLowerCase())) continue
          const sentence = sentenceOf({ start: m.index, end: m.index + m[0].length })
          const prefix = text.slice(sentence.start, m.index).replace(/@\w+/gu, '').trim()
          if (/^(?:we|it|they|this|you)$/i.test(m[1]!) && !EMPHATIC_PREFIX_OK.test(prefix)) continue
          if (/\b(?:if|what|whatever|when|whenever|as|how|where)\s*$/i.test(prefix)) continue
          const end = m.index + m[1]!.length + 1 + m[2]!.length + 1 + m[3]!.length
          if (inside(quotes(), m.index, end)) continue
          push('emphatic', { start: m.index, end }, CONFIDENCE.emphatic)
        }
      }

      if (options.implicit && may(DENIAL_UNIT) && !selfCorrects() && apologies().length === 0 && customer && !askedConfirmation(customer)) {
        // The customer's own positive verbs ("deleted", "charged"), not negated ones ("doesn't work"); built on first need.
        let claimedCache: Set<string> | undefined
        const claimed = () => {
          if (claimedCache) return claimedCache
          claimedCache = new Set<string>()
          const tokens = customer.slice(0, 2000).toLowerCase().match(/[a-z'’]+/g) ?? []
          tokens.forEach((w, k) => {
            const prev = tokens.slice(Math.max(0, k - 2), k)
            if (!prev.some((p) => EN_NEGATORS.has(p) || /n['’]?t$/.test(p) || EN_BARE_CONTRACTIONS.has(p))) claimedCache!.add(stem(w))
          })
          return claimedCache
        }
        DENIAL.lastIndex = 0
        let m: RegExpExecArray | null
        let n = 0
        while ((m = DENIAL.exec(text)) && n++ < 50) {
          const verb = m[2]!.toLowerCase()
          if (DENIAL_BENIGN.has(verb) || stem(verb).length < 3 || !claimed().has(stem(verb))) continue
          const sentence = sentenceOf({ start: m.index, end: m.index + m[0].length })
          if (/\b(?:if|whether|unless|when)\b/i.test(text.slice(sentence.start, m.index))) continue
          if (inside(quotes(), m.index, m.index + m[0].length)) continue
          push('contradict', { start: m.index, end: m.index + m[0].length }, 0.55)
        }
      }

      if (custom) for (const m of custom.find(text).slice(0, 20)) if (!inside(quotes(), m.start, m.end)) push('custom', m, CONFIDENCE.custom)

      // Allowed phrases silence findings in their sentence; one finding per stretch of text.
      return chooseFindings(joinLeadingNo(candidates, text), text, { allow, sentenceOf, max: MAX_FINDINGS_PER_TURN })
    }

    reportPhraseFindings(context, { memoKey, maxChars: MAX_CHARS, findingsIn: candidatesIn, message })
  }
})
