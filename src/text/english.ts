/**
 * English linguistic analysis with wink-nlp (wink-eng-lite-web-model):
 * sentences, tokens with part of speech, lemma and negation, and their offsets.
 *
 * It is the expensive, confirming step: rules first find a cheap lexical
 * trigger, then call `analyseEnglish` on the triggering sentence only. The
 * model is created on first use and results are memoised per text.
 *
 * This is the Node module: the model is imported statically and the analysis
 * is synchronous. The browser bundle swaps in `english.browser.ts`, which loads
 * the model on demand (`loadEnglish()`), with the same exports.
 */
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { createEnglishAnalyser, WINK_PIPES, type Nlp } from './english-core.js'

export { hasNegatedLemma, addressesCustomer, isQuestion, type EnglishSentence, type EnglishToken } from './english-core.js'

let nlp: Nlp | undefined

function instance(): Nlp {
  return (nlp ??= winkNLP(model, [...WINK_PIPES]))
}

/** Analyse `text` (a sentence or a short turn); offsets are relative to `text` plus `base`. */
export const analyseEnglish = createEnglishAnalyser(instance)

/** Make sure the model is loaded (immediate in Node; in the browser it fetches the model's chunk). */
export async function loadEnglish(): Promise<void> {
  instance()
}

/** Is the English model loaded? (Always in Node, where it loads on first use.) */
export function englishLoaded(): boolean {
  return true
}

/** Called once the model has loaded; in Node it is loaded on first use, so this never fires. */
export function onEnglishLoaded(_listener: () => void): () => void {
  return () => {}
}
