/**
 * Arabic token rules: words with their clitics peeled, negation particles,
 * future markers by dialect, and laughter found before any letter-repeat
 * collapsing. Offsets always refer to the original text.
 */
import { normaliseArabic } from './normalise.js'

export type Dialect = 'MSA' | 'GLF' | 'EGY' | 'LEV' | 'MAG' | 'IRQ'

export interface ArabicToken {
  /** Original characters. */
  text: string
  start: number
  end: number
  /** Normalised form (see normalise.ts). */
  norm: string
  /** The word without proclitics and pronoun suffix (a light stem). */
  stem: string
  proclitics: string[]
  enclitic?: string
  script: 'ar' | 'latin' | 'number' | 'other'
}

const AR = /[\u0621-\u064A]/
const LATIN = /[A-Za-z]/

// Plain ك is left out: far more words start with the letter than with the particle.
const PROCLITICS = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل']
const ENCLITICS = ['كما', 'هما', 'كم', 'كن', 'هم', 'هن', 'نا', 'ها', 'ني', 'ك', 'ه', 'ي']

/** Words that start with what looks like a clitic but is part of the word. */
const UNSEGMENTED = new Set(['الله', 'ليس', 'لن', 'لم', 'لا', 'لكن', 'لو', 'لما', 'بس', 'بعد', 'بين', 'كل', 'كيف', 'كان', 'فقط', 'في', 'فيه', 'وين', 'ولا', 'وش', 'بدي', 'بدك', 'بكره', 'بكرا', 'لسه', 'لسا', 'كتير', 'كثير', 'ليش', 'ليه', 'بكم', 'كم', 'الحين', 'هلا', 'هلق', 'هلأ'])

function peel(norm: string): { stem: string; proclitics: string[]; enclitic?: string } {
  if (UNSEGMENTED.has(norm) || norm.length <= 2) return { stem: norm, proclitics: [] }
  const proclitics: string[] = []
  let stem = norm
  for (let guard = 0; guard < 2; guard++) {
    const p = PROCLITICS.find((c) => stem.startsWith(c) && stem.length - c.length >= (c.length === 1 ? 3 : 2) && !UNSEGMENTED.has(stem))
    if (!p) break
    proclitics.push(p)
    stem = stem.slice(p.length)
  }
  let enclitic: string | undefined
  const e = ENCLITICS.find((c) => stem.endsWith(c) && stem.length - c.length >= 2)
  if (e && !UNSEGMENTED.has(stem)) {
    enclitic = e
    stem = stem.slice(0, -e.length)
  }
  return enclitic ? { stem, proclitics, enclitic } : { stem, proclitics }
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('ar', { granularity: 'word' }) : undefined

/** Words of a text, Arabic and Latin alike, with Arabic clitics peeled. */
export function tokenizeArabic(text: string): ArabicToken[] {
  const out: ArabicToken[] = []
  const words: Array<{ segment: string; index: number }> = []
  if (segmenter) {
    for (const s of segmenter.segment(text)) if (s.isWordLike) words.push({ segment: s.segment, index: s.index })
  } else {
    const re = /[\p{L}\p{N}\p{M}\u0640]+/gu
    let m: RegExpExecArray | null
    while ((m = re.exec(text))) words.push({ segment: m[0], index: m.index })
  }
  for (const { segment, index } of words) {
    const norm = normaliseArabic(segment).text
    const script = AR.test(norm) ? 'ar' : LATIN.test(norm) ? 'latin' : /\d/.test(norm) ? 'number' : 'other'
    const base = { text: segment, start: index, end: index + segment.length, norm, script } as const
    if (script === 'ar') out.push({ ...base, ...peel(norm) })
    else out.push({ ...base, norm: norm.toLowerCase(), stem: norm.toLowerCase(), proclitics: [] })
  }
  return out
}

/** Negation particles across MSA and the dialects (normalised forms). */
export const NEGATION_PARTICLES: ReadonlySet<string> = new Set(['لا', 'ما', 'مش', 'مو', 'مب', 'ليس', 'لم', 'لن', 'مافي', 'مافيش', 'ماكو', 'موب', 'مهوب', 'ماهو', 'ماهي', 'مانيش', 'ماشي'])

export function isNegation(token: ArabicToken): boolean {
  if (token.script !== 'ar') return /^(mesh|mish|msh|mush|mo|mu|mb|ma|la|lā)$/i.test(token.norm)
  // "ما" also means "what": treat it as negation only before a verb-looking word (checked by callers).
  return NEGATION_PARTICLES.has(token.norm) || NEGATION_PARTICLES.has(token.stem) || /^م.+ش$/.test(token.norm) && token.norm.length >= 4
}

/**
 * Future markers, chosen per dialect: سوف and the سـ prefix (MSA), رح/راح (Levantine,
 * Iraqi), حـ/هـ prefixes (Egyptian), and بـ — future in the Gulf but present tense in
 * Egypt and the Levant, so it counts only when the dialect is Gulf (or unknown and
 * the caller accepts it).
 */
export function futureMarker(tokens: ArabicToken[], i: number, dialect?: Dialect): string | undefined {
  const t = tokens[i]!
  if (t.script !== 'ar') return /^(ra7|rah|ha|7a)$/i.test(t.norm) ? t.norm : undefined
  if (t.norm === 'سوف') return 'سوف'
  if ((t.norm === 'رح' || t.norm === 'راح' || t.norm === 'رايح') && tokens[i + 1]?.script === 'ar' && /^[اينت]/.test(tokens[i + 1]!.norm)) return t.norm
  // Prefixes on an imperfect verb: سـ + (ي|ت|ن|ا)…  — not سأل, سنة, ستة.
  const word = t.norm.replace(/^[وف]/, '')
  if (/^س[ينتا]/.test(word) && word.length >= 4 && !/^(سنه|سنين|سته|ستين|سال|سوال|سياره|سيستم|سعر|سالم|سيد|سيده|ستات|سنوي)/.test(word)) return 'سـ'
  if ((dialect === 'EGY' || dialect === undefined) && /^[حه][ينتا]/.test(word) && word.length >= 4 && !/^(حتي|حين|حال|حيث|هنا|هناك|هيك|هيا|حاجه|حساب)/.test(word)) return word[0] + 'ـ'
  if (dialect === 'GLF' && /^ب[ينتا]/.test(word) && word.length >= 4) return 'بـ'
  return undefined
}

export interface Laughter {
  start: number
  end: number
  text: string
}

// Found on the raw text: collapsing letter repeats first would turn هههه into ه.
const LAUGHTER = new RegExp(
  [
    '(?<![\\u0621-\\u064A])(?:[هح]{3,}|ه{2}(?=[\\s!.؟?]|$)|خ{3,}|(?:هه)+ا*ي*)(?![\\u0621-\\u064A])', // هههه، خخخخ
    '(?<![A-Za-z])(?:(?:ha){2,}h?|(?:he){2,}|lo+l+|lmf?ao+|rofl|hh{2,}|x{1}d+)(?![A-Za-z])', // haha, lol, lmao, hhhh
    '(?<![0-9])5{3,}(?![0-9])', // Arabizi 5555 (خخخخ)
    '[\\u{1F602}\\u{1F923}\\u{1F606}\\u{1F639}\\u{1F61C}\\u{1F92A}\\u{1F61D}]' // 😂 🤣 😆 😹 😜 🤪 😝
  ].join('|'),
  'giu'
)

/** Laughter in a text (Arabic, Arabizi, English, emoji), before any normalisation. */
export function findLaughter(text: string): Laughter[] {
  const out: Laughter[] = []
  LAUGHTER.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = LAUGHTER.exec(text))) {
    if (m[0].length === 0) {
      LAUGHTER.lastIndex++
      continue
    }
    // Skip tatweel-stretched words such as "مشكـــور" (never laughter) and xd inside words.
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] })
  }
  return out
}
