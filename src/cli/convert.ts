/**
 * `coachlint convert <files…> [--to jsonl|json]`: read any supported export
 * and print the canonical transcripts, for inspection and pipelines. Input
 * problems go to standard error as `path:line:column: severity: reason`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { location } from 'vfile-location'
import { readInput, type InputFormat } from '../formats/index.js'
import type { Transcript } from '../types.js'
import { createNodeLinter, expandPaths, sourcesFor } from '../node/index.js'
import { EXIT_FATAL } from './exit-code.js'

export interface ConvertFlags {
  to: 'jsonl' | 'json'
  inputFormat?: InputFormat
  config?: string | false
  outputFile?: string
}

/** A transcript as the canonical format writes it (times as ISO strings, no parsed fields). */
export function canonical(t: Transcript): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.id, channel: t.channel }
  if (t.language !== undefined) out.language = t.language
  out.turns = t.turns.map((turn) => {
    const o: Record<string, unknown> = { role: turn.role }
    if (turn.author !== undefined) o.author = turn.author
    if (turn.at !== undefined) o.at = turn.at
    o.text = turn.text
    return o
  })
  for (const [k, v] of Object.entries(t.extra ?? {})) if (!(k in out) && v !== undefined) out[k] = v
  return out
}

export async function runConvert(paths: string[], flags: ConvertFlags): Promise<number> {
  const cwd = process.cwd()
  if (paths.length === 0) {
    process.stderr.write('coachlint convert: no files given. Try: coachlint convert exports/ --to jsonl\n')
    return EXIT_FATAL
  }
  const { linter } = await createNodeLinter({ cwd, configFile: typeof flags.config === 'string' ? resolve(flags.config) : undefined, noConfig: flags.config === false })
  const c = linter.config
  const readOptions = { channel: c.channel, roles: c.roles, agents: c.agents, timeZone: c.timeZone, dateOrder: c.dateOrder, csv: c.csv }
  const { files, missing } = await expandPaths(paths, { cwd, ignorePatterns: c.ignorePatterns })
  const out: Array<Record<string, unknown>> = []
  let fatal = false
  let unreadable = missing.length > 0
  for (const m of missing) process.stderr.write(`${m}: error: no such file, or no files match\n`)

  for (const path of files) {
    for (const source of sourcesFor(path, relative(cwd, path) || path, flags.inputFormat)) {
      if (source.error) {
        process.stderr.write(`${source.shown}: error: ${source.error}\n`)
        unreadable = true
        continue
      }
      let bytes = source.bytes
      if (!bytes) {
        try {
          bytes = readFileSync(source.path!)
        } catch (error) {
          process.stderr.write(`${source.shown}: error: cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`)
          unreadable = true
          continue
        }
      }
      const read = readInput(bytes, { ...readOptions, ...source.read, name: source.shown, format: source.format })
      const loc = location(read.text)
      for (const p of read.problems) {
        const at = loc.toPoint(p.start)
        process.stderr.write(`${source.shown}:${at ? `${at.line}:${at.column}` : '1:1'}: ${p.fatal ? 'error' : 'warning'}: ${p.reason}\n`)
        if (p.fatal) fatal = true
      }
      if (read.conversations.length === 0) unreadable = true
      for (const conversation of read.conversations) out.push(canonical(conversation.transcript))
    }
  }
  const text = flags.to === 'json' ? JSON.stringify(out, null, 2) + '\n' : out.map((o) => JSON.stringify(o)).join('\n') + (out.length > 0 ? '\n' : '')
  if (flags.outputFile) {
    mkdirSync(dirname(resolve(flags.outputFile)), { recursive: true })
    writeFileSync(flags.outputFile, text)
  } else process.stdout.write(text)
  return out.length === 0 || (unreadable && files.length <= 1) ? EXIT_FATAL : fatal || unreadable ? 1 : 0
}
