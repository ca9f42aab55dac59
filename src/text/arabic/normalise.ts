/**
 * Arabic normalisation with an offset map: every character of the normalised
 * text knows which original character it came from, so matches found on the
 * normalised form point at exactly the original characters.
 *
 * - NFKC per character (ligatures such as ﻻ, presentation forms), except ﷼/﷽
 *   which are kept as single symbols
 * - tatweel, diacritics (harakat, shadda, sukun, superscript alef), bidi and
 *   zero-width marks removed
 * - أ إ آ ٱ → ا (but a word-final أ → ء, so هلأ does not become هلا), ى → ي, ة → ه, ؤ → و, ئ → ي
 * - letters of Persian and dialect spelling → the Arabic letter they stand for: ک → ك, ی → ي,
 *   گ → ك (Iraqi and Gulf «أگدر»), چ → ك (Iraqi and Gulf «باچر», «تحچي», «هيچ»: the k sound that
 *   became ch), ڨ → ق (Maghrebi), ڤ → ف, پ → ب, ژ → ز (foreign v, p, zh). Every letter of the
 *   normalised text is then in ء–ي, where word boundaries and the word index look.
 * - Arabic-Indic and Persian digits → 0–9; ، ؛ ؟ ٪ → , ; ? %
 * - runs of three or more of the same letter collapsed to one (شكراااا → شكرا)
 */

export interface Normalised {
  /** The normalised text. */
  text: string
  /** For each index of `text` (and one past the end), the index in the original. */
  map: Int32Array
}

const REMOVE = /[\u0640\u064B-\u065F\u0670\u06D6-\u06ED\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/
const FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ک': 'ك', 'ی': 'ي', 'گ': 'ك',
  'چ': 'ك', 'ڨ': 'ق', 'ڤ': 'ف', 'پ': 'ب', 'ژ': 'ز',
  '،': ',', '؛': ';', '؟': '?', '٪': '%', '٫': '.', '٬': ','
}
const KEEP_AS_IS = new Set(['\uFDFC', '\uFDFD']) // ﷼ ﷽

function foldChar(ch: string): string {
  if (KEEP_AS_IS.has(ch)) return ch
  const code = ch.charCodeAt(0)
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660)
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0)
  let out = FOLD[ch]
  if (out !== undefined) return out
  // Presentation forms and other compatibility characters.
  if ((code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff) || (code >= 0xff00 && code <= 0xffef)) {
    out = ch.normalize('NFKC')
    return [...out].map((c) => (REMOVE.test(c) ? '' : FOLD[c] ?? c)).join('')
  }
  return ch
}

/** FOLD and the digits by code (0: unchanged), for the Arabic block where nearly all folding happens. */
const FOLD_CODE = (() => {
  const table = new Uint16Array(0x100)
  for (const [from, to] of Object.entries(FOLD)) table[from.charCodeAt(0) - 0x0600] = to.charCodeAt(0)
  for (let d = 0; d <= 9; d++) {
    table[0x60 + d] = 0x30 + d
    table[0xf0 + d] = 0x30 + d
  }
  return table
})()

/** The folded code of a character that folds to one character, or -1 (see foldChar). */
function foldCode(code: number): number {
  if (code < 0x0600) return code
  if (code <= 0x06ff) return FOLD_CODE[code - 0x0600] || code
  if ((code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff) || (code >= 0xff00 && code <= 0xffef)) return -1
  return code
}

function removable(c: number): boolean {
  return (
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
}

const isArabicLetter = (c: number) => c >= 0x0621 && c <= 0x064a

/** Does normalising change anything? (Most Latin text: no.) */
function untouched(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c < 0x0600) continue
    if (c <= 0x06ff || removable(c) || (c >= 0xfb50 && c <= 0xfeff) || (c >= 0xff00 && c <= 0xffef)) return false
  }
  return true
}

/** The next character that is not a removable mark. */
function nextLetter(input: string, from: number): number {
  for (let j = from; j < input.length; j++) {
    const c = input.charCodeAt(j)
    if (!removable(c)) return c
  }
  return 0
}

/** Text from the first `length` UTF-16 code units (in chunks: argument lists have a limit). */
export function fromCodes(codes: Uint16Array, length: number): string {
  let out = ''
  for (let at = 0; at < length; at += 8192) out += String.fromCharCode.apply(null, codes.subarray(at, Math.min(length, at + 8192)) as unknown as number[])
  return out
}

export function normaliseArabic(input: string): Normalised {
  const n = input.length
  if (untouched(input)) {
    const map = new Int32Array(n + 1)
    for (let i = 0; i <= n; i++) map[i] = i
    return { text: input, map }
  }
  // Folding rarely adds characters (a presentation form may become several): grow when it does.
  let codes = new Uint16Array(n + 16)
  let map = new Int32Array(n + 17)
  let length = 0
  let last = -1
  let run = 0
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i)
    if (removable(code)) continue
    let folded: string | undefined
    let single: number
    // Word-final hamza on alef (هلأ "now", خطأ) folds to ء, not to a bare alef:
    // otherwise هلأ would read as the greeting هلا.
    // (The next letter is looked at folded: «أگدر» has its alef inside the word.)
    if (code === 0x0623 && i > 0 && !isArabicLetter(foldCode(nextLetter(input, i + 1)))) single = 0x0621
    else {
      single = foldCode(code)
      if (single < 0) {
        // A presentation form or other compatibility character (rare): NFKC.
        folded = foldChar(input[i]!)
        single = folded.length === 1 ? folded.charCodeAt(0) : -1
      }
    }
    const count = single >= 0 ? 1 : folded!.length
    for (let k = 0; k < count; k++) {
      const c = single >= 0 ? single : folded!.charCodeAt(k)
      if (c === last && isArabicLetter(c)) {
        run++
        if (run >= 2) {
          // Third and later repeats of a letter: collapse the whole run to one.
          if (run === 2) length--
          continue
        }
      } else {
        run = 0
      }
      last = c
      if (length + 1 >= codes.length) {
        const grownCodes = new Uint16Array(codes.length * 2)
        grownCodes.set(codes)
        codes = grownCodes
        const grownMap = new Int32Array(map.length * 2)
        grownMap.set(map)
        map = grownMap
      }
      codes[length] = c
      map[length] = i
      length++
    }
  }
  map[length] = n
  return { text: fromCodes(codes, length), map: map.slice(0, length + 1) }
}

/** Normalise a lexicon phrase (no map needed). */
export function normalisePhrase(phrase: string): string {
  return normaliseArabic(phrase).text
}
