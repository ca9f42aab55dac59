/** The browser-safe linter: configuration in, VFiles with messages out. */
import { VFile } from 'vfile'
import { compareMessage } from 'vfile-sort'
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js'
import { readInput, type InputFormat, type ReadOptions } from '../formats/index.js'
import type { ConfigObject, Plugin, RuleSetting, Transcript } from '../types.js'
import { addProblem } from './messages.js'
import { createProcessor, lintConversation } from './processor.js'

export interface LinterOptions {
  /** Configuration object (already loaded); defaults to `{ extends: 'recommended' }`. */
  config?: ConfigObject
  /** Loaded plugins; the first one's presets answer bare `extends` names. */
  plugins: Plugin[]
  /** Rule settings applied after the config (e.g. `--rule`). */
  overrides?: Record<string, RuleSetting>
}

export interface LintSourceOptions {
  path?: string
  format?: InputFormat
  /** Extra reader context (e.g. Slack users from an export's users.json). */
  read?: Partial<Omit<ReadOptions, 'name'>>
}

export interface Linter {
  readonly config: ResolvedConfig
  /** Lint the contents of one input file (any supported format). */
  lintSource(content: string | Uint8Array, options?: LintSourceOptions): VFile
  /** Lint one conversation object; positions are within each turn's text. */
  lintTranscript(transcript: Transcript | unknown, options?: { path?: string }): VFile
}

export function sortMessages(file: VFile): VFile {
  file.messages.sort(compareMessage)
  return file
}

export function createEngine(options: LinterOptions): Linter {
  const config = resolveConfig({ config: options.config ?? { extends: 'recommended' }, plugins: options.plugins, overrides: options.overrides })
  const lintOptions = { rules: config.rules, minConfidence: config.minConfidence, locale: config.locale === 'ar' || config.locale === 'en' ? (config.locale as 'en' | 'ar') : undefined }
  const readOptions = { channel: config.channel, roles: config.roles, agents: config.agents, timeZone: config.timeZone, dateOrder: config.dateOrder, csv: config.csv }

  return {
    config,
    lintSource(content, { path, format, read } = {}) {
      const file = new VFile({ path, value: content })
      const processor = createProcessor({ ...readOptions, ...read, format }, lintOptions)
      const tree = processor.parse(file)
      processor.runSync(tree, file)
      return sortMessages(file)
    },
    lintTranscript(transcript, { path } = {}) {
      const file = new VFile({ path })
      // Validate through the same reader as files, so objects get the same checks.
      let json: string
      try {
        json = JSON.stringify(transcript) ?? 'null'
      } catch (error) {
        addProblem(file, { reason: `Cannot read conversation: ${(error as Error).message}`, start: 0, end: 0, fatal: true })
        return file
      }
      const read = readInput(json, { ...readOptions, name: path ?? 'conversation', format: 'json' })
      ;(file.data as Record<string, unknown>).coachlintText = json
      for (const p of read.problems) addProblem(file, p)
      for (const c of read.conversations) lintConversation(file, c.transcript, undefined, lintOptions)
      return sortMessages(file)
    }
  }
}
