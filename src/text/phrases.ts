/**
 * Phrase matchers compiled once from lexicon data. English (and Arabizi) entries
 * match whole words, case-insensitively, with flexible spaces and either
 * apostrophe; Arabic entries match on normalised text (see arabic/normalise.ts)
 * with an optional و/ف prefix, and point back at the original characters.
 *
 * Entry syntax:
 * - plain phrase: `I don't know`, `ما أدري`
 * - trailing `*` lets the last word continue (`guarantee*` → guaranteed, guarantees;
 *   `أوعد*` → أوعدك)
 * - leading `*` lets the first word have any prefix (`*كلمك` → نكلمك, بكلمك)
 * - `/regex/flags`: a regular expression, for patterns lists cannot say
 */
import { normaliseArabic, normalisePhrase, type Normalised } from './arabic/normalise.js'

export interface PhraseEntry {
  phrase: string
  id?: string
  dialect?: string
  gloss?: string
}

export interface PhraseMatch {
  start: number
  end: number
  /** The lexicon entry that matched. */
  entry: PhraseEntry
}

export interface PhraseMatcher {
  find(text: string): PhraseMatch[]
  test(text: string): boolean
  readonly size: number
}

const REMOVABLE = /[\u0640\u064B-\u065F\u0670\u200B-\u200F]/
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function latinSource(phrase: string): string {
  const open = phrase.startsWith('*')
  const close = phrase.endsWith('*')
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  const body = core
    .split(/\s+/)
    .map((w) => escape(w).replace(/['’‘`]/g, "['’‘`]?"))
    .join('[\\s\\-]+')
  return `${open ? '[\\p{L}\\p{N}]*' : '(?<![\\p{L}\\p{N}])'}${body}${close ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`
}

const AR_WORD = '[\\u0621-\\u064A0-9]'

function arabicSource(phrase: string): string {
  const open = phrase.startsWith('*')
  const close = phrase.endsWith('*')
  const core = normalisePhrase(phrase.replace(/^\*|\*$/g, '').trim())
  const body = core
    .split(/\s+/)
    .map(escape)
    .join('\\s+')
  const prefix = open ? `${AR_WORD}*` : `(?<!${AR_WORD})(?:[وف])?`
  const suffix = close ? `${AR_WORD}*` : `(?!${AR_WORD})`
  return prefix + body + suffix
}

function isRegex(phrase: string): boolean {
  return phrase.length > 2 && phrase.startsWith('/') && /\/[a-z]*$/.test(phrase) && phrase.lastIndexOf('/') > 0
}

interface Part {
  regex: RegExp
  entries: PhraseEntry[]
  arabic: boolean
}

function group(regexSources: string[], entries: PhraseEntry[], arabic: boolean, flags = 'giu'): Part | undefined {
  if (regexSources.length === 0) return undefined
  // One named group per entry lets us tell which entry matched.
  const source = regexSources.map((s, i) => `(?<e${i}>${s})`).join('|')
  return { regex: new RegExp(source, flags), entries, arabic }
}

export function compilePhrases(list: ReadonlyArray<string | PhraseEntry>): PhraseMatcher {
  const entries = list.map((e) => (typeof e === 'string' ? { phrase: e } : e)).filter((e) => e.phrase && e.phrase.trim())
  const latin: PhraseEntry[] = []
  const arabic: PhraseEntry[] = []
  const regexes: Part[] = []
  for (const e of entries) {
    if (isRegex(e.phrase)) {
      const last = e.phrase.lastIndexOf('/')
      const flags = new Set(e.phrase.slice(last + 1) + 'gu')
      const src = e.phrase.slice(1, last)
      const ar = ARABIC_LETTER.test(src)
      regexes.push({ regex: new RegExp(src, [...flags].join('')), entries: [e], arabic: ar })
    } else if (ARABIC_LETTER.test(e.phrase)) arabic.push(e)
    else latin.push(e)
  }
  // Longest first, so that the longest phrase wins at a position.
  latin.sort((a, b) => b.phrase.length - a.phrase.length)
  arabic.sort((a, b) => b.phrase.length - a.phrase.length)
  const parts = [
    group(latin.map((e) => latinSource(e.phrase)), latin, false),
    group(arabic.map((e) => arabicSource(e.phrase)), arabic, true),
    ...regexes
  ].filter((p): p is Part => p !== undefined)

  const run = (text: string, firstOnly: boolean): PhraseMatch[] => {
    const out: PhraseMatch[] = []
    let norm: Normalised | undefined
    for (const part of parts) {
      let haystack = text
      if (part.arabic) {
        if (!ARABIC_LETTER.test(text)) continue
        norm ??= normaliseArabic(text)
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
        if (part.entries.length > 1 && m.groups) {
          for (const k in m.groups) {
            if (m.groups[k] !== undefined) {
              entry = part.entries[Number(k.slice(1))]!
              break
            }
          }
        }
        let start = m.index
        let end = m.index + m[0].length
        if (part.arabic && norm) {
          start = norm.map[start]!
          end = norm.map[end - 1]! + 1
          // Take along trailing marks and repeated letters that normalising dropped.
          while (end < text.length && (REMOVABLE.test(text[end]!) || text[end] === text[end - 1])) end++
        }
        out.push({ start, end, entry })
        if (firstOnly) return out
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end)
  }

  return {
    size: entries.length,
    find: (text) => run(text, false),
    test: (text) => run(text, true).length > 0
  }
}
