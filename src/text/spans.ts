/** Small helpers over text spans, shared by the rules that judge phrases in a turn. */
import { normaliseArabic } from './arabic/normalise.js'
import { ARABIC_LETTER } from './phrase-syntax.js'

/** Quoted stretches (“…”, «…», "…", '…') of a text: words inside are someone else's. */
export function quotedSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  const re = /“[^”\n]{1,300}”|«[^»\n]{1,300}»|"[^"\n]{1,300}"|(?<![\p{L}\p{N}])['‘][^'’\n]{1,300}['’](?![\p{L}\p{N}])/gu
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) out.push([m.index, m.index + m[0].length])
  return out
}

/** Is [start, end) strictly inside one of the spans? */
export function inside(spans: Array<[number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => start > s && end < e)
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

/** Words of a text in lower case (Arabic normalised), apostrophes kept. */
export function lowerWords(text: string): string[] {
  const norm = ARABIC_LETTER.test(text) ? normaliseArabic(text).text : text
  return norm
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’]+/u)
    .filter(Boolean)
}
