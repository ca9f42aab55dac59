/**
 * no-rudeness: dismissive, sarcastic, condescending or hostile wording toward the
 * customer — "calm down", "that's your problem", "whatever", "read the manual",
 * "obviously you…", shouting in capitals, insults or profanity aimed at the
 * customer; «اهدى»، «مو مشكلتي»، «اقرا التعليمات». Judged on agent and bot turns,
 * on the agent's own words (quoted history and quoted phrases left out).
 *
 * Not rude: capitals in product names and acronyms (ID, PIN, URL, UPS), a label
 * the customer must tap, "obviously we'll refund you", "have a calm weekend",
 * «طبعاً», «ولا يهمك», words the agent quotes or reports from someone else.
 */
import { defineRule } from '../../src/engine/define-rule.js'
import { chooseFindings, reportPhraseFindings, type PhraseFinding } from '../phrase-findings.js'
import { inside, lowerWords as words, quotedSpans } from '../../src/text/spans.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from '../../src/text/phrases.js'
import type { OptionSchema, TurnAnalysis } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import ar from './lexicon.ar.json' with { type: 'json' }
import en from './lexicon.en.json' with { type: 'json' }
import { compileCategory, type Category as LexiconCategory } from '../../src/text/lexicon-category.js'
import { dialectOfTag, guessDialect, type Dialect } from '../../src/text/arabic/dialect.js'
import { message, type Kind } from './messages.js'
import { LiteralIndex, requiredClauses, unionClauses } from '../../src/text/regex-prefilter.js'

export interface NoRudenessOptions {
  /** Phrases never flagged: a finding is dropped when one occurs in the triggering sentence. */
  allow: string[]
  /** Extra phrases that count as rude (same syntax as the lexicons). */
  phrases: string[]
  /** Flag runs of words in capitals (shouting). */
  shouting: boolean
  /** How many capitalised words in a row count as shouting. */
  minShoutWords: number
  /** More capitalised words that are names or acronyms, never shouting (e.g. product names). */
  acronyms: string[]
}

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string' }, description: 'Phrases never flagged (matched in the triggering sentence).' },
    phrases: { type: 'array', items: { type: 'string' }, description: 'Extra phrases that count as rude.' },
    shouting: { type: 'boolean', description: 'Flag runs of words in capitals.' },
    minShoutWords: { type: 'integer', minimum: 2, maximum: 20, description: 'Capitalised words in a row that count as shouting.' },
    acronyms: { type: 'array', items: { type: 'string' }, description: 'Extra all-capital words that are names or acronyms, never shouting.' }
  }
}

const defaultOptions: NoRudenessOptions = { allow: [], phrases: [], shouting: true, minShoutWords: 3, acronyms: [] }

// ---------------------------------------------------------------------------
// Lexicons, compiled once.

type Lexicon = Record<string, unknown>
const EN = en as Lexicon
const AR = ar as Lexicon

type Category = 'calm' | 'dismiss' | 'condescend' | 'repeat' | 'sarcasm' | 'insult' | 'profanity'
const CATEGORIES: Category[] = ['calm', 'dismiss', 'condescend', 'repeat', 'sarcasm', 'insult', 'profanity']
const LISTS = Object.fromEntries(CATEGORIES.map((c) => [c, compileCategory(EN, AR, c)])) as Record<Category, LexiconCategory>
const helper = (name: string): PhraseMatcher => compileCategory(EN, AR, name).matcher
const MILD_PROFANITY_LIST = compileCategory(EN, AR, 'mildProfanity')
const APOLOGY = helper('apology')
const EMPATHY = helper('empathy')
const REPORTED_LIST = compileCategory(EN, AR, 'reported')
const UI_VERB = helper('uiVerb')
const ACRONYMS = new Set((Array.isArray(EN.acronyms) ? (EN.acronyms as string[]) : []).map((a) => a.toUpperCase()))

const CONFIDENCE: Record<Kind, number> = {
  calm: 0.85,
  dismiss: 0.85,
  condescend: 0.8,
  repeat: 0.75,
  sarcasm: 0.75,
  insult: 0.9,
  profanity: 0.85,
  shouting: 0.8,
  custom: 0.8
}

// ---------------------------------------------------------------------------
// Small text helpers.

/** Work is capped per turn so that hostile inputs stay fast. */
const MAX_CHARS = 20_000
const MAX_FINDINGS_PER_TURN = 5
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
const SECOND_PERSON = /(?<![\p{L}\p{N}])(?:you|your|yours|yourself|u|ur|ya)(?![\p{L}\p{N}])/iu
const EN_NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'nor', 'neither', 'hardly', 'dont', 'cant', 'wont', 'isnt', 'didnt', 'doesnt', 'wasnt', 'arent', 'werent', 'wouldnt', 'cannot'])
const AR_NEGATORS = new Set(['مش', 'مو', 'مب', 'ما', 'لا', 'ليس', 'ليست', 'لست', 'لسنا', 'موش', 'ماشي', 'مهوش', 'مانيش', 'ماني', 'لم', 'لن', 'ابدا', 'مكانش', 'محدش', 'قصدنا', 'قصدي', 'نقصد', 'اقصد'])

/** A Latin-script turn written in Arabizi ("hatha mathkoor b el manual"): coach it in Arabic. */
const ARABIZI_HINTS = /[a-z][2356789][a-z]|(?<![\p{L}\p{N}])[2356789][a-z]/iu
const ARABIZI_WORDS = /(?<![\p{L}\p{N}])(?:el|ya|enta|inta|enti|ana|msh|mesh|mish|lazem|lazim|3ala|3la|fi|fel|w|bas|ma3|keda|hatha|hada|hayda|da|di|mafi|fih|3shan|3ashan|law|eza|iza|3and|3andak|leh|ليه|akid|tab|yalla)(?![\p{L}\p{N}])/giu

const CONDITIONAL = new Set(['if', 'whether', 'unless', 'when', 'case', 'لو', 'اذا', 'إذا', 'حال', 'لوكان'])

function isNegator(w: string): boolean {
  const bare = w.replace(/['’]/g, '')
  if (EN_NEGATORS.has(bare) || AR_NEGATORS.has(w) || /n['’]t$/.test(w)) return true
  return (w.startsWith('و') || w.startsWith('ف')) && AR_NEGATORS.has(w.slice(1))
}

type Sentence = TurnAnalysis['sentences'][number]

function sentenceAt(sentences: readonly Sentence[], index: number): Sentence | undefined {
  return sentences.find((s) => index >= s.start && index < s.end)
}

// ---------------------------------------------------------------------------
// Structural signals: "obviously" aimed at the customer, and shouting.

const OBVIOUSLY_LEAD = /^(?:(?:well|and|but|so)[,\s]+)?obviously(?![\p{L}\p{N}])[,\s]*/iu
const OBVIOUSLY_OK_NEXT = new Set([
  'we', "we'll", 'we’ll', "we're", 'we’re', "we've", 'we’ve', "we'd", 'we’d', 'i', "i'm", 'i’m', "i'll", 'i’ll', "i've", 'i’ve', "i'd", 'i’d', 'our', 'us', 'this',
  'that', "that's", 'that’s', 'it', "it's", 'it’s', 'sorry', 'not', 'no', 'nobody', 'none', 'nothing', 'there', "there's", 'there’s', 'happy', 'glad', 'yes', 'sure'
])
const OBVIOUSLY_YOUR = /(?<![\p{L}\p{N}])(?:obviously|clearly)\s+(?:your|you['’]re|you\s+are|you['’]ve|you\s+have)\s+(?!(?:right|correct|frustrated|upset|disappointed|annoyed|unhappy|not\s+happy|had|been\s+(?:patient|waiting|through)|waited|a\s+loyal|very\s+patient|patient|important|valued)\b)[\p{L}'’]+/iu

const CAPS_WORD = /[A-Za-z][A-Za-z'’]*/g
const CAPS_GAP = /^(?:[ \t]+|[ \t]*[,!][ \t]*)$/
/** Words that make a run of capitals a sentence (shouting) rather than a name or a label. */
const SHOUT_FUNCTION = new Set([
  'THE', 'IS', 'ARE', 'WAS', 'WERE', 'NO', 'NOT', 'TO', 'YOU', 'YOUR', "YOU'RE", 'YOU’RE', 'DO', "DON'T", 'DON’T', 'DONT', 'DID', "DIDN'T", 'I', "I'M", 'I’M', 'WE', 'THIS',
  'THAT', 'IT', "IT'S", 'IT’S', 'AND', 'OF', 'HAVE', 'HAS', 'CAN', "CAN'T", 'CAN’T', 'CANNOT', 'WILL', "WON'T", 'MUST', 'NEED', 'ALREADY', 'NEVER', 'STOP', 'PLEASE', 'JUST',
  'ONLY', 'EVEN', 'AGAIN', 'ALL', 'ANY', 'WHAT', 'WHY', 'HOW', 'LISTEN', 'READ', 'EL', 'ANA', 'ENTA', 'MESH', 'MSH', 'LAZEM', 'YA', 'BAS', 'MA', 'MAFI', 'MOSH', 'KEDA'
])

// ---------------------------------------------------------------------------
// Prefilter (see prefilter.ts): one scan of a turn tells which matchers can
// find anything in it; the others are skipped, and a turn where nothing can
// be found is skipped before its analysis.

const INDEX = new LiteralIndex('arabic')
for (const c of CATEGORIES) LISTS[c].register(INDEX)
MILD_PROFANITY_LIST.register(INDEX)
const LAST_PRODUCER_LIST_UNIT = INDEX.size
REPORTED_LIST.register(INDEX)
const OBVIOUSLY_UNIT = INDEX.add(unionClauses(requiredClauses(OBVIOUSLY_LEAD.source), requiredClauses(OBVIOUSLY_YOUR.source)))
/** Shouting needs a word of three capitals (apostrophes aside): two capitals in a row at least. */
const TWO_CAPITALS = /[A-Z]['’]*[A-Z]/

/** Can anything that produces a finding match (a category, mild profanity, "obviously"); shouting aside? */
function anyProducer(possible: readonly number[]): boolean {
  for (const u of possible) if (u < LAST_PRODUCER_LIST_UNIT || u === OBVIOUSLY_UNIT) return true
  return false
}

type Candidate = PhraseFinding<Kind, Dialect>

// ---------------------------------------------------------------------------

export default defineRule<NoRudenessOptions>({
  meta: {
    id: 'no-rudeness',
    description:
      'Dismissive, sarcastic, condescending or hostile wording toward the customer ("calm down", "that\'s your problem", "read the manual", shouting in capitals, «اهدى», «مو مشكلتي»)',
    recommended: 'error',
    url: docsUrl('no-rudeness'),
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
    const acronyms = options.acronyms.length ? new Set([...ACRONYMS, ...options.acronyms.map((a) => a.toUpperCase())]) : ACRONYMS

    // What a turn holds (before the coaching text, which depends on the locale) is kept with its
    // analysis: a pre-send check does not redo it for the earlier turns on every draft. It depends
    // on the turn (its own words) and these options.
    const memoKey = `no-rudeness:candidates:${JSON.stringify([options.allow, options.phrases, options.shouting, options.minShoutWords, options.acronyms])}`
    const candidatesIn = (i: number): Candidate[] => {
      const turn = transcript.turns[i]!
      // Nothing in the turn can match: skip it before any analysis (own words only blank text out).
      const raw = turn.text.length > MAX_CHARS ? turn.text.slice(0, MAX_CHARS) : turn.text
      let possible = INDEX.scan(raw)
      let shouting = options.shouting && TWO_CAPITALS.test(raw)
      if (!anyProducer(possible) && !shouting && !custom) return []
      const analysis = context.analyse(i)
      const text = analysis.ownText.length > MAX_CHARS ? analysis.ownText.slice(0, MAX_CHARS) : analysis.ownText
      if (text !== raw) {
        possible = INDEX.scan(text)
        shouting = options.shouting && TWO_CAPITALS.test(text)
      }
      if (!anyProducer(possible) && !shouting && !custom) return []
      if (!/[\p{L}\p{Extended_Pictographic}]/u.test(text)) return []
      let sentencesCache: readonly Sentence[] | undefined
      const sentences = () => (sentencesCache ??= analysis.sentences)
      let quotesCache: Array<[number, number]> | undefined
      const quotes = () => (quotesCache ??= quotedSpans(text))
      let reportedCache: PhraseMatch[] | undefined
      const reported = () => (reportedCache ??= REPORTED_LIST.matcherFor(possible)?.find(text) ?? [])
      let dialectCache: Dialect | undefined
      const dialect = () => (dialectCache ??= guessDialect(text))
      let arabiziCache: boolean | undefined
      const arabizi = () => (arabiziCache ??= ARABIZI_HINTS.test(text) && (text.match(ARABIZI_WORDS)?.length ?? 0) >= 2)

      const sentenceOf = (m: { start: number; end: number }): Sentence =>
        sentenceAt(sentences(), m.start) ?? { start: Math.max(0, m.start - 200), end: Math.min(text.length, m.end + 200), text: text.slice(Math.max(0, m.start - 200), Math.min(text.length, m.end + 200)) }

      const language = (m: { start: number; end: number; entry?: PhraseEntry }): Pick<Candidate, 'lang' | 'dialect'> => {
        const span = text.slice(m.start, m.end)
        const tag = m.entry?.dialect
        if (tag && /arabizi/i.test(tag)) return { lang: 'arabizi', dialect: dialectOfTag(tag) ?? dialect() }
        const arabic = analysis.script === 'ar' || (analysis.script === 'mixed' && ARABIC.test(span))
        if (arabic) return { lang: 'ar', dialect: dialectOfTag(tag) ?? dialect() }
        return !tag && arabizi() ? { lang: 'arabizi', dialect: dialect() } : { lang: 'en' }
      }

      const before = (m: { start: number }, sentence: Sentence, n = 3) => words(text.slice(Math.max(sentence.start, m.start - 60), m.start)).slice(-n)
      /** "They told you to calm down": someone else's words, reported. */
      const isReported = (m: { start: number }) => reported().some((r) => r.end <= m.start && m.start - r.end <= 20)
      const hasFeeling = (sentence: Sentence) => APOLOGY.test(sentence.text) || EMPATHY.test(sentence.text)

      const candidates: Candidate[] = []
      const push = (kind: Kind, m: { start: number; end: number; entry?: PhraseEntry }, confidence: number, matcher?: PhraseMatcher) =>
        candidates.push({ kind, start: m.start, end: m.end, confidence, matcher, ...language(m) })

      for (const category of CATEGORIES) {
        const list = LISTS[category]
        const matcher = list.matcherFor(possible)
        if (!matcher) continue
        for (const found of matcher.find(text).slice(0, 50)) {
          const m: PhraseMatch = { ...found, entry: list.entryOf(found, text) }
          if (inside(quotes(), m.start, m.end) || isReported(m)) continue
          const sentence = sentenceOf(m)
          const negated = before(m, sentence).some(isNegator)
          let confidence = CONFIDENCE[category]
          if ((category === 'insult' || category === 'calm') && negated) continue
          // "If you don't know how to use it, here is a guide": hypothetical, not aimed at the customer.
          const lastWord = before(m, sentence, 1)[0]
          if (lastWord && CONDITIONAL.has(lastWord) && category !== 'insult' && category !== 'profanity') continue
          if (category === 'calm' && /^take a (?:deep )?breath/i.test(text.slice(m.start, m.end))) confidence = 0.7
          push(category, m, confidence, list.matcher)
        }
      }

      // Milder swearing counts when it is aimed at the customer ("damn you", "your crap").
      for (const m of MILD_PROFANITY_LIST.matcherFor(possible)?.find(text).slice(0, 20) ?? []) {
        if (inside(quotes(), m.start, m.end)) continue
        const around = text.slice(Math.max(0, m.start - 25), Math.min(text.length, m.end + 25))
        if (SECOND_PERSON.test(around)) push('profanity', m, 0.75)
      }

      // "Obviously you mean…", "Obviously, the fee…": condescension aimed at the customer.
      if (possible.includes(OBVIOUSLY_UNIT)) for (const sentence of sentences()) {
        const lead = sentence.text.replace(/^(?:@\w+\s*)+/u, '').replace(/^(?:hi|hello|hey|dear)\b[^,.!?]{0,40}[,!]\s*/iu, '')
        const offset = sentence.text.length - lead.length
        const m = OBVIOUSLY_LEAD.exec(lead)
        if (m) {
          const after = lead.slice(m[0].length)
          const next = (/^[\p{L}'’]+/u.exec(after)?.[0] ?? '').toLowerCase()
          // "Obviously not, it's a bank holiday": a curt answer to the customer's question.
          const curtNo = (next === 'not' || next === 'no') && /^[\p{L}]+\s*[,.!;:—–-]/u.test(after)
          if (next && (curtNo || !OBVIOUSLY_OK_NEXT.has(next)) && !hasFeeling(sentence)) {
            const start = sentence.start + offset + m[0].toLowerCase().indexOf('obviously')
            if (!inside(quotes(), start, start + 9)) push('condescend', { start, end: start + 'obviously'.length }, SECOND_PERSON.test(next) ? 0.8 : 0.6)
          }
        }
        const y = OBVIOUSLY_YOUR.exec(sentence.text)
        if (y && !hasFeeling(sentence)) {
          const start = sentence.start + y.index
          if (!inside(quotes(), start, start + y[0].length)) push('condescend', { start, end: start + y[0].length }, 0.7)
        }
      }

      // Shouting: three or more words in capitals that read as a sentence, not a name or a label.
      if (shouting) {
        const tokens: Array<{ start: number; end: number; word: string }> = []
        CAPS_WORD.lastIndex = 0
        let t: RegExpExecArray | null
        while ((t = CAPS_WORD.exec(text)) && tokens.length < 5000) tokens.push({ start: t.index, end: t.index + t[0].length, word: t[0] })
        const isCaps = (w: string) => /[A-Z]/.test(w) && w === w.toUpperCase() && (w.length >= 2 || w === 'I' || w === 'A')
        let k = 0
        while (k < tokens.length) {
          if (!isCaps(tokens[k]!.word)) {
            k++
            continue
          }
          let j = k
          while (j + 1 < tokens.length && isCaps(tokens[j + 1]!.word) && CAPS_GAP.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) j++
          const run = tokens.slice(k, j + 1)
          k = j + 1
          if (run.length < options.minShoutWords) continue
          const upper = run.map((r) => r.word.toUpperCase())
          const significant = upper.filter((w) => w.replace(/['’]/g, '').length >= 3 && !acronyms.has(w))
          const sentencey = upper.some((w) => SHOUT_FUNCTION.has(w)) || significant.length >= 4
          if (significant.length < 2 || !sentencey) continue
          const start = run[0]!.start
          const end = run[run.length - 1]!.end
          if (inside(quotes(), start, end)) continue
          // A URL, path or e-mail around the run, or a label after "tap"/"click": not shouting.
          if (/[/\\@.#_-]$/.test(text.slice(Math.max(0, start - 1), start)) || /^[/\\@_-]/.test(text.slice(end, end + 1))) continue
          const lead = text.slice(Math.max(0, start - 30), start)
          const ui = UI_VERB.find(lead)
          if (ui.length && lead.length - ui[ui.length - 1]!.end <= 6) continue
          const firstUi = UI_VERB.find(run[0]!.word.toLowerCase())
          if (firstUi.length) continue
          push('shouting', { start, end }, SECOND_PERSON.test(text.slice(start, end)) || upper.includes('STOP') ? 0.9 : CONFIDENCE.shouting)
        }
      }

      if (custom) for (const m of custom.find(text).slice(0, 20)) if (!inside(quotes(), m.start, m.end)) push('custom', m, CONFIDENCE.custom)

      // Allowed phrases silence findings in their sentence; one finding per stretch of text.
      return chooseFindings(candidates, text, { allow, sentenceOf, max: MAX_FINDINGS_PER_TURN })
    }

    reportPhraseFindings(context, { memoKey, maxChars: MAX_CHARS, findingsIn: candidatesIn, message })
  }
})
