/** One CSV row per message (RFC 4180 quoting). */
import type { VFile } from 'vfile'
import type { CoachlintMessage } from '../engine/messages.js'
import { toJsonMessage } from './json.js'

const COLUMNS = ['path', 'conversation', 'turn', 'role', 'author', 'ruleId', 'severity', 'line', 'column', 'endLine', 'endColumn', 'confidence', 'reason', 'note', 'expected', 'url'] as const

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let s = Array.isArray(value) ? value.join(' | ') : String(value)
  // Cells that a spreadsheet would run as formulas are defused.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvHeader(): string {
  return COLUMNS.join(',') + '\r\n'
}

export function formatCsvRows(files: VFile[]): string {
  let out = ''
  for (const file of files) {
    for (const m of file.messages as CoachlintMessage[]) {
      const json = toJsonMessage(m) as unknown as Record<string, unknown>
      const row = { ...json, path: file.path ?? '<text>' } as Record<string, unknown>
      out += COLUMNS.map((c) => csvCell(row[c])).join(',') + '\r\n'
    }
  }
  return out
}

export function formatCsv(files: VFile[]): string {
  return csvHeader() + formatCsvRows(files)
}
