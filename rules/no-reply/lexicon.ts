/**
 * Text normalisation and phrase matchers for the no-reply lexicons.
 *
 * Phrases are data (the JSON files next to this module). Each list is compiled
 * once, when the module loads, into one matcher keyed by the first word of each
 * phrase, so a text is matched with one hash look-up per word — no large
 * regular expression to compile on first use. Matching:
 * - is case-insensitive and tolerant of repeated letters (thanksss, شكراااا):
 *   text and phrases are both normalised with runs of a letter collapsed;
 * - accepts a missing apostrophe (dont) and any run of spaces, commas or
 *   dashes between the words of a phrase;
 * - lets an Arabic phrase carry a leading و or ف clitic (وشكرا, فمتى) and, for
 *   a first word of three letters or more, the article (المشكله, بالغلط);
 * - supports `*` inside a word as "any letters" (frustrat*, ما*ش).
 */

export type Entry = string | { phrase: string; dialect?: string; gloss?: string }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/**
 * Fold a text for matching: HTML entities, NFKC, lower case, bidi and
 * zero-width marks, Arabic diacritics (U+064B–U+065F, U+0670) and tatweel,
 * أإآٱ→ا, ى→ي, ة→ه, Persian and dialect letters (ی, ک/گ/چ → ك, ڨ → ق, ڤ → ف, پ → ب,
 * ژ → ز: as the shared Arabic normalisation), Arabic-Indic digits, typographic quotes, and
 * runs of the same letter collapsed to one (مشكووور, sooo → مشكور, so).
 */
export function normalise(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/&#(\d{1,6});/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/g, '')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')
    .replace(/\u0640/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/[کگچ]/g, 'ك')
    .replace(/ڨ/g, 'ق')
    .replace(/ڤ/g, 'ف')
    .replace(/پ/g, 'ب')
    .replace(/ژ/g, 'ز')
    .replace(/ة/g, 'ه')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(\p{L})\1+/gu, '$1')
}

/** Letters and digits of normalised text (explicit ranges are cheaper than \p{L}). */
const WORD_CHARS =
  "a-z0-9\\u00DF-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u0620-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\u3040-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7AF"
/** A word: letters and digits, with apostrophes inside (don't) and `*` in phrases. */
const WORD = new RegExp(`[${WORD_CHARS}]+(?:'[${WORD_CHARS}]+)*`, 'g')
const PHRASE_WORD = new RegExp(`[${WORD_CHARS}*]+(?:'[${WORD_CHARS}*]+)*`, 'g')
/** What may separate the words of a phrase in a text. */
const GAP = /^[\s,،\-–—]+$/
const ARABIC = /[\u0620-\u06FF]/
const CLITIC = /^[وف](?=.{2})/
// ال, بال, and ل for لل (collapsed); not ل before ا, which is لا + word.
const ARTICLE = /^(?:بال|ال|ل(?!ا))(?=.{2})/

export interface Token {
  text: string
  start: number
  end: number
  /** The token without apostrophes (computed on first use). */
  bare?: string
  /** The forms a phrase's first word may take here (computed on first use; the same for every list). */
  keys?: Key[]
}

/** A form of a token under which phrases are looked up: the token itself, or with a clitic and/or article peeled. */
interface Key {
  key: string
  bare: string
  needClitic: boolean
  needArticle: boolean
}

function bareOf(token: Token): string {
  return (token.bare ??= token.text.includes("'") ? bare(token.text) : token.text)
}

function keysOf(token: Token): Key[] {
  if (token.keys) return token.keys
  const t = token.text
  const keys: Key[] = [{ key: t, bare: bareOf(token), needClitic: false, needArticle: false }]
  if (ARABIC.test(t)) {
    const stems = [{ stem: t, clitic: false }]
    if (CLITIC.test(t)) stems.push({ stem: t.slice(1), clitic: true })
    for (const { stem, clitic } of stems) {
      if (clitic) keys.push({ key: stem, bare: bare(stem), needClitic: true, needArticle: false })
      const article = ARTICLE.exec(stem)
      if (article) {
        const rest = stem.slice(article[0].length)
        keys.push({ key: rest, bare: bare(rest), needClitic: true, needArticle: true })
      }
    }
  }
  return (token.keys = keys)
}

let lastText: string | undefined
let lastTokens: Token[] = []

/** Words of a normalised text with their offsets (the last result is reused: many lists scan the same text). */
export function tokenize(text: string): Token[] {
  if (text === lastText) return lastTokens
  const tokens: Token[] = []
  WORD.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = WORD.exec(text))) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  lastText = text
  lastTokens = tokens
  return tokens
}

/** One word of a phrase: a literal (also without its apostrophe) or a `*` pattern. */
type WordPattern = { literal: string; bare: string } | { pattern: RegExp }

interface Phrase {
  words: WordPattern[]
  /** Arabic first word: may take a و/ف clitic. */
  clitic: boolean
  /** …and, three letters or more without its own article, ال/بال/ل. */
  article: boolean
  length: number
}

const bare = (w: string) => w.replace(/'/g, '')

function compileWord(word: string): WordPattern {
  if (!word.includes('*')) return { literal: word, bare: bare(word) }
  const source = word
    .split('*')
    .map((part) => part.replace(/[\\^$.+?()[\]{}|/]/g, '\\$&'))
    .join(`[${WORD_CHARS}']*`)
  return { pattern: new RegExp(`^${source}$`) }
}

function wordMatches(pattern: WordPattern, token: string): boolean {
  if ('pattern' in pattern) return pattern.pattern.test(token)
  return token === pattern.literal || bare(token) === pattern.bare
}

function tokenMatches(pattern: WordPattern, token: Token): boolean {
  if ('pattern' in pattern) return pattern.pattern.test(token.text)
  return token.text === pattern.literal || bareOf(token) === pattern.bare
}

/** The phrases of a lexicon list (anything that is not a list, such as an `about` note, gives none). */
export function phrasesOf(entries: unknown): string[] {
  if (!Array.isArray(entries)) return []
  return (entries as Entry[]).map((e) => (typeof e === 'string' ? e : e.phrase))
}

export interface Hit {
  start: number
  end: number
  text: string
}

/** One compiled list of phrases. */
export class PhraseMatcher {
  readonly size: number
  /** Phrases by the bare form of their first word. */
  readonly #byFirst = new Map<string, Phrase[]>()
  /** Phrases whose first word is a `*` pattern. */
  readonly #wildFirst: Phrase[] = []

  constructor(phrases: readonly string[]) {
    const seen = new Set<string>()
    for (const raw of phrases) {
      const normal = normalise(raw).trim()
      const words = normal.match(PHRASE_WORD)
      if (!words || words.length === 0 || words.every((w) => /^\*+$/.test(w)) || seen.has(words.join(' '))) continue
      seen.add(words.join(' '))
      const first = words[0]!
      const clitic = ARABIC.test(first)
      const letters = first.replace(/[^\u0620-\u064A]/g, '').length
      const phrase: Phrase = {
        words: words.map(compileWord),
        clitic,
        article: clitic && !first.startsWith('ال') && letters >= 3,
        length: normal.length
      }
      const head = phrase.words[0]!
      if ('pattern' in head) this.#wildFirst.push(phrase)
      else {
        const list = this.#byFirst.get(head.bare) ?? []
        list.push(phrase)
        this.#byFirst.set(head.bare, list)
      }
    }
    // Longest first, so that "thank you so much" wins over "thank you".
    for (const list of this.#byFirst.values()) list.sort((a, b) => b.length - a.length || b.words.length - a.words.length)
    this.size = seen.size
  }

  /** How many tokens phrase `p` covers from token `i`, or 0. */
  #matchAt(text: string, tokens: Token[], i: number, p: Phrase): number {
    if (i + p.words.length > tokens.length) return 0
    for (let k = 1; k < p.words.length; k++) {
      const prev = tokens[i + k - 1]!
      const token = tokens[i + k]!
      if (!GAP.test(text.slice(prev.end, token.start)) || !tokenMatches(p.words[k]!, token)) return 0
    }
    return p.words.length
  }

  /**
   * The longest phrase starting at token `i` (in tokens), or 0. The candidates are the phrases filed under the
   * token's bare form, or under it with a و/ف clitic and/or article peeled (as the phrase allows), and the phrases
   * whose first word is a `*` pattern.
   */
  #longestAt(text: string, tokens: Token[], i: number): number {
    const token = tokens[i]!
    let best = 0
    for (const k of keysOf(token)) {
      const list = this.#byFirst.get(k.bare)
      if (!list) continue
      for (const p of list) {
        if ((k.needClitic && !p.clitic) || (k.needArticle && !p.article)) continue
        const head = p.words[0]!
        if (!('literal' in head) && !head.pattern.test(k.key)) continue
        const n = p.words.length === 1 ? 1 : this.#matchAt(text, tokens, i, p)
        if (n > best) best = n
      }
    }
    for (const p of this.#wildFirst) {
      if (wordMatches(p.words[0]!, token.text) || (p.clitic && CLITIC.test(token.text) && wordMatches(p.words[0]!, token.text.slice(1)))) {
        const n = this.#matchAt(text, tokens, i, p)
        if (n > best) best = n
      }
    }
    return best
  }

  #scan(text: string, first: boolean): Hit[] {
    const tokens = tokenize(text)
    const hits: Hit[] = []
    for (let i = 0; i < tokens.length; i++) {
      const best = this.#longestAt(text, tokens, i)
      if (best === 0) continue
      const start = tokens[i]!.start
      const end = tokens[i + best - 1]!.end
      hits.push({ start, end, text: text.slice(start, end) })
      if (first) break
      i += best - 1
    }
    return hits
  }

  /** All non-overlapping hits in a normalised text (the longest where two start together). */
  find(text: string): Hit[] {
    return this.#scan(text, false)
  }

  test(text: string): boolean {
    return this.#scan(text, true).length > 0
  }

  /** Whether the whole (normalised) text is one phrase of the list. */
  isWhole(text: string): boolean {
    const t = text.trim()
    const hits = this.find(t)
    return hits.length === 1 && hits[0]!.start === 0 && hits[0]!.end === t.length
  }

  /** Replace every hit with spaces of the same length (offsets stay aligned). */
  remove(text: string): string {
    const parts: string[] = []
    let at = 0
    for (const h of this.find(text)) {
      parts.push(text.slice(at, h.start), ' '.repeat(h.end - h.start))
      at = h.end
    }
    parts.push(text.slice(at))
    return parts.join('')
  }
}
