/** Sentence spans: ends at . ! ? … (and Arabic ؟ ؛ ،) followed by space, and at line breaks. */
export interface Span {
  start: number
  end: number
  text: string
}

const BOUNDARY = /[.!?…؟؛]+(?=\s|$)|\n+/g

export function splitSentences(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  BOUNDARY.lastIndex = 0
  let m: RegExpExecArray | null
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++
    while (e > s && /\s/.test(text[e - 1]!)) e--
    if (e > s) spans.push({ start: s, end: e, text: text.slice(s, e) })
  }
  while ((m = BOUNDARY.exec(text))) {
    const end = m[0].startsWith('\n') ? m.index : m.index + m[0].length
    // Do not split inside abbreviations and numbers such as "e.g." or "3.5".
    if (m[0] === '.' && /\b(?:e\.g|i\.e|etc|mr|mrs|ms|dr|vs|no|approx)$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) continue
    push(start, end)
    start = m.index + m[0].length
  }
  push(start, text.length)
  return spans
}

/**
 * Start of the sentence holding `index` (after a sentence end followed by
 * white space, or a line break), looking back at most 400 characters.
 */
export function sentenceStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0 && i >= index - 400; i--) {
    const c = text[i]!
    if (c === '\n') return i + 1
    if ('.!?؟…'.includes(c) && /\s/.test(text[i + 1] ?? ' ')) return i + 1
  }
  return Math.max(0, index - 400)
}

/** End of the sentence holding `index`, looking ahead at most 400 characters. */
export function sentenceEnd(text: string, index: number): number {
  const limit = Math.min(text.length, index + 400)
  for (let i = index; i < limit; i++) {
    const c = text[i]!
    if (c === '\n') return i
    if ('.!?؟…'.includes(c) && /\s/.test(text[i + 1] ?? ' ')) return i + 1
  }
  return limit
}
