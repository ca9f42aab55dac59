/**
 * `coachlint report`: lint inputs (or merge JSONL results written by
 * `--format jsonl`, e.g. from shards) into a scorecard — HTML, JSON or CSV.
 */
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { ScorecardBuilder } from '../report/scorecard.js'
import { scorecardCsv } from '../report/scorecard.js'
import { scorecardHtml } from '../report/html.js'
import type { ConversationResult } from '../reporters/conversations.js'
import { createNodeLinter, expandPaths, type NodeLinterOptions } from '../node/index.js'
import { lintInputs, type InputFlags } from './lint-inputs.js'
import { EXIT_FATAL } from './exit-code.js'

export interface ReportFlags extends InputFlags {
  format: 'html' | 'json' | 'csv'
  outputFile?: string
  merge?: boolean
  title?: string
  config?: string | false
  overrides: Record<string, unknown>
}

async function mergeResults(paths: string[], card: ScorecardBuilder): Promise<number> {
  const { files, missing } = await expandPaths(paths, { cwd: process.cwd(), useIgnoreFile: false })
  if (missing.length > 0 || files.length === 0) {
    process.stderr.write(`coachlint report: no results files found for ${missing.join(', ') || paths.join(', ')}\n`)
    return EXIT_FATAL
  }
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
    let n = 0
    for await (const line of lines) {
      n++
      if (!line.trim()) continue
      let result: ConversationResult
      try {
        result = JSON.parse(line) as ConversationResult
      } catch {
        process.stderr.write(`${file}:${n}: not a JSON results line; skipped\n`)
        continue
      }
      if (!result || !Array.isArray(result.messages) || typeof result.agentTurns !== 'object') {
        process.stderr.write(`${file}:${n}: not a coachlint result (expected the output of --format jsonl); skipped\n`)
        continue
      }
      card.add(result)
    }
  }
  return 0
}

export async function runReport(paths: string[], flags: ReportFlags): Promise<number> {
  const card = new ScorecardBuilder()
  if (flags.merge) {
    const code = await mergeResults(paths, card)
    if (code !== 0) return code
  } else {
    const linterOptions: NodeLinterOptions = {
      cwd: process.cwd(),
      configFile: typeof flags.config === 'string' ? resolve(flags.config) : undefined,
      noConfig: flags.config === false,
      overrides: flags.overrides as NodeLinterOptions['overrides']
    }
    const { linter } = await createNodeLinter(linterOptions)
    const code = await lintInputs(paths, flags, linter, linterOptions, (result) => {
      for (const c of result.conversations) card.add(c)
    })
    if (code !== undefined) return code
  }
  const built = card.build()
  const text = flags.format === 'json' ? JSON.stringify(built, null, 2) + '\n' : flags.format === 'csv' ? scorecardCsv(built) : scorecardHtml(built, flags.title)
  if (flags.outputFile) {
    mkdirSync(dirname(resolve(flags.outputFile)), { recursive: true })
    await new Promise<void>((done, fail) => createWriteStream(flags.outputFile!).on('error', fail).end(text, done))
    process.stderr.write(`coachlint: wrote ${flags.outputFile} (${built.totals.conversations} conversations, ${built.totals.findings} findings)\n`)
  } else process.stdout.write(text)
  return 0
}
