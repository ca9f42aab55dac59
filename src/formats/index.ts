/** Read any supported input into transcripts plus located problems. */
import { problem } from '../model/problems.js'
import type { ReadResult } from '../model/transcript.js'
import { decodeBytes } from './decode.js'
import { readJson } from './json.js'
import { readJsonl } from './jsonl.js'
import type { InputFormat, ReadOptions } from './options.js'
import { readPlainText } from './plain-text.js'

export { INPUT_FORMATS, type InputFormat, type ReadOptions } from './options.js'
export type { ReadResult, SourcedTranscript } from '../model/transcript.js'

export interface ReadInput extends ReadResult {
  /** The decoded text (positions refer to it). */
  text: string
  format: InputFormat
}

const EXTENSIONS: Record<string, InputFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.txt': 'text',
  '.log': 'text',
  '.chat': 'text'
}

export const KNOWN_EXTENSIONS = Object.keys(EXTENSIONS)

export function detectFormat(name: string, text: string): InputFormat {
  const dot = name.lastIndexOf('.')
  const ext = dot >= 0 ? name.slice(dot).toLowerCase() : ''
  const byExt = EXTENSIONS[ext]
  if (byExt) return byExt
  const head = text.slice(0, 4096).trimStart()
  if (head.startsWith('[')) {
    // A JSON array, or a plain-text log opening with a [time] stamp.
    return /^\[\s*[{\]]/.test(head) ? 'json' : 'text'
  }
  if (head.startsWith('{')) {
    const firstLineEnd = head.indexOf('\n')
    if (firstLineEnd > 0 && head.slice(0, firstLineEnd).trimEnd().endsWith('}') && /\n\s*\{/.test(head)) return 'jsonl'
    return 'json'
  }
  return 'text'
}

/** Read a file's bytes (or an already decoded string). */
export function readInput(content: string | Uint8Array, options: ReadOptions): ReadInput {
  let text: string
  let invalid: Array<{ offset: number; byte: number }> = []
  if (typeof content === 'string') text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  else ({ text, invalid } = decodeBytes(content))

  const format = options.format ?? detectFormat(options.name, text)
  if (text.trim() === '') {
    return { text, format, conversations: [], problems: [problem('Empty input: no conversations to lint', 0, 0)] }
  }
  const read = format === 'jsonl' ? readJsonl(text, options) : format === 'json' ? readJson(text, options) : readPlainText(text, options)

  if (invalid.length > 0) dropInvalid(read, invalid, text)
  return { text, format, ...read }
}

/** Conversations that contain invalid UTF-8 are not linted; each bad byte is reported where it is. */
function dropInvalid(read: ReadResult, invalid: Array<{ offset: number; byte: number }>, text: string) {
  const kept = []
  for (const conversation of read.conversations) {
    const { start, end } = conversation.source ?? { start: 0, end: text.length }
    const bad = invalid.find((x) => x.offset >= start && x.offset < end)
    if (bad) {
      read.problems.push(
        problem(
          `Invalid UTF-8 byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} (conversation ${conversation.transcript.id} is not linted; save the file as UTF-8)`,
          bad.offset,
          bad.offset + 1,
          true,
          { conversation: conversation.transcript.id }
        )
      )
    } else kept.push(conversation)
  }
  const inConversation = (offset: number) => read.conversations.some((c) => c.source && offset >= c.source.start && offset < c.source.end)
  const doneLines = new Set<number>()
  for (const bad of invalid) {
    if (inConversation(bad.offset)) continue
    // One message per line: the bytes, not the JSON error they caused, are the news.
    const lineStart = text.lastIndexOf('\n', bad.offset - 1) + 1
    if (doneLines.has(lineStart)) continue
    doneLines.add(lineStart)
    let lineEnd = text.indexOf('\n', bad.offset)
    if (lineEnd === -1) lineEnd = text.length
    const reason = `Invalid UTF-8 byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')}; save the file as UTF-8`
    const existing = read.problems.find((p) => p.fatal && p.start >= lineStart && p.start <= lineEnd)
    if (existing) {
      existing.reason = reason + ' (this part is skipped)'
      existing.start = bad.offset
      existing.end = bad.offset + 1
    } else read.problems.push(problem(reason, bad.offset, bad.offset + 1))
  }
  read.conversations = kept
}
