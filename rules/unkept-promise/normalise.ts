/**
 * normaliseArabic (src/text/arabic/normalise.ts) with two shortcuts for this
 * rule's hot paths, same results:
 * - text with no character that normalisation touches (Arabic block, bidi and
 *   zero-width marks, presentation and full-width forms) comes back unchanged
 *   with an identity offset map, without the per-character walk;
 * - text with Arabic letters takes the normalised form the phrase matchers
 *   keep with the text's facts; of other text the last few results are kept,
 *   since the same turn and sentence texts are normalised by several lexicons
 *   and by the deadline parser.
 * Callers must treat the result as read-only.
 */
import { normaliseArabic, type Normalised } from '../../src/text/arabic/normalise.js'
import { factsFor } from '../../src/text/phrase-text.js'

/** Every character normaliseArabic may remove, fold or expand. */
const TOUCHED = /[\u0600-\u06FF\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFB50-\uFDFF\uFE70-\uFEFF\uFF00-\uFFEF]/

const cache = new Map<string, Normalised>()
const MAX_CACHED = 32

export function normalise(text: string): Normalised {
  // Text with Arabic letters: the phrase matchers' facts about it hold the same normalised form.
  const facts = factsFor(text)
  if (facts.hasArabic) return facts.arabic()!.norm
  let n = cache.get(text)
  if (n) return n
  if (!TOUCHED.test(text)) {
    const map = new Int32Array(text.length + 1)
    for (let i = 0; i <= text.length; i++) map[i] = i
    n = { text, map }
  } else n = normaliseArabic(text)
  if (cache.size >= MAX_CACHED) cache.clear()
  cache.set(text, n)
  return n
}
