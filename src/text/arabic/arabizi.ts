/** Arabic written in Latin letters (Arabizi), told apart from English. */
import { maskNoise } from '../noise.js'

/** Common Arabizi words written without digits (Maghrebi, Levantine, Egyptian, Gulf). */
const ARABIZI_WORDS = new Set(
  'salam slm ahlan marhaba khouya khoya khoui dyal dyali diali ghadi bzaf wach wesh daba kifach bghit bghiti mashi machi smeh smah lina lik ya3ni yalla habibi inshallah wallah mesh msh ezay keda leh delwa2ty tamam fandem shukran shokran ma3lesh 3andi 3ande 3ndi ana enta enti howa hiya bas kteer ktir shway shwaya hala feek fik 7abibi mnee7 akid akeed'.split(' ')
)

/** English function words: a Latin turn full of them is English, not Arabizi. */
const ENGLISH_WORDS = new Set('the you your to and is in it for of on we i a this that with can will be are have please our my me us'.split(' '))

/** Arabizi: Latin words with digits for Arabic letters (ma3lesh, 7abibi, la2) or common dialect words. */
export function looksArabizi(text: string): boolean {
  const tokens = maskNoise(text.slice(0, 4000)).toLowerCase().match(/[a-z0-9']+/g) ?? []
  let hits = 0
  let english = 0
  for (const w of tokens) {
    if (ENGLISH_WORDS.has(w)) english++
    else if (ARABIZI_WORDS.has(w)) hits++
    // A digit inside or before letters, with a vowel nearby: 3ayez, ma3lesh, sa7, ra2m (not ps5, mp3, x15).
    else if (/^(?=.*[aeiou])(?:[a-z]*[a-z][235789][a-z0-9]*|[235789][a-z]{2,}[a-z0-9]*)$/.test(w) && !/^\d/.test(w.replace(/^[235789](?=[a-z])/, ''))) hits++
  }
  return hits >= 2 && english / Math.max(1, tokens.length) < 0.2
}
