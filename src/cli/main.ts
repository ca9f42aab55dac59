/** The `coachlint` command line: a thin layer over the Node API. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import type { VFile } from 'vfile'
import { ConfigError } from '../config/resolve.js'
import { INPUT_FORMATS, type InputFormat } from '../formats/index.js'
import { formatJson } from '../reporters/json.js'
import type { RuleSetting } from '../types.js'
import { createNodeLinter, expandPaths, lintFile } from '../node/index.js'
import { addProblem } from '../engine/messages.js'
import { EXIT_FATAL, exitCodeFor } from './exit-code.js'
import { formatStylish } from './stylish.js'
import { runEvalCommand } from '../eval/command.js'
import { VFile as VFileClass } from 'vfile'

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }

interface LintFlags {
  format: 'stylish' | 'json'
  outputFile?: string
  quiet?: boolean
  maxWarnings?: number
  rule: string[]
  config?: string | false
  stdin?: boolean
  stdinFilename?: string
  color: boolean
  printConfig?: boolean
  inputFormat?: InputFormat
  verbose?: boolean
}

function collectRule(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function parseIntArg(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0')
  return n
}

/** `--rule slow-reply:error` or `--rule 'slow-reply:["warn",{"limits":{"chat":"5m"}}]'`. */
export function parseRuleFlags(flags: string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {}
  for (const flag of flags) {
    const colon = flag.indexOf(':')
    if (colon <= 0) throw new ConfigError(`--rule ${JSON.stringify(flag)}: expected id:severity, e.g. --rule slow-reply:error`)
    const id = flag.slice(0, colon).trim()
    const value = flag.slice(colon + 1).trim()
    if (value.startsWith('[')) {
      try {
        out[id] = JSON.parse(value) as RuleSetting
      } catch {
        throw new ConfigError(`--rule ${id}: ${JSON.stringify(value)} is not valid JSON`)
      }
    } else out[id] = value as RuleSetting
  }
  return out
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function write(text: string, outputFile?: string) {
  if (outputFile) {
    mkdirSync(dirname(resolve(outputFile)), { recursive: true })
    writeFileSync(outputFile, text)
  } else process.stdout.write(text)
}

async function runLint(paths: string[], flags: LintFlags): Promise<number> {
  const cwd = process.cwd()
  const overrides = parseRuleFlags(flags.rule)
  const { linter, configPath } = await createNodeLinter({
    cwd,
    configFile: typeof flags.config === 'string' ? flags.config : undefined,
    noConfig: flags.config === false,
    overrides
  })

  if (flags.printConfig) {
    const printed = {
      configFile: configPath ?? null,
      minConfidence: linter.config.minConfidence,
      channel: linter.config.channel ?? null,
      roles: linter.config.roles ?? null,
      ignorePatterns: linter.config.ignorePatterns,
      rules: linter.config.settings
    }
    write(JSON.stringify(printed, null, 2) + '\n', flags.outputFile)
    return 0
  }

  let files: VFile[]
  if (flags.stdin) {
    const bytes = await readStdin()
    files = [linter.lintSource(bytes, { path: flags.stdinFilename ?? '<stdin>', format: flags.inputFormat })]
  } else {
    if (paths.length === 0) {
      process.stderr.write('coachlint: no files given. Try: coachlint transcripts/  (or --stdin, or --help)\n')
      return EXIT_FATAL
    }
    const { files: found, missing } = await expandPaths(paths, { cwd, ignorePatterns: linter.config.ignorePatterns })
    files = found.map((f) => lintFile(linter, f, { cwd, format: flags.inputFormat }))
    for (const m of missing) {
      const file = new VFileClass({ path: m })
      addProblem(file, { reason: `No such file, or no files match: ${m}`, start: 0, end: 0, fatal: true })
      files.push(file)
    }
  }

  if (flags.quiet) {
    for (const file of files) file.messages = file.messages.filter((m) => m.fatal === true)
  }
  const code = exitCodeFor(files, flags.maxWarnings)
  const output =
    flags.format === 'json'
      ? formatJson(files) + '\n'
      : formatStylish(files, { color: flags.color && !flags.outputFile && Boolean(process.stdout.isTTY), quiet: Boolean(flags.quiet), verbose: Boolean(flags.verbose) })
  write(output, flags.outputFile)
  if (flags.format !== 'json' && flags.maxWarnings !== undefined) {
    const warnings = files.flatMap((f) => f.messages).filter((m) => m.fatal === false).length
    if (warnings > flags.maxWarnings) process.stderr.write(`coachlint found too many warnings (${warnings} > --max-warnings ${flags.maxWarnings}).\n`)
  }
  return code
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command()
  program
    .name('coachlint')
    .description('Lint customer-service conversations: arguing, dead ends, unkept promises, slow replies and more, in English and Arabic.')
    .version(pkg.version, '-v, --version')
    .argument('[paths...]', 'files, folders (recursing over .json .jsonl .txt …) or globs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseIntArg)
    .option('--rule <id:severity>', 'set a rule, e.g. --rule slow-reply:error (repeatable)', collectRule, [])
    .option('-c, --config <path>', 'use this config file instead of looking for one')
    .option('--no-config', 'ignore config files; use the recommended preset')
    .option('--stdin', 'lint the text given on standard input')
    .option('--stdin-filename <name>', 'name (and format, by extension) for --stdin input')
    .addOption(new Option('--input-format <format>', 'read inputs as this format instead of detecting it').choices([...INPUT_FORMATS]))
    .option('--no-color', 'plain output without colours')
    .option('--verbose', 'show the coaching tip and docs link under each finding')
    .option('--print-config', 'print the resolved configuration and exit')
    .addHelpText(
      'after',
      `
Examples:
  $ coachlint fixtures/examples                 lint every transcript in a folder
  $ coachlint 'exports/**/*.jsonl' -f json      machine-readable results
  $ coachlint chat.txt --rule slow-reply:error  make slow replies fail the run
  $ cat conv.json | coachlint --stdin --stdin-filename conv.json
  $ coachlint rules                             list the rules and their defaults
  $ coachlint eval ../shared/corpus --show 10   precision/recall on labelled conversations

Exit codes: 0 no error findings, 1 error findings or --max-warnings exceeded,
2 usage or configuration error, or an input that could not be read at all.`
    )
    .action(async (paths: string[], flags: LintFlags) => {
      setExit(await runLint(paths, flags))
    })

  program
    .command('rules')
    .description('list the available rules with their default severity')
    .option('-c, --config <path>', 'config file that may load plugin rules')
    .option('--json', 'as JSON')
    .action(async (flags: { config?: string; json?: boolean }) => {
      const { linter } = await createNodeLinter({ cwd: process.cwd(), configFile: flags.config, noConfig: !flags.config, config: flags.config ? undefined : { extends: 'all' } })
      const rows = linter.config.rules.map((r) => ({ id: r.rule.meta.id, recommended: r.rule.meta.recommended, description: r.rule.meta.description, url: r.rule.meta.url ?? null }))
      if (flags.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n')
      else {
        const width = Math.max(...rows.map((r) => r.id.length), 4)
        process.stdout.write(rows.map((r) => `${r.id.padEnd(width)}  ${r.recommended.padEnd(5)}  ${r.description}`).join('\n') + '\n')
      }
      setExit(0)
    })

  program
    .command('eval')
    .description('measure precision and recall of the rules on labelled conversations (.jsonl with "expect")')
    .argument('[paths...]', 'labelled .jsonl files or folders')
    .option('--show <n>', 'list up to n false positives and misses per rule, with their text', parseIntArg)
    .option('--json', 'machine-readable scores')
    .option('-c, --config <path>', 'config to evaluate (default: the recommended preset)')
    .option('--rule <id:severity>', 'set a rule (repeatable)', collectRule, [])
    .action(async (paths: string[], flags: { show?: number; json?: boolean; config?: string; rule: string[] }) => {
      setExit(await runEvalCommand(paths, flags))
    })
  return program
}

export async function main(argv: string[]): Promise<number> {
  let code = 0
  const program = buildProgram((c) => (code = c))
  program.exitOverride()
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) })
  try {
    await program.parseAsync(argv)
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; usage mistakes with 2.
      return error.exitCode === 0 ? 0 : EXIT_FATAL
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`coachlint: configuration error: ${error.message}\n`)
      return EXIT_FATAL
    }
    process.stderr.write(`coachlint: ${(error as Error).stack ?? error}\n`)
    return EXIT_FATAL
  }
}
