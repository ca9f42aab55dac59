/** The `coachlint` command line: a thin layer over the Node API. */
import { createWriteStream, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { ConfigError } from '../config/resolve.js'
import { INPUT_FORMATS, type InputFormat } from '../formats/index.js'
import type { JsonMessage } from '../reporters/json.js'
import { csvHeader, formatCsvRows } from '../reporters/csv.js'
import { formatGithub } from '../reporters/github.js'
import { formatSarif } from '../reporters/sarif.js'
import { parseShard, type Shard } from '../node/shard.js'
import { exitCodeForResults, ResultCollector, toJsonResults, toVFiles, warningCount } from './results.js'
import { lintInputs } from './lint-inputs.js'
import { runReport, type ReportFlags } from './report.js'
import { ScorecardBuilder } from '../report/scorecard.js'
import type { RuleSetting } from '../types.js'
import { createNodeLinter, type NodeLinterOptions } from '../node/index.js'
import { EXIT_FATAL } from './exit-code.js'
import { formatStylish } from './stylish.js'
import { runEvalCommand } from '../eval/command.js'
import { runConvert, type ConvertFlags } from './convert.js'
import { registerDraftCommands } from './draft-commands.js'

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }

interface LintFlags {
  format: 'stylish' | 'json' | 'jsonl' | 'sarif' | 'github' | 'csv' | 'scorecard'
  jobs?: number
  shard?: Shard
  outputFile?: string
  quiet?: boolean
  maxWarnings?: number
  rule: string[]
  config?: string | false
  stdin?: boolean
  stdinFilename?: string
  color: boolean
  printConfig?: boolean
  locale?: 'en' | 'ar'
  inputFormat?: InputFormat
  verbose?: boolean
}

function collectRule(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function parsePositive(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1')
  return n
}

function parseShardArg(value: string): Shard {
  try {
    return parseShard(value)
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message)
  }
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

function write(text: string, outputFile?: string) {
  if (outputFile) {
    mkdirSync(dirname(resolve(outputFile)), { recursive: true })
    writeFileSync(outputFile, text)
  } else process.stdout.write(text)
}

async function runLint(paths: string[], flags: LintFlags): Promise<number> {
  const cwd = process.cwd()
  const overrides = parseRuleFlags(flags.rule)
  const linterOptions: NodeLinterOptions = {
    cwd,
    configFile: typeof flags.config === 'string' ? resolve(flags.config) : undefined,
    noConfig: flags.config === false,
    overrides,
    ...(flags.locale ? { locale: flags.locale } : {})
  }
  const { linter, configPath } = await createNodeLinter(linterOptions)

  if (flags.printConfig) {
    const printed = {
      configFile: configPath ?? null,
      minConfidence: linter.config.minConfidence,
      channel: linter.config.channel ?? null,
      roles: linter.config.roles ?? null,
      ignorePatterns: linter.config.ignorePatterns,
      agents: linter.config.agents ?? null,
      timeZone: linter.config.timeZone ?? null,
      dateOrder: linter.config.dateOrder ?? null,
      csv: linter.config.csv ?? null,
      locale: linter.config.locale ?? null,
      rules: linter.config.settings
    }
    write(JSON.stringify(printed, null, 2) + '\n', flags.outputFile)
    return 0
  }

  const format = flags.format
  const keep = (m: JsonMessage) => !flags.quiet || m.severity === 'error'
  const streamed = format === 'jsonl' || format === 'scorecard'
  const collector = new ResultCollector(!streamed)
  const scorecard = format === 'scorecard' ? new ScorecardBuilder() : undefined
  const out = flags.outputFile ? openOutput(flags.outputFile) : process.stdout
  if (format === 'csv') out.write(csvHeader())

  const ran = await lintInputs(paths, flags, linter, linterOptions, (result) => {
    collector.add(result, keep)
    for (const c of result.conversations) {
      if (format === 'jsonl') out.write(JSON.stringify({ ...c, messages: c.messages.filter(keep) }) + '\n')
      scorecard?.add(c)
    }
  })
  if (ran !== undefined) return ran

  const files = collector.list()
  const code = exitCodeForResults(files, flags.maxWarnings)
  if (format === 'json') out.write(JSON.stringify(toJsonResults(files), null, 2) + '\n')
  else if (scorecard) out.write(JSON.stringify(scorecard.build(), null, 2) + '\n')
  else if (format === 'stylish') {
    out.write(formatStylish(toVFiles(files), { color: flags.color && !flags.outputFile && Boolean(process.stdout.isTTY), quiet: Boolean(flags.quiet), verbose: Boolean(flags.verbose) }))
  } else if (format === 'sarif') out.write(formatSarif(toVFiles(files), linter.config.rules.map((r) => r.rule), pkg.version) + '\n')
  else if (format === 'github') out.write(formatGithub(toVFiles(files)))
  else if (format === 'csv') out.write(formatCsvRows(toVFiles(files)))
  if (out !== process.stdout) await new Promise<void>((r) => (out as WriteStream).end(r))

  if (flags.maxWarnings !== undefined) {
    const warnings = warningCount(files)
    if (warnings > flags.maxWarnings) process.stderr.write(`coachlint found too many warnings (${warnings} > --max-warnings ${flags.maxWarnings}).\n`)
  }
  return code
}

function openOutput(path: string): WriteStream {
  mkdirSync(dirname(resolve(path)), { recursive: true })
  return createWriteStream(path)
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command()
  // Usage mistakes throw a CommanderError (main() turns it into exit code 2) instead of
  // exiting the process with 1. Set before any subcommand is added: subcommands copy these
  // settings when they are created, not later.
  program.exitOverride()
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) })
  // Options after a subcommand belong to it (`report -o x.html`, not the lint command's -o).
  program.enablePositionalOptions()
  program
    .name('coachlint')
    .description('Lint customer-service conversations: arguing, dead ends, unkept promises, slow replies and more, in English and Arabic.')
    .version(pkg.version, '-v, --version')
    .argument('[paths...]', 'files, folders (recursing over .json .jsonl .txt …) or globs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['stylish', 'json', 'jsonl', 'sarif', 'github', 'csv', 'scorecard']).default('stylish'))
    .option('-j, --jobs <n>', 'worker threads for large inputs (default: the number of cores)', parsePositive)
    .option('--shard <i/n>', 'lint only shard i of n (deterministic split by conversation)', parseShardArg)
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
    .addOption(new Option('--locale <lang>', 'language of reasons, tips and suggestions (default: the turn\'s own)').choices(['en', 'ar']))
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
    .command('report')
    .description('scorecards per agent, rule, channel and day: an HTML page with charts, JSON or CSV')
    .argument('[paths...]', 'transcripts to lint, or with --merge the JSONL results of earlier runs (--format jsonl)')
    .addOption(new Option('-f, --format <name>', 'report format').choices(['html', 'json', 'csv']).default('html'))
    .option('-o, --output-file <path>', 'write the report to a file')
    .option('--merge', 'read JSONL results (e.g. from shards) instead of linting')
    .option('--title <text>', 'title of the HTML report')
    .option('-c, --config <path>', 'config file to use')
    .option('--no-config', 'ignore config files')
    .option('--rule <id:severity>', 'set a rule (repeatable)', collectRule, [])
    .option('-j, --jobs <n>', 'worker threads', parsePositive)
    .option('--shard <i/n>', 'only shard i of n', parseShardArg)
    .option('--input-format <format>', 'read inputs as this format')
    .option('--quiet', 'no progress display')
    .action(async (paths: string[], flags: ReportFlags & { rule: string[] }) => {
      setExit(await runReport(paths, { ...flags, overrides: parseRuleFlags(flags.rule) }))
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

  program
    .command('convert')
    .description('print exports (WhatsApp, e-mail, helpdesk JSON, Slack, CSV, …) as canonical transcripts')
    .argument('[paths...]', 'files, folders or globs')
    .addOption(new Option('--to <format>', 'output format').choices(['jsonl', 'json']).default('jsonl'))
    .addOption(new Option('--input-format <format>', 'read inputs as this format instead of detecting it').choices([...INPUT_FORMATS]))
    .option('-c, --config <path>', 'config file (roles, agents, timeZone, dateOrder, csv)')
    .option('--no-config', 'ignore config files')
    .option('-o, --output-file <path>', 'write to a file instead of stdout')
    .action(async (paths: string[], flags: ConvertFlags) => {
      setExit(await runConvert(paths, flags))
    })
  // Pre-send checks: check-draft, serve, mcp.
  registerDraftCommands(program, setExit, { version: pkg.version, parseRuleFlags })
  return program
}

export async function main(argv: string[]): Promise<number> {
  let code = 0
  const program = buildProgram((c) => (code = c))
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
