/** Gather chunk results per file for the whole-file output formats, and decide the exit code. */
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import type { CoachlintMessage } from '../engine/messages.js'
import type { ConversationResult } from '../reporters/conversations.js'
import type { JsonFileResult, JsonMessage } from '../reporters/json.js'
import type { ChunkResult } from '../node/chunks.js'
import { EXIT_FATAL, EXIT_FINDINGS, EXIT_OK } from './exit-code.js'

export interface FileResults {
  path: string
  conversations: number
  /** Kept only when the output format needs them (not for streamed JSONL or scorecards). */
  messages: JsonMessage[]
  errors: number
  warnings: number
  /** An input problem made (part of) the file unreadable. */
  inputFatal: boolean
}

export class ResultCollector {
  readonly files = new Map<string, FileResults>()

  /** `keepMessages: false` keeps only counts, so memory does not grow with the corpus. */
  constructor(private readonly keepMessages = true) {}

  add(result: ChunkResult, keep: (m: JsonMessage) => boolean = () => true): void {
    for (const c of result.conversations) {
      // Group by the conversation's own path: one chunk may hold several files (zip members).
      let file = this.files.get(c.path)
      if (!file) this.files.set(c.path, (file = { path: c.path, conversations: 0, messages: [], errors: 0, warnings: 0, inputFatal: false }))
      if (c.conversation !== null) file.conversations++
      for (const m of c.messages) {
        if (!keep(m)) continue
        if (m.severity === 'error') file.errors++
        else if (m.severity === 'warning') file.warnings++
        if (m.ruleId === null && m.fatal) file.inputFatal = true
        if (this.keepMessages) file.messages.push(m)
      }
    }
  }

  /** Files in path order, messages by place. */
  list(): FileResults[] {
    const out = [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    for (const f of out) f.messages.sort(byPlace)
    return out
  }
}

function byPlace(a: JsonMessage, b: JsonMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId))
}

export function toJsonResults(files: FileResults[]): JsonFileResult[] {
  return files.map((f) => ({
    path: f.path,
    messages: f.messages,
    errorCount: f.messages.filter((m) => m.severity === 'error').length,
    warningCount: f.messages.filter((m) => m.severity === 'warning').length,
    infoCount: f.messages.filter((m) => m.severity === 'info').length
  }))
}

/** Rebuild VFiles (for vfile-based reporters) from plain results. */
export function toVFiles(files: FileResults[]): VFile[] {
  return files.map((f) => {
    const file = new VFile({ path: f.path })
    for (const j of f.messages) {
      const start = j.line !== null && j.column !== null ? { line: j.line, column: j.column } : undefined
      const end = j.endLine !== null && j.endColumn !== null ? { line: j.endLine, column: j.endColumn } : undefined
      const m = new VFileMessage(j.reason, { place: start && end ? { start, end } : start, ruleId: j.ruleId ?? undefined, source: 'coachlint' }) as CoachlintMessage
      m.file = f.path
      m.fatal = j.severity === 'error' ? true : j.severity === 'warning' ? false : undefined
      if (j.note) m.note = j.note
      if (j.expected.length) m.expected = j.expected
      if (j.url) m.url = j.url
      if (j.conversation !== null) m.conversation = j.conversation
      if (j.turn !== null) m.turn = j.turn
      if (j.role !== null) m.role = j.role as CoachlintMessage['role']
      if (j.author !== null) m.author = j.author
      if (j.confidence !== null) m.confidence = j.confidence
      file.messages.push(m)
    }
    ;(file.data as Record<string, unknown>).coachlintStats = { conversations: f.conversations, turns: 0 }
    return file
  })
}

export function exitCodeForResults(files: FileResults[], maxWarnings: number | undefined): number {
  if (files.some((f) => f.conversations === 0 && f.inputFatal)) return EXIT_FATAL
  if (files.some((f) => f.errors > 0)) return EXIT_FINDINGS
  if (maxWarnings !== undefined && warningCount(files) > maxWarnings) return EXIT_FINDINGS
  return EXIT_OK
}

export function warningCount(files: FileResults[]): number {
  return files.reduce((n, f) => n + f.warnings, 0)
}

export type { ConversationResult }
