/** Plain-text rendering of a pre-send check (the CLI's `stylish` output, the MCP tool's summary). */
import type { DraftResult } from './lint-draft.js'

const LABEL = { error: 'error', warn: 'warning', info: 'info' } as const

export interface DraftTextOptions {
  /** Name shown in the header (a file name). */
  name?: string
  /** Include each finding's coaching tip and docs link. */
  verbose?: boolean
  /** At most this many suggestions per finding (default 2). */
  suggestions?: number
}

export function formatDraftResult(result: DraftResult, options: DraftTextOptions = {}): string {
  const lines: string[] = []
  const n = result.messages.length
  lines.push(`${options.name ? `${options.name}: ` : ''}draft → ${result.verdict}${n ? ` (${n} finding${n === 1 ? '' : 's'})` : ' (no findings)'}`)
  const places = result.messages.map((m) =>
    m.onDraft ? (m.target === 'time' ? 'timing' : `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`) : `turn ${m.turn}`
  )
  const width = Math.max(0, ...places.map((p) => p.length))
  const indent = ' '.repeat(width + 4)
  result.messages.forEach((m, i) => {
    const where = m.onDraft ? '' : ` (${m.role ?? 'turn'}${m.author ? ` ${m.author}` : ''}${m.excerpt ? `: “${m.excerpt}”` : ''})`
    lines.push(`  ${places[i]!.padEnd(width)}  ${LABEL[m.severity].padEnd(7)}  ${m.reason}${where}  ${m.ruleId}`)
    for (const text of (m.expected ?? []).slice(0, options.suggestions ?? 2)) {
      lines.push(`${indent}${m.fix.kind === 'replace' ? '→ instead:' : '→ add first:'} ${text}`)
    }
    if (options.verbose) {
      if (m.note) lines.push(`${indent}${m.note}`)
      if (m.url) lines.push(`${indent}${m.url}`)
    }
  })
  for (const w of result.warnings) lines.push(`  note: ${w}`)
  return lines.join('\n') + '\n'
}
