/** Expand the CLI's inputs (paths, globs, folders or stdin) and lint them through the pipeline. */
import { relative } from 'node:path'
import { VFile } from 'vfile'
import type { Linter } from '../engine/linter.js'
import { addProblem } from '../engine/messages.js'
import type { InputFormat } from '../formats/index.js'
import type { ChunkResult } from '../node/chunks.js'
import { expandPaths, type NodeLinterOptions } from '../node/index.js'
import { runPipeline, totalSize, type PipelineInput } from '../node/pipeline.js'
import { createProgress } from '../node/progress.js'
import type { Shard } from '../node/shard.js'
import { conversationResults } from '../reporters/conversations.js'
import { EXIT_FATAL } from './exit-code.js'

export interface InputFlags {
  stdin?: boolean
  stdinFilename?: string
  inputFormat?: InputFormat
  jobs?: number
  shard?: Shard
  quiet?: boolean
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/** Lint every input, handing results over in input order; returns an exit code only on a usage error. */
export async function lintInputs(
  paths: string[],
  flags: InputFlags,
  linter: Linter,
  linterOptions: NodeLinterOptions,
  onResult: (result: ChunkResult) => void
): Promise<number | undefined> {
  const cwd = linterOptions.cwd ?? process.cwd()
  const inputs: PipelineInput[] = []
  const missing: string[] = []
  if (flags.stdin) {
    const shown = flags.stdinFilename ?? '<stdin>'
    const format = flags.inputFormat ?? (/\.(jsonl|ndjson)$/i.test(shown) ? 'jsonl' : undefined)
    if (format === 'jsonl') inputs.push({ shown, format, stream: process.stdin })
    else {
      // Other formats are read whole, then linted as one file.
      const file = linter.lintSource(await readAll(process.stdin), { path: shown, format })
      onResult({ shown, conversations: conversationResults(file), agentWords: 0 })
    }
  } else {
    if (paths.length === 0) {
      process.stderr.write('coachlint: no files given. Try: coachlint transcripts/  (or --stdin, or --help)\n')
      return EXIT_FATAL
    }
    const expanded = await expandPaths(paths, { cwd, ignorePatterns: linter.config.ignorePatterns })
    for (const f of expanded.files) inputs.push({ path: f, shown: relative(cwd, f) || f, format: flags.inputFormat })
    missing.push(...expanded.missing)
  }

  await runPipeline({
    linter,
    linterOptions,
    inputs,
    jobs: flags.jobs,
    shard: flags.shard,
    progress: createProgress(process.stderr, totalSize(inputs), !flags.quiet),
    onResult
  })
  for (const m of missing) {
    const file = new VFile({ path: m })
    addProblem(file, { reason: `No such file, or no files match: ${m}`, start: 0, end: 0, fatal: true })
    onResult({ shown: m, conversations: conversationResults(file), agentWords: 0 })
  }
  return undefined
}
