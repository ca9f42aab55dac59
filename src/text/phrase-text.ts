/**
 * What the phrase matcher needs to know about a text, worked out once per text
 * and shared by every matcher: its lower-case form, its words and where they
 * start, and for Arabic the normalised form with its offset map.
 *
 * Word keys are what lexicon phrases are indexed by:
 * - a word's key is its letters and digits in lower case without apostrophes
 *   (`Don't` → `dont`); a word with an apostrophe also offers the part before
 *   each apostrophe (`that's` → `that`), since a phrase may end there;
 * - `a b`: a word and the next one (after spaces or hyphens; Arabic: spaces);
 * - Arabic words beginning with و or ف also offer the word without it.
 * The words are listed too, for phrases indexed by a word's first letters (`word*`).
 */
import { normaliseArabic, type Normalised } from './arabic/normalise.js'
import { ARABIC_LETTER } from './phrase-syntax.js'
import { grown } from './grown.js'
import { HASH_START, hashStep, Vocabulary } from './vocabulary.js'

/** `word*` phrases are indexed by at most this many first letters. */
export const PREFIX_MAX = 3

// --- Character classes -------------------------------------------------------------------------------

const LN_CACHE = new Uint8Array(65536)
const LN_TEST = /[\p{L}\p{N}]/u

/** Is the character at i a letter or a digit (as `[\p{L}\p{N}]` with the u flag sees it)? */
export function isLetterOrDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  if (c >= 0xd800 && c <= 0xdfff) {
    const start = c >= 0xdc00 && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff ? i - 1 : i
    return LN_TEST.test(String.fromCodePoint(s.codePointAt(start)!))
  }
  let v = LN_CACHE[c]!
  if (v === 0) LN_CACHE[c] = v = LN_TEST.test(String.fromCharCode(c)) ? 1 : 2
  return v === 1
}

/** Letters and digits of normalised Arabic (U+0621–U+064A, 0–9). */
export function isArabicWordChar(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 48 && c <= 57)
}

export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 96
}

/** `\s` of JavaScript regular expressions. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** Letters whose simple case folding (what the `i` flag uses) differs from their lower case. */
const ODD_FOLD: Record<string, string> = {
  '\u017F': 's', '\u0345': 'ι', '\u03C2': 'σ', '\u03D0': 'β', '\u03D1': 'θ', '\u03D5': 'φ', '\u03D6': 'π', '\u03F0': 'κ', '\u03F1': 'ρ', '\u03F5': 'ε', '\u1E9B': 'ṡ', '\u1FBE': 'ι'
}
const ODD_FOLD_ANY = new RegExp(`[${Object.keys(ODD_FOLD).join('')}]`, 'g')

/** Lower case with every character in its place (one unit in, one unit out), folded as the `i` flag folds. */
export function foldCase(s: string): string {
  let lower = s.toLowerCase()
  if (lower.length !== s.length) {
    // A character whose lower case is longer (İ): keep it as it is.
    let out = ''
    for (const ch of s) {
      const l = ch.toLowerCase()
      out += l.length === ch.length ? l : ch
    }
    lower = out
  }
  ODD_FOLD_ANY.lastIndex = 0
  return ODD_FOLD_ANY.test(lower) ? lower.replace(ODD_FOLD_ANY, (c) => ODD_FOLD[c] ?? c) : lower
}

// --- Words -------------------------------------------------------------------------------------------

/** The keys lexicons are indexed by, for one script: whole keys (and the words of pairs), and `word*` first letters. */
export interface KeyVocabulary {
  words: Vocabulary
  prefixes: Vocabulary
}

export const LATIN_KEYS: KeyVocabulary = { words: new Vocabulary(), prefixes: new Vocabulary() }
export const ARABIC_KEYS: KeyVocabulary = { words: new Vocabulary(), prefixes: new Vocabulary() }

/** Changes whenever a key is added to either vocabulary of a script. */
export function keysVersion(v: KeyVocabulary): number {
  return v.words.version + v.prefixes.version
}

/**
 * Word keys of one form of a text (original Latin, or normalised Arabic), in
 * text order, as ids of the script's vocabulary: flat lists, so that looking
 * a text up costs no map of its own. Keys no lexicon has are left out.
 */
export interface KeyIndex {
  /** keysVersion() of the vocabulary when the index was made (keys added since are not in it). */
  version: number
  /**
   * Every word's key id (-1: no lexicon has the key) with where it starts,
   * in text order. After a word's own key come the other keys it offers at
   * the same place: the parts before its apostrophes (Latin), the word
   * without a leading و/ف (Arabic).
   */
  ids: number[]
  starts: number[]
  /** The id of the key's first PREFIX_MAX characters among `word*` prefixes, for whole words that long (-1: none). */
  prefixIds: number[]
  /** Pairs of keys (a word and the next one) that lexicons have both of, in text order: first, second and where the first starts. */
  pairFirst: number[]
  pairSecond: number[]
  pairStarts: number[]
}

/**
 * Made with `new`, not as a literal, for the reason given in phrases.ts (live alternatives): no pretenured
 * allocation site. Each list is made at its final length (growing six lists key by key cost more
 * than the keys themselves).
 */
class KeyLists implements KeyIndex {
  readonly ids = keys.list(0)
  readonly starts = keys.list(1)
  readonly prefixIds = keys.list(2)
  readonly pairFirst = pairs.list(0)
  readonly pairSecond = pairs.list(1)
  readonly pairStarts = pairs.list(2)
  constructor(readonly version: number) {}
}

/** Three parallel lists of numbers, as scratch: emptied, pushed to, then copied out at their length. */
class Triples {
  // Three fields rather than a list of three: a push reads each straight from the object.
  #x = new Int32Array(256)
  #y = new Int32Array(256)
  #z = new Int32Array(256)
  count = 0

  push(x: number, y: number, z: number): void {
    const k = this.count
    if (k === this.#x.length) {
      this.#x = grown(this.#x)
      this.#y = grown(this.#y)
      this.#z = grown(this.#z)
    }
    this.#x[k] = x
    this.#y[k] = y
    this.#z[k] = z
    this.count = k + 1
  }

  /** List k as an array. */
  list(k: number): number[] {
    const from = k === 0 ? this.#x : k === 1 ? this.#y : this.#z
    const count = this.count
    const out = new Array<number>(count)
    for (let i = 0; i < count; i++) out[i] = from[i]!
    return out
  }
}

/** The keys (id, start, prefix id) and pairs (first, second, start) being found: latinKeys and arabicKeys do not nest. */
const keys = new Triples()
const pairs = new Triples()

function addKey(id: number, at: number, prefixId: number): void {
  if (id >= 0 || prefixId >= 0) keys.push(id, at, prefixId)
}

function addPair(first: number, second: number, at: number): void {
  if (first >= 0 && second >= 0) pairs.push(first, second, at)
}

/** Characters of the Arabic blocks (what phrase-syntax's ARABIC_LETTER matches). */
export function isArabicBlock(c: number): boolean {
  return (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)
}

/**
 * Scratch lists of latinKeys (it does not nest). The key of the word being indexed, as it is read
 * (its cuts and first letters are its first characters); the apostrophes of a word (where each is,
 * with the hash and length of the key before it: its cut), then those of its subword being indexed;
 * and the words waiting for the next word, to be paired with it (key id and start).
 */
let keyChars: Uint16Array = new Uint16Array(256)
let cutAt: Int32Array = new Int32Array(64)
let cutHash: Int32Array = new Int32Array(64)
let cutLength: Int32Array = new Int32Array(64)
let waitingId: Int32Array = new Int32Array(64)
let waitingStart: Int32Array = new Int32Array(64)

function growCuts(): void {
  cutAt = grown(cutAt)
  cutHash = grown(cutHash)
  cutLength = grown(cutLength)
}

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
}

/**
 * Words of lower-case Latin text: they start at a letter or digit that does
 * not follow one. A word's key is its letters and digits without
 * apostrophes; its cuts are the keys of its parts before each apostrophe.
 * So every letter after an apostrophe starts a word of its own too, which
 * ends where the word it is in does (`rock'n'roll` → rocknroll, nroll, roll).
 * (Words that begin with an Arabic letter are left out: the Arabic phrases
 * are looked up in the normalised text.)
 *
 * One pass: a word is hashed as it is read, its subwords right after it, and
 * a word waits to be paired with the next one until that one is read.
 */
export function latinKeys(lower: string, vocabulary: KeyVocabulary = LATIN_KEYS): KeyIndex {
  const { words: vocab, prefixes } = vocabulary
  const byPrefix = prefixes.size > 0
  keys.count = 0
  pairs.count = 0
  const n = lower.length
  // A key is at most as long as the text.
  if (keyChars.length < n) keyChars = new Uint16Array(Math.max(n, 2 * keyChars.length))
  const key = keyChars
  // The words waiting for the next word, and where it must start for a pair (-1: none wait).
  let waiting = 0
  let waitingFor = -1
  let i = 0
  while (i < n) {
    const c = lower.charCodeAt(i)
    if (c < 0x80 ? !isAsciiLetterOrDigit(c) : !isLetterOrDigitAt(lower, i)) {
      i++
      continue
    }
    // The word at i, then its subwords: one after each of its apostrophes that a letter follows.
    let end = n
    let apostrophes = 0
    let nextApostrophe = 0
    for (let start = i; ; ) {
      const cutFrom = start === i ? 0 : apostrophes
      let cuts = cutFrom
      let h = HASH_START
      let length = 0
      let prefixHash = 0
      let j = start
      for (; j < n; j++) {
        const c = lower.charCodeAt(j)
        if (c < 0x80 ? !isAsciiLetterOrDigit(c) : c === 0x2019 || c === 0x2018 || !isLetterOrDigitAt(lower, j)) {
          if (!isApostrophe(c)) break
          if (cuts === cutAt.length) growCuts()
          cutAt[cuts] = j
          cutHash[cuts] = h
          cutLength[cuts++] = length
          continue
        }
        key[length] = c
        h = hashStep(h, c)
        if (++length === PREFIX_MAX) prefixHash = h
      }
      if (start === i) {
        end = j
        apostrophes = cuts
      }
      // A word that begins with an Arabic letter has no key a Latin phrase has (nor its first letters, nor a pair):
      // the words waiting for one there are let go by the next word that is indexed.
      if (!isArabicBlock(lower.charCodeAt(start))) {
        // The words waiting for one here are paired with it; for one further on, with none.
        const arrived = waitingFor >= 0 && start >= waitingFor
        const id = vocab.findChars(h, key, length)
        const prefixId = byPrefix && length >= PREFIX_MAX ? prefixes.findChars(prefixHash, key, PREFIX_MAX) : -1
        // The cuts' ids, in place of their hashes; a cut as long as the key is the key itself (apostrophes at the end).
        let kept = cutFrom
        for (let k = cutFrom; k < cuts; k++)
          if (cutLength[k] !== length) cutHash[kept++] = vocab.findChars(cutHash[k]!, key, cutLength[k]!)
        if (arrived && start === waitingFor)
          for (let w = 0; w < waiting; w++) {
            const first = waitingId[w]!
            const at = waitingStart[w]!
            addPair(first, id, at)
            for (let k = cutFrom; k < kept; k++) addPair(first, cutHash[k]!, at)
          }
        addKey(id, start, prefixId)
        for (let k = cutFrom; k < kept; k++) addKey(cutHash[k]!, start, -1)
        if (arrived) {
          waiting = 0
          waitingFor = -1
        }
        if (id >= 0) {
          // It waits for the word after spaces or hyphens (its subwords end where it does, and wait for the same).
          let after = j
          while (after < n && (isSpace(lower.charCodeAt(after)) || lower.charCodeAt(after) === 45)) after++
          if (after > j && after < n) {
            if (waiting === waitingId.length) {
              waitingId = grown(waitingId)
              waitingStart = grown(waitingStart)
            }
            waitingId[waiting] = id
            waitingStart[waiting++] = start
            waitingFor = after
          }
        }
      }
      // The next subword, if any: after an apostrophe followed by a letter (not by another apostrophe, nor at the end).
      start = -1
      while (nextApostrophe < apostrophes) {
        const after = cutAt[nextApostrophe++]! + 1
        if (after < end && !isApostrophe(lower.charCodeAt(after))) {
          start = after
          break
        }
      }
      if (start < 0) break
    }
    // The character at the end is not a letter or digit.
    i = end + 1
  }
  return new KeyLists(keysVersion(vocabulary))
}

/** Words of normalised Arabic text: runs of Arabic letters and digits; a leading و/ف may be left off. */
export function arabicKeys(norm: string, vocabulary: KeyVocabulary = ARABIC_KEYS): KeyIndex {
  const { words: vocab, prefixes } = vocabulary
  keys.count = 0
  pairs.count = 0
  const prefixOf = (from: number, to: number) => {
    if (to - from < PREFIX_MAX || prefixes.size === 0) return -1
    let h = HASH_START
    for (let k = from; k < from + PREFIX_MAX; k++) h = hashStep(h, norm.charCodeAt(k))
    return prefixes.find(h, norm, from, from + PREFIX_MAX)
  }
  const n = norm.length
  let i = 0
  let prevId = -1
  let prevStripped = -1
  let prevStart = -1
  let prevEnd = -1
  while (i < n) {
    if (!isArabicWordChar(norm.charCodeAt(i))) {
      i++
      continue
    }
    let j = i
    let h = HASH_START
    // The hash without the first letter, for a word that may have a و/ف in front.
    let rest = HASH_START
    const first = norm.charCodeAt(i)
    while (j < n && isArabicWordChar(norm.charCodeAt(j))) {
      const c = norm.charCodeAt(j)
      h = hashStep(h, c)
      if (j > i) rest = hashStep(rest, c)
      j++
    }
    const id = vocab.find(h, norm, i, j)
    const strippable = j - i >= 2 && (first === 0x0648 || first === 0x0641)
    const stripped = strippable ? vocab.find(rest, norm, i + 1, j) : -1
    addKey(id, i, prefixOf(i, j))
    if (strippable) addKey(stripped, i, prefixOf(i + 1, j))
    // A pair: this word after the previous one, with only spaces between.
    if (prevStart >= 0) {
      let k = prevEnd
      while (k < i && isSpace(norm.charCodeAt(k))) k++
      if (k === i && k > prevEnd) {
        addPair(prevId, id, prevStart)
        addPair(prevStripped, id, prevStart)
      }
    }
    prevId = id
    prevStripped = stripped
    prevStart = i
    prevEnd = j
    i = j
  }
  return new KeyLists(keysVersion(vocabulary))
}

// --- The facts about one text, cached ------------------------------------------------------------------

export interface TextFacts {
  text: string
  /** Lower case, one unit per unit of `text`. */
  lower: string
  hasArabic: boolean
  latin(): KeyIndex
  arabic(): { norm: Normalised; lower: string; keys: KeyIndex } | undefined
  /** Free slot for the matcher's own per-text results (by matcher family). */
  memo: Map<unknown, unknown>
}

class Facts implements TextFacts {
  readonly text: string
  readonly hasArabic: boolean
  readonly memo = new Map<unknown, unknown>()
  #lower?: string
  #latin?: KeyIndex
  #arabic?: { norm: Normalised; lower: string; keys: KeyIndex } | null
  constructor(text: string) {
    this.text = text
    this.hasArabic = ARABIC_LETTER.test(text)
  }
  get lower(): string {
    return (this.#lower ??= foldCase(this.text))
  }
  latin(): KeyIndex {
    if (this.#latin === undefined || this.#latin.version !== keysVersion(LATIN_KEYS)) this.#latin = latinKeys(this.lower)
    return this.#latin
  }
  arabic() {
    if (this.#arabic === undefined) {
      if (!this.hasArabic) this.#arabic = null
      else {
        const norm = normaliseArabic(this.text)
        const lower = foldCase(norm.text)
        this.#arabic = { norm, lower, keys: arabicKeys(lower) }
      }
    } else if (this.#arabic && this.#arabic.keys.version !== keysVersion(ARABIC_KEYS)) {
      this.#arabic = { ...this.#arabic, keys: arabicKeys(this.#arabic.lower) }
    }
    return this.#arabic ?? undefined
  }
}

// Rules ask many matchers about the same turn or sentence. While a
// conversation is linted (see withTextScope) the facts of its texts are kept
// for as long as that lint runs, whatever its length (up to a bound), and
// dropped with it. Outside a scope a few recent texts are kept in two small
// generations. Facts that outlive a check only to be dropped later are what
// makes garbage collection slow in a long-lived process (a pre-send check
// every keystroke): so nothing is kept longer than that.
const SCOPE_TEXTS = 8192
const SCOPE_CHARS = 4 << 20
const GENERATION_TEXTS = 8
/** A lint's facts; `last`: the facts asked for last (matchers ask about one text many times in a row). */
let scope: { facts: Map<string, Facts>; chars: number; last: Facts | undefined } | undefined
let young = new Map<string, Facts>()
let old = new Map<string, Facts>()

/** Runs `fn` with its own cache of text facts (one conversation's lint), dropped when it returns. */
export function withTextScope<T>(fn: () => T): T {
  const outer = scope
  scope = { facts: new Map(), chars: 0, last: undefined }
  try {
    return fn()
  } finally {
    scope = outer
  }
}

export function factsFor(text: string): TextFacts {
  const last = scope?.last
  if (last !== undefined && last.text === text) return last
  let facts = scope?.facts.get(text)
  if (facts) return (scope!.last = facts)
  facts = young.get(text)
  if (facts) return facts
  facts = old.get(text) ?? new Facts(text)
  if (scope && scope.facts.size < SCOPE_TEXTS && scope.chars + text.length <= SCOPE_CHARS) {
    // Kept by the scope only: they go when the lint does.
    scope.facts.set(text, facts)
    scope.chars += text.length
    return (scope.last = facts)
  }
  if (young.size >= GENERATION_TEXTS) {
    old = young
    young = new Map()
  }
  young.set(text, facts)
  return facts
}
