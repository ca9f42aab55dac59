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
 *
 * How it matches. A matcher means exactly what one regular expression per kind
 * of entry would mean: the phrases of a kind as one alternation, longest phrase
 * first, between word boundaries, scanned left to right without overlaps; the
 * `/regex/` entries with the same flags as one alternation that reports the
 * longest entry at a place. It does not run such expressions, though: with
 * thousands of phrases they are slow to compile and slow to run.
 *
 * - Plain phrases are indexed by their first word, or by their first two words
 *   (`i don't` → `i dont`), or by the first letters of a `word*`. Every lexicon
 *   of the process shares one index, and a text is looked up in it once: a
 *   text then costs each matcher a binary search among the text's candidates
 *   (a matcher's alternatives are consecutive there), plus a
 *   character-by-character check of the few phrases whose words it has, at
 *   the places it has them.
 * - `/regex/` entries, `*word` entries, `word*` stems under three letters and
 *   phrases that do not begin with a letter (emoji, `:(`) each keep their own
 *   small expression, compiled on first use. Each is a unit of one literal
 *   prefilter for the whole process (regex-prefilter.ts), so a text is scanned
 *   once to tell which of them can match it at all; only those run.
 */
import { normalisePhrase } from './arabic/normalise.js'
import {
  ARABIC_LETTER,
  arabicBody,
  isRegexEntry,
  latinBody,
  phraseBoundaries,
  regexEntryParts,
  type PhraseBody
} from './phrase-syntax.js'
import { grown } from './grown.js'
import { sortSmall } from './sort-small.js'
import { LiteralIndex, requiredClauses } from './regex-prefilter.js'
import {
  ARABIC_KEYS,
  factsFor,
  LATIN_KEYS,
  type KeyVocabulary,
  foldCase,
  isApostrophe,
  isArabicBlock,
  isArabicWordChar,
  isLetterOrDigitAt,
  isSpace,
  PREFIX_MAX,
  type KeyIndex,
  type TextFacts
} from './phrase-text.js'

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
  /**
   * What `find(text.slice(from, to))` gives (offsets from `from`), worked out
   * with the facts of the whole text: a sentence of a turn costs no facts of
   * its own when it begins and ends next to spaces or punctuation.
   */
  findIn(text: string, from: number, to: number): PhraseMatch[]
  /** What `test(text.slice(from, to))` gives (see `findIn`). */
  testIn(text: string, from: number, to: number): boolean
  readonly size: number
}

const REMOVABLE = /[\u0640\u064B-\u065F\u0670\u200B-\u200F]/

/** A match in the haystack a part runs on (the text, or its normalised Arabic form). */
interface Hit {
  start: number
  end: number
}

interface Alt {
  entry: PhraseEntry
  /** Position in its part: at one place, the lowest wins (or the longest, in `longest` parts). */
  order: number
  /** Its part's place among the matcher's parts (set when the matcher is built). */
  part: number
  /** Where the next match at or after `from` is (a word-indexed alternative looks only at its candidate places). */
  next(h: Haystack, from: number, live: Live): Hit | undefined
  /** Index key (word-indexed alternatives only). */
  key?: string
  /** Its unit in the expressions' literal prefilter (expression alternatives only). */
  unit?: number
}

interface Part {
  arabic: boolean
  /** `/regex/` alternations report the longest entry at a place; phrase groups, the first. */
  longest: boolean
  /** Alternatives found through the word index. */
  indexed: Alt[]
  /** Alternatives with their own expression. */
  scanned: Alt[]
}

interface Haystack {
  /** The text the part runs on: the original text, or the normalised Arabic. */
  text: string
  lower: string
  /** The window of it that is searched, as if it were the whole text (matches lie inside it). */
  start: number
  end: number
  /** The window as a text of its own (for expressions, made when one runs). */
  window?: string
}

/**
 * Every expression alternative of every matcher, as a unit of one literal
 * prefilter (see regex-prefilter.ts): a text's scan tells, in one go, which of
 * them can match it at all.
 */
const expressions = new LiteralIndex('arabic')

// --- Plain phrases, matched character by character ------------------------------------------------

/**
 * Whether the lower-case phrase words match at `at` in a Latin haystack, and
 * where the match ends: words separated by spaces or hyphens, apostrophes
 * optional, then a word boundary (or, for `word*`, the rest of the word).
 */
function walkLatin(lower: string, at: number, words: string[], close: boolean, n: number): number {
  return stepLatin(lower, words, close, n, 0, 0, at)
}

/** walkLatin from word `w`, its character `k`, at `i` of the text (a plain function: no closure per walk). */
function stepLatin(lower: string, words: string[], close: boolean, n: number, w: number, k: number, i: number): number {
  for (;;) {
    const word = words[w]!
    if (k === word.length) {
      if (w === words.length - 1) {
        if (close) {
          while (i < n && isLetterOrDigitAt(lower, i)) i++
          return i
        }
        return i < n && isLetterOrDigitAt(lower, i) ? -1 : i
      }
      const before = i
      while (i < n) {
        const c = lower.charCodeAt(i)
        if (!isSpace(c) && c !== 45) break
        i++
      }
      if (i === before) return -1
      w++
      k = 0
      continue
    }
    const c = word.charCodeAt(k)
    if (isApostrophe(c)) {
      // Optional: with the text's apostrophe first, then without.
      if (i < n && isApostrophe(lower.charCodeAt(i))) {
        const end = stepLatin(lower, words, close, n, w, k + 1, i + 1)
        if (end >= 0) return end
      }
      k++
      continue
    }
    if (i >= n || lower.charCodeAt(i) !== c) return -1
    i++
    k++
  }
}

/** The same for normalised Arabic: words separated by spaces, boundaries of Arabic letters and digits. */
function walkArabic(lower: string, at: number, words: string[], close: boolean, n: number): number {
  let i = at
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      const before = i
      while (i < n && isSpace(lower.charCodeAt(i))) i++
      if (i === before) return -1
    }
    const word = words[w]!
    if (i + word.length > n || !lower.startsWith(word, i)) return -1
    i += word.length
  }
  if (close) {
    while (i < n && isArabicWordChar(lower.charCodeAt(i))) i++
    return i
  }
  return i < n && isArabicWordChar(lower.charCodeAt(i)) ? -1 : i
}

const NO_MORE: Hit | undefined = undefined

function wordAlt(entry: PhraseEntry, order: number, words: string[], key: string, close: boolean, arabic: boolean): Alt {
  return {
    entry,
    order,
    part: -1,
    key,
    next(h, from, live) {
      const c = live.candidates
      if (!c) return NO_MORE
      const limit = h.end
      if (from < h.start) from = h.start
      const places = c.places
      for (let q = c.placeStart[live.k]!, end = c.placeStart[live.k + 1]!; q < end; q++) {
        const p = places[q]!
        if (p < from) continue
        if (p >= limit) break
        if (arabic) {
          // An optional و/ف first (tried first, as the expression does).
          const c = h.lower.charCodeAt(p)
          if ((c === 0x0648 || c === 0x0641) && p + 1 >= from) {
            const end = walkArabic(h.lower, p + 1, words, close, limit)
            if (end > p) return { start: p, end }
          }
          const end = walkArabic(h.lower, p, words, close, limit)
          if (end > p) return { start: p, end }
        } else {
          const end = walkLatin(h.lower, p, words, close, limit)
          if (end > p) return { start: p, end }
        }
      }
      return NO_MORE
    }
  }
}

/** An alternative with its own expression (global, compiled on first use). */
function regexAlt(entry: PhraseEntry, order: number, source: string, flags: string): Alt {
  let regex: RegExp | undefined
  return {
    entry,
    order,
    part: -1,
    unit: expressions.add(requiredClauses(source)),
    next(h, from) {
      regex ??= new RegExp(source, flags)
      // On a window, the expression runs on the window alone (lookarounds see its ends as the text's).
      const whole = h.start === 0 && h.end === h.text.length
      const subject = whole ? h.text : (h.window ??= h.text.slice(h.start, h.end))
      const shift = whole ? 0 : h.start
      regex.lastIndex = Math.max(0, from - shift)
      let m: RegExpExecArray | null
      while ((m = regex.exec(subject))) {
        if (m[0].length > 0) return { start: m.index + shift, end: m.index + shift + m[0].length }
        regex.lastIndex = m.index + 1
      }
      return NO_MORE
    }
  }
}

const LATIN_WORD_CHARS = /^[\p{L}\p{N}'’‘`]+$/u

/** Marks the key of a `word*` phrase: the word's first letters, looked up against every word's first letters. */
const PREFIX = '\u0001'

/** The index key of a Latin phrase, or undefined when it needs its own expression. */
function latinKey(words: string[], c: PhraseBody): string | undefined {
  const first = words[0]!
  if (!isLetterOrDigitAt(first, 0)) return undefined
  // Words must not begin with a space or hyphen (the separator would swallow it).
  for (const w of words) if (w.charCodeAt(0) === 45) return undefined
  const lead = (w: string) => {
    let key = ''
    for (let i = 0; i < w.length; i++) {
      const ch = w.charCodeAt(i)
      if (isApostrophe(ch)) continue
      if (!isLetterOrDigitAt(w, i)) break
      key += w[i]
    }
    return key
  }
  const k1 = lead(first)
  if (words.length === 1) return c.close ? (k1.length >= PREFIX_MAX ? PREFIX + k1.slice(0, PREFIX_MAX) : undefined) : k1
  const second = words[1]!
  const pairable = LATIN_WORD_CHARS.test(first) && isLetterOrDigitAt(second, 0) && !(words.length === 2 && c.close)
  return pairable ? `${k1} ${lead(second)}` : k1
}

/** The index key of an Arabic phrase, or undefined when it needs its own expression. */
function arabicKey(words: string[], c: PhraseBody): string | undefined {
  const first = words[0]!
  if (!isArabicWordChar(first.charCodeAt(0))) return undefined
  const lead = (w: string) => {
    let i = 0
    while (i < w.length && isArabicWordChar(w.charCodeAt(i))) i++
    return w.slice(0, i)
  }
  const k1 = lead(first)
  if (words.length === 1) return c.close ? (k1.length >= PREFIX_MAX ? PREFIX + k1.slice(0, PREFIX_MAX) : undefined) : k1
  const second = words[1]!
  const pairable = lead(first) === first && isArabicWordChar(second.charCodeAt(0)) && !(words.length === 2 && c.close)
  return pairable ? `${k1} ${lead(second)}` : k1
}

/** The words of a phrase as the walk compares them (lower case; Arabic normalised). */
function phraseWords(phrase: string, arabic: boolean): string[] | undefined {
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  const text = arabic ? normalisePhrase(core) : core
  const lower = foldCase(text)
  if (lower.toLowerCase() !== text.toLowerCase()) return undefined
  const words = lower.split(/\s+/).filter(Boolean)
  return words.length ? words : undefined
}

// --- Building parts -----------------------------------------------------------------------------------

function phraseParts(entries: PhraseEntry[], arabic: boolean): Part[] {
  const byKind = new Map<string, Array<{ entry: PhraseEntry; c: PhraseBody }>>()
  for (const entry of entries) {
    const c = arabic ? arabicBody(entry.phrase) : latinBody(entry.phrase)
    if (!c.body) continue
    // Grouped by kind of boundary and by whether a word can be required, as one expression per group would be.
    const key = `${c.open}${c.close}${requiresWords(entry.phrase, c, arabic) ? 'f' : 'u'}`
    const list = byKind.get(key) ?? []
    list.push({ entry, c })
    byKind.set(key, list)
  }
  const parts: Part[] = []
  for (const list of byKind.values()) {
    const part: Part = { arabic, longest: false, indexed: [], scanned: [] }
    list.forEach(({ entry, c }, order) => {
      const words = c.open ? undefined : phraseWords(entry.phrase, arabic)
      const key = words && (arabic ? arabicKey(words, c) : latinKey(words, c))
      if (words && key) {
        part.indexed.push(wordAlt(entry, order, words, key, c.close, arabic))
        return
      }
      const [start, end] = phraseBoundaries(c, arabic)
      part.scanned.push(regexAlt(entry, order, `${start}(?:${c.body})${end}`, 'giu'))
    })
    parts.push(part)
  }
  return parts
}

/** Whether some whole word of the phrase is required (wildcard ends are partial words). */
function requiresWords(phrase: string, c: PhraseBody, arabic: boolean): boolean {
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  const words = ((arabic ? normalisePhrase(core) : core).match(/[\p{L}\p{N}'’‘`]+/gu) ?? []).map((w) => w.replace(/['’‘`]/g, ''))
  if (c.open) words.shift()
  if (c.close) words.pop()
  return words.some((w) => w.length > 0)
}

function regexParts(list: PhraseEntry[]): Part[] {
  const single: Part[] = []
  const combinable = new Map<string, Array<{ entry: PhraseEntry; src: string; flags: string; arabic: boolean }>>()
  for (const entry of list) {
    const r = { entry, ...regexEntryParts(entry.phrase) }
    // Back-references and named groups cannot share an alternation.
    if (/\\[1-9]|\\k<|\(\?<[^=!]/.test(r.src)) {
      single.push({ arabic: r.arabic, longest: true, indexed: [], scanned: [regexAlt(entry, 0, r.src, r.flags)] })
      continue
    }
    const key = `${r.flags}|${r.arabic}`
    const group = combinable.get(key) ?? []
    group.push(r)
    combinable.set(key, group)
  }
  const combined: Part[] = []
  for (const group of combinable.values()) {
    combined.push({
      arabic: group[0]!.arabic,
      longest: true,
      indexed: [],
      scanned: group.map((r, order) => regexAlt(r.entry, order, r.src, r.flags))
    })
  }
  return [...single, ...combined]
}

// --- The word indexes --------------------------------------------------------------------------------

/**
 * Values by key id. The process-wide tables hold much of the vocabulary, so
 * an array indexed by id is both small and fast; a matcher built from options
 * has a few keys, whose ids may be the newest, so it keeps a map.
 */
class IdMap<V> {
  readonly #dense: Array<V | undefined> | undefined
  readonly #sparse: Map<number, V> | undefined

  constructor(dense: boolean) {
    if (dense) this.#dense = new Array<V | undefined>()
    else this.#sparse = new Map()
  }

  get(id: number): V | undefined {
    const dense = this.#dense
    if (dense) return id < dense.length ? dense[id] : undefined
    return this.#sparse!.get(id)
  }

  /** Sets (or, with undefined, removes) the value of an id. */
  set(id: number, value: V | undefined): void {
    const dense = this.#dense
    if (dense) {
      while (dense.length <= id) dense.push(undefined)
      dense[id] = value
    } else if (value === undefined) this.#sparse!.delete(id)
    else this.#sparse!.set(id, value)
  }

  get isEmpty(): boolean {
    return this.#dense ? this.#dense.every((value) => value === undefined) : this.#sparse!.size === 0
  }

  forEach(visit: (value: V, id: number) => void): void {
    if (this.#dense) this.#dense.forEach((value, id) => value !== undefined && visit(value, id))
    else for (const [id, value] of [...this.#sparse!]) visit(value, id)
  }
}

/** Adds `ref` to the list of `id`. */
function pushAt<R>(lists: IdMap<R[]>, id: number, ref: R): void {
  const refs = lists.get(id)
  if (refs) refs.push(ref)
  else lists.set(id, [ref])
}

/** Drops the alternatives `drop` says from every list; how many went. */
function prune<R>(lists: IdMap<R[]>, drop: (ref: R) => boolean): number {
  let removed = 0
  lists.forEach((refs, id) => {
    const kept = refs.filter((r) => !drop(r))
    removed += refs.length - kept.length
    if (kept.length !== refs.length) lists.set(id, kept.length ? kept : undefined)
  })
  return removed
}

/**
 * Alternatives by index key: a word, a pair of words (`a b`), or a `word*`'s
 * first letters, each by its id in the script's key vocabulary. An
 * alternative is a number: its place in the owner's list (the process-wide
 * list of shared alternatives, or a matcher's own).
 */
class KeyTable {
  readonly #vocabulary: KeyVocabulary
  readonly words: IdMap<number[]>
  /** First word id → second word id → alternatives. */
  readonly pairs: IdMap<IdMap<number[]>>
  readonly prefixes: IdMap<number[]>
  #pairCount = 0
  #prefixCount = 0

  /** `dense`: the table will hold much of the vocabulary (the process-wide index). */
  constructor(vocabulary: KeyVocabulary, dense: boolean) {
    this.#vocabulary = vocabulary
    this.words = new IdMap(dense)
    this.pairs = new IdMap(dense)
    this.prefixes = new IdMap(dense)
  }

  add(key: string, ref: number): void {
    if (key.startsWith(PREFIX)) {
      pushAt(this.prefixes, this.#vocabulary.prefixes.add(key.slice(1)), ref)
      this.#prefixCount++
      return
    }
    const space = key.indexOf(' ')
    if (space < 0) {
      pushAt(this.words, this.#vocabulary.words.add(key), ref)
      return
    }
    const first = this.#vocabulary.words.add(key.slice(0, space))
    const second = this.#vocabulary.words.add(key.slice(space + 1))
    let seconds = this.pairs.get(first)
    if (!seconds) this.pairs.set(first, (seconds = new IdMap(false)))
    pushAt(seconds, second, ref)
    this.#pairCount++
  }

  removeWhere(drop: (ref: number) => boolean): void {
    prune(this.words, drop)
    this.#prefixCount -= prune(this.prefixes, drop)
    this.pairs.forEach((seconds, first) => {
      this.#pairCount -= prune(seconds, drop)
      if (seconds.isEmpty) this.pairs.set(first, undefined)
    })
  }

  /**
   * The alternatives whose keys the text has, with the places the keys start
   * at (in text order for each alternative), as candidates.
   */
  candidates(text: KeyIndex): TextCandidates {
    const { ids, starts, prefixIds } = text
    const words = this.words
    const prefixes = this.#prefixCount > 0 ? this.prefixes : undefined
    let count = 0
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!
      if (id >= 0) {
        const refs = words.get(id)
        if (refs) for (let r = 0; r < refs.length; r++) count = addVisit(count, refs[r]!, starts[k]!)
      }
      // `word*` phrases are indexed by their first PREFIX_MAX letters (shorter ones have expressions of their own).
      const p = prefixIds[k]!
      if (prefixes && p >= 0) {
        const refs = prefixes.get(p)
        if (refs) for (let r = 0; r < refs.length; r++) count = addVisit(count, refs[r]!, starts[k]!)
      }
    }
    if (this.#pairCount > 0) {
      const { pairFirst, pairSecond, pairStarts } = text
      for (let k = 0; k < pairFirst.length; k++) {
        const refs = this.pairs.get(pairFirst[k]!)?.get(pairSecond[k]!)
        if (refs) for (let r = 0; r < refs.length; r++) count = addVisit(count, refs[r]!, pairStarts[k]!)
      }
    }
    return candidatesFromVisits(count)
  }
}

/** Scratch lists of KeyTable.candidates (it does not nest): the alternative and the place of each visit, their order, and sort keys. */
let visitRef: Int32Array = new Int32Array(256)
let visitAt: Int32Array = new Int32Array(256)
let visitOrder = new Int32Array(256)
let sortKeys = new Float64Array(256)

function addVisit(count: number, ref: number, at: number): number {
  if (count === visitRef.length) {
    visitRef = grown(visitRef)
    visitAt = grown(visitAt)
    visitOrder = new Int32Array(visitRef.length)
  }
  visitRef[count] = ref
  visitAt[count] = at
  return count + 1
}

/**
 * The alternatives a text (one form of it) has the keys of, as flat lists:
 * `refs` in increasing order, and the places of `refs[k]` (increasing) from
 * `places[placeStart[k]]` up to `places[placeStart[k + 1]]`. The alternatives
 * of one shared matcher are consecutive refs, so a matcher finds its own with
 * one search: nothing is made per matcher until it runs.
 */
class TextCandidates {
  constructor(
    readonly refs: readonly number[],
    readonly placeStart: readonly number[],
    readonly places: readonly number[]
  ) {}

  /** The first k with refs[k] ≥ ref. */
  firstAtLeast(ref: number): number {
    const refs = this.refs
    let lo = 0
    let hi = refs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (refs[mid]! < ref) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

const NO_CANDIDATES = new TextCandidates([], [0], [])

/** The visits left in the scratch lists, as a text's candidates. */
function candidatesFromVisits(count: number): TextCandidates {
  if (count === 0) return NO_CANDIDATES
  // Visits in order of alternative, stably (each alternative's places stay in text order).
  const order = visitOrder
  for (let v = 0; v < count; v++) order[v] = v
  if (count <= 48) {
    for (let i = 1; i < count; i++) {
      const x = order[i]!
      const ref = visitRef[x]!
      let j = i - 1
      while (j >= 0 && visitRef[order[j]!]! > ref) {
        order[j + 1] = order[j]!
        j--
      }
      order[j + 1] = x
    }
  } else {
    // Ref and visit in one exact number (refs and counts stay far below 2^26), sorted in a scratch list.
    if (sortKeys.length < count) sortKeys = new Float64Array(Math.max(count, 2 * sortKeys.length))
    const keys = sortKeys.subarray(0, count)
    for (let v = 0; v < count; v++) keys[v] = visitRef[v]! * count + v
    keys.sort()
    for (let v = 0; v < count; v++) order[v] = keys[v]! % count
  }
  let refCount = 0
  let placeCount = 0
  for (let i = 0; i < count; i++) {
    const v = order[i]!
    const prev = i > 0 ? order[i - 1]! : -1
    if (prev < 0 || visitRef[prev] !== visitRef[v]) {
      refCount++
      placeCount++
    } else if (visitAt[prev] !== visitAt[v]) placeCount++
  }
  // Plain lists: the engine makes small ones on its heap, where typed lists of more than a few numbers cost
  // an allocation outside it (about a microsecond each, three per text).
  const refs = new Array<number>(refCount)
  const placeStart = new Array<number>(refCount + 1)
  const places = new Array<number>(placeCount)
  let r = -1
  let q = 0
  for (let i = 0; i < count; i++) {
    const v = order[i]!
    const prev = i > 0 ? order[i - 1]! : -1
    if (prev < 0 || visitRef[prev] !== visitRef[v]) {
      refs[++r] = visitRef[v]!
      placeStart[r] = q
    } else if (visitAt[prev] === visitAt[v]) continue
    places[q++] = visitAt[v]!
  }
  placeStart[refCount] = q
  return new TextCandidates(refs, placeStart, places)
}

/** The process-wide index, and its alternatives by ref (those of one matcher are consecutive; retired ones are undefined). */
const sharedIndex = { latin: new KeyTable(LATIN_KEYS, true), arabic: new KeyTable(ARABIC_KEYS, true), version: 0 }
const sharedAlts: Array<Alt | undefined> = []
const FAMILY = Symbol('phrase candidates')

/** A shared matcher that is no longer used leaves the index (matchers built from options come and go). */
const retired = new FinalizationRegistry<{ lo: number; hi: number }>(({ lo, hi }) => {
  const mine = (ref: number) => ref >= lo && ref < hi
  sharedIndex.latin.removeWhere(mine)
  sharedIndex.arabic.removeWhere(mine)
  sharedAlts.fill(undefined, lo, hi)
  // The newest refs can be given again once nothing after them is in use.
  while (sharedAlts.length > 0 && sharedAlts[sharedAlts.length - 1] === undefined) sharedAlts.length--
  sharedIndex.version++
})

class SharedCandidates {
  latin: TextCandidates | undefined = undefined
  arabic: TextCandidates | undefined = undefined
  constructor(readonly version: number) {}
}

/** For one form of a text: every shared alternative whose key it has (worked out once, for every matcher). */
function sharedCandidatesOf(facts: TextFacts, arabic: boolean): TextCandidates {
  let memo = facts.memo.get(FAMILY) as SharedCandidates | undefined
  if (!memo || memo.version !== sharedIndex.version) facts.memo.set(FAMILY, (memo = new SharedCandidates(sharedIndex.version)))
  if (arabic) return (memo.arabic ??= sharedIndex.arabic.candidates(facts.arabic()!.keys))
  return (memo.latin ??= sharedIndex.latin.candidates(facts.latin()))
}

// Live alternatives are made with `new`, not as literals: the engine pretenures a literal's allocation
// site once its objects outlive a few young-generation collections (text facts kept while a long
// conversation is linted do), and from then on every object of every short pre-send check made there
// would go straight to the old generation, to be collected only by full collections.

/** An alternative that may match in a run: with its candidate places when it is word-indexed. */
class Live {
  constructor(
    readonly alt: Alt,
    readonly candidates: TextCandidates | undefined,
    readonly k: number
  ) {}
}

// --- Running a part --------------------------------------------------------------------------------

/**
 * The matches of a part, as one alternation of its alternatives would find
 * them: leftmost first; at one place the lowest-ordered alternative (or the
 * longest match, for `/regex/` groups); the scan resumes where a match ends.
 */
function runPart(part: Part, live: Live[], h: Haystack, firstOnly: boolean): Array<Hit & { alt: Alt }> {
  const out: Array<Hit & { alt: Alt }> = []
  if (live.length === 1) {
    // One alternative: its own matches, one after the other.
    const one = live[0]!
    const alt = one.alt
    let from = 0
    for (let m = alt.next(h, from, one); m; m = alt.next(h, from, one)) {
      out.push({ start: m.start, end: m.end, alt })
      if (firstOnly) break
      from = m.end
    }
    return out
  }
  const next: Array<Hit | undefined | null> = live.map(() => null)
  let from = 0
  for (;;) {
    let best: Hit | undefined
    let bestAlt: Alt | undefined
    for (let k = 0; k < live.length; k++) {
      let m = next[k]
      if (m === null || (m && m.start < from)) next[k] = m = live[k]!.alt.next(h, from, live[k]!)
      if (!m) continue
      const alt = live[k]!.alt
      if (
        !best ||
        m.start < best.start ||
        (m.start === best.start &&
          (part.longest ? m.end - m.start > best.end - best.start || (m.end - m.start === best.end - best.start && alt.order < bestAlt!.order) : alt.order < bestAlt!.order))
      ) {
        best = m
        bestAlt = alt
      }
    }
    if (!best) break
    out.push({ start: best.start, end: best.end, alt: bestAlt! })
    if (firstOnly) break
    from = best.end
  }
  return out
}

type LiveByPart = Array<Live[] | undefined>

/** Adds the candidates of a text with refs from `lo` up to `hi` (the alternatives `alts[ref]`) to the live alternatives of their parts. */
function gather(
  byPart: LiveByPart | undefined,
  candidates: TextCandidates,
  lo: number,
  hi: number,
  alts: ReadonlyArray<Alt | undefined>,
  parts: number
): LiveByPart | undefined {
  const refs = candidates.refs
  let k = lo === 0 ? 0 : candidates.firstAtLeast(lo)
  for (; k < refs.length && refs[k]! < hi; k++) {
    const alt = alts[refs[k]!]!
    ;((byPart ??= new Array(parts))[alt.part] ??= []).push(new Live(alt, candidates, k))
  }
  return byPart
}

const byOrder = (a: { alt: Alt }, b: { alt: Alt }) => a.alt.order - b.alt.order
const byPlace = (a: PhraseMatch, b: PhraseMatch) => a.start - b.start || b.end - a.end

// --- Windows ----------------------------------------------------------------------------------------

/**
 * Whether a window of a text can be matched with the text's own facts: its
 * ends touch spaces or punctuation, so it has the same words as the text has
 * there, and normalising it alone gives what normalising the text gives there.
 */
function cleanCut(text: string, from: number, to: number): boolean {
  return (from === 0 || separates(text, from - 1)) && (to === text.length || separates(text, to))
}

function separates(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (isSpace(c)) return c !== 0xfeff
  return c < 0x80 && !isLetterOrDigitAt(text, i) && !isApostrophe(c)
}

function hasArabicLetter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (isArabicBlock(text.charCodeAt(i))) return true
  }
  return false
}

/** The first index of a normalised text whose original index is at least `at` (the map is non-decreasing). */
function firstAtOrAfter(map: Int32Array, at: number): number {
  let lo = 0
  let hi = map.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (map[mid]! >= at) hi = mid
    else lo = mid + 1
  }
  return lo
}

// --- The matcher ----------------------------------------------------------------------------------

export interface CompileOptions {
  /**
   * Join the process-wide word index (default): a text is then looked up once
   * for every such matcher. Matchers built per call from user options should
   * say `false` and keep an index of their own, so the shared one does not
   * change under them.
   */
  shared?: boolean
}

export function compilePhrases(list: ReadonlyArray<string | PhraseEntry>, options: CompileOptions = {}): PhraseMatcher {
  const entries = list.map((e) => (typeof e === 'string' ? { phrase: e } : e)).filter((e) => e.phrase && e.phrase.trim())
  const latin: PhraseEntry[] = []
  const arabic: PhraseEntry[] = []
  const regexes: PhraseEntry[] = []
  for (const e of entries) {
    if (isRegexEntry(e.phrase)) regexes.push(e)
    else if (ARABIC_LETTER.test(e.phrase)) arabic.push(e)
    else latin.push(e)
  }
  // Longest first, so that the longest phrase wins at a place.
  latin.sort((a, b) => b.phrase.length - a.phrase.length)
  arabic.sort((a, b) => b.phrase.length - a.phrase.length)
  const parts = [...phraseParts(latin, false), ...phraseParts(arabic, true), ...regexParts(regexes)]

  const shared = options.shared ?? true
  // Shared: the alternatives get consecutive refs in the process-wide list. Own: refs into this list.
  const own: Alt[] = []
  const local = { latin: new KeyTable(LATIN_KEYS, false), arabic: new KeyTable(ARABIC_KEYS, false) }
  parts.forEach((part, p) => {
    for (const alt of [...part.indexed, ...part.scanned]) alt.part = p
  })
  const lo = shared ? sharedAlts.length : 0
  for (const part of parts) {
    for (const alt of part.indexed) {
      if (shared) {
        ;(part.arabic ? sharedIndex.arabic : sharedIndex.latin).add(alt.key!, sharedAlts.length)
        sharedAlts.push(alt)
      } else {
        ;(part.arabic ? local.arabic : local.latin).add(alt.key!, own.length)
        own.push(alt)
      }
    }
  }
  const hi = shared ? sharedAlts.length : own.length
  if (shared) sharedIndex.version++
  const hasLatinIndexed = parts.some((p) => !p.arabic && p.indexed.length > 0)
  const hasArabicIndexed = parts.some((p) => p.arabic && p.indexed.length > 0)

  /** Adds this matcher's alternatives the text has the keys of to the live ones. */
  const addIndexed = (byPart: LiveByPart | undefined, facts: TextFacts, arabicSide: boolean): LiveByPart | undefined => {
    if (arabicSide ? !hasArabicIndexed : !hasLatinIndexed) return byPart
    if (shared) return gather(byPart, sharedCandidatesOf(facts, arabicSide), lo, hi, sharedAlts, parts.length)
    const candidates = (arabicSide ? local.arabic : local.latin).candidates(arabicSide ? facts.arabic()!.keys : facts.latin())
    return gather(byPart, candidates, 0, hi, own, parts.length)
  }

  /** Matches in `text`, or in its window from `from` to `to` (offsets then from `from`). */
  const run = (text: string, firstOnly: boolean, from = 0, to = text.length): PhraseMatch[] => {
    const windowed = from !== 0 || to !== text.length
    // A window that cuts through a word does not share the text's word keys: it is a text of its own.
    if (windowed && !cleanCut(text, from, to)) return run(text.slice(from, to), firstOnly)
    const facts = factsFor(text)
    const out: PhraseMatch[] = []
    let latinHay: Haystack | undefined
    let arabicSide: ReturnType<TextFacts['arabic']> | null = null
    let arabicHay: Haystack | undefined
    const hasArabic = windowed ? facts.hasArabic && hasArabicLetter(text, from, to) : facts.hasArabic
    let units: { may(unit: number): boolean } | undefined
    /** Live alternatives by part (its place in `parts`), from the word index. */
    let byPart: LiveByPart | undefined
    byPart = addIndexed(byPart, facts, false)
    if (hasArabicIndexed && hasArabic) {
      arabicSide = facts.arabic()
      if (arabicSide) byPart = addIndexed(byPart, facts, true)
    }
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!
      let live = byPart?.[p]
      if (!live && part.scanned.length === 0) continue
      let h: Haystack
      if (part.arabic) {
        if (!hasArabic) continue
        if (arabicSide === null) arabicSide = facts.arabic()
        if (!arabicSide) continue
        const norm = arabicSide.norm
        h = arabicHay ??= windowed
          ? { text: norm.text, lower: arabicSide.lower, start: firstAtOrAfter(norm.map, from), end: firstAtOrAfter(norm.map, to) }
          : { text: norm.text, lower: arabicSide.lower, start: 0, end: norm.text.length }
      } else h = latinHay ??= { text, lower: facts.lower, start: from, end: to }
      // Expression alternatives run only where the literals they need occur.
      if (part.scanned.length) {
        units ??= expressions.unitsOf(text)
        for (const alt of part.scanned) if (units.may(alt.unit!)) (live ??= []).push(new Live(alt, undefined, -1))
      }
      if (!live || live.length === 0) continue
      if (live.length > 1) sortSmall(live, byOrder)
      for (const hit of runPart(part, live, h, firstOnly)) {
        let { start, end } = hit
        if (part.arabic && arabicSide) {
          const map = arabicSide.norm.map
          start = map[start]!
          end = map[end - 1]! + 1
          // Take along trailing marks and repeated letters that normalising dropped.
          while (end < to && (REMOVABLE.test(text[end]!) || text[end] === text[end - 1])) end++
        }
        out.push({ start: start - from, end: end - from, entry: hit.alt.entry })
        if (firstOnly) return out
      }
    }
    return sortSmall(out, byPlace)
  }

  const checkWindow = (text: string, from: number, to: number) => {
    if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= text.length)) {
      throw new RangeError(`No window ${from}–${to} in a text of ${text.length} characters`)
    }
  }
  const matcher: PhraseMatcher = {
    size: entries.length,
    find: (text) => run(text, false),
    test: (text) => run(text, true).length > 0,
    findIn: (text, from, to) => {
      checkWindow(text, from, to)
      return run(text, false, from, to)
    },
    testIn: (text, from, to) => {
      checkWindow(text, from, to)
      return run(text, true, from, to).length > 0
    }
  }
  if (shared) retired.register(matcher, { lo, hi })
  return matcher
}
