/**
 * The unit of parallel work: a whole file, or a batch of lines of a JSON Lines
 * file. Linting a chunk gives plain, serialisable results (they cross worker
 * threads), with line numbers already placed in the whole file.
 */
import type { Linter } from '../engine/linter.js'
import { conversationResults, type ConversationResult } from '../reporters/conversations.js'
import type { InputFormat } from '../formats/index.js'
import { lintPath } from './slack-export.js'

export type Chunk =
  | { kind: 'file'; path: string; shown: string; format?: InputFormat }
  | { kind: 'lines'; shown: string; firstLine: number; bytes: Uint8Array }

export interface ChunkResult {
  shown: string
  conversations: ConversationResult[]
  /** Words in agent turns (for throughput figures). */
  agentWords: number
}

function shiftLines(results: ConversationResult[], by: number): ConversationResult[] {
  if (by === 0) return results
  for (const r of results) {
    for (const m of r.messages) {
      if (m.line !== null) m.line += by
      if (m.endLine !== null) m.endLine += by
    }
  }
  return results
}

export function lintChunk(linter: Linter, chunk: Chunk): ChunkResult {
  if (chunk.kind === 'file') {
    // A file may stand for several sources (a zipped Slack export: one per day file).
    const files = lintPath(linter, chunk.path, { shownAs: chunk.shown, format: chunk.format })
    const agentWords = files.reduce((n, f) => n + ((f.data as { coachlintAgentWords?: number }).coachlintAgentWords ?? 0), 0)
    return { shown: chunk.shown, conversations: files.flatMap(conversationResults), agentWords }
  }
  const file = linter.lintSource(chunk.bytes, { path: chunk.shown, format: 'jsonl' })
  const words = (file.data as { coachlintAgentWords?: number }).coachlintAgentWords ?? 0
  return { shown: chunk.shown, conversations: shiftLines(conversationResults(file), chunk.firstLine - 1), agentWords: words }
}
