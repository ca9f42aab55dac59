/**
 * The model-independent part of the English analysis: turning a wink-nlp
 * document into sentences and tokens with offsets, the per-text memo, and the
 * helpers rules use. `english.ts` (Node: the model loaded synchronously) and
 * `english.browser.ts` (the browser bundle: the model loaded lazily) wrap it.
 */
import type winkNLP from 'wink-nlp'
import type { ItemSentence, ItemToken } from 'wink-nlp'

export interface EnglishToken {
  text: string
  /** Offsets in the analysed text. */
  start: number
  end: number
  /** Universal POS tag: NOUN, VERB, AUX, PRON, ADJ, PART, … */
  pos: string
  lemma: string
  /** True when the token is in the scope of a negation ("don't *know* where"). */
  negated: boolean
}

export interface EnglishSentence {
  start: number
  end: number
  tokens: EnglishToken[]
}

export type Nlp = ReturnType<typeof winkNLP>

/** The wink-nlp pipes the analysis needs. */
export const WINK_PIPES = ['sbd', 'negation', 'pos'] as const

/**
 * `analyseEnglish` over whatever instance `nlp()` gives; while it gives none
 * (the model is still loading) the answer is `[]`. Nothing is cached here:
 * each turn keeps its own analysis (analysis.ts), and analyses kept for texts
 * that are never asked about again only make garbage collection slower in a
 * long-lived process.
 */
export function createEnglishAnalyser(nlp: () => Nlp | undefined): (text: string, base?: number) => EnglishSentence[] {
  return (text, base = 0) => {
    const n = nlp()
    if (!n) return []
    const sentences = run(n, text)
    if (base === 0) return sentences
    return sentences.map((s) => ({
      start: s.start + base,
      end: s.end + base,
      tokens: s.tokens.map((t) => ({ ...t, start: t.start + base, end: t.end + base }))
    }))
  }
}

function run(n: Nlp, text: string): EnglishSentence[] {
  const its = n.its
  const doc = n.readDoc(text)
  // Recover character offsets by finding each token in order in the text.
  const tokens: EnglishToken[] = []
  let cursor = 0
  doc.tokens().each((t: ItemToken) => {
    const value = t.out() as string
    let at = text.indexOf(value, cursor)
    if (at === -1) {
      // Contractions may be normalised ("ca" for "can't"): fall back to the cursor.
      at = cursor
    }
    const end = Math.min(text.length, at + value.length)
    tokens.push({
      text: value,
      start: at,
      end,
      pos: t.out(its.pos) as string,
      lemma: String(t.out(its.lemma as never)).toLowerCase(),
      negated: Boolean(t.out(its.negationFlag))
    })
    cursor = end
  })
  const sentences: EnglishSentence[] = []
  doc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(its.span) as unknown as [number, number]
    const list = tokens.slice(first, last + 1)
    if (list.length === 0) return
    sentences.push({ start: list[0]!.start, end: list[list.length - 1]!.end, tokens: list })
  })
  return sentences
}

/** Is any token with one of these lemmas negated, or preceded by a negation, in the span? */
export function hasNegatedLemma(sentence: EnglishSentence, lemmas: readonly string[]): boolean {
  return sentence.tokens.some((t, i) => {
    if (!lemmas.includes(t.lemma)) return false
    if (t.negated) return true
    const prev = sentence.tokens.slice(Math.max(0, i - 3), i)
    return prev.some((p) => p.lemma === 'not' || p.lemma === 'no' || p.lemma === 'never' || /n't$/.test(p.text))
  })
}

/** Is the sentence about the addressee ("you", "your") as grammatical subject or possessor? */
export function addressesCustomer(sentence: EnglishSentence): boolean {
  return sentence.tokens.some((t) => t.pos === 'PRON' && /^(you|your|yours|yourself|u|ur)$/i.test(t.text))
}

/** Does the sentence read as a question (ends with "?" or opens with an auxiliary/wh-word)? */
export function isQuestion(sentence: EnglishSentence, text: string): boolean {
  if (text.slice(sentence.start, sentence.end + 2).includes('?')) return true
  const first = sentence.tokens[0]
  if (!first) return false
  return first.pos === 'AUX' || /^(what|which|when|where|who|why|how|could|would|can|may|shall|should|do|does|did|is|are)$/i.test(first.text)
}
