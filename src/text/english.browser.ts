/**
 * The browser build's `english.ts` (the bundler swaps it in): the same exports,
 * but wink-nlp and its English model (most of the bundle's weight) are a
 * separate chunk fetched by `loadEnglish()`. Until it has loaded,
 * `analyseEnglish` answers `[]` — rules treat that as "no English analysis" —
 * so the first checks run at once and later ones see the model.
 */
import { createEnglishAnalyser, WINK_PIPES, type Nlp } from './english-core.js'

export { hasNegatedLemma, addressesCustomer, isQuestion, type EnglishSentence, type EnglishToken } from './english-core.js'

let nlp: Nlp | undefined
let loading: Promise<void> | undefined
const listeners = new Set<() => void>()

export const analyseEnglish = createEnglishAnalyser(() => nlp)

/** Fetch and start the English model (once; later calls share the promise). */
export function loadEnglish(): Promise<void> {
  return (loading ??= Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]).then(([wink, model]) => {
    const create = ((wink as { default?: unknown }).default ?? wink) as typeof import('wink-nlp').default
    nlp = create(((model as { default?: unknown }).default ?? model) as never, [...WINK_PIPES])
    for (const listener of listeners) listener()
  }))
}

export function englishLoaded(): boolean {
  return nlp !== undefined
}

/** Called once the model has loaded (caches of analyses made without it must be dropped). */
export function onEnglishLoaded(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
