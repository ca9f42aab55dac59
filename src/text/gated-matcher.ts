/**
 * A literal prefilter in front of a compiled phrase matcher, shared by the rules
 * that gate large lexicons (no-dead-end, no-overpromise, confirm-understanding).
 *
 * For every lexicon entry we work out, from its regular expression (or from the
 * expression compilePhrases builds for a plain phrase), a set of literal strings
 * of which every match must contain at least one. A text that contains none of
 * the strings of any entry cannot match, so the matcher is skipped: the answer is
 * the same (`[]` / `false`), only cheaper. When an entry yields no such set (e.g.
 * a bare `\w+`), the gate always opens.
 *
 * The analysis is conservative: anything it does not understand counts as "may
 * match anything". Text and literals are compared in lower case (ſ, ς and the few
 * other letters whose case folding is not their lower case are folded too), and
 * Arabic entries are checked against the normalised text they run on.
 */
import { normaliseArabic, normalisePhrase } from './arabic/normalise.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from './phrases.js'

/** Same tests as compilePhrases, so that entries are routed the same way. */
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
function isRegex(phrase: string): boolean {
  return phrase.length > 2 && phrase.startsWith('/') && /\/[a-z]*$/.test(phrase) && phrase.lastIndexOf('/') > 0
}

/** Letters whose simple case folding differs from their lower case. */
const ODD_FOLD = /[\u017F\u0345\u03C2\u03D0\u03D1\u03D5\u03D6\u03F0\u03F1\u03F5\u1E9B\u1FBE]/
const ODD_FOLD_ALL = new RegExp(ODD_FOLD.source, 'g')
const ODD_FOLD_TO: Record<string, string> = {
  '\u017F': 's', '\u0345': 'ι', '\u03C2': 'σ', '\u03D0': 'β', '\u03D1': 'θ', '\u03D5': 'φ', '\u03D6': 'π', '\u03F0': 'κ', '\u03F1': 'ρ', '\u03F5': 'ε', '\u1E9B': 'ṡ', '\u1FBE': 'ι'
}
export function fold(s: string): string {
  const lower = s.toLowerCase()
  return ODD_FOLD.test(lower) ? lower.replace(ODD_FOLD_ALL, (c) => ODD_FOLD_TO[c] ?? c) : lower
}

// ---------------------------------------------------------------------------
// Required literals of a regular expression.

/**
 * `exact`: every string the node can match (small finite sets only).
 * `clauses`: every match contains, for each clause, at least one of its strings
 * (an AND of ORs); empty = no constraint.
 */
interface Info {
  exact?: string[]
  clauses: string[][]
}

const CAP = 48
const ANY: Info = { clauses: [] }
const EMPTY: Info = { exact: [''], clauses: [] }

function clausesOf(info: Info): string[][] {
  if (info.exact) return info.exact.includes('') ? [] : [info.exact]
  return info.clauses
}

/** Words so common that requiring them rules out little. */
const COMMON = new Set(
  "a an the i i'm we you your yours me my us our it it's is are was be been am do did does don't to of in on at for with and or if so no not can could will would have has had 've 'll 're 'm just that this there what how let more some tell send get any all now please".split(' ')
)
/** How well a clause rules texts out: its weakest string decides. */
function score(clause: string[]): number {
  if (clause.length === 0 || clause.includes('')) return -1
  let min = Infinity
  for (const s of clause) min = Math.min(min, COMMON.has(s.trim()) ? 0.5 : Math.min(s.trim().length, 8))
  return min - clause.length / 1000
}

function best(clauses: string[][]): string[] | undefined {
  let top: string[] | undefined
  for (const c of clauses) if (!top || score(c) > score(top)) top = c
  return top
}

/** Drop strings that contain another string of the same clause (the shorter one is present whenever the longer is). */
function minimal(xs: string[]): string[] {
  const sorted = [...new Set(xs)].sort((a, b) => a.length - b.length)
  return sorted.filter((x, i) => !sorted.slice(0, i).some((y) => x.includes(y)))
}

/** Most clause combinations tried for an alternation. */
const COMBOS = 16

/**
 * (A1 ∧ A2) ∨ (B1 ∧ B2) implies (A1 ∨ B1) ∧ (A1 ∨ B2) ∧ (A2 ∨ B1) ∧ (A2 ∨ B2):
 * the clauses of an alternation are the unions of one clause from each branch
 * (the strongest few per branch when there are too many combinations).
 */
function either(branches: string[][][]): string[][] {
  if (branches.some((b) => b.length === 0)) return []
  const lists = branches.map((b) => [...b].sort((x, y) => score(y) - score(x)))
  const count = () => lists.reduce((n, l) => n * l.length, 1)
  while (count() > COMBOS) {
    let widest = 0
    for (let k = 1; k < lists.length; k++) if (lists[k]!.length > lists[widest]!.length) widest = k
    lists[widest]!.pop()
  }
  let combos: string[][] = [[]]
  for (const l of lists) combos = combos.flatMap((c) => l.map((clause) => [...c, ...clause]))
  return combos.map(unique)
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
const unique = (xs: string[]) => [...new Set(xs)]

class Parser {
  p = 0
  constructor(readonly s: string) {}

  fail(): never {
    throw new Error(`prefilter: cannot read /${this.s}/ at ${this.p}`)
  }

  alternation(): Info {
    const branches = [this.sequence()]
    while (this.s[this.p] === '|') {
      this.p++
      branches.push(this.sequence())
    }
    if (branches.length === 1) return branches[0]!
    let exact: string[] | undefined = []
    for (const b of branches) exact = b.exact && exact ? [...exact, ...b.exact] : undefined
    if (exact) exact = unique(exact)
    if (exact && exact.length > CAP) exact = undefined
    return { exact, clauses: either(branches.map(clausesOf)) }
  }

  sequence(): Info {
    let product: string[] = ['']
    let all = true
    const clauses: string[][] = []
    const flush = () => {
      if (!product.includes('')) clauses.push(product)
      product = ['']
    }
    while (this.p < this.s.length && this.s[this.p] !== '|' && this.s[this.p] !== ')') {
      const item = this.quantified()
      if (item.exact && product.length * item.exact.length <= CAP) {
        const next: string[] = []
        for (const a of product) for (const b of item.exact) next.push(a + b)
        product = unique(next)
        continue
      }
      all = false
      flush()
      if (item.exact) product = item.exact
      else clauses.push(...item.clauses)
    }
    if (all) return { exact: product, clauses: clausesOf({ exact: product, clauses: [] }) }
    flush()
    return { clauses }
  }

  quantified(): Info {
    const atom = this.atom()
    const c = this.s[this.p]
    let min: number
    let max: number
    if (c === '*') [min, max] = [0, Infinity]
    else if (c === '+') [min, max] = [1, Infinity]
    else if (c === '?') [min, max] = [0, 1]
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.p))
      if (!m) this.fail()
      min = Number(m[1])
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])
      this.p += m[0].length - 1
    } else return atom
    this.p++
    if (this.s[this.p] === '?') this.p++ // lazy
    if (min === 0) return max === 1 && atom.exact ? { exact: unique([...atom.exact, '']), clauses: [] } : ANY
    if (atom.exact && min === max && Math.pow(atom.exact.length, min) <= CAP) {
      let out = ['']
      for (let k = 0; k < min; k++) out = unique(out.flatMap((a) => atom.exact!.map((b) => a + b)))
      return { exact: out, clauses: clausesOf({ exact: out, clauses: [] }) }
    }
    return { clauses: clausesOf(atom) }
  }

  atom(): Info {
    const s = this.s
    const c = s[this.p]!
    if (c === '(') {
      this.p++
      let lookaround = false
      if (s.startsWith('?:', this.p)) this.p += 2
      else if (s.startsWith('?=', this.p) || s.startsWith('?!', this.p)) {
        this.p += 2
        lookaround = true
      } else if (s.startsWith('?<=', this.p) || s.startsWith('?<!', this.p)) {
        this.p += 3
        lookaround = true
      } else if (s.startsWith('?<', this.p)) {
        const close = s.indexOf('>', this.p)
        if (close < 0) this.fail()
        this.p = close + 1
      } else if (s[this.p] === '?') this.fail()
      const inner = this.alternation()
      if (s[this.p] !== ')') this.fail()
      this.p++
      return lookaround ? EMPTY : inner
    }
    if (c === '[') return this.cls()
    if (c === '.') {
      this.p++
      return ANY
    }
    if (c === '^' || c === '$') {
      this.p++
      return EMPTY
    }
    if (c === '\\') return this.escape()
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') this.fail()
    const cp = s.codePointAt(this.p)!
    const ch = String.fromCodePoint(cp)
    this.p += ch.length
    return { exact: [fold(ch)], clauses: [[fold(ch)]] }
  }

  /** One escaped character as a literal, or undefined for a class / assertion. */
  escapeChar(inClass: boolean): string | undefined | 'empty' | 'digit' {
    const s = this.s
    this.p++ // backslash
    const c = s[this.p]
    if (c === undefined) this.fail()
    this.p++
    switch (c) {
      case 'b':
        return inClass ? '\b' : 'empty'
      case 'B':
        return 'empty'
      case 'd':
        return inClass ? undefined : 'digit'
      case 'D': case 'w': case 'W': case 's': case 'S':
        return undefined
      case 'p': case 'P': {
        const close = s.indexOf('}', this.p)
        if (s[this.p] !== '{' || close < 0) this.fail()
        this.p = close + 1
        return undefined
      }
      case 'n': return '\n'
      case 't': return '\t'
      case 'r': return '\r'
      case 'f': return '\f'
      case 'v': return '\v'
      case '0': return '\0'
      case 'c': this.fail()
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(s.slice(this.p))
        if (!m) this.fail()
        this.p += 2
        return String.fromCharCode(parseInt(m[0], 16))
      }
      case 'u': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(s.slice(this.p))
        if (braced) {
          this.p += braced[0].length
          return String.fromCodePoint(parseInt(braced[1]!, 16))
        }
        const m = /^[0-9a-fA-F]{4}/.exec(s.slice(this.p))
        if (!m) this.fail()
        this.p += 4
        return String.fromCharCode(parseInt(m[0], 16))
      }
      case 'k': {
        const close = s.indexOf('>', this.p)
        if (close < 0) this.fail()
        this.p = close + 1
        return undefined
      }
      default:
        if (/[1-9]/.test(c)) {
          while (/[0-9]/.test(s[this.p] ?? '')) this.p++
          return undefined
        }
        return c
    }
  }

  escape(): Info {
    const ch = this.escapeChar(false)
    if (ch === 'empty') return EMPTY
    if (ch === 'digit') return { exact: DIGITS, clauses: [DIGITS] }
    if (ch === undefined) return ANY
    return { exact: [fold(ch)], clauses: [[fold(ch)]] }
  }

  cls(): Info {
    const s = this.s
    this.p++ // [
    let exact = s[this.p] !== '^'
    if (!exact) this.p++
    const chars: string[] = []
    while (this.p < s.length && s[this.p] !== ']') {
      let ch: string | undefined | 'empty' | 'digit'
      if (s[this.p] === '\\') ch = this.escapeChar(true)
      else if (s[this.p] === '[') this.fail()
      else {
        const cp = s.codePointAt(this.p)!
        ch = String.fromCodePoint(cp)
        this.p += ch.length
      }
      if (ch === undefined || ch === 'empty' || ch === 'digit') {
        exact = false
        continue
      }
      // A range a-z: too wide to spell out.
      if (s[this.p] === '-' && s[this.p + 1] !== ']' && this.p + 1 < s.length) {
        this.p++
        if (s[this.p] === '\\') this.escapeChar(true)
        else this.p += String.fromCodePoint(s.codePointAt(this.p)!).length
        exact = false
        continue
      }
      chars.push(fold(ch))
    }
    if (s[this.p] !== ']') this.fail()
    this.p++
    const set = unique(chars)
    if (!exact || set.length === 0 || set.length > 12) return ANY
    return { exact: set, clauses: [set] }
  }
}

/** Most clauses kept per entry (any subset of the clauses is still a sound requirement). */
const MAX_CLAUSES = 6

/**
 * What every match of `source` contains: for each clause, one of its strings
 * (lower case). Empty: nothing can be required.
 */
export function requiredLiterals(source: string): string[][] {
  try {
    const parser = new Parser(source)
    const info = parser.alternation()
    if (parser.p !== source.length) return []
    return tidy(clausesOf(info))
  } catch {
    return []
  }
}

/**
 * The same, one requirement per top-level alternative (a text can match only
 * if it meets one of them). Empty list: nothing can be required.
 */
export function requirements(source: string): string[][][] {
  try {
    const parser = new Parser(source)
    const branches = [parser.sequence()]
    while (source[parser.p] === '|') {
      parser.p++
      branches.push(parser.sequence())
    }
    if (parser.p !== source.length) return []
    const out = branches.map((b) => tidy(clausesOf(b)))
    return out.some((r) => r.length === 0) ? [] : out
  } catch {
    return []
  }
}

function tidy(all: string[][]): string[][] {
  {
    const clauses = all
      .filter((c) => c.length > 0 && !c.includes(''))
      .map(minimal)
    const seen = new Set<string>()
    return clauses
      .filter((c) => {
        const key = c.join('\u0000')
        return !seen.has(key) && (seen.add(key), true)
      })
      .sort((a, b) => score(b) - score(a))
      .slice(0, MAX_CLAUSES)
  }
}

// ---------------------------------------------------------------------------
// The expression compilePhrases runs for an entry, and where it runs.

interface Target {
  source: string
  /** Runs on the normalised Arabic text (else on the text itself). */
  arabic: boolean
}

function target(phrase: string): Target {
  if (isRegex(phrase)) {
    const last = phrase.lastIndexOf('/')
    // Set-notation classes (the v flag) are not read here: no literal is required.
    if (phrase.slice(last + 1).includes('v')) return { source: '', arabic: ARABIC_LETTER.test(phrase) }
    let src = phrase.slice(1, last)
    const arabic = ARABIC_LETTER.test(src)
    if (arabic) src = src.replace(/[\u0621-\u065F\u0670\u0640]+/g, (run) => normalisePhrase(run))
    return { source: src, arabic }
  }
  const core = phrase.replace(/^\*|\*$/g, '').trim()
  if (ARABIC_LETTER.test(phrase)) {
    return { source: normalisePhrase(core).split(/\s+/).map(escape).join('\\s+'), arabic: true }
  }
  return {
    source: core
      .split(/\s+/)
      .map((w) => escape(w).replace(/['’‘`]/g, "['’‘`]?"))
      .join('[\\s\\-]+'),
    arabic: false
  }
}

export interface Gate {
  /** False only when no entry can match the text. */
  (text: string): boolean
  /** True when some entry has no literal to require (the gate always opens for it). */
  readonly open: boolean
}

// ---------------------------------------------------------------------------
// All literals of this module's gates in one Aho–Corasick automaton: one pass
// over a text tells which literals it holds; each gate then checks its clauses.

const literalIds = new Map<string, number>()
let automaton: { next: Array<Map<number, number>>; fail: Int32Array; out: number[][] } | undefined

function literalId(s: string): number {
  let id = literalIds.get(s)
  if (id === undefined) {
    id = literalIds.size
    literalIds.set(s, id)
    automaton = undefined
  }
  return id
}

function build(): NonNullable<typeof automaton> {
  const next: Array<Map<number, number>> = [new Map()]
  const out: number[][] = [[]]
  for (const [s, id] of literalIds) {
    let node = 0
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      let to = next[node]!.get(c)
      if (to === undefined) {
        to = next.length
        next.push(new Map())
        out.push([])
        next[node]!.set(c, to)
      }
      node = to
    }
    out[node]!.push(id)
  }
  const fail = new Int32Array(next.length)
  const queue: number[] = []
  for (const to of next[0]!.values()) queue.push(to)
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!
    for (const [c, to] of next[node]!) {
      let f = fail[node]!
      while (f !== 0 && !next[f]!.has(c)) f = fail[f]!
      const target = next[f]!.get(c)
      fail[to] = target !== undefined && target !== to ? target : 0
      out[to] = [...out[to]!, ...out[fail[to]!]!]
      queue.push(to)
    }
  }
  return { next, fail, out }
}

/** Which literals occur in `text` (already folded), as a bit set. */
function scan(text: string): Uint32Array {
  const a = (automaton ??= build())
  const present = new Uint32Array((literalIds.size >> 5) + 1)
  let node = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let to = a.next[node]!.get(c)
    while (to === undefined && node !== 0) {
      node = a.fail[node]!
      to = a.next[node]!.get(c)
    }
    node = to ?? 0
    const hits = a.out[node]!
    for (let k = 0; k < hits.length; k++) present[hits[k]! >> 5] |= 1 << (hits[k]! & 31)
  }
  return present
}

interface TextView {
  latin: Uint32Array
  arabic: boolean
  norm?: Uint32Array
  /** Per gated matcher: the expression chosen for this text (null: none can match). */
  chosen: Array<PhraseMatcher | null | undefined>
  /** Per gate: its answer for this text. */
  gates?: Array<boolean | undefined>
}

let matcherCount = 0
let gateCount = 0

// Matchers are asked about the same text one after another (and conversations
// repeat texts): keep what each text holds. Two generations: a text not used for
// a whole generation is dropped.
const GENERATION = 1024
const MAX_TEXT = 4096
let young = new Map<string, TextView>()
let old = new Map<string, TextView>()
let literalsSeen = 0

function view(text: string): TextView {
  let v = young.get(text)
  if (v && literalsSeen === literalIds.size) return v
  if (literalsSeen !== literalIds.size) {
    // New literals (a matcher compiled later): earlier scans are incomplete.
    young = new Map()
    old = new Map()
    literalsSeen = literalIds.size
  }
  v = old.get(text) ?? { latin: scan(fold(text)), arabic: ARABIC_LETTER.test(text), chosen: [] }
  if (text.length <= MAX_TEXT) {
    if (young.size >= GENERATION) {
      old = young
      young = new Map()
    }
    young.set(text, v)
  }
  return v
}

/** Clauses as literal ids: every clause needs one present id. */
type Requirement = Int32Array[]

function holds(req: Requirement, present: Uint32Array): boolean {
  for (let c = 0; c < req.length; c++) {
    const clause = req[c]!
    let ok = false
    for (let k = 0; k < clause.length; k++) {
      const id = clause[k]!
      if ((present[id >> 5]! & (1 << (id & 31))) !== 0) {
        ok = true
        break
      }
    }
    if (!ok) return false
  }
  return true
}

export function gateFor(list: ReadonlyArray<string | PhraseEntry>): Gate {
  const latin: Requirement[] = []
  const arabic: Requirement[] = []
  let latinOpen = false
  let arabicOpen = false
  for (const e of list) {
    const phrase = typeof e === 'string' ? e : e.phrase
    if (!phrase || !phrase.trim()) continue
    const t = target(phrase)
    const alternatives = requirements(t.source)
    if (alternatives.length === 0) {
      if (t.arabic) arabicOpen = true
      else latinOpen = true
      continue
    }
    for (const clauses of alternatives) (t.arabic ? arabic : latin).push(clauses.map((c) => Int32Array.from(c.map(literalId))))
  }
  const id = gateCount++
  const answer = (v: TextView, text: string): boolean => {
    for (let k = 0; k < latin.length; k++) if (holds(latin[k]!, v.latin)) return true
    // Arabic entries only run on texts with Arabic letters (see compilePhrases).
    if (!v.arabic || (!arabicOpen && arabic.length === 0)) return false
    if (arabicOpen) return true
    const norm = (v.norm ??= scan(fold(normaliseArabic(text).text)))
    for (let k = 0; k < arabic.length; k++) if (holds(arabic[k]!, norm)) return true
    return false
  }
  const gate = ((text: string) => {
    if (latinOpen) return true
    const v = view(text)
    const gates = (v.gates ??= [])
    return (gates[id] ??= answer(v, text))
  }) as Gate
  Object.defineProperty(gate, 'open', { value: latinOpen || arabicOpen })
  return gate
}

/** What one regular-expression entry needs of a text. */
interface RegexGate {
  arabic: boolean
  /** Undefined: no literal can be required (always runs). */
  alternatives?: Requirement[]
}

function regexGate(phrase: string): RegexGate {
  const t = target(phrase)
  const alternatives = requirements(t.source)
  return { arabic: t.arabic, alternatives: alternatives.length ? alternatives.map((c) => c.map((x) => Int32Array.from(x.map(literalId)))) : undefined }
}

const byPosition = (a: PhraseMatch, b: PhraseMatch) => a.start - b.start || b.end - a.end
const MAX_SUBSETS = 128

/**
 * compilePhrases with the literal prefilter in front: the same answers, less work.
 *
 * - Plain phrases keep their own matcher, skipped when none of their words occur.
 * - Regular-expression entries that cannot match the text are left out of the
 *   expression that runs (compiled once per set of entries left in, and cached).
 *   An entry that matches nowhere in a text changes nothing when it is removed
 *   from an alternation, so the matches and the entries they report are the same.
 *   A removed entry that opened its group of flags leaves a never-matching stand-in,
 *   so that the groups run in the same order (ties keep their order).
 * - The two lists of matches are merged as compilePhrases merges its parts.
 */
export function compileGated(list: ReadonlyArray<string | PhraseEntry>): PhraseMatcher {
  const entries = list.map((e) => (typeof e === 'string' ? { phrase: e } : e)).filter((e) => e.phrase && e.phrase.trim())
  const plain = entries.filter((e) => !isRegex(e.phrase))
  const regexes = entries.filter((e) => isRegex(e.phrase))
  const plainMatcher = plain.length ? compilePhrases(plain) : undefined
  const plainGate = gateFor(plain)
  const gates = regexes.map((e) => regexGate(e.phrase))
  // The group each entry runs in (as compilePhrases groups them), and whether it opens it.
  const groupKey = regexes.map((e, i) => {
    const last = e.phrase.lastIndexOf('/')
    const src = e.phrase.slice(1, last)
    if (/\\[1-9]|\\k<|\(\?<[^=!]/.test(src)) return undefined // runs on its own
    return `${[...new Set(e.phrase.slice(last + 1) + 'gu')].sort().join('')}|${gates[i]!.arabic}`
  })
  const opensGroup = groupKey.map((k, i) => k !== undefined && groupKey.indexOf(k) === i)
  const standIn = regexes.map((e, i) => ({ phrase: `/(?!)${gates[i]!.arabic ? 'ا' : 'x'}/${e.phrase.slice(e.phrase.lastIndexOf('/') + 1)}` }))
  const subsets = new Map<string, PhraseMatcher>()
  const id = matcherCount++

  const regexMatcher = (text: string): PhraseMatcher | undefined => {
    if (regexes.length === 0) return undefined
    const v = view(text)
    const done = v.chosen[id]
    if (done !== undefined) return done ?? undefined
    const m = choose(text, v)
    v.chosen[id] = m ?? null
    return m
  }

  const choose = (text: string, v: TextView): PhraseMatcher | undefined => {
    let key = ''
    for (let i = 0; i < gates.length; i++) {
      const g = gates[i]!
      let open: boolean
      // Arabic entries run only on texts with Arabic letters (see compilePhrases).
      if (g.arabic && !v.arabic) open = false
      else if (!g.alternatives) open = true
      else {
        const present = g.arabic ? (v.norm ??= scan(fold(normaliseArabic(text).text))) : v.latin
        open = false
        for (const req of g.alternatives) {
          if (holds(req, present)) {
            open = true
            break
          }
        }
      }
      if (open) key += key ? `,${i}` : `${i}`
    }
    if (!key) return undefined
    let m = subsets.get(key)
    if (!m) {
      const kept = new Set(key.split(',').map(Number))
      const keptGroups = new Set([...kept].map((i) => groupKey[i]))
      const subset: PhraseEntry[] = []
      for (let i = 0; i < regexes.length; i++) {
        if (kept.has(i)) subset.push(regexes[i]!)
        else if (opensGroup[i] && keptGroups.has(groupKey[i])) subset.push(standIn[i]!)
      }
      if (subsets.size >= MAX_SUBSETS) subsets.clear()
      m = compilePhrases(subset)
      subsets.set(key, m)
    }
    return m
  }

  return {
    size: entries.length,
    find(text) {
      const a = plainMatcher && plainGate(text) ? plainMatcher.find(text) : []
      const r = regexMatcher(text)
      const b = r ? r.find(text) : []
      if (b.length === 0) return a
      if (a.length === 0) return b
      return [...a, ...b].sort(byPosition)
    },
    test(text) {
      if (plainMatcher && plainGate(text) && plainMatcher.test(text)) return true
      const r = regexMatcher(text)
      return r ? r.test(text) : false
    }
  }
}
