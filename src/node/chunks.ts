/**
 * The unit of parallel work: a whole file, or a batch of lines of a JSON Lines
 * file. Linting a chunk gives plain, serialisable results (they cross worker
 * threads), with line numbers already placed in the whole file.
 */
import { readFileSync } from 'node:fs'
import type { Linter } from '../engine/linter.js'
import { addProblem } from '../engine/messages.js'
import { conversationResults, type ConversationResult } from '../reporters/conversations.js'
import type { InputFormat } from '../formats/index.js'
import { VFile } from 'vfile'

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
  let file: VFile
  if (chunk.kind === 'file') {
    let bytes: Uint8Array
    try {
      bytes = readFileSync(chunk.path)
    } catch (error) {
      file = new VFile({ path: chunk.shown })
      addProblem(file, { reason: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, start: 0, end: 0, fatal: true })
      return { shown: chunk.shown, conversations: conversationResults(file), agentWords: 0 }
    }
    file = linter.lintSource(bytes, { path: chunk.shown, format: chunk.format })
  } else {
    file = linter.lintSource(chunk.bytes, { path: chunk.shown, format: 'jsonl' })
  }
  const words = (file.data as { coachlintAgentWords?: number }).coachlintAgentWords ?? 0
  const conversations = conversationResults(file)
  return { shown: chunk.shown, conversations: chunk.kind === 'lines' ? shiftLines(conversations, chunk.firstLine - 1) : conversations, agentWords: words }
}
