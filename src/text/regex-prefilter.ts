/**
 * A literal prefilter for a rule's regular expressions: which of them (or
 * which alternatives of them) could match a text at all, decided in one pass
 * over the text instead of running every expression.
 *
 * For each expression we compute, from its source, a disjunction of clauses,
 * each a conjunction of sets of literal strings: every match satisfies some
 * clause, i.e. contains a string of each of its sets. A text is folded to a
 * skeleton (lower case; in `arabic` mode also the Arabic letter folding of
 * src/text/arabic/normalise.ts, coarsened, with letter runs collapsed) and an
 * expression is run only when a clause holds in the skeleton. The test is a
 * necessary condition only, so the findings do not change; it only skips
 * expressions that cannot match.
 *
 * Literals never contain white space: text blanked with spaces (quoted history,
 * masked URLs) cannot create one, so the raw turn text may be checked before
 * its own-words version is computed.
 */
import { sortSmall } from './sort-small.js'
import { fromCodes } from './arabic/normalise.js'
import { LiteralSet } from './literal-scan.js'
import { factsFor } from './phrase-text.js'

/** 'raw': the expression runs on the text as written; 'arabic': on normaliseArabic(text) for Arabic expressions. */
export type Mode = 'raw' | 'arabic'

/** Undefined: no constraint (the expression may match anything). */
type Literals = Set<string> | undefined
/** A conjunction of literal sets; the empty conjunction always holds. */
type Clause = Array<Set<string>>

interface Info {
  /** Every string the node can match, when few and known. */
  exact?: Set<string>
  /** At least one of these occurs in every match; undefined = no constraint. */
  req: Literals
  /** Every match satisfies one of these clauses (undefined: computed from `exact`, or no constraint). */
  dnf?: Clause[]
}

const MAX_SET = 64
const MAX_CLAUSES = 32
const ANY: Info = { req: undefined }
const EMPTY = (): Info => ({ exact: new Set(['']), req: undefined })

/** Characters kept in literals: no case folding surprises, no white space. */
function safe(cp: number): boolean {
  return (
    (cp >= 0x21 && cp <= 0x7e) ||
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x2010 && cp <= 0x205e) ||
    cp === 0xab ||
    cp === 0xbb ||
    cp >= 0x1f000
  )
}

function lit(cp: number): Info {
  if (!safe(cp)) return ANY
  return { exact: new Set([String.fromCodePoint(cp).toLowerCase()]), req: undefined }
}

function product(a: Set<string>, b: Set<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_SET) return undefined
  const out = new Set<string>()
  for (const x of a) for (const y of b) out.add(x + y)
  return out
}

const COMMON = new Set(
  'you your the that this it is are was we our not have has to and a an i of in on for be do no me my us can will what there they he she his her them ال في من ما لا انت انا هذا هذه ده دي مش مو اللي على علي عن مع هو هي احنا'.split(' ')
)

function score(set: Set<string> | undefined): number {
  if (!set || set.size === 0) return -1
  let min = Infinity
  for (const s of set) {
    if (s.length === 0) return -1
    const q = COMMON.has(s) ? 1 : s.length
    if (q < min) min = q
  }
  return min * 1000 - set.size
}

function better(a: Literals, b: Literals): Literals {
  return score(b) > score(a) ? b : a
}

function asReq(info: Info): Literals {
  if (info.exact && !info.exact.has('')) return better(info.exact, info.req)
  return info.req
}

function useful(set: Set<string>): boolean {
  return set.size > 0 && !set.has('')
}

/** The clauses of a node: from its exact strings when it has them. */
function dnfOf(info: Info): Clause[] {
  if (info.exact) return useful(info.exact) ? [[info.exact]] : [[]]
  return info.dnf ?? (info.req ? [[info.req]] : [[]])
}

function and(a: Clause[], b: Clause[], fallback: Literals): Clause[] {
  if (b.length === 1 && b[0]!.length === 0) return a
  if (a.length * b.length <= MAX_CLAUSES) {
    const out: Clause[] = []
    for (const x of a) for (const y of b) out.push([...x, ...y])
    return out
  }
  return fallback && useful(fallback) ? a.map((x) => [...x, fallback]) : a
}

function concat(items: Info[]): Info {
  let exact: Set<string> | undefined = new Set([''])
  let best: Literals
  let dnf: Clause[] = [[]]
  let run: Set<string> | undefined = new Set([''])
  const flush = () => {
    if (!run) return
    best = better(best, asReq({ exact: run, req: undefined }))
    if (useful(run)) dnf = dnf.map((c) => [...c, run!])
  }
  for (const it of items) {
    exact = exact && it.exact ? product(exact, it.exact) : undefined
    if (it.exact) {
      const next: Set<string> | undefined = run ? product(run, it.exact) : undefined
      if (next) run = next
      else {
        flush()
        run = it.exact.size <= MAX_SET ? new Set(it.exact) : undefined
      }
    } else {
      flush()
      run = new Set([''])
      dnf = and(dnf, dnfOf(it), asReq(it))
    }
    best = better(best, it.req)
  }
  flush()
  return { exact, req: best, dnf }
}

function alternate(items: Info[], limit: number): Info {
  let exact: Set<string> | undefined = new Set()
  let req: Set<string> | undefined = new Set()
  let dnf: Clause[] | undefined = []
  for (const it of items) {
    if (exact && it.exact && exact.size + it.exact.size <= MAX_SET) for (const s of it.exact) exact.add(s)
    else exact = undefined
    const r = asReq(it)
    if (req && r) for (const s of r) req.add(s)
    else req = undefined
    if (dnf) {
      dnf.push(...dnfOf(it))
      if (dnf.length > limit) dnf = undefined
    }
  }
  return { exact, req, dnf: dnf ?? (req ? [[req]] : [[]]) }
}

function repeat(info: Info, min: number, max: number): Info {
  if (min === 0) {
    if (max === 1 && info.exact && info.exact.size < MAX_SET) return { exact: new Set([...info.exact, '']), req: undefined }
    return ANY
  }
  let req = asReq(info)
  let dnf = dnfOf(info)
  if (info.exact && useful(info.exact)) {
    let power: Set<string> | undefined = info.exact
    for (let k = 1; k < min && power; k++) power = product(power, info.exact)
    if (power) {
      req = better(req, power)
      dnf = [[power]]
    }
  }
  let exact: Set<string> | undefined
  if (min === max && info.exact) {
    exact = new Set([''])
    for (let k = 0; k < min && exact; k++) exact = product(exact, info.exact)
  }
  return { exact, req, dnf }
}

/** Parser for the subset of JavaScript regex syntax (u mode) the lexicons use; anything unknown is "no constraint". */
class Parser {
  i = 0
  constructor(private readonly s: string) {}

  alternation(limit = MAX_CLAUSES): Info {
    const alts: Info[] = [this.sequence()]
    while (this.s[this.i] === '|') {
      this.i++
      alts.push(this.sequence())
    }
    return alts.length === 1 ? alts[0]! : alternate(alts, limit)
  }

  sequence(): Info {
    const items: Info[] = []
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      let atom = this.atom()
      atom = this.quantified(atom)
      items.push(atom)
    }
    return concat(items)
  }

  quantified(atom: Info): Info {
    const s = this.s
    let min: number
    let max: number
    const c = s[this.i]
    if (c === '*') [min, max] = [0, Infinity]
    else if (c === '+') [min, max] = [1, Infinity]
    else if (c === '?') [min, max] = [0, 1]
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i))
      if (!m) throw new Error('bad quantifier')
      min = Number(m[1])
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min
      this.i += m[0].length - 1
    } else return atom
    this.i++
    if (s[this.i] === '?') this.i++
    return this.quantified(repeat(atom, min, max))
  }

  atom(): Info {
    const s = this.s
    const c = s[this.i]!
    if (c === '(') {
      this.i++
      let lookaround = false
      if (s.startsWith('?:', this.i)) this.i += 2
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
        this.i += 2
        lookaround = true
      } else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        this.i += 3
        lookaround = true
      } else if (s.startsWith('?<', this.i)) {
        const close = s.indexOf('>', this.i)
        if (close < 0) throw new Error('bad group')
        this.i = close + 1
      } else if (s[this.i] === '?') throw new Error('unknown group')
      const inner = this.alternation()
      if (s[this.i] !== ')') throw new Error('unclosed group')
      this.i++
      return lookaround ? EMPTY() : inner
    }
    if (c === '[') return this.charClass()
    if (c === '.') {
      this.i++
      return ANY
    }
    if (c === '^' || c === '$') {
      this.i++
      return EMPTY()
    }
    if (c === '\\') {
      const e = this.escape(false)
      if (e === 'empty') return EMPTY()
      if (e === undefined) return ANY
      return lit(e)
    }
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{') throw new Error(`unexpected ${c}`)
    const cp = s.codePointAt(this.i)!
    this.i += cp > 0xffff ? 2 : 1
    return lit(cp)
  }

  /** After a backslash: a code point, 'empty' (assertion) or undefined (a class or back-reference). */
  escape(inClass: boolean): number | 'empty' | undefined {
    const s = this.s
    this.i++ // the backslash
    const c = s[this.i]!
    this.i++
    if (c === 'b') return inClass ? 8 : 'empty'
    if (c === 'B') return 'empty'
    if ('dDwWsS'.includes(c)) return undefined
    if (c === 'p' || c === 'P') {
      const close = s.indexOf('}', this.i)
      this.i = close + 1
      return undefined
    }
    if (c === 'k') {
      const close = s.indexOf('>', this.i)
      this.i = close + 1
      return undefined
    }
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(s[this.i] ?? '')) this.i++
      return undefined
    }
    if (c === 'u') {
      if (s[this.i] === '{') {
        const close = s.indexOf('}', this.i)
        const cp = parseInt(s.slice(this.i + 1, close), 16)
        this.i = close + 1
        return cp
      }
      const cp = parseInt(s.slice(this.i, this.i + 4), 16)
      this.i += 4
      // A surrogate pair written as two escapes.
      if (cp >= 0xd800 && cp <= 0xdbff && s.startsWith('\\u', this.i)) {
        const lo = parseInt(s.slice(this.i + 2, this.i + 6), 16)
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          this.i += 6
          return (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000
        }
      }
      return cp
    }
    if (c === 'x') {
      const cp = parseInt(s.slice(this.i, this.i + 2), 16)
      this.i += 2
      return cp
    }
    if (c === 'n') return 10
    if (c === 't') return 9
    if (c === 'r') return 13
    if (c === 'f') return 12
    if (c === 'v') return 11
    if (c === '0') return 0
    if (c === 'c') {
      this.i++
      return undefined
    }
    // Identity escape of a syntax character.
    return c.codePointAt(0)!
  }

  charClass(): Info {
    const s = this.s
    this.i++ // [
    let negated = false
    if (s[this.i] === '^') {
      negated = true
      this.i++
    }
    const chars = new Set<number>()
    let complex = negated
    let prev: number | undefined
    while (this.i < s.length && s[this.i] !== ']') {
      let cp: number | undefined
      if (s[this.i] === '\\') {
        const e = this.escape(true)
        cp = typeof e === 'number' ? e : undefined
        if (cp === undefined) complex = true
      } else {
        cp = s.codePointAt(this.i)!
        this.i += cp > 0xffff ? 2 : 1
      }
      if (cp !== undefined && s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        this.i++ // -
        let hi: number | undefined
        if (s[this.i] === '\\') {
          const e = this.escape(true)
          hi = typeof e === 'number' ? e : undefined
        } else {
          hi = s.codePointAt(this.i)!
          this.i += hi > 0xffff ? 2 : 1
        }
        if (hi === undefined || hi - cp > 16) complex = true
        else for (let k = cp; k <= hi; k++) chars.add(k)
        prev = undefined
        continue
      }
      if (cp !== undefined) chars.add(cp)
      prev = cp
    }
    void prev
    if (s[this.i] !== ']') throw new Error('unclosed class')
    this.i++
    if (complex || chars.size === 0 || chars.size > 16) return ANY
    const exact = new Set<string>()
    for (const cp of chars) {
      if (!safe(cp)) return ANY
      exact.add(String.fromCodePoint(cp).toLowerCase())
    }
    return { exact, req: undefined }
  }
}

/**
 * Clauses one of which every match of `/source/` (u mode) satisfies: each
 * clause lists sets of literals (lower case, not yet folded), and a match
 * contains a literal of every set. Undefined when nothing can be required.
 */
export function requiredClauses(source: string): string[][][] | undefined {
  let info: Info
  try {
    const p = new Parser(source)
    info = p.alternation(512)
    if (p.i !== source.length) return undefined
  } catch {
    return undefined
  }
  const out: string[][][] = []
  for (const clause of dnfOf(info)) {
    const sets = clause.filter(useful).map((set) => [...set])
    if (sets.length === 0) return undefined
    out.push(sets)
  }
  return out.length ? out : undefined
}

/** Clauses of several expressions together (a match of any of them); undefined if one has none. */
export function unionClauses(...lists: Array<string[][][] | undefined>): string[][][] | undefined {
  const out: string[][][] = []
  for (const l of lists) {
    if (!l) return undefined
    out.push(...l)
  }
  return out
}

// ---------------------------------------------------------------------------
// Folding texts and literals alike.

const NEEDS_FOLD = /[\u017f\u0600-\u06ff\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufb50-\ufdff\ufe70-\uffef]/

/**
 * The text as the prefilter compares it. In 'arabic' mode the folding is
 * coarser than normaliseArabic (every hamza seat and ء → ا, ى/ئ → ي, ة → ه,
 * ؤ → و, marks dropped, runs of a letter collapsed), so whatever occurs in the
 * normalised text occurs here too. Undefined: the text has compatibility forms
 * that are folded with NFKC; do not filter.
 */
export function skeleton(text: string, mode: Mode): string | undefined {
  const lower = text.toLowerCase()
  if (mode === 'raw') return lower.includes('ſ') ? lower.replace(/ſ/g, 's') : lower
  if (!NEEDS_FOLD.test(lower)) return lower
  const out = new Uint16Array(lower.length)
  let length = 0
  let last = -1
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i)
    if (c < 0x017f) {
      out[length++] = c
      last = c
      continue
    }
    if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe) || (c >= 0xff00 && c <= 0xffef)) return undefined
    if (
      c === 0x0640 ||
      (c >= 0x064b && c <= 0x065f) ||
      c === 0x0670 ||
      (c >= 0x06d6 && c <= 0x06ed) ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069) ||
      c === 0xfeff ||
      c === 0x061c
    )
      continue
    c = FOLD[c] ?? c
    if (c >= 0x0660 && c <= 0x0669) c = c - 0x0660 + 0x30
    else if (c >= 0x06f0 && c <= 0x06f9) c = c - 0x06f0 + 0x30
    if (c === last && c >= 0x0621 && c <= 0x064a) continue
    out[length++] = c
    last = c
  }
  return fromCodes(out, length)
}

const FOLD: Record<number, number> = {
  0x017f: 0x73, // ſ → s (it matches s under /iu)
  0x0621: 0x0627, // ء
  0x0622: 0x0627,
  0x0623: 0x0627,
  0x0625: 0x0627,
  0x0671: 0x0627,
  0x0649: 0x064a, // ى
  0x0626: 0x064a, // ئ
  0x06cc: 0x064a, // ی
  0x0629: 0x0647, // ة
  0x0624: 0x0648, // ؤ
  0x06a9: 0x0643, // ک
  0x06af: 0x0643, // گ
  0x0686: 0x0643, // چ
  0x06a8: 0x0642, // ڨ
  0x06a4: 0x0641, // ڤ
  0x067e: 0x0628, // پ
  0x0698: 0x0632, // ژ
  0x060c: 0x2c, // ،
  0x061b: 0x3b, // ؛
  0x061f: 0x3f, // ؟
  0x066a: 0x25, // ٪
  0x066b: 0x2e, // ٫
  0x066c: 0x2c // ٬
}

// ---------------------------------------------------------------------------
// The index: one scan of the skeleton tells which units may match.

/**
 * A clause's other sets: at most this many, of at most this many literals
 * each. They are checked only when the clause's key set occurs, a bit test a
 * literal: a long list of verbs after a subject ("I will" + call, email,
 * refund, …) still rules out most texts that have only the subject.
 */
const MAX_OTHERS = 6
const MAX_OTHER_LITERALS = 128

interface Slot {
  literal: string
  /** The clauses whose key set holds this literal. */
  clauses: number[]
}

interface IndexedClause {
  unit: number
  /** The clause's other literal sets (as slot ids): each must occur too. */
  others: number[][]
}

function quality(set: readonly string[]): number {
  let min = Infinity
  for (const l of set) min = Math.min(min, COMMON.has(l) ? 1 : l.length)
  return min * 1000 - set.length
}


/**
 * The literals of every index, per mode, in one set: a text is scanned once
 * for all of them (and the answer kept with the text's facts), whichever
 * rules ask.
 */
const LITERALS: Record<Mode, LiteralSet> = { raw: new LiteralSet(), arabic: new LiteralSet() }
const FOUND = { raw: Symbol('literals raw'), arabic: Symbol('literals arabic') }

/**
 * Raw literals are in the 'arabic' set too: a text with nothing to fold the
 * Arabic way (most texts) has one skeleton in both modes, so its scan for the
 * 'arabic' literals tells its raw ones as well. The raw id of each literal of
 * the 'arabic' set, or -1.
 */
let rawOfArabic = new Int32Array(64).fill(-1)

/** The id of a literal in the set of a mode (registered if new). */
function literalId(mode: Mode, literal: string): number {
  const id = LITERALS[mode].id(literal)
  if (mode === 'raw') {
    const shared = LITERALS.arabic.id(literal)
    if (shared >= rawOfArabic.length) {
      const grown = new Int32Array(Math.max(2 * rawOfArabic.length, shared + 1)).fill(-1)
      grown.set(rawOfArabic)
      rawOfArabic = grown
    }
    rawOfArabic[shared] = id
  }
  return id
}

/** Ids (in LITERALS[mode]) of the literals the text's skeleton holds; undefined: do not filter. */
function literalsIn(text: string, mode: Mode): readonly number[] | undefined {
  const facts = factsFor(text)
  // Raw answers may be read from the 'arabic' scan: they hold while neither set grows.
  const size = mode === 'raw' ? LITERALS.raw.size + LITERALS.arabic.size : LITERALS.arabic.size
  let memo = facts.memo.get(FOUND[mode]) as { size: number; found: readonly number[] | undefined } | undefined
  if (!memo || memo.size !== size) {
    const skel = skeleton(text, mode)
    let found: readonly number[] | undefined
    if (mode === 'raw' && skel !== undefined && !NEEDS_FOLD.test(skel)) {
      // Nothing to fold: the 'arabic' skeleton is this one.
      const shared = literalsIn(text, 'arabic')!
      const raw: number[] = []
      for (const id of shared) {
        const r = id < rawOfArabic.length ? rawOfArabic[id]! : -1
        if (r >= 0) raw.push(r)
      }
      found = raw
    } else if (skel !== undefined) found = LITERALS[mode].found(skel)
    facts.memo.set(FOUND[mode], (memo = { size, found }))
  }
  return memo.found
}

const byNumber = (a: number, b: number) => a - b

/**
 * Whether a set stored at `at` of a unit's flat list (its number of ids, then
 * the ids) has an id in `bits`: where the next set begins if so, else -1.
 */
function anyFound(data: Int32Array, at: number, bits: Uint32Array): number {
  const end = at + 1 + data[at]!
  for (let k = at + 1; k < end; k++) {
    const id = data[k]!
    if (bits[id >>> 5]! & (1 << (id & 31))) return end
  }
  return -1
}

/**
 * The literals of one text as a bit set by id, in one list per mode reused from text to text: a
 * typed list of a bit per literal made for every text would be an allocation outside the engine's
 * heap, at about a microsecond each. Switching texts clears the previous text's bits and sets the
 * new one's (a few dozen literals each).
 */
class FoundBits {
  #bits = new Uint32Array(64)
  /** The found list (see literalsIn) the bits are set from. */
  #of: readonly number[] | undefined = undefined

  /** The bits of `found`, with room for `literals` ids (valid until the next call). */
  of(found: readonly number[], literals: number): Uint32Array {
    if (this.#of === found && this.#bits.length > literals >>> 5) return this.#bits
    let bits = this.#bits
    if (bits.length <= literals >>> 5) bits = this.#bits = new Uint32Array(Math.max(2 * bits.length, (literals >>> 5) + 1))
    else if (this.#of) for (const id of this.#of) bits[id >>> 5] = 0
    for (const id of found) bits[id >>> 5]! |= 1 << (id & 31)
    this.#of = found
    return bits
  }
}

const FOUND_BITS: Record<Mode, FoundBits> = { raw: new FoundBits(), arabic: new FoundBits() }

/** Which units of an index may match one text (see LiteralIndex.unitsOf). */
class TextUnits {
  constructor(
    private readonly index: LiteralIndex,
    /** The text's literals (literalsIn); undefined: do not filter. */
    private readonly found: readonly number[] | undefined
  ) {}

  may(unit: number): boolean {
    const found = this.found
    const mode = this.index.mode
    return this.index.mayMatchWith(found && FOUND_BITS[mode].of(found, LITERALS[mode].size), unit)
  }
}

export class LiteralIndex {
  /** Units without a usable clause: always candidates. */
  private readonly always: number[] = []
  private readonly slots: Slot[] = []
  private readonly slotOf = new Map<string, number>()
  /** Slot of each literal of the shared set, plus one (0: not this index's). */
  private slotOfLiteral = new Int32Array(0)
  private readonly clauses: IndexedClause[] = []
  private units = 0
  private slotStamp = new Int32Array(0)
  private unitStamp = new Int32Array(0)
  private generation = 0
  private allUnits?: number[]
  /**
   * Each unit's clauses as sets of literal ids (in LITERALS), one after the
   * other in one flat list (a unit is asked about in a few reads of adjacent
   * memory): at `clauseAt[unit]`, the sets every clause of the unit has (its
   * gate: the number of sets, then for each its number of ids and the ids),
   * then the number of clauses, then for each where the next clause begins and
   * its number of sets other than the gate's, then for each set its number of
   * ids and the ids. A unit may match when every set of its gate, and every
   * set of one of its clauses, has an id in the text. (A unit whose clauses
   * all need the same subject, say, is ruled out by one test of it.)
   * -1: the unit has no clause (always a candidate).
   */
  private clauseAt = new Int32Array(16).fill(-1)
  private clauseData = new Int32Array(256)
  private clauseLength = 0
  /** Scratch list of one scan (scans do not nest). */
  private readonly pending: number[] = []

  constructor(readonly mode: Mode) {}

  get size(): number {
    return this.units
  }

  /**
   * Register a unit by its clauses (see requiredClauses); undefined: always a
   * candidate. Each clause is indexed by its most selective literal set; the
   * others are checked only when that one occurs. Returns the unit's id.
   */
  add(clauses: readonly (readonly (readonly string[])[])[] | undefined): number {
    const unit = this.units++
    const prepared: string[][][] = []
    for (const clause of clauses ?? [[]]) {
      const sets: string[][] = []
      for (const set of clause) {
        const folded = set.map((l) => skeleton(l, this.mode))
        // A one-letter literal occurs in nearly every text: such a set rules out almost nothing (leaving it out
        // only weakens the test).
        if (folded.some((l) => l === undefined || l.length < 2)) continue
        sets.push([...new Set(folded as string[])].sort())
      }
      if (sets.length === 0) {
        this.always.push(unit)
        return unit
      }
      prepared.push(sets)
    }
    const own: number[][][] = []
    for (const sets of prepared) {
      const key = sets.reduce((a, b) => (quality(b) > quality(a) ? b : a))
      const id = this.clauses.length
      // Leaving a set out only weakens the test: keep the few cheap, selective ones.
      const others = sets
        .filter((x) => x !== key && x.length <= MAX_OTHER_LITERALS)
        .sort((a, b) => quality(b) - quality(a))
        .slice(0, MAX_OTHERS)
      this.clauses.push({ unit, others: others.map((set) => set.map((l) => this.slot(l))) })
      for (const l of key) this.slots[this.slot(l)]!.clauses.push(id)
      // Every set of a clause must occur, in any order: the smallest are checked first (the fewest reads to rule a clause out).
      own.push([key, ...others].sort((a, b) => a.length - b.length).map((set) => set.map((l) => literalId(this.mode, l))))
    }
    this.storeClauses(unit, own)
    return unit
  }

  /**
   * Which units may match one text, worked out unit by unit as they are asked:
   * `may(unit)` of the object returned. (scan() works out every unit at once:
   * this is for callers that ask about a few units of a large index, each
   * about once per text.)
   */
  unitsOf(text: string): { may(unit: number): boolean } {
    return new TextUnits(this, literalsIn(text, this.mode))
  }

  /** Whether one unit may match a text whose literals are `bits` (a bit by literal id): scan() for a single unit. */
  mayMatchWith(bits: Uint32Array | undefined, unit: number): boolean {
    let at = unit < this.clauseAt.length ? this.clauseAt[unit]! : -1
    if (at < 0 || bits === undefined) return true
    const data = this.clauseData
    for (let sets = data[at++]!; sets > 0; sets--) {
      at = anyFound(data, at, bits)
      if (at < 0) return false
    }
    for (let clauses = data[at++]!; clauses > 0; clauses--) {
      const next = data[at]!
      let sets = data[at + 1]!
      at += 2
      for (; sets > 0; sets--) {
        at = anyFound(data, at, bits)
        if (at < 0) break
      }
      if (sets === 0) return true
      // This clause fails: on to the next.
      at = next
    }
    return false
  }

  /** Appends a unit's clauses to the flat list (see clauseAt). */
  private storeClauses(unit: number, clauses: number[][][]): void {
    // The gate: the sets every clause has (in the order of the first clause, smallest first).
    const key = (set: number[]) => set.join(',')
    const shared = new Set(clauses[0]!.map(key).filter((k) => clauses.every((sets) => sets.some((set) => key(set) === k))))
    const gate = clauses[0]!.filter((set, i, sets) => shared.has(key(set)) && sets.findIndex((x) => key(x) === key(set)) === i)
    let rest = clauses.map((sets) => sets.filter((set) => !shared.has(key(set))))
    // A clause with nothing beyond the gate holds whenever the gate does.
    if (rest.some((sets) => sets.length === 0)) rest = [[]]
    let size = 2
    for (const set of gate) size += 1 + set.length
    for (const sets of rest) {
      size += 2
      for (const set of sets) size += 1 + set.length
    }
    if (this.clauseLength + size > this.clauseData.length) {
      const grown = new Int32Array(Math.max(this.clauseData.length * 2, this.clauseLength + size))
      grown.set(this.clauseData)
      this.clauseData = grown
    }
    if (unit >= this.clauseAt.length) {
      const grown = new Int32Array(Math.max(this.clauseAt.length * 2, unit + 1)).fill(-1)
      grown.set(this.clauseAt)
      this.clauseAt = grown
    }
    const data = this.clauseData
    let at = this.clauseLength
    this.clauseAt[unit] = at
    const putSet = (set: number[]) => {
      data[at++] = set.length
      for (const id of set) data[at++] = id
    }
    data[at++] = gate.length
    gate.forEach(putSet)
    data[at++] = rest.length
    for (const sets of rest) {
      const head = at
      at += 2
      data[head + 1] = sets.length
      sets.forEach(putSet)
      data[head] = at
    }
    this.clauseLength = at
  }

  /** The id of the slot of a literal (created on first use). */
  private slot(l: string): number {
    let s = this.slotOf.get(l)
    if (s !== undefined) return s
    s = this.slots.length
    this.slotOf.set(l, s)
    this.slots.push({ literal: l, clauses: [] })
    const id = literalId(this.mode, l)
    if (this.slotOfLiteral.length <= id) {
      const grown = new Int32Array(Math.max(id + 1, this.slotOfLiteral.length * 2))
      grown.set(this.slotOfLiteral)
      this.slotOfLiteral = grown
    }
    this.slotOfLiteral[id] = s + 1
    return s
  }

  /**
   * The units that may match `text`, in increasing order. (Rules keep what
   * they find per turn, so there is no memory of texts here: one pass over a
   * text is cheap, and holding answers for thousands of texts is not.)
   */
  scan(text: string): number[] {
    const found = literalsIn(text, this.mode)
    if (found === undefined) {
      if (this.allUnits?.length !== this.units) this.allUnits = Array.from({ length: this.units }, (_, k) => k)
      return this.allUnits.slice()
    }
    if (this.slotStamp.length !== this.slots.length) this.slotStamp = new Int32Array(this.slots.length)
    if (this.unitStamp.length !== this.units) this.unitStamp = new Int32Array(this.units)
    const gen = (this.generation = (this.generation + 1) | 0 || 1)
    const { slots, slotStamp, unitStamp, clauses } = this
    const out = this.always.slice()
    /** Clauses whose key set occurs: checked once the whole text is scanned. */
    const pending = this.pending
    pending.length = 0
    const slotOfLiteral = this.slotOfLiteral
    for (const literal of found) {
      const s = (slotOfLiteral[literal] ?? 0) - 1
      if (s < 0 || slotStamp[s] === gen) continue
      slotStamp[s] = gen
      for (const id of slots[s]!.clauses) pending.push(id)
    }
    let sorted = true
    for (const id of pending) {
      const cl = clauses[id]!
      if (unitStamp[cl.unit] === gen) continue
      let holds = true
      for (const set of cl.others) {
        let any = false
        for (const x of set) {
          if (slotStamp[x] === gen) {
            any = true
            break
          }
        }
        if (!any) {
          holds = false
          break
        }
      }
      if (!holds) continue
      unitStamp[cl.unit] = gen
      if (out.length > 0 && out[out.length - 1]! > cl.unit) sorted = false
      out.push(cl.unit)
    }
    if (!sorted) sortSmall(out, byNumber)
    return out
  }

  /** scan() as a bit mask, for indexes of at most 31 units. */
  scanMask(text: string): number {
    if (this.units > 31) throw new Error('LiteralIndex: too many units for a mask')
    let mask = 0
    for (const u of this.scan(text)) mask |= 1 << u
    return mask
  }
}
