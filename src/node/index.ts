/** Node entry point: lint files and folders with configuration discovery. */
import { readFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { VFile } from 'vfile'
import { createLinter, type Linter } from '../index.js'
import { addProblem } from '../engine/messages.js'
import type { ConfigObject, RuleSetting } from '../types.js'
import type { InputFormat } from '../formats/index.js'
import { findConfigFile, loadConfigFile, loadPlugins } from './config-loader.js'
import { expandPaths } from './files.js'
import { lintPath, slackContextFor } from './slack-export.js'

export { findConfigFile, loadConfigFile, loadPlugins, toPlugin, CONFIG_FILES } from './config-loader.js'
export { expandPaths } from './files.js'
export { lintPath, sourcesFor, isSlackExportRoot, slackContextFor, type ExportSource } from './slack-export.js'

export interface NodeLinterOptions {
  cwd?: string
  /** A config object (skips discovery). */
  config?: ConfigObject
  /** Path of a config file to use (skips discovery). */
  configFile?: string
  /** Do not look for config files; use the `recommended` preset. */
  noConfig?: boolean
  overrides?: Record<string, RuleSetting>
  /** Force the language of coaching messages (overrides the config's `locale`). */
  locale?: 'en' | 'ar'
}

export interface NodeLinter {
  linter: Linter
  configPath?: string
  config: ConfigObject
}

/** Build a linter from discovered (or given) configuration, loading its plugins. */
export async function createNodeLinter(options: NodeLinterOptions = {}): Promise<NodeLinter> {
  const cwd = options.cwd ?? process.cwd()
  let config: ConfigObject = { extends: 'recommended' }
  let configPath: string | undefined
  if (options.config) config = options.config
  else if (options.configFile) ({ config, path: configPath } = await loadConfigFile(options.configFile))
  else if (!options.noConfig) {
    const found = findConfigFile(cwd)
    if (found) ({ config, path: configPath } = await loadConfigFile(found))
  }
  const plugins = await loadPlugins(config, configPath ? dirname(configPath) : cwd)
  if (options.locale) config = { ...config, locale: options.locale }
  const linter = createLinter({ config, plugins, overrides: options.overrides })
  return { linter, configPath, config }
}

export interface LintFilesOptions extends NodeLinterOptions {
  format?: InputFormat
}

/** Read one file into a VFile with its findings; unreadable files get one fatal message. */
export function lintFile(linter: Linter, path: string, options: { cwd?: string; format?: InputFormat } = {}): VFile {
  const shown = relative(options.cwd ?? process.cwd(), path) || path
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (error) {
    const file = new VFile({ path: shown })
    addProblem(file, { reason: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, start: 0, end: 0, fatal: true })
    return file
  }
  // A day file of an exported Slack folder: read with the export's users and channel.
  const slack = options.format === undefined || options.format === 'slack' ? slackContextFor(path) : undefined
  return linter.lintSource(bytes, { path: shown, format: slack ? 'slack' : options.format, read: slack ? { slack } : undefined })
}

/** Lint files, folders and globs; resolves to one VFile per input file. */
export async function lint(patterns: string[], options: LintFilesOptions = {}): Promise<VFile[]> {
  const cwd = options.cwd ?? process.cwd()
  const { linter } = await createNodeLinter(options)
  const { files, missing } = await expandPaths(patterns, { cwd, ignorePatterns: linter.config.ignorePatterns })
  const out = files.flatMap((f) => lintPath(linter, f, { cwd, format: options.format }))
  for (const m of missing) {
    const file = new VFile({ path: m })
    addProblem(file, { reason: `No such file or no files match: ${m}`, start: 0, end: 0, fatal: true })
    out.push(file)
  }
  return out
}
