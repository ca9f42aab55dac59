/**
 * coachlint — lint customer-service conversations.
 *
 * Browser-safe entry point: the linter, the rule API, the transcript readers
 * and the built-in rules. File-system helpers live in `coachlint/node`.
 */
import builtinPlugin from '../rules/index.js'
import { createEngine, type Linter as EngineLinter, type LinterOptions } from './engine/linter.js'
import { createDraftChecker, type DraftInput, type DraftOptions, type DraftResult } from './draft/lint-draft.js'

export type { LintSourceOptions } from './engine/linter.js'
export * from './draft/index.js'
export { loadEnglish, englishLoaded } from './text/english.js'

export interface Linter extends EngineLinter {
  /** Check a draft reply against the conversation so far (pre-send); see `lintDraft`. */
  lintDraft(input: DraftInput, options?: DraftOptions): DraftResult
}
export type * from './types.js'
export type { CoachlintMessage } from './engine/messages.js'
export type { Finding } from './engine/run-rules.js'
export { defineRule } from './engine/define-rule.js'
export { batchesOf, runRules, runRulesOnBatch } from './engine/run-rules.js'
export { ConfigError, resolveConfig, type ResolvedConfig } from './config/resolve.js'
export { readInput, detectFormat, readSlackZip, FORMATS_HELP, KNOWN_EXTENSIONS, INPUT_FORMATS, type InputFormat, type ReadInput } from './formats/index.js'
export { formatJson, toJsonResult, type JsonFileResult, type JsonMessage } from './reporters/json.js'
export { RuleTester, runRule, toTranscript } from './testing/rule-tester.js'
export { builtinPlugin }

export interface CreateLinterOptions extends Partial<LinterOptions> {
  /** Leave the built-in rules out (only the given plugins are loaded). */
  noBuiltins?: boolean
}

/** Create a linter; the built-in rules and presets are loaded unless `noBuiltins`. */
export function createLinter(options: CreateLinterOptions = {}): Linter {
  const plugins = options.noBuiltins ? options.plugins ?? [] : [builtinPlugin, ...(options.plugins ?? [])]
  const engine = createEngine({ config: options.config, plugins, overrides: options.overrides })
  return Object.assign(engine, { lintDraft: createDraftChecker(engine.config) })
}

let draftLinter: Linter | undefined

/**
 * Check a draft reply before it is sent, with the `recommended` rules (a linter
 * made once and kept, so repeated checks of one conversation are fast):
 * `{verdict: 'send' | 'review' | 'block', messages, suggestions}`.
 */
export function lintDraft(input: DraftInput, options?: DraftOptions): DraftResult {
  return (draftLinter ??= createLinter()).lintDraft(input, options)
}

/** The `recommended` preset of the built-in rules. */
export const recommended = builtinPlugin.configs!.recommended!
/** Every built-in rule on. */
export const all = builtinPlugin.configs!.all!
