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

/**
 * The noise, as one expression: what `text.replace(/…/giu, blanks)` would blank. It is tried only
 * where a match can begin (see matchStarts), as the sticky form: the global form would try every
 * place of the text, and its address branch reads the whole of every word before it gives up.
 */
const NOISE = /\bhttps?:\/\/\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,100}|@\w+/iuy
const LINK_START = /https?:|www\./giu

/** `[\w.+-]` with the flags `iu` (\w then also takes ſ and the Kelvin sign, which fold to s and k). */
function isAddressChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 46 ||
    c === 43 ||
    c === 45 ||
    c === 0x017f ||
    c === 0x212a
  )
}

/**
 * Every place a match of NOISE can begin, in increasing order: where "http:", "https:" or "www."
 * begins, every @, and the start of the run of address characters before an @ (when it is not
 * longer than an address's name may be).
 */
function matchStarts(text: string): number[] {
  const starts: number[] = []
  LINK_START.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = LINK_START.exec(text)); ) starts.push(m.index)
  const links = starts.length
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let p = at
    while (p > 0 && at - p <= 64 && isAddressChar(text.charCodeAt(p - 1))) p--
    if (p < at && at - p <= 64 && !(p > 0 && isAddressChar(text.charCodeAt(p - 1)))) starts.push(p)
    starts.push(at)
  }
  // The places found around each @ are in order (a run of address characters ends at an @); links come first.
  if (links > 0) starts.sort((a, b) => a - b)
  return starts
}

function mask(text: string): string {
  let out = ''
  let done = 0
  for (const p of matchStarts(text)) {
    if (p < done) continue
    NOISE.lastIndex = p
    const m = NOISE.exec(text)
    if (!m) continue
    out += text.slice(done, p) + ' '.repeat(m[0].length)
    done = p + m[0].length
  }
  return done === 0 ? text : out + text.slice(done)
}
