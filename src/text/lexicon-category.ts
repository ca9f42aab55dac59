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
import { requiredClauses, type LiteralIndex } from './regex-prefilter.js'

type Lexicon = Record<string, unknown>

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

function isRegex(phrase: string): boolean {
  return phrase.length > 2 && phrase.startsWith('/') && /\/[a-z]*$/.test(phrase) && phrase.lastIndexOf('/') > 0
}

/** One Latin phrase as an alternative: whole words, either apostrophe or none, spaces or hyphens between words. */
function latinAlternative(phrase: string): string {
  const open = phrase.startsWith('*')
  const close = phrase.endsWith('*')
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  const body = core
    .split(/\s+/)
    .map((w) => escape(w).replace(/['’‘`]/g, "['’‘`]?"))
    .join('[\\s\\-]+')
  return `${open ? '[\\p{L}\\p{N}]*' : ''}${body}${close ? '[\\p{L}\\p{N}]*' : ''}`
}

/** One Arabic phrase, normalised, as an alternative: an optional و/ف prefix unless the first word is a wildcard. */
function arabicAlternative(phrase: string): string {
  const open = phrase.startsWith('*')
  const close = phrase.endsWith('*')
  const core = normalisePhrase(phrase.replace(/^\*|\*$/g, '').trim())
  // A word-final hamza is folded to ء («اقرأ» → «اقرء») but is often written as a bare alef («اقرا»): accept both.
  const body = core
    .split(/\s+/)
    .map((w) => escape(w).replace(/[ءا]$/, '[اء]'))
    .join('\\s+')
  return `${open ? '[\\u0621-\\u064A0-9]*' : '[وف]?'}${body}${close ? '[\\u0621-\\u064A0-9]*' : ''}`
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

  const regexes = list.filter((e) => isRegex(e.phrase))
  const plain = list.filter((e) => !isRegex(e.phrase) && e.phrase.trim())
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
    ...latinEn.map((e) => latinAlternative(e.phrase)),
    ...arabizi.map((e) => latinAlternative(e.phrase)),
    ...arabic.map((e) => arabicAlternative(e.phrase)),
    ...regexes.map((e) => regexSource(e.phrase))
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

/** The source of a regex entry as compilePhrases runs it (Arabic letters normalised like the text). */
function regexSource(phrase: string): string {
  const src = phrase.slice(1, phrase.lastIndexOf('/'))
  return ARABIC_LETTER.test(src) ? src.replace(/[\u0621-\u065F\u0670\u0640]+/g, (run) => normalisePhrase(run)) : src
}
