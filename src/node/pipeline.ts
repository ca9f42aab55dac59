/**
 * The run pipeline for many and large inputs: JSON Lines are streamed in
 * batches of lines (memory bounded by the batch and the largest conversation,
 * not by the corpus), other files are whole-file chunks; chunks go to a
 * worker-thread pool (piscina) or run in-process, and results come back in
 * input order, whatever order the workers finish in.
 */
import { createReadStream, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import type { Linter } from '../engine/linter.js'
import type { InputFormat } from '../formats/index.js'
import { lintChunk, type Chunk, type ChunkResult } from './chunks.js'
import { heapBudget } from './heap-budget.js'
import type { NodeLinterOptions } from './index.js'
import type { Progress } from './progress.js'
import { inShard, type Shard } from './shard.js'
import type { WorkerTask } from './worker.js'

export interface PipelineInput {
  /** Absolute path, or undefined for standard input. */
  path?: string
  /** Path as shown in reports. */
  shown: string
  format?: InputFormat
  /** For standard input: the byte stream. */
  stream?: AsyncIterable<Uint8Array>
}

export interface PipelineOptions {
  linter: Linter
  linterOptions: NodeLinterOptions
  inputs: PipelineInput[]
  /** Worker threads; 1 runs everything in this thread. Default: the machine's cores. */
  jobs?: number
  shard?: Shard
  progress?: Progress
  /** Called once per chunk, in input order. */
  onResult(result: ChunkResult): void | Promise<void>
  /** Lines per batch (default 500) and bytes per batch (default 1 MiB). */
  batchLines?: number
  batchBytes?: number
}

/**
 * Below this much input, starting worker threads costs more than it saves:
 * each worker builds its own lexicon indexes and warms up its own JIT (a few
 * seconds), which the input must pay back. With two workers that takes about
 * twice the input (measured on two cores: one thread and two were even at
 * 8 MB of JSON Lines; two were 25% faster at 21 MB and 18% slower at 4 MB).
 * COACHLINT_PARALLEL_THRESHOLD (bytes) overrides it, e.g. 0 to always use workers.
 */
function parallelThreshold(jobs: number): number {
  const env = typeof process !== 'undefined' ? process.env.COACHLINT_PARALLEL_THRESHOLD : undefined
  const n = env === undefined || env === '' ? NaN : Number(env)
  if (Number.isFinite(n) && n >= 0) return n
  return (jobs <= 2 ? 8 : 4) * 1024 * 1024
}

export const defaultJobs = (): number => Math.max(1, availableParallelism())

function isJsonl(input: PipelineInput): boolean {
  if (input.format) return input.format === 'jsonl'
  return /\.(jsonl|ndjson)$/i.test(input.shown)
}

function sizeOf(input: PipelineInput): number {
  if (!input.path) return 0
  try {
    return statSync(input.path).size
  } catch {
    return 0
  }
}

/** Split a byte stream into batches of whole lines, keeping line numbers (skipped lines stay as blanks). */
async function* lineBatches(
  stream: AsyncIterable<Uint8Array>,
  input: PipelineInput,
  shard: Shard | undefined,
  maxLines: number,
  maxBytes: number,
  onBytes: (n: number) => void
): AsyncGenerator<Chunk> {
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  let lineNo = 0
  let batch: Uint8Array[] = []
  let batchBytes = 0
  let batchLines = 0
  let batchFirst = 1
  let batchHasContent = false
  const newline = new Uint8Array([0x0a])

  const flush = (): Chunk | undefined => {
    const chunk: Chunk | undefined = batchHasContent
      ? { kind: 'lines', shown: input.shown, firstLine: batchFirst, bytes: concat(batch, batchBytes) }
      : undefined
    batch = []
    batchBytes = 0
    batchLines = 0
    batchHasContent = false
    batchFirst = lineNo + 1
    return chunk
  }

  const addLine = (line: Uint8Array) => {
    lineNo++
    const keep = inShard(`${input.shown}:${lineNo}`, shard)
    const body = keep ? line : new Uint8Array(0)
    if (keep && line.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0d)) batchHasContent = true
    batch.push(body, newline)
    batchBytes += body.length + 1
    batchLines++
  }

  for await (const piece of stream) {
    onBytes(piece.length)
    let start = 0
    for (let i = 0; i < piece.length; i++) {
      if (piece[i] !== 0x0a) continue
      const tail = piece.subarray(start, i)
      const line = pending.length > 0 ? concat([...pending, tail], pendingBytes + tail.length) : tail
      pending = []
      pendingBytes = 0
      addLine(line)
      start = i + 1
      if (batchLines >= maxLines || batchBytes >= maxBytes) {
        const chunk = flush()
        if (chunk) yield chunk
      }
    }
    if (start < piece.length) {
      // Copy: the stream may reuse its buffer.
      const rest = piece.slice(start)
      pending.push(rest)
      pendingBytes += rest.length
    }
  }
  if (pendingBytes > 0) addLine(concat(pending, pendingBytes))
  const chunk = flush()
  if (chunk) yield chunk
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

async function* chunksOf(options: PipelineOptions, onBytes: (n: number) => void): AsyncGenerator<Chunk> {
  const maxLines = options.batchLines ?? 500
  const maxBytes = options.batchBytes ?? 1024 * 1024
  for (const input of options.inputs) {
    if (input.stream || isJsonl(input)) {
      const stream = input.stream ?? createReadStream(input.path!, { highWaterMark: 1024 * 1024 })
      try {
        let any = false
        for await (const chunk of lineBatches(stream, input, options.shard, maxLines, maxBytes, onBytes)) {
          any = true
          yield chunk
        }
        if (!any && !options.shard) yield { kind: 'lines', shown: input.shown, firstLine: 1, bytes: new Uint8Array(0) }
      } catch (error) {
        // Unreadable file: let the whole-file path report it.
        if (input.path) yield { kind: 'file', path: input.path, shown: input.shown, format: input.format }
        else throw error
      }
    } else if (inShard(input.shown, options.shard)) {
      onBytes(sizeOf(input))
      yield { kind: 'file', path: input.path!, shown: input.shown, format: input.format }
    }
  }
}

export function totalSize(inputs: PipelineInput[]): number {
  return inputs.reduce((n, i) => n + sizeOf(i), 0)
}

/** Run the pipeline; resolves with totals when every result has been handed to `onResult`. */
export async function runPipeline(options: PipelineOptions): Promise<{ conversations: number; agentWords: number }> {
  const totalBytes = totalSize(options.inputs)
  const jobs = Math.max(1, options.jobs ?? defaultJobs())
  const parallel = jobs > 1 && totalBytes >= parallelThreshold(jobs)
  let bytesDone = 0
  let conversations = 0
  let agentWords = 0
  const emit = async (result: ChunkResult) => {
    const n = result.conversations.filter((c) => c.conversation !== null).length
    conversations += n
    agentWords += result.agentWords
    options.progress?.tick(n, bytesDone)
    await options.onResult(result)
  }

  if (!parallel) {
    const keepHeap = heapBudget()
    for await (const chunk of chunksOf(options, (n) => (bytesDone += n))) {
      await emit(lintChunk(options.linter, chunk))
      keepHeap()
    }
    options.progress?.done()
    return { conversations, agentWords }
  }

  const pool = new Piscina<WorkerTask, ChunkResult>({
    filename: fileURLToPath(new URL('./worker.js', import.meta.url)),
    minThreads: jobs,
    maxThreads: jobs
  })
  const inFlight: Array<Promise<ChunkResult>> = []
  const window = jobs * 4
  try {
    for await (const chunk of chunksOf(options, (n) => (bytesDone += n))) {
      inFlight.push(pool.run({ options: options.linterOptions, chunk }))
      while (inFlight.length >= window) await emit(await inFlight.shift()!)
    }
    while (inFlight.length > 0) await emit(await inFlight.shift()!)
  } finally {
    await pool.destroy()
    options.progress?.done()
  }
  return { conversations, agentWords }
}
