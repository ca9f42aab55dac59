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
  // (ى → ي, ة → ه, أ → ا, no diacritics), so lexicon authors need not.
  if (arabic) src = src.replace(/[\u0621-\u065F\u0670\u0640]+/g, (run) => normalisePhrase(run))
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

// --- Literal text an expression cannot match without -----------------------------------------------

/** Escapes that stand for one literal character. */
const LITERAL_ESCAPE = /[^a-zA-Z0-9]/

/** The literal characters every match of `src` starts with (lower case); '' when there are none. */
function literalPrefix(src: string): string {
  let out = ''
  let i = 0
  while (i < src.length) {
    let ch = src[i]!
    let width = 1
    const code = ch.charCodeAt(0)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < src.length) {
      // A character outside the BMP: one unit (a quantifier after it applies to both halves).
      ch = src.slice(i, i + 2)
      width = 2
    } else if (ch === '\\') {
      const next = src[i + 1]
      if (next === undefined || !LITERAL_ESCAPE.test(next)) break
      ch = next
      width = 2
    } else if ('^$.[]()|?*+{}'.includes(ch)) break
    const after = src[i + width]
    if (after === '?' || after === '*' || after === '{') break
    out += ch
    if (after === '+') break
    i += width
  }
  return out.toLowerCase()
}

/** Index of the `)` closing the group opened at `open` (or -1). */
function closeOf(src: string, open: number): number {
  let depth = 0
  let inClass = false
  for (let i = open; i < src.length; i++) {
    const ch = src[i]
    if (ch === '\\') {
      i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      continue
    }
    if (ch === '[') inClass = true
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return i
  }
  return -1
}

/** Split at top-level `|`. */
function alternatives(src: string): string[] {
  const out: string[] = []
  let depth = 0
  let inClass = false
  let from = 0
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]
    if (ch === '\\') {
      i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      continue
    }
    if (ch === '[') inClass = true
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === '|' && depth === 0) {
      out.push(src.slice(from, i))
      from = i + 1
    }
  }
  out.push(src.slice(from))
  return out
}

/**
 * Literal strings (lower case) of which every match of `src` contains at least
 * one; undefined when none can be told (the expression then always runs).
 * Conservative: anything not understood means "may match anything".
 */
export function anchorsOf(src: string): string[] | undefined {
  const alts = alternatives(src)
  if (alts.length > 1) {
    const out: string[] = []
    for (const alt of alts) {
      const a = anchorsOf(alt)
      if (!a) return undefined
      out.push(...a)
    }
    return out
  }
  let s = src
  while (s.startsWith('\\b')) s = s.slice(2)
  if (s.startsWith('(?:')) {
    const end = closeOf(s, 0)
    if (end < 0) return undefined
    const quant = s[end + 1]
    if (quant === '?' || quant === '*' || quant === '{') return undefined
    return anchorsOf(s.slice(3, end))
  }
  const prefix = literalPrefix(s)
  return prefix ? [prefix] : undefined
}
