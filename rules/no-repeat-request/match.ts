/**
 * A lean lexicon matcher for this rule's large lists, with the same entry syntax
 * and the same result shape as src/text/phrases.ts (compilePhrases):
 * Latin entries (English, Arabizi) match whole words case-insensitively with
 * flexible spaces/hyphens and either apostrophe; Arabic entries match on the
 * normalised text (arabic/normalise.ts) with an optional و/ف prefix; `*` lets a
 * word continue (suffix) or carry any prefix (leading); `/regex/flags` entries
 * are used as written. Spans point at the original text.
 *
 * Why not compilePhrases itself: it wraps every entry in Unicode-property
 * lookarounds under the `u` flag, which for lists of a few hundred entries costs
 * seconds to compile and milliseconds per call. Here the word boundaries are
 * written once per list with plain character classes, so a whole lexicon is one
 * small regex per script.
 */
import { normaliseArabic, normalisePhrase, type Normalised } from '../../src/text/arabic/normalise.js'
import type { PhraseEntry, PhraseMatch } from '../../src/text/phrases.js'

export interface Matcher {
  find(text: string): PhraseMatch[]
  readonly size: number
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
const REMOVABLE = /[\u0640\u064B-\u065F\u0670\u200B-\u200F]/
const LATIN_WORD = "A-Za-z0-9\\u00C0-\\u024F"
const AR_WORD = '\\u0621-\\u064A0-9'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function latinSource(phrase: string): string {
  const open = phrase.startsWith('*')
  const close = phrase.endsWith('*')
  const body = phrase
    .replace(/^\*|\*$/g, '')
    .trim()
    .split(/\s+/)
    .map((w) => escape(w).replace(/['’‘`]/g, "['’‘`]?"))
    .join('[\\s\\-]+')
  return `${open ? `[${LATIN_WORD}]*` : ''}${body}${close ? `[${LATIN_WORD}]*` : ''}`
}

function arabicSource(phrase: string): string {
  const open = phrase.startsWith('*')
  const close = phrase.endsWith('*')
  const body = normalisePhrase(phrase.replace(/^\*|\*$/g, '').trim())
    .split(/\s+/)
    .map(escape)
    .join('\\s+')
  return `${open ? `[${AR_WORD}]*` : ''}${body}${close ? `[${AR_WORD}]*` : ''}`
}

function isRegex(phrase: string): boolean {
  return phrase.length > 2 && phrase.startsWith('/') && /\/[a-z]*$/.test(phrase) && phrase.lastIndexOf('/') > 0
}

interface Part {
  regex: RegExp
  entries: PhraseEntry[]
  arabic: boolean
  /** Entries map to capture groups 1..n (false for a single regex entry). */
  grouped: boolean
}

/** The last few normalised texts, shared by every lexicon: one sentence is read by a dozen of them. */
const normCache = new Map<string, Normalised>()
function normalised(text: string): Normalised {
  let n = normCache.get(text)
  if (!n) {
    n = normaliseArabic(text)
    if (normCache.size >= 16) normCache.clear()
    normCache.set(text, n)
  }
  return n
}

export function compileLexicon(list: ReadonlyArray<string | PhraseEntry>): Matcher {
  const all = list.map((e) => (typeof e === 'string' ? { phrase: e } : e)).filter((e) => e.phrase && e.phrase.trim())
  const latin: PhraseEntry[] = []
  const arabic: PhraseEntry[] = []
  const parts: Part[] = []
  for (const e of all) {
    if (isRegex(e.phrase)) {
      const last = e.phrase.lastIndexOf('/')
      const flags = [...new Set(e.phrase.slice(last + 1) + 'g')].join('')
      const src = e.phrase.slice(1, last)
      parts.push({ regex: new RegExp(src, flags), entries: [e], arabic: ARABIC_LETTER.test(src), grouped: false })
    } else if (ARABIC_LETTER.test(e.phrase)) arabic.push(e)
    else latin.push(e)
  }
  // Longest first, so the longest phrase wins at a position.
  latin.sort((a, b) => b.phrase.length - a.phrase.length)
  arabic.sort((a, b) => b.phrase.length - a.phrase.length)
  if (latin.length) {
    const alt = latin.map((e) => `(${latinSource(e.phrase)})`).join('|')
    parts.unshift({ regex: new RegExp(`(?<![${LATIN_WORD}])(?:${alt})(?![${LATIN_WORD}])`, 'gi'), entries: latin, arabic: false, grouped: true })
  }
  if (arabic.length) {
    const alt = arabic.map((e) => `(${arabicSource(e.phrase)})`).join('|')
    parts.unshift({ regex: new RegExp(`(?<![${AR_WORD}])(?:[وف](?=[\\u0621-\\u064A]))?(?:${alt})(?![${AR_WORD}])`, 'g'), entries: arabic, arabic: true, grouped: true })
  }

  return {
    size: all.length,
    find(text: string): PhraseMatch[] {
      const out: PhraseMatch[] = []
      let hasArabic: boolean | undefined
      for (const part of parts) {
        let haystack = text
        let norm: Normalised | undefined
        if (part.arabic) {
          hasArabic ??= ARABIC_LETTER.test(text)
          if (!hasArabic) continue
          norm = normalised(text)
          haystack = norm.text
        }
        part.regex.lastIndex = 0
        let m: RegExpExecArray | null
        while ((m = part.regex.exec(haystack))) {
          if (m[0].length === 0) {
            part.regex.lastIndex++
            continue
          }
          let entry = part.entries[0]!
          if (part.grouped) {
            for (let g = 1; g < m.length; g++) {
              if (m[g] !== undefined) {
                entry = part.entries[g - 1]!
                break
              }
            }
          }
          let start = m.index
          let end = m.index + m[0].length
          if (norm) {
            start = norm.map[start]!
            end = norm.map[end - 1]! + 1
            while (end < text.length && (REMOVABLE.test(text[end]!) || text[end] === text[end - 1])) end++
          }
          out.push({ start, end, entry })
        }
      }
      return out.sort((a, b) => a.start - b.start || b.end - a.end)
    }
  }
}
