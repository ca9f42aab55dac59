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
