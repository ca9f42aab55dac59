/** Lines of a text with their offsets: `\n` or `\r\n` endings, the last line may have none. */

export interface Line {
  /** 1-based line number. */
  number: number
  /** Offset of the first character. */
  start: number
  /** Offset just after the content (before `\r\n` or `\n`). */
  end: number
  /** Offset of the line break (or the text's length on the last line). */
  breakAt: number
}

export function* lines(text: string): Generator<Line> {
  let start = 0
  let number = 0
  while (start <= text.length) {
    let breakAt = text.indexOf('\n', start)
    if (breakAt === -1) breakAt = text.length
    number++
    let end = breakAt
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--
    yield { number, start, end, breakAt }
    if (breakAt >= text.length) return
    start = breakAt + 1
  }
}
