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

export function normaliseArabic(input: string): Normalised {
  if (untouched(input)) {
    const map = new Int32Array(input.length + 1)
    for (let i = 0; i <= input.length; i++) map[i] = i
    return { text: input, map }
  }
  const out: string[] = []
  const map: number[] = []
  let last = -1
  let run = 0
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i)
    if (removable(code)) continue
    const ch = input[i]!
    // Word-final hamza on alef (هلأ "now", خطأ) folds to ء, not to a bare alef:
    // otherwise هلأ would read as the greeting هلا.
    const folded = code === 0x0623 && i > 0 && !isArabicLetter(nextLetter(input, i + 1)) ? 'ء' : code < 0x0600 ? ch : foldChar(ch)
    for (let k = 0; k < folded.length; k++) {
      const c = folded.charCodeAt(k)
      if (c === last && isArabicLetter(c)) {
        run++
        if (run >= 2) {
          // Third and later repeats of a letter: collapse the whole run to one.
          if (run === 2) {
            out.pop()
            map.pop()
          }
          continue
        }
      } else {
        run = 0
      }
      last = c
      out.push(folded[k]!)
      map.push(i)
    }
  }
  map.push(input.length)
  return { text: out.join(''), map: Int32Array.from(map) }
}

/** Normalise a lexicon phrase (no map needed). */
export function normalisePhrase(phrase: string): string {
  return normaliseArabic(phrase).text
}
