/**
 * The lexicon entry syntax, shared by the phrase matcher and the tools around
 * it: which entries are regular expressions, how a plain phrase becomes the
 * expression it stands for, and which literal text a regular expression
 * cannot match without.
 */
import { normalisePhrase } from './arabic/normalise.js'

/** Any Arabic-script character (an entry or text with one is matched on normalised Arabic). */
export const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/

/** Letters and digits of normalised Arabic: what Arabic phrase boundaries look at. */
export const AR_WORD = '[\\u0621-\\u064A0-9]'

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** `/source/flags`: a regular-expression entry. */
export function isRegexEntry(phrase: string): boolean {
  return phrase.length > 2 && phrase.startsWith('/') && /\/[a-z]*$/.test(phrase) && phrase.lastIndexOf('/') > 0
}

/** A regular-expression entry's source and flags (always with `g` and `u`); Arabic letters normalised like the text. */
export function regexEntryParts(phrase: string): { src: string; flags: string; arabic: boolean } {
  const last = phrase.lastIndexOf('/')
  const flags = [...new Set(phrase.slice(last + 1) + 'gu')].sort().join('')
  let src = phrase.slice(1, last)
  const arabic = ARABIC_LETTER.test(src)
  // Arabic expressions run on normalised text: write their letters the same way
  // (ى → ي, ة → ه, أ → ا, گ/چ → ك, no diacritics), so lexicon authors need not.
  if (arabic) src = src.replace(/[\u0621-\u065F\u0670\u0640\u067E\u0686\u0698\u06A4\u06A8\u06A9\u06AF\u06CC]+/g, (run) => normalisePhrase(run))
  return { src, flags, arabic }
}

/** A plain phrase as an expression body, with its wildcard ends. */
export interface PhraseBody {
  /** The expression between the boundaries. */
  body: string
  /** Leading `*`: the first word may have any prefix. */
  open: boolean
  /** Trailing `*`: the last word may continue. */
  close: boolean
}

/** Latin phrases: words separated by spaces or hyphens, apostrophes optional and of any kind. */
export function latinBody(phrase: string): PhraseBody {
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  const body = core
    .split(/\s+/)
    .map((w) => escapeRegex(w).replace(/['’‘`]/g, "['’‘`]?"))
    .join('[\\s\\-]+')
  return { body, open: phrase.startsWith('*'), close: phrase.endsWith('*') }
}

/** Arabic phrases: normalised words separated by spaces. */
export function arabicBody(phrase: string): PhraseBody {
  const core = normalisePhrase(phrase.replace(/^\*|\*$/g, '').trim())
  const body = core.split(/\s+/).map(escapeRegex).join('\\s+')
  return { body, open: phrase.startsWith('*'), close: phrase.endsWith('*') }
}

/** The word boundaries written around a phrase body. */
export function phraseBoundaries(c: PhraseBody, arabic: boolean): [string, string] {
  if (arabic) return [c.open ? `${AR_WORD}*` : `(?<!${AR_WORD})(?:[وف])?`, c.close ? `${AR_WORD}*` : `(?!${AR_WORD})`]
  return [c.open ? '[\\p{L}\\p{N}]*' : '(?<![\\p{L}\\p{N}])', c.close ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])']
}
