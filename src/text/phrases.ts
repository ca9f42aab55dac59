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

/** How a word is compared in the prefilter: lower case, without apostrophes. */
function wordKey(word: string): string {
  return word.toLowerCase().replace(/['’‘`]/g, '')
}

const WORD = /[\p{L}\p{N}'’‘`]+/gu

function wordSet(text: string, arabic: boolean): Set<string> {
  const out = new Set<string>()
  for (const w of text.match(WORD) ?? []) {
    const key = wordKey(w)
    out.add(key)
    // An Arabic phrase may follow a و/ف proclitic.
    if (arabic && key.length > 2 && (key[0] === 'و' || key[0] === 'ف')) out.add(key.slice(1))
    // Hyphenated or apostrophe-split forms.
    if (!arabic && key.includes('-')) for (const piece of key.split('-')) out.add(piece)
  }
  return out
}


interface Compiled {
  body: string
  open: boolean
  close: boolean
}

function latinParts(phrase: string): Compiled {
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  const body = core
    .split(/\s+/)
    .map((w) => escape(w).replace(/['’‘`]/g, "['’‘`]?"))
    .join('[\\s\\-]+')
  return { body, open: phrase.startsWith('*'), close: phrase.endsWith('*') }
}

const AR_WORD = '[\\u0621-\\u064A0-9]'

function arabicParts(phrase: string): Compiled {
  const core = normalisePhrase(phrase.replace(/^\*|\*$/g, '').trim())
  const body = core.split(/\s+/).map(escape).join('\\s+')
  return { body, open: phrase.startsWith('*'), close: phrase.endsWith('*') }
}

function boundaries(c: Compiled, arabic: boolean): [string, string] {
  if (arabic) return [c.open ? `${AR_WORD}*` : `(?<!${AR_WORD})(?:[وف])?`, c.close ? `${AR_WORD}*` : `(?!${AR_WORD})`]
  return [c.open ? '[\\p{L}\\p{N}]*' : '(?<![\\p{L}\\p{N}])', c.close ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])']
}

function isRegex(phrase: string): boolean {
  return phrase.length > 2 && phrase.startsWith('/') && /\/[a-z]*$/.test(phrase) && phrase.lastIndexOf('/') > 0
}

interface Part {
  regex: RegExp
  entries: PhraseEntry[]
  arabic: boolean
  /**
   * Prefilter: each phrase's complete words, indexed by its longest one. The
   * expression runs only when some phrase has all its words in the text.
   * Undefined: always run (phrases with no complete word, e.g. emoji).
   */
  index?: Map<string, string[][]>
  /**
   * Tells which entry produced a match (only called on matches), and how long
   * its match is: for combined expressions, the longest entry at that place.
   */
  which(matched: string, haystack: string, at: number): { entry: PhraseEntry; length: number }
}

/**
 * One expression per kind of boundary, with the boundaries written once
 * around a plain alternation: no capture groups and few Unicode classes keep
 * V8's regex engine fast on lexicons of hundreds of phrases.
 */
function groups(entries: PhraseEntry[], arabic: boolean): Part[] {
  type Item = { entry: PhraseEntry; compiled: Compiled; required?: string[] }
  const byKind = new Map<string, Item[]>()
  for (const entry of entries) {
    const compiled = arabic ? arabicParts(entry.phrase) : latinParts(entry.phrase)
    if (!compiled.body) continue
    const required = requiredWords(entry.phrase, compiled, arabic)
    const key = `${compiled.open}${compiled.close}${required ? 'f' : 'u'}`
    const list = byKind.get(key) ?? []
    list.push({ entry, compiled, required })
    byKind.set(key, list)
  }
  const parts: Part[] = []
  for (const list of byKind.values()) {
    const [start, end] = boundaries(list[0]!.compiled, arabic)
    const regex = new RegExp(`${start}(?:${list.map((x) => x.compiled.body).join('|')})${end}`, 'giu')
    const anchored: Array<RegExp | undefined> = []
    let index: Map<string, string[][]> | undefined
    if (list[0]!.required) {
      index = new Map()
      for (const { required } of list) {
        const key = required!.reduce((a, b) => (b.length > a.length ? b : a))
        const reqs = index.get(key) ?? []
        reqs.push(required!)
        index.set(key, reqs)
      }
    }
    const entryOf = (matched: string): PhraseEntry => {
      if (list.length === 1) return list[0]!.entry
      const probe = arabic ? normalisePhrase(matched) : matched
      for (let i = 0; i < list.length; i++) {
        const c = list[i]!.compiled
        const wild = arabic ? `${AR_WORD}*` : '[\\p{L}\\p{N}]*'
        const re = (anchored[i] ??= new RegExp(`^${c.open ? wild : arabic ? '(?:[وف])?' : ''}(?:${c.body})${c.close ? wild : ''}$`, 'iu'))
        if (re.test(probe)) return list[i]!.entry
      }
      return list[0]!.entry
    }
    parts.push({
      regex,
      index,
      entries: list.map((x) => x.entry),
      arabic,
      which: (matched) => ({ entry: entryOf(matched), length: matched.length })
    })
  }
  return parts
}

/** The words a text must contain for the phrase to match (undefined when none can be required). */
function requiredWords(phrase: string, compiled: Compiled, arabic: boolean): string[] | undefined {
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  const text = arabic ? normalisePhrase(core) : core
  const words = (text.match(WORD) ?? []).map(wordKey)
  // Wildcard ends are partial words: they cannot be required.
  if (compiled.open) words.shift()
  if (compiled.close) words.pop()
  const kept = words.filter((w) => w.length > 0)
  return kept.length > 0 ? kept : undefined
}

function passes(words: Set<string>, index: Map<string, string[][]>): boolean {
  for (const w of words) {
    const reqs = index.get(w)
    if (!reqs) continue
    for (const req of reqs) if (req.every((x) => words.has(x))) return true
  }
  return false
}

interface TextInfo {
  latinWords?: Set<string>
  norm?: Normalised
  arabicWords?: Set<string>
  /** Each matcher's matches in this text (by matcher id): a text asked about again costs a lookup. */
  found?: Map<number, PhraseMatch[]>
  /** `test` answers of matchers that have no `found` entry. */
  tested?: Map<number, boolean>
}

// Rules ask many matchers about the same sentence, and a pre-send check asks
// about the same conversation on every keystroke: share each text's words,
// normal form and matches. Two generations: a text used in the current one
// stays, one not used for a whole generation is dropped.
const INFO_GENERATION = 2048
const INFO_MAX_TEXT = 4096
let infoYoung = new Map<string, TextInfo>()
let infoOld = new Map<string, TextInfo>()

function infoFor(text: string): TextInfo {
  let info = infoYoung.get(text)
  if (info) return info
  info = infoOld.get(text) ?? {}
  if (text.length <= INFO_MAX_TEXT) {
    if (infoYoung.size >= INFO_GENERATION) {
      infoOld = infoYoung
      infoYoung = new Map()
    }
    infoYoung.set(text, info)
  }
  return info
}

let matcherCount = 0

export function compilePhrases(list: ReadonlyArray<string | PhraseEntry>): PhraseMatcher {
  const id = matcherCount++
  const entries = list.map((e) => (typeof e === 'string' ? { phrase: e } : e)).filter((e) => e.phrase && e.phrase.trim())
  const latin: PhraseEntry[] = []
  const arabic: PhraseEntry[] = []
  const regexes: Part[] = []
  const regexEntries: Array<{ entry: PhraseEntry; src: string; flags: string; arabic: boolean }> = []
  for (const e of entries) {
    if (isRegex(e.phrase)) {
      const last = e.phrase.lastIndexOf('/')
      const flags = [...new Set(e.phrase.slice(last + 1) + 'gu')].sort().join('')
      let src = e.phrase.slice(1, last)
      const ar = ARABIC_LETTER.test(src)
      // Arabic regexes run on normalised text: write their letters the same way
      // (ى → ي, ة → ه, أ → ا, no diacritics), so lexicon authors need not.
      if (ar) src = src.replace(/[\u0621-\u065F\u0670\u0640]+/g, (run) => normalisePhrase(run))
      regexEntries.push({ entry: e, src, flags, arabic: ar })
    } else if (ARABIC_LETTER.test(e.phrase)) arabic.push(e)
    else latin.push(e)
  }
  // Regular-expression entries with the same flags run as one alternation (one
  // pass over the text instead of one per entry); those with back-references or
  // named groups keep their own expression.
  const combinable = new Map<string, typeof regexEntries>()
  for (const r of regexEntries) {
    if (/\\[1-9]|\\k<|\(\?<[^=!]/.test(r.src)) {
      regexes.push({ regex: new RegExp(r.src, r.flags), entries: [r.entry], arabic: r.arabic, which: (matched) => ({ entry: r.entry, length: matched.length }) })
      continue
    }
    const key = `${r.flags}|${r.arabic}`
    const list = combinable.get(key) ?? []
    list.push(r)
    combinable.set(key, list)
  }
  for (const list of combinable.values()) {
    const { flags, arabic: ar } = list[0]!
    const sticky = list.map((r) => new RegExp(r.src, r.flags.replace('g', '') + 'y'))
    regexes.push({
      regex: new RegExp(list.map((r) => `(?:${r.src})`).join('|'), flags),
      entries: list.map((r) => r.entry),
      arabic: ar,
      which(matched, haystack, at) {
        // An alternation stops at its first matching branch: find the longest.
        let best = { entry: list[0]!.entry, length: matched.length }
        let found = false
        for (let i = 0; i < list.length; i++) {
          const re = sticky[i]!
          re.lastIndex = at
          const m = re.exec(haystack)
          if (m && m[0].length > 0 && (!found || m[0].length > best.length)) {
            best = { entry: list[i]!.entry, length: m[0].length }
            found = true
          }
        }
        return best
      }
    })
  }
  // Longest first, so that the longest phrase wins at a position.
  latin.sort((a, b) => b.phrase.length - a.phrase.length)
  arabic.sort((a, b) => b.phrase.length - a.phrase.length)
  const parts = [...groups(latin, false), ...groups(arabic, true), ...regexes]

  const run = (text: string, firstOnly: boolean, info: TextInfo): PhraseMatch[] => {
    const out: PhraseMatch[] = []
    for (const part of parts) {
      let haystack = text
      if (part.arabic) {
        if (!ARABIC_LETTER.test(text)) continue
        const norm = (info.norm ??= normaliseArabic(text))
        haystack = norm.text
        if (part.index && !passes((info.arabicWords ??= wordSet(norm.text, true)), part.index)) continue
      } else if (part.index && !passes((info.latinWords ??= wordSet(text, false)), part.index)) continue
      part.regex.lastIndex = 0
      let m: RegExpExecArray | null
      while ((m = part.regex.exec(haystack))) {
        if (m[0].length === 0) {
          part.regex.lastIndex++
          continue
        }
        const { entry, length } = part.which(m[0], haystack, m.index)
        if (length > m[0].length) part.regex.lastIndex = m.index + length
        let start = m.index
        let end = m.index + length
        const norm = info.norm
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
    find(text) {
      const info = infoFor(text)
      let found = info.found?.get(id)
      if (!found) (info.found ??= new Map()).set(id, (found = run(text, false, info)))
      // Copies: callers may change what they get.
      return found.map((m) => ({ ...m }))
    },
    test(text) {
      const info = infoFor(text)
      const found = info.found?.get(id)
      if (found) return found.length > 0
      let answer = info.tested?.get(id)
      if (answer === undefined) (info.tested ??= new Map()).set(id, (answer = run(text, true, info).length > 0))
      return answer
    }
  }
}
