/**
 * The JSON output contract: one entry per input file,
 * `{ path, messages, errorCount, warningCount, infoCount }`.
 */
import type { VFile } from 'vfile'
import type { CoachlintMessage } from '../engine/messages.js'

export interface JsonMessage {
  ruleId: string | null
  severity: 'error' | 'warning' | 'info'
  reason: string
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  conversation: string | null
  turn: number | null
  role: string | null
  author: string | null
  note: string | null
  expected: string[]
  url: string | null
  confidence: number | null
  fatal?: true
}

export interface JsonFileResult {
  path: string
  messages: JsonMessage[]
  errorCount: number
  warningCount: number
  infoCount: number
}

export function severityOf(message: { fatal?: boolean | null }): JsonMessage['severity'] {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function toJsonMessage(m: CoachlintMessage): JsonMessage {
  const out: JsonMessage = {
    ruleId: m.ruleId ?? null,
    severity: severityOf(m),
    reason: m.reason,
    line: m.place ? ('start' in m.place ? m.place.start.line : m.place.line) ?? null : null,
    column: m.place ? ('start' in m.place ? m.place.start.column : m.place.column) ?? null : null,
    endLine: m.place && 'end' in m.place ? m.place.end.line ?? null : null,
    endColumn: m.place && 'end' in m.place ? m.place.end.column ?? null : null,
    conversation: m.conversation ?? null,
    turn: m.turn ?? null,
    role: m.role ?? null,
    author: m.author ?? null,
    note: m.note ?? null,
    expected: Array.isArray(m.expected) ? m.expected : [],
    url: m.url ?? null,
    confidence: m.confidence ?? null
  }
  if (!m.ruleId && m.fatal === true) out.fatal = true
  return out
}

export function toJsonResult(file: VFile): JsonFileResult {
  const messages = (file.messages as CoachlintMessage[]).map(toJsonMessage)
  return {
    path: file.path ?? '<text>',
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length
  }
}

export function formatJson(files: VFile[]): string {
  return JSON.stringify(files.map(toJsonResult), null, 2)
}
