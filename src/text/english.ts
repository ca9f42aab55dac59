/**
 * English linguistic analysis with wink-nlp (wink-eng-lite-web-model):
 * sentences, tokens with part of speech, lemma and negation, and their offsets.
 *
 * It is the expensive, confirming step: rules first find a cheap lexical
 * trigger, then call `analyseEnglish` on the triggering sentence only. The
 * model is created on first use and results are memoised per text.
 */
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

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

type Nlp = ReturnType<typeof winkNLP>
let nlp: Nlp | undefined

function instance(): Nlp {
  return (nlp ??= winkNLP(model, ['sbd', 'negation', 'pos']))
}

const cache = new Map<string, EnglishSentence[]>()
const CACHE_LIMIT = 2_000

/** Analyse `text` (a sentence or a short turn); offsets are relative to `text` plus `base`. */
export function analyseEnglish(text: string, base = 0): EnglishSentence[] {
  const key = text
  let sentences = cache.get(key)
  if (!sentences) {
    sentences = run(text)
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(key, sentences)
  }
  if (base === 0) return sentences
  return sentences.map((s) => ({
    start: s.start + base,
    end: s.end + base,
    tokens: s.tokens.map((t) => ({ ...t, start: t.start + base, end: t.end + base }))
  }))
}

function run(text: string): EnglishSentence[] {
  const n = instance()
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
