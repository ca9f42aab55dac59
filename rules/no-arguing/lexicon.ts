/**
 * Loads this rule's lexicon categories and compiles each one into a single
 * matcher.
 *
 * Entry syntax is the same as compilePhrases (plain phrases, `*` wildcards,
 * `/regex/flags`), and compilePhrases still does the matching and maps Arabic
 * matches back to the original text. Plain phrases, though, are first joined
 * into one alternation per script that shares its word boundaries, and handed
 * over as a single regex entry. A lookbehind per entry under the `u` and `i`
 * flags costs milliseconds to compile for each entry, so lists of a hundred
 * phrases would take seconds on their first use; one shared boundary is about
 * ten times cheaper to compile and to run.
 */
import { normalisePhrase } from '../../src/text/arabic/normalise.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from '../../src/text/phrases.js'

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

const byLength = (a: string, b: string) => b.length - a.length

function key(text: string, arabic: boolean): string {
  return arabic ? normalisePhrase(text).replace(/ء(?=\s|$)/g, 'ا').replace(/\s+/g, ' ').trim() : text.toLowerCase().replace(/['’‘`]/g, '').replace(/[\s-]+/g, ' ').trim()
}

export interface Category {
  matcher: PhraseMatcher
  /** The lexicon entry a match came from, when it can be told (plain phrases); else the regex entry. */
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

  const combined: PhraseEntry[] = []
  const latin = (entries: PhraseEntry[], id: string, dialect: string) => {
    if (entries.length === 0) return
    const alts = [...new Set(entries.map((e) => latinAlternative(e.phrase)))].sort(byLength)
    combined.push({ phrase: `/(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])/iu`, id, dialect })
  }
  latin(latinEn, 'en', 'EN')
  latin(arabizi, 'ar', 'arabizi')
  if (arabic.length) {
    const alts = [...new Set(arabic.map((e) => arabicAlternative(e.phrase)))].sort(byLength)
    combined.push({ phrase: `/(?<![\\u0621-\\u064A0-9])(?:${alts.join('|')})(?![\\u0621-\\u064A0-9])/u`, id: 'ar', dialect: 'AR' })
  }

  const lookup = new Map<string, PhraseEntry>()
  for (const e of plain) {
    const k = key(e.phrase.replace(/^\*|\*$/g, ''), ARABIC_LETTER.test(e.phrase))
    if (!lookup.has(k)) lookup.set(k, e)
  }
  const matcher = compilePhrases([...combined, ...regexes])
  return {
    matcher,
    entryOf(match, text) {
      if (match.entry.dialect !== 'AR' && match.entry.dialect !== 'arabizi' && match.entry.dialect !== 'EN') return match.entry
      const span = text.slice(match.start, match.end)
      const arabicSpan = match.entry.dialect === 'AR'
      const k = key(span, arabicSpan)
      const found = lookup.get(k) ?? (arabicSpan && /^[وف]/.test(k) ? lookup.get(k.slice(1)) : undefined)
      return found ?? match.entry
    }
  }
}
