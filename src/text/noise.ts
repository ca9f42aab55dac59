/** URLs, e-mail addresses and @handles in a turn: not words anyone said. */
import { factsFor } from './phrase-text.js'

const HAS_LINK = /https?:|www\./iu

/** Blank URLs, e-mail addresses and @handles (same length, so offsets hold). */
export function maskNoise(text: string): string {
  // Every kind of noise needs an @, "http" or "www." (same flags as below, so the same letters count).
  if (!text.includes('@') && !HAS_LINK.test(text)) return text
  // Several rules mask the same turn: the masked text is kept with the text's facts while they live.
  const memo = factsFor(text).memo
  let masked = memo.get(MASKED) as string | undefined
  if (masked === undefined) memo.set(MASKED, (masked = mask(text)))
  return masked
}

const MASKED = Symbol('masked noise')

function mask(text: string): string {
  return text.replace(/\bhttps?:\/\/\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,100}|@\w+/giu, (m) => ' '.repeat(m.length))
}
