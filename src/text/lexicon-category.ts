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

const byLength = (a: string, b: string) => b.length - a.length

function key(text: string, arabic: boolean): string {
  return arabic ? normalisePhrase(text).replace(/ء(?=\s|$)/g, 'ا').replace(/\s+/g, ' ').trim() : text.toLowerCase().replace(/['’‘`]/g, '').replace(/[\s-]+/g, ' ').trim()
}

export interface Category {
  matcher: PhraseMatcher
  /** Add this category's alternatives to a prefilter index (an 'arabic' one; once, before any matcherFor). */
  register(index: LiteralIndex): void
  /** Could anything match, given the units the index found possible (see LiteralIndex.scan)? */
  mayMatch(possible: readonly number[]): boolean
  /**
   * A matcher that finds exactly what `matcher` finds in the scanned text: built
   * from only the alternatives that can match there (an alternative that cannot
   * match anywhere never wins in an alternation). Undefined when none can.
   */
  matcherFor(possible: readonly number[]): PhraseMatcher | undefined
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

  // Each combined expression is kept as its wrapper and its alternatives, so that
  // a matcher can be rebuilt from the alternatives a text can match.
  interface Group {
    alts: string[]
    wrap: (alts: readonly string[]) => PhraseEntry
  }
  const groups: Group[] = []
  const latin = (entries: PhraseEntry[], id: string, dialect: string) => {
    if (entries.length === 0) return
    const alts = [...new Set(entries.map((e) => latinAlternative(e.phrase)))].sort(byLength)
    groups.push({ alts, wrap: (a) => ({ phrase: `/(?<![\\p{L}\\p{N}])(?:${a.join('|')})(?![\\p{L}\\p{N}])/iu`, id, dialect }) })
  }
  latin(latinEn, 'en', 'EN')
  latin(arabizi, 'ar', 'arabizi')
  if (arabic.length) {
    const alts = [...new Set(arabic.map((e) => arabicAlternative(e.phrase)))].sort(byLength)
    groups.push({ alts, wrap: (a) => ({ phrase: `/(?<![\\u0621-\\u064A0-9])(?:${a.join('|')})(?![\\u0621-\\u064A0-9])/u`, id: 'ar', dialect: 'AR' }) })
  }
  const combined = groups.map((g) => g.wrap(g.alts))

  const lookup = new Map<string, PhraseEntry>()
  for (const e of plain) {
    const k = key(e.phrase.replace(/^\*|\*$/g, ''), ARABIC_LETTER.test(e.phrase))
    if (!lookup.has(k)) lookup.set(k, e)
  }
  const full = [...combined, ...regexes]
  const matcher = compilePhrases(full)
  // compilePhrases runs one expression per kind of entry (flags, script), in the
  // order the kinds first appear; a rebuilt matcher keeps that order, so that
  // matches of equal span from different kinds keep their order too.
  const rank = new Map<string, number>()
  for (const e of full) if (!rank.has(partKey(e))) rank.set(partKey(e), rank.size)

  // Prefilter units: every alternative of the combined expressions, then every regex entry.
  const units: Array<{ group: number; alt: number } | { regex: number }> = []
  groups.forEach((g, group) => g.alts.forEach((_, alt) => units.push({ group, alt })))
  regexes.forEach((_, regex) => units.push({ regex }))
  let first = -1
  const cache = new Map<string, PhraseMatcher>()
  const inRange = (possible: readonly number[]): number[] => {
    const out: number[] = []
    for (const u of possible) if (u >= first && u < first + units.length) out.push(u - first)
    return out
  }

  return {
    matcher,
    register(index) {
      if (first >= 0) throw new Error('compileCategory: registered twice')
      first = index.size
      for (const u of units) {
        const source = 'regex' in u ? regexSource(regexes[u.regex]!.phrase) : groups[u.group]!.alts[u.alt]!
        const id = index.add(requiredClauses(source))
        if (id !== first + units.indexOf(u)) throw new Error('compileCategory: units must be contiguous')
      }
    },
    mayMatch(possible) {
      if (first < 0) return true
      for (const u of possible) if (u >= first && u < first + units.length) return true
      return false
    },
    matcherFor(possible) {
      if (first < 0) return matcher
      const kept = inRange(possible)
      if (kept.length === 0) return undefined
      if (kept.length === units.length) return matcher
      const key = kept.join(',')
      let m = cache.get(key)
      if (!m) {
        const altsOf = groups.map(() => [] as string[])
        const entries: PhraseEntry[] = []
        for (const k of kept) {
          const u = units[k]!
          if ('group' in u) altsOf[u.group]!.push(groups[u.group]!.alts[u.alt]!)
        }
        groups.forEach((g, i) => {
          if (altsOf[i]!.length) entries.push(g.wrap(altsOf[i]!))
        })
        for (const k of kept) {
          const u = units[k]!
          if ('regex' in u) entries.push(regexes[u.regex]!)
        }
        // Entries with back-references get expressions of their own, ahead of the others.
        const ranked = entries.map((e, i) => ({ e, i, r: partKey(e) === 'own' ? -1 : rank.get(partKey(e)) ?? 0 }))
        ranked.sort((a, b) => a.r - b.r || a.i - b.i)
        m = compilePhrases(ranked.map((x) => x.e))
        if (cache.size >= 512) cache.clear()
        cache.set(key, m)
      }
      return m
    },
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

/** The source of a regex entry as compilePhrases runs it (Arabic letters normalised like the text). */
function regexSource(phrase: string): string {
  const src = phrase.slice(1, phrase.lastIndexOf('/'))
  return ARABIC_LETTER.test(src) ? src.replace(/[\u0621-\u065F\u0670\u0640]+/g, (run) => normalisePhrase(run)) : src
}

/** Which expression compilePhrases puts a regex entry in: its flags and whether it runs on normalised Arabic. */
function partKey(e: PhraseEntry): string {
  if (/\\[1-9]|\\k<|\(\?<[^=!]/.test(regexSource(e.phrase))) return 'own'
  const last = e.phrase.lastIndexOf('/')
  const flags = [...new Set(e.phrase.slice(last + 1) + 'gu')].sort().join('')
  return `${flags}|${ARABIC_LETTER.test(e.phrase.slice(1, last))}`
}
