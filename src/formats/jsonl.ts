/** JSON Lines: one conversation per line; a bad line never costs the others. */
import { JsonSyntaxError, parseJson } from '../model/json-source.js'
import { problem } from '../model/problems.js'
import { transcriptFromNode, type ReadResult } from '../model/transcript.js'
import { lines } from './lines.js'
import type { ReadOptions } from './options.js'

export function readJsonl(text: string, options: ReadOptions): ReadResult {
  const result: ReadResult = { conversations: [], problems: [] }
  for (const line of lines(text)) {
    if (hasContent(text, line.start, line.end)) readLine(text, line.start, line.end, line.number, options, result)
  }
  return result
}

function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return true
  }
  return false
}

function readLine(text: string, start: number, end: number, lineNo: number, options: ReadOptions, result: ReadResult) {
  try {
    const node = parseJson(text, start, end)
    const read = transcriptFromNode(node, { channel: options.channel, fallbackId: `${options.name}:${lineNo}` })
    result.conversations.push(...read.conversations)
    result.problems.push(...read.problems)
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      result.problems.push(problem(`Invalid JSON on line ${lineNo}: ${error.message}; this line is skipped`, error.offset, Math.min(error.offset + 1, end)))
    } else throw error
  }
}
