/**
 * A drop-in, faster twin of `compilePhrases` (src/text/phrases.ts) for this
 * rule's large lexicons. It builds exactly the same expressions, in the same
 * order, and reports exactly the same matches; what it adds is a finer
 * prefilter:
 *
 * - every alternative of an expression carries the words it needs (the shared
 *   word index) and/or literal text it cannot match without (its leading
 *   literal, for wildcard phrases and `/regex/` entries);
 * - for a given text, only the alternatives that can still match are kept, and
 *   the expression is rebuilt from those alone (cached). Dropping alternatives
 *   that cannot match anywhere in the text changes no match, no order and no
 *   entry, but a 2-alternative expression runs many times faster than a
 *   400-alternative one, and most texts keep none at all.
 *
 * Parts the shared matcher would skip are skipped here by the same test.
 */
import { normaliseArabic, normalisePhrase, type Normalised } from '../../src/text/arabic/normalise.js'
import type { PhraseEntry, PhraseMatch, PhraseMatcher } from '../../src/text/phrases.js'

const REMOVABLE = /[\u0640\u064B-\u065F\u0670\u200B-\u200F]/
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
const AR_WORD = '[\\u0621-\\u064A0-9]'
const WORD = /[\p{L}\p{N}'’‘`]+/gu

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function wordKey(word: string): string {
  return word.toLowerCase().replace(/['’‘`]/g, '')
}

function wordSet(text: string, arabic: boolean): Set<string> {
  const out = new Set<string>()
  for (const w of text.match(WORD) ?? []) {
    const key = wordKey(w)
    out.add(key)
    if (arabic && key.length > 2 && (key[0] === 'و' || key[0] === 'ف')) out.add(key.slice(1))
    if (!arabic && key.includes('-')) for (const piece of key.split('-')) out.add(piece)
  }
  return out
}

const APOSTROPHE = /['’‘`]/
const AR_WORD_CHAR = /[\u0621-\u064A0-9]/

/**
 * The words of `text` as `wordSet` has them, plus the forms a phrase word can
 * take inside a longer token: a phrase may end before an apostrophe ("that" in
 * "that's", "account" in "account’s") and an Arabic phrase may touch letters
 * outside U+0621–U+064A on either side. A superset of `wordSet`, so that a
 * phrase left out for missing a word here cannot match at all.
 */
function looseWordSet(text: string, arabic: boolean): Set<string> {
  const out = new Set<string>()
  const add = (key: string) => {
    out.add(key)
    if (arabic && key.length > 2 && (key[0] === 'و' || key[0] === 'ف')) out.add(key.slice(1))
  }
  for (const w of text.match(WORD) ?? []) {
    const key = wordKey(w)
    add(key)
    if (!arabic && key.includes('-')) for (const piece of key.split('-')) out.add(piece)
    if (APOSTROPHE.test(w)) {
      // Every prefix that ends before an apostrophe.
      const pieces = w.split(/['’‘`]/)
      let acc = ''
      for (const piece of pieces) {
        if (acc) add(acc.toLowerCase())
        acc += piece
      }
    }
    if (arabic) {
      let lead = 0
      while (lead < key.length && !AR_WORD_CHAR.test(key[lead]!)) lead++
      let trail = 0
      while (trail < key.length - lead && !AR_WORD_CHAR.test(key[key.length - 1 - trail]!)) trail++
      for (let a = 0; a <= lead; a++) for (let b = 0; b <= trail; b++) if (a + b < key.length) add(key.slice(a, key.length - b))
    }
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

function requiredWords(phrase: string, compiled: Compiled, arabic: boolean): string[] | undefined {
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  const text = arabic ? normalisePhrase(core) : core
  const words = (text.match(WORD) ?? []).map(wordKey)
  if (compiled.open) words.shift()
  if (compiled.close) words.pop()
  const kept = words.filter((w) => w.length > 0)
  return kept.length > 0 ? kept : undefined
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
 */
function anchorsOf(src: string): string[] | undefined {
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
    const inner = anchorsOf(s.slice(3, end))
    if (inner) return inner
    return undefined
  }
  const prefix = literalPrefix(s)
  return prefix ? [prefix] : undefined
}

// --- Parts -------------------------------------------------------------------------------------------

interface Alt {
  entry: PhraseEntry
  /** The alternative as written inside the part's `(?:…|…)`. */
  source: string
  required?: string[]
  anchors?: string[]
  /** For `which` of word groups. */
  compiled?: Compiled
  /** For `which` of regex groups: the entry's own expression, sticky. */
  sticky?: RegExp
}

interface Part {
  arabic: boolean
  /** Word groups: the shared prefilter index (word → phrases needing it), as in src/text/phrases.ts. */
  index?: Map<string, number[]>
  alts: Alt[]
  /** Builds the expression for a list of alternatives. */
  build(alts: Alt[]): RegExp
  /** Which entry of `alts` produced a match. */
  which(alts: Alt[], matched: string, haystack: string, at: number): PhraseEntry
  full?: RegExp
  cache: Map<string, { regex: RegExp; alts: Alt[] }>
}

function groupParts(entries: PhraseEntry[], arabic: boolean): Part[] {
  const byKind = new Map<string, Alt[]>()
  for (const entry of entries) {
    const compiled = arabic ? arabicParts(entry.phrase) : latinParts(entry.phrase)
    if (!compiled.body) continue
    const required = requiredWords(entry.phrase, compiled, arabic)
    const key = `${compiled.open}${compiled.close}${required ? 'f' : 'u'}`
    const list = byKind.get(key) ?? []
    list.push({ entry, source: compiled.body, compiled, required, anchors: required ? undefined : anchorsOf(compiled.body) })
    byKind.set(key, list)
  }
  const parts: Part[] = []
  for (const list of byKind.values()) {
    const [start, end] = boundaries(list[0]!.compiled!, arabic)
    let index: Map<string, number[]> | undefined
    if (list[0]!.required) {
      index = new Map()
      list.forEach(({ required }, i) => {
        const key = required!.reduce((a, b) => (b.length > a.length ? b : a))
        const at = index!.get(key) ?? []
        at.push(i)
        index!.set(key, at)
      })
    }
    const anchored = new Map<Alt, RegExp>()
    const wild = arabic ? `${AR_WORD}*` : '[\\p{L}\\p{N}]*'
    parts.push({
      arabic,
      index,
      alts: list,
      cache: new Map(),
      build: (alts) => new RegExp(`${start}(?:${alts.map((a) => a.source).join('|')})${end}`, 'giu'),
      which(alts, matched) {
        if (list.length === 1) return list[0]!.entry
        const probe = arabic ? normalisePhrase(matched) : matched
        for (const alt of alts) {
          const c = alt.compiled!
          let re = anchored.get(alt)
          if (!re) {
            re = new RegExp(`^${c.open ? wild : arabic ? '(?:[وف])?' : ''}(?:${c.body})${c.close ? wild : ''}$`, 'iu')
            anchored.set(alt, re)
          }
          if (re.test(probe)) return alt.entry
        }
        return list[0]!.entry
      }
    })
  }
  return parts
}

interface RegexEntry {
  entry: PhraseEntry
  src: string
  flags: string
  arabic: boolean
}

function regexParts(regexEntries: RegexEntry[]): Part[] {
  const single: Part[] = []
  const combinable = new Map<string, RegexEntry[]>()
  for (const r of regexEntries) {
    if (/\\[1-9]|\\k<|\(\?<[^=!]/.test(r.src)) {
      const alt: Alt = { entry: r.entry, source: r.src, anchors: anchorsOf(r.src) }
      single.push({
        arabic: r.arabic,
        alts: [alt],
        cache: new Map(),
        build: () => new RegExp(r.src, r.flags),
        which: () => r.entry
      })
      continue
    }
    const key = `${r.flags}|${r.arabic}`
    const list = combinable.get(key) ?? []
    list.push(r)
    combinable.set(key, list)
  }
  const combined: Part[] = []
  for (const list of combinable.values()) {
    const { flags, arabic } = list[0]!
    const alts: Alt[] = list.map((r) => ({
      entry: r.entry,
      source: `(?:${r.src})`,
      anchors: anchorsOf(r.src),
      sticky: new RegExp(r.src, r.flags.replace('g', '') + 'y')
    }))
    combined.push({
      arabic,
      alts,
      cache: new Map(),
      build: (some) => new RegExp(some.map((a) => a.source).join('|'), flags),
      which(some, matched, haystack, at) {
        for (const alt of some) {
          const re = alt.sticky!
          re.lastIndex = at
          const m = re.exec(haystack)
          if (m && m[0].length === matched.length) return alt.entry
        }
        return alts[0]!.entry
      }
    })
  }
  // As in the shared matcher: expressions with back-references first, then the combined ones.
  return [...single, ...combined]
}

// --- Per-text facts, shared by all matchers ------------------------------------------------------------

interface TextInfo {
  text: string
  hasArabic: boolean
  /** Lower case, for literal anchors; null when lower case could hide a match (U+017F ſ folds to s). */
  lower?: string | null
  latinWords?: Set<string>
  latinLoose?: Set<string>
  norm?: Normalised
  normLower?: string
  arabicWords?: Set<string>
  arabicLoose?: Set<string>
}

const infoCache = new Map<string, TextInfo>()
function infoFor(text: string): TextInfo {
  let info = infoCache.get(text)
  if (!info) {
    if (infoCache.size >= 256) infoCache.clear()
    info = { text, hasArabic: ARABIC_LETTER.test(text) }
    if (text.length <= 4096) infoCache.set(text, info)
  }
  return info
}

function hasAll(required: string[], words: Set<string>): boolean {
  for (const x of required) if (!words.has(x)) return false
  return true
}

/** The alternatives of `part` that can match the text (in their original order); undefined: skip the part. */
function viable(part: Part, info: TextInfo): Alt[] | undefined {
  if (info.lower === undefined) info.lower = info.text.includes('ſ') ? null : info.text.toLowerCase()
  let haystackLower: string | null = info.lower
  let words: Set<string> | undefined
  let loose: Set<string> | undefined
  if (part.arabic) {
    const norm = (info.norm ??= normaliseArabic(info.text))
    if (haystackLower !== null) haystackLower = info.normLower ??= norm.text.toLowerCase()
    if (part.index) {
      words = info.arabicWords ??= wordSet(norm.text, true)
      loose = info.arabicLoose ??= looseWordSet(norm.text, true)
    }
  } else if (part.index) {
    words = info.latinWords ??= wordSet(info.text, false)
    loose = info.latinLoose ??= looseWordSet(info.text, false)
  }
  const keep: number[] = []
  if (part.index) {
    // The shared prefilter first, exactly: no phrase with all its words in the text, no run.
    let passes = false
    for (const w of words!) {
      const at = part.index.get(w)
      if (at && at.some((i) => hasAll(part.alts[i]!.required!, words!))) {
        passes = true
        break
      }
    }
    if (!passes) return undefined
    if (haystackLower === null) return part.alts
    // Then only the phrases that can match at all.
    for (const w of loose!) {
      const at = part.index.get(w)
      if (!at) continue
      for (const i of at) if (hasAll(part.alts[i]!.required!, loose!)) keep.push(i)
    }
    if (keep.length === 0) return undefined
    if (keep.length > 1) keep.sort((a, b) => a - b)
  } else {
    if (haystackLower === null) return part.alts
    for (let i = 0; i < part.alts.length; i++) {
      const anchors = part.alts[i]!.anchors
      if (!anchors || anchors.some((a) => haystackLower!.includes(a))) keep.push(i)
    }
    if (keep.length === 0) return undefined
  }
  if (keep.length === part.alts.length) return part.alts
  return keep.map((i) => part.alts[i]!)
}

function regexFor(part: Part, alts: Alt[]): RegExp {
  if (alts === part.alts) return (part.full ??= part.build(part.alts))
  const key = alts.map((a) => part.alts.indexOf(a)).join(',')
  let hit = part.cache.get(key)
  if (!hit) {
    if (part.cache.size >= 512) part.cache.clear()
    hit = { regex: part.build(alts), alts }
    part.cache.set(key, hit)
  }
  return hit.regex
}

/** Same entries, same expressions and same matches as `compilePhrases(list)`, with a finer prefilter. */
export function compileFast(list: ReadonlyArray<string | PhraseEntry>): PhraseMatcher {
  const entries = list.map((e) => (typeof e === 'string' ? { phrase: e } : e)).filter((e) => e.phrase && e.phrase.trim())
  const latin: PhraseEntry[] = []
  const arabic: PhraseEntry[] = []
  const regexEntries: RegexEntry[] = []
  for (const e of entries) {
    if (isRegex(e.phrase)) {
      const last = e.phrase.lastIndexOf('/')
      const flags = [...new Set(e.phrase.slice(last + 1) + 'gu')].sort().join('')
      let src = e.phrase.slice(1, last)
      const ar = ARABIC_LETTER.test(src)
      if (ar) src = src.replace(/[\u0621-\u065F\u0670\u0640]+/g, (run) => normalisePhrase(run))
      regexEntries.push({ entry: e, src, flags, arabic: ar })
    } else if (ARABIC_LETTER.test(e.phrase)) arabic.push(e)
    else latin.push(e)
  }
  latin.sort((a, b) => b.phrase.length - a.phrase.length)
  arabic.sort((a, b) => b.phrase.length - a.phrase.length)
  const parts = [...groupParts(latin, false), ...groupParts(arabic, true), ...regexParts(regexEntries)]

  const run = (text: string, firstOnly: boolean): PhraseMatch[] => {
    const out: PhraseMatch[] = []
    const info = infoFor(text)
    for (const part of parts) {
      if (part.arabic && !info.hasArabic) continue
      const alts = viable(part, info)
      if (!alts) continue
      const haystack = part.arabic ? info.norm!.text : text
      const regex = regexFor(part, alts)
      regex.lastIndex = 0
      let m: RegExpExecArray | null
      while ((m = regex.exec(haystack))) {
        if (m[0].length === 0) {
          regex.lastIndex++
          continue
        }
        const entry = part.which(alts, m[0], haystack, m.index)
        let start = m.index
        let end = m.index + m[0].length
        const norm = info.norm
        if (part.arabic && norm) {
          start = norm.map[start]!
          end = norm.map[end - 1]! + 1
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
