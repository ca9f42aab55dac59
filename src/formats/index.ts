/** Read any supported input into transcripts plus located problems. */
import { problem } from '../model/problems.js'
import type { ReadResult } from '../model/transcript.js'
import { decodeBytes } from './decode.js'
import { readJson } from './json.js'
import { readJsonl } from './jsonl.js'
import type { InputFormat, ReadOptions } from './options.js'
import { readPlainText } from './plain-text.js'
import { readWhatsApp, looksLikeWhatsApp } from './whatsapp.js'
import { readEmail, looksLikeEmail } from './email.js'
import { readHelpdesk, sniffHelpdesk } from './helpdesk.js'
import { readSlack, looksLikeSlackDay } from './slack.js'
import { readCsv, looksLikeCsv } from './csv.js'

export { INPUT_FORMATS, type InputFormat, type ReadOptions, type SlackUser } from './options.js'
export { readSlackZip, slackUsersFromJson, SLACK_METADATA, type SlackZipEntry } from './slack.js'
export type { ReadResult, SourcedTranscript } from '../model/transcript.js'

export interface ReadInput extends ReadResult {
  /** The decoded text (positions refer to it). */
  text: string
  format: InputFormat
  /** The export the content was recognised as, when more specific than the format (e.g. `zendesk`). */
  dialect?: string
}

/** What coachlint reads, for messages that must name the formats. */
export const FORMATS_HELP =
  'coachlint reads canonical JSON (.json) and JSON Lines (.jsonl), plain-text chat logs (.txt, .log, .chat), WhatsApp chat exports (.txt), e-mail (.eml, .mbox), helpdesk JSON exports (Zendesk, Intercom, Freshdesk, Front, Help Scout, LiveChat), Slack exports (a folder or .zip) and CSV (.csv, .tsv); pick one with --input-format ' +
  'json|jsonl|text|whatsapp|email|helpdesk|slack|csv'

const EXTENSIONS: Record<string, InputFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.txt': 'text',
  '.log': 'text',
  '.chat': 'text',
  '.eml': 'email',
  '.mbox': 'email',
  '.csv': 'csv',
  '.tsv': 'csv'
}

export const KNOWN_EXTENSIONS = Object.keys(EXTENSIONS)

export function detectFormat(name: string, text: string): InputFormat {
  const dot = name.lastIndexOf('.')
  const ext = dot >= 0 ? name.slice(dot).toLowerCase() : ''
  const byExt = EXTENSIONS[ext]
  if (byExt === 'json') return sniffJson(text) ?? 'json'
  if (byExt === 'text') return looksLikeWhatsApp(text) ? 'whatsapp' : 'text'
  if (byExt) return byExt
  const head = text.slice(0, 4096).trimStart()
  if (head.startsWith('[')) {
    // A JSON array, or a plain-text log opening with a [time] stamp (or an iOS WhatsApp export).
    if (/^\[\s*[{\]]/.test(head)) return sniffJson(text) ?? 'json'
    return looksLikeWhatsApp(text) ? 'whatsapp' : 'text'
  }
  if (head.startsWith('{')) {
    const firstLineEnd = head.indexOf('\n')
    if (firstLineEnd > 0 && head.slice(0, firstLineEnd).trimEnd().endsWith('}') && /\n\s*\{/.test(head)) return 'jsonl'
    return sniffJson(text) ?? 'json'
  }
  if (looksLikeEmail(text)) return 'email'
  if (looksLikeWhatsApp(text)) return 'whatsapp'
  if (looksLikeCsv(text)) return 'csv'
  return 'text'
}

/** A `.json` file that is not canonical: a Slack day file or a helpdesk export. */
function sniffJson(text: string): InputFormat | undefined {
  if (looksLikeSlackDay(text)) return 'slack'
  if (sniffHelpdesk(text)) return 'helpdesk'
  return undefined
}

/** Read a file's bytes (or an already decoded string). */
export function readInput(content: string | Uint8Array, options: ReadOptions): ReadInput {
  if (typeof content !== 'string' && content.length >= 4 && content[0] === 0x50 && content[1] === 0x4b && content[2] === 3 && content[3] === 4) {
    const reason =
      'This is a zip archive, not a transcript: zipped Slack exports are read file by file through lintPath() or sourcesFor() in coachlint/node (and `coachlint convert`); or unzip it and lint the folder'
    return { text: '', format: options.format ?? 'slack', conversations: [], problems: [problem(reason, 0, 0)] }
  }
  let text: string
  let invalid: Array<{ offset: number; byte: number }> = []
  if (typeof content === 'string') text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  else ({ text, invalid } = decodeBytes(content))

  const format = options.format ?? detectFormat(options.name, text)
  if (text.trim() === '') {
    return { text, format, conversations: [], problems: [problem('Empty input: no conversations to lint', 0, 0)] }
  }
  let dialect: string | undefined
  if (format === 'email' && invalid.length > 0 && typeof content !== 'string') {
    // Not UTF-8: an 8-bit body in another charset. Read byte for byte (columns count bytes)
    // and decode each body in the charset it declares.
    const binary = latin1(content)
    return { text: binary, format, dialect: 'email', ...readEmail(binary, options, true) }
  }
  let read: ReadResult
  switch (format) {
    case 'jsonl': read = readJsonl(text, options); break
    case 'json': read = readJson(text, options); break
    case 'whatsapp': read = readWhatsApp(text, options); break
    case 'email': read = readEmail(text, options); break
    case 'helpdesk': {
      const r = readHelpdesk(text, options)
      dialect = r.vendor
      read = { conversations: r.conversations, problems: r.problems }
      break
    }
    case 'slack': read = readSlack(text, options); break
    case 'csv': read = readCsv(text, options); break
    default: {
      read = readPlainText(text, options)
      if (!options.format && read.conversations.length === 0) {
        const none = read.problems.find((p) => p.reason.startsWith('No chat lines found'))
        if (none) {
          // Not a chat log at all: one error that names what coachlint reads, not a warning per line.
          none.reason = `${none.reason}. ${FORMATS_HELP}`
          read.problems = [none]
        }
      }
    }
  }

  if (invalid.length > 0) dropInvalid(read, invalid, text)
  return { text, format, ...(dialect ? { dialect } : {}), ...read }
}

function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return out
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
