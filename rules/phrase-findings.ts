/**
 * The reporting half shared by the rules that find lexicon phrases in agent
 * turns (no-arguing, no-rudeness): each agent or bot turn's findings are worked
 * out once and kept with the turn's analysis (a pre-send check does not redo
 * earlier turns), then reported with coaching in the language the locale or
 * the finding calls for.
 */
import type { Dialect } from '../src/text/arabic/dialect.js'
import { skipLeadingConjunction } from '../src/text/arabic/conjunction.js'
import type { PhraseMatcher } from '../src/text/phrases.js'
import { overlaps } from '../src/text/spans.js'
import { messageLanguage } from '../src/text/language.js'
import type { RuleContext } from '../src/types.js'

export interface PhraseFinding<Kind, Dialect> {
  kind: Kind
  /** The matcher that found it (lexicon findings), to tell a leading و/ف conjunction from the phrase. */
  matcher?: PhraseMatcher
  start: number
  end: number
  confidence: number
  /** Language of the coaching text. */
  lang: 'en' | 'ar' | 'arabizi'
  dialect?: Dialect
}

/**
 * The findings a turn reports, out of its candidates: none in a sentence an
 * allowed phrase occurs in; one per stretch of text (the strongest, then the
 * longest), at most `max`, in text order, each past a leading و/ف conjunction.
 */
export function chooseFindings<Kind, Dialect>(
  candidates: Array<PhraseFinding<Kind, Dialect>>,
  text: string,
  options: { allow?: PhraseMatcher; sentenceOf(f: { start: number; end: number }): { start: number; end: number }; max: number }
): Array<PhraseFinding<Kind, Dialect>> {
  const { allow, sentenceOf } = options
  const kept = allow
    ? candidates.filter((c) => {
        const sentence = sentenceOf(c)
        return !allow.test(text.slice(sentence.start, sentence.end))
      })
    : candidates.slice()
  kept.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const chosen: Array<PhraseFinding<Kind, Dialect>> = []
  for (const c of kept) {
    if (chosen.some((k) => overlaps(k, c))) continue
    chosen.push(c)
    if (chosen.length >= options.max) break
  }
  chosen.sort((a, b) => a.start - b.start)
  for (const c of chosen) skipLeadingConjunction(c, text)
  return chosen
}

export interface Coaching {
  reason: string
  note: string
  expected: string[]
}

export function reportPhraseFindings<Kind, Dialect, Options>(
  context: RuleContext<Options>,
  options: {
    /** Key of the findings kept with each turn's analysis: must name every option they depend on. */
    memoKey: string
    maxChars: number
    findingsIn(turn: number): Array<PhraseFinding<Kind, Dialect>>
    message(kind: Kind, span: string, lang: 'en' | 'ar' | 'arabizi', dialect?: Dialect): Coaching
  }
): void {
  context.transcript.turns.forEach((turn, i) => {
    // A turn's findings depend on it and the turns before it only: the caller has those before `since`.
    if (i < context.since || (turn.role !== 'agent' && turn.role !== 'bot')) return
    const analysis = context.analyse(i)
    const found = analysis.memo(options.memoKey, () => options.findingsIn(i))
    if (found.length === 0) return
    const text = analysis.ownText.length > options.maxChars ? analysis.ownText.slice(0, options.maxChars) : analysis.ownText
    for (const c of found) {
      // A forced locale wins; otherwise the language of the trigger (Arabic or Arabizi → Arabic).
      const lang = messageLanguage(context, c.lang === 'en' ? 'en' : 'ar') === 'en' ? 'en' : c.lang === 'en' ? 'ar' : c.lang
      const msg = options.message(c.kind, text.slice(c.start, c.end), lang, c.dialect)
      context.report({ turn: i, start: c.start, end: c.end, reason: msg.reason, note: msg.note, expected: msg.expected, confidence: c.confidence })
    }
  })
}

/** English coaching for one kind of finding. */
export interface EnglishCoaching {
  reason: (span: string) => string
  note: string
  expected: string[]
}

/** Arabic coaching for one kind of finding: suggestions per dialect (MSA always), and in Arabizi. */
export interface ArabicCoaching {
  reason: (span: string) => string
  note: string
  expected: Partial<Record<Dialect, string[]>> & { MSA: string[] }
  arabizi?: string[]
}

/**
 * The coaching for a finding: in English, or in Arabic with suggestions in the
 * trigger's dialect (or Arabizi) first and an MSA one after.
 */
export function coaching<Kind extends string>(
  en: Record<Kind, EnglishCoaching>,
  ar: Record<Kind, ArabicCoaching>,
  kind: Kind,
  span: string,
  lang: 'en' | 'ar' | 'arabizi',
  dialect: Dialect = 'MSA'
): Coaching {
  const quoted = span.length > 80 ? `${span.slice(0, 77)}…` : span
  if (lang === 'en') {
    const t = en[kind]
    return { reason: t.reason(quoted), note: t.note, expected: t.expected }
  }
  const t = ar[kind]
  const own = t.expected[dialect]
  let expected: string[]
  if (lang === 'arabizi' && t.arabizi) expected = [...t.arabizi, ...t.expected.MSA.slice(0, 1)]
  else if (own && dialect !== 'MSA') expected = [...own, ...t.expected.MSA.slice(0, 1)]
  else expected = t.expected.MSA
  return { reason: t.reason(quoted), note: t.note, expected }
}
