/**
 * Loads this rule's lexicon categories and compiles each one into a single
 * matcher.
 *
 * Entry syntax is the same as compilePhrases (plain phrases, `*` wildcards,
 * `/regex/flags`), and compilePhrases does the matching. Two additions: an
 * Arabic phrase also matches with a word-final ء written as ا (and the other
 * way round), and every entry is registered with a rule's literal prefilter
 * (regex-prefilter.ts), so that a rule can skip a category, or a whole turn,
 * when nothing in it can match.
 */
import { normalisePhrase } from './arabic/normalise.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from './phrases.js'
import { AR_WORD, ARABIC_LETTER, arabicBody, isRegexEntry, latinBody, regexEntryParts } from './phrase-syntax.js'
import { requiredClauses, type LiteralIndex } from './regex-prefilter.js'

type Lexicon = Record<string, unknown>

/** A plain phrase as an expression (wildcards included), for the literal prefilter. */
function alternative(phrase: string): string {
  const c = ARABIC_LETTER.test(phrase) ? arabicBody(phrase) : latinBody(phrase)
  const wild = ARABIC_LETTER.test(phrase) ? `${AR_WORD}*` : '[\\p{L}\\p{N}]*'
  return `${c.open ? wild : ''}${c.body}${c.close ? wild : ''}`
}

export interface Category {
  matcher: PhraseMatcher
  /** Add this category's alternatives to a prefilter index (an 'arabic' one; once, before any matcherFor). */
  register(index: LiteralIndex): void
  /** Could anything match, given the units the index found possible (see LiteralIndex.scan)? */
  mayMatch(possible: readonly number[]): boolean
  /** `matcher` when something of the category may match the scanned text; undefined when nothing can. */
  matcherFor(possible: readonly number[]): PhraseMatcher | undefined
  /** The lexicon entry a match came from (the entry as written, for a hamza variant). */
  entryOf(match: PhraseMatch, text: string): PhraseEntry
}

/** Compile the union of the English and Arabic lists of a category. */
export function compileCategory(en: Lexicon, ar: Lexicon, name: string): Category {
  const list: PhraseEntry[] = []
  for (const [lex, source] of [
    [en, 'en'],
    [ar, 'ar']
  ] as const) {
    const raw = lex[name]
    if (!Array.isArray(raw)) continue
    for (const e of raw) list.push(typeof e === 'string' ? { phrase: e, id: source } : { ...(e as PhraseEntry), id: source })
  }

  const regexes = list.filter((e) => isRegexEntry(e.phrase))
  const plain = list.filter((e) => !isRegexEntry(e.phrase) && e.phrase.trim())
  const latinEn = plain.filter((e) => !ARABIC_LETTER.test(e.phrase) && e.id === 'en')
  const arabizi = plain.filter((e) => !ARABIC_LETTER.test(e.phrase) && e.id === 'ar')
  const arabic = plain.filter((e) => ARABIC_LETTER.test(e.phrase))

  // A word-final hamza is folded to ء («اقرأ» → «اقرء») but is often written as a bare alef («اقرا»): an Arabic
  // phrase also matches with the other one. Each variant reports the entry it was written as.
  const original = new Map<PhraseEntry, PhraseEntry>()
  const arabicVariants: PhraseEntry[] = []
  for (const e of arabic) {
    for (const phrase of hamzaVariants(normalisePhrase(e.phrase))) {
      const variant = { ...e, phrase }
      original.set(variant, e)
      arabicVariants.push(variant)
    }
  }
  const matcher = compilePhrases([...latinEn, ...arabizi, ...arabicVariants, ...regexes])

  // Prefilter units: every plain phrase, then every regex entry.
  const units: string[] = [
    ...latinEn.map((e) => alternative(e.phrase)),
    ...arabizi.map((e) => alternative(e.phrase)),
    ...arabic.map((e) => alternative(e.phrase)),
    ...regexes.map((e) => regexEntryParts(e.phrase).src)
  ]
  let first = -1

  return {
    matcher,
    register(index) {
      if (first >= 0) throw new Error('compileCategory: registered twice')
      first = index.size
      units.forEach((source, k) => {
        const id = index.add(requiredClauses(source))
        if (id !== first + k) throw new Error('compileCategory: units must be contiguous')
      })
    },
    mayMatch(possible) {
      if (first < 0) return true
      for (const u of possible) if (u >= first && u < first + units.length) return true
      return false
    },
    matcherFor(possible) {
      return this.mayMatch(possible) ? matcher : undefined
    },
    entryOf(match) {
      return original.get(match.entry) ?? match.entry
    }
  }
}

/** The phrase as written, and with each word-final ء/ا swapped for the other. */
function hamzaVariants(phrase: string): string[] {
  let out = ['']
  const words = phrase.split(/(\s+)/)
  for (const w of words) {
    const swapped = /[ءا]\*?$/.test(w) ? w.replace(/[ءا](\*?)$/, (c, star: string) => (c[0] === 'ء' ? 'ا' : 'ء') + star) : undefined
    out = out.flatMap((p) => (swapped ? [p + w, p + swapped] : [p + w]))
    if (out.length > 16) break
  }
  return out
}
