/**
 * A lexicon matcher with the same entry syntax and matching rules as
 * src/text/phrases.ts (compilePhrases) — English whole words, case-insensitive,
 * either apostrophe, spaces or hyphens between words; Arabic on normalised text
 * with an optional و/ف prefix and `*` wildcards; `/regex/flags` entries — but
 * compiled into ONE prefix-tree (trie) pattern per script, with the word
 * boundaries checked once outside it and without the `i` flag (ASCII letters are
 * lower-cased instead, which keeps every index in place). compilePhrases wraps
 * each entry in its own `\p{L}` look-arounds under `iu`, which V8 takes seconds
 * to compile for a few hundred entries; this form compiles in milliseconds and
 * never backtracks across alternatives that share a prefix. Spans point at the
 * original text.
 */
import { normalisePhrase, type Normalised } from '../../src/text/arabic/normalise.js'
import { normalise } from './normalise.js'
import type { PhraseEntry, PhraseMatch } from '../../src/text/phrases.js'

export interface LexiconMatcher {
  find(text: string): PhraseMatch[]
  test(text: string): boolean
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
const AR_WORD = '[\\u0621-\\u064A0-9]'
const REMOVABLE = /[\u0640\u064B-\u065F\u0670\u200B-\u200F]/

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function isRegex(phrase: string): boolean {
  return phrase.length > 2 && phrase.startsWith('/') && /\/[a-z]*$/.test(phrase) && phrase.lastIndexOf('/') > 0
}

/** Lower-case, one space, plain apostrophes: the key a matched Latin span is looked up by. */
function latinKey(s: string): string {
  return s.toLowerCase().replace(/['’‘`]/g, '').replace(/[\s-]+/g, ' ').trim()
}


/** A prefix tree over pattern tokens; `end` marks where a phrase may stop. */
interface Trie {
  end: boolean
  next: Map<string, Trie>
}

function insert(root: Trie, tokens: readonly string[]): void {
  let node = root
  for (const t of tokens) {
    let child = node.next.get(t)
    if (!child) {
      child = { end: false, next: new Map() }
      node.next.set(t, child)
    }
    node = child
  }
  node.end = true
}

/** The trie as one regular expression; a node where a phrase may end makes its continuation optional (greedy: longest first). */
function trieSource(node: Trie): string {
  const alts = [...node.next.entries()]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([token, child]) => token + trieSource(child))
  if (alts.length === 0) return ''
  const group = alts.length === 1 && !node.end ? alts[0]! : `(?:${alts.join('|')})`
  return node.end ? (alts.length === 1 ? `(?:${alts[0]})?` : `${group}?`) : group
}

const LATIN_SPACE = '[\\s\\-]+'
const LATIN_APOSTROPHE = "['’‘`]?"
const LATIN_WORD_CHAR = '[A-Za-z0-9\\u00C0-\\u024F]'

function latinTokens(core: string, wildcard: boolean): string[] {
  const out: string[] = []
  for (const ch of core.toLowerCase()) {
    if (/\s/.test(ch)) {
      if (out[out.length - 1] !== LATIN_SPACE) out.push(LATIN_SPACE)
    } else if (/['’‘`]/.test(ch)) out.push(LATIN_APOSTROPHE)
    else out.push(escape(ch))
  }
  if (wildcard) out.push(`${LATIN_WORD_CHAR}*`)
  return out
}

function arabicTokens(core: string, open: boolean, close: boolean): string[] {
  const out: string[] = open ? [`${AR_WORD}*`] : []
  for (const ch of core) {
    if (/\s/.test(ch)) {
      if (out[out.length - 1] !== '\\s+') out.push('\\s+')
    } else out.push(escape(ch))
  }
  if (close) out.push(`${AR_WORD}*`)
  return out
}

/** Lower-case ASCII letters only, so that indices stay one-to-one (the last result is kept: several lexicons read the same text). */
let lastLowerIn: string | undefined
let lastLowerOut = ''
function lowerAscii(text: string): string {
  if (text !== lastLowerIn) {
    lastLowerIn = text
    lastLowerOut = /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : text
  }
  return lastLowerOut
}

interface Part {
  regex: RegExp
  arabic: boolean
  /** Grouped Latin phrases: matched on the ASCII-lower-cased text. */
  latin: boolean
  /** The entry for a match: fixed for regex entries, looked up for grouped ones. */
  entryOf(matched: string): PhraseEntry
}

export function compileLexicon(list: ReadonlyArray<string | PhraseEntry>): LexiconMatcher {
  const entries = list.map((e) => (typeof e === 'string' ? { phrase: e } : e)).filter((e) => e.phrase && e.phrase.trim())
  const parts: Part[] = []
  const latin: PhraseEntry[] = []
  const arabic: PhraseEntry[] = []
  for (const e of entries) {
    if (isRegex(e.phrase)) {
      const last = e.phrase.lastIndexOf('/')
      const flags = new Set(e.phrase.slice(last + 1) + 'g')
      const src = e.phrase.slice(1, last)
      parts.push({ regex: new RegExp(src, [...flags].join('')), arabic: ARABIC_LETTER.test(src), latin: false, entryOf: () => e })
    } else if (ARABIC_LETTER.test(e.phrase)) arabic.push(e)
    else latin.push(e)
  }

  if (latin.length > 0) {
    const byKey = new Map<string, PhraseEntry>()
    const wild: Array<{ prefix: string; entry: PhraseEntry }> = []
    const root: Trie = { end: false, next: new Map() }
    for (const e of latin) {
      const close = e.phrase.trim().endsWith('*')
      const core = e.phrase.trim().replace(/\*$/, '').trim()
      if (close) wild.push({ prefix: latinKey(core), entry: e })
      else if (!byKey.has(latinKey(core))) byKey.set(latinKey(core), e)
      insert(root, latinTokens(core, close))
    }
    parts.push({
      regex: new RegExp(`(?<!${LATIN_WORD_CHAR})${trieSource(root)}(?!${LATIN_WORD_CHAR})`, 'g'),
      arabic: false,
      latin: true,
      entryOf: (m) => {
        const key = latinKey(m)
        return byKey.get(key) ?? wild.find((w) => key.startsWith(w.prefix))?.entry ?? { phrase: m }
      }
    })
  }

  if (arabic.length > 0) {
    const byKey = new Map<string, PhraseEntry>()
    const wild: Array<{ prefix: string; entry: PhraseEntry }> = []
    const root: Trie = { end: false, next: new Map() }
    for (const e of arabic) {
      const open = e.phrase.trim().startsWith('*')
      const close = e.phrase.trim().endsWith('*')
      const core = normalisePhrase(e.phrase.trim().replace(/^\*|\*$/g, '').trim())
      if (close || open) wild.push({ prefix: core.replace(/\s+/g, ' '), entry: e })
      else if (!byKey.has(core.replace(/\s+/g, ' '))) byKey.set(core.replace(/\s+/g, ' '), e)
      insert(root, arabicTokens(core, open, close))
    }
    parts.push({
      regex: new RegExp(`(?<!${AR_WORD})(?:[وف](?=${AR_WORD}))?${trieSource(root)}(?!${AR_WORD})`, 'g'),
      arabic: true,
      latin: false,
      entryOf: (m) => {
        const key = m.replace(/\s+/g, ' ')
        const bare = key.replace(/^[وف]/, '')
        return byKey.get(key) ?? byKey.get(bare) ?? wild.find((w) => key.includes(w.prefix))?.entry ?? { phrase: m }
      }
    })
  }

  const run = (text: string, firstOnly: boolean): PhraseMatch[] => {
    const out: PhraseMatch[] = []
    let norm: Normalised | undefined
    let lower: string | undefined
    for (const part of parts) {
      let haystack = text
      if (part.latin) haystack = lower ??= lowerAscii(text)
      else if (part.arabic) {
        if (!ARABIC_LETTER.test(text)) continue
        norm ??= normalise(text)
        haystack = norm.text
      }
      part.regex.lastIndex = 0
      let m: RegExpExecArray | null
      while ((m = part.regex.exec(haystack))) {
        if (m[0].length === 0) {
          part.regex.lastIndex++
          continue
        }
        let start = m.index
        let end = m.index + m[0].length
        if (part.arabic && norm) {
          start = norm.map[start]!
          end = norm.map[end - 1]! + 1
          while (end < text.length && (REMOVABLE.test(text[end]!) || text[end] === text[end - 1])) end++
        }
        out.push({ start, end, entry: part.entryOf(m[0]) })
        if (firstOnly) return out
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end)
  }

  return { find: (text) => run(text, false), test: (text) => run(text, true).length > 0 }
}
