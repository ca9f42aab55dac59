/** Worker thread: builds its own linter once, then lints chunks. */
import { createNodeLinter, type NodeLinterOptions } from './index.js'
import type { Linter } from '../engine/linter.js'
import { lintChunk, type Chunk, type ChunkResult } from './chunks.js'
import { heapBudget } from './heap-budget.js'

let linter: Promise<Linter> | undefined
const keepHeap = heapBudget()

export interface WorkerTask {
  options: NodeLinterOptions
  chunk: Chunk
}

export default async function run(task: WorkerTask): Promise<ChunkResult> {
  linter ??= createNodeLinter(task.options).then((l) => l.linter)
  const result = lintChunk(await linter, task.chunk)
  keepHeap()
  return result
}
