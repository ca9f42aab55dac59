/** The pre-send subcommands: `check-draft`, `serve` and `mcp` (their servers are loaded only when used). */
import { resolve } from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { ConfigError } from '../config/resolve.js'
import { INPUT_FORMATS } from '../formats/index.js'
import { createNodeLinter } from '../node/index.js'
import type { RuleSetting } from '../types.js'
import { parseThreshold, runCheckDraft, type CheckDraftFlags } from './check-draft.js'
import { EXIT_FATAL, EXIT_OK } from './exit-code.js'

export interface DraftCommandsContext {
  version: string
  parseRuleFlags: (flags: string[]) => Record<string, RuleSetting>
}

interface LinterFlags {
  config?: string | false
  rule: string[]
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

const collect = (value: string, previous: string[]) => [...previous, value]

function port(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0–65535 (0: any free port)')
  return n
}

function bytes(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|kib|mb|m|mib)?$/i.exec(value.trim())
  if (!m) throw new InvalidArgumentError('expected a size such as 1mb, 512kb or 100000')
  const unit = (m[2] ?? 'b').toLowerCase()
  const n = Number(m[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1)
  if (n < 1) throw new InvalidArgumentError('expected a size of at least 1 byte')
  return Math.floor(n)
}

function threshold(value: string) {
  try {
    return parseThreshold(value)
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message)
  }
}

function withLinterOptions(command: Command): Command {
  // Usage mistakes throw (main() turns them into exit code 2) instead of exiting with 1:
  // subcommands do not inherit an exitOverride set on the program after they were added.
  return command
    .exitOverride()
    .option('-c, --config <path>', 'use this config file instead of looking for one')
    .option('--no-config', 'ignore config files; use the recommended preset')
    .option('--rule <id:severity>', 'set a rule, e.g. --rule no-dead-end:error (repeatable)', collect, [])
}

async function linterFor(flags: LinterFlags, context: DraftCommandsContext) {
  const { linter } = await createNodeLinter({
    cwd: process.cwd(),
    configFile: typeof flags.config === 'string' ? resolve(flags.config) : undefined,
    noConfig: flags.config === false,
    overrides: context.parseRuleFlags(flags.rule)
  })
  return linter
}

export function registerDraftCommands(program: Command, setExit: (code: number) => void, context: DraftCommandsContext): void {
  withLinterOptions(
    program
      .command('check-draft')
      .description('check a draft reply against the conversation so far before it is sent (exit 1 when the verdict is block)')
      .requiredOption('--conversation <path>', 'the conversation so far (canonical JSON, or any format coachlint reads)')
      .option('--draft <text>', 'the draft reply (default: standard input)')
      .option('--at <time>', 'when it would be sent, ISO 8601 (default: now)')
      .option('--author <name>', 'who is sending it')
      .option('--id <id>', 'the conversation to use when the file holds several')
      .addOption(new Option('--input-format <format>', 'read the conversation file as this format').choices([...INPUT_FORMATS]))
      .addOption(new Option('-f, --format <name>', 'output format').choices(['stylish', 'json']).default('stylish'))
      .option('--block <severity[:confidence]>', 'findings that block sending (default error:0.8; off: never block)', threshold)
      .option('--review <severity[:confidence]>', 'findings that call for review (default warn; off: never)', threshold)
      .option('--verbose', 'show the coaching tip and docs link under each finding')
  )
    .addHelpText(
      'after',
      `
Examples:
  $ coachlint check-draft --conversation chat.json --draft "I don't know"
  $ echo "Calm down, you clicked the wrong button" | coachlint check-draft --conversation chat.json -f json
  $ coachlint check-draft --conversation chat.json --draft "…" --block warn:0.7

Exit codes: 0 send or review, 1 block, 2 usage error (bad flags, unreadable conversation).`
    )
    .action(async (flags: CheckDraftFlags & LinterFlags) => {
      setExit(await runCheckDraft(await linterFor(flags, context), flags))
    })

  withLinterOptions(
    program
      .command('serve')
      .description('serve pre-send checks over HTTP: POST /check-draft, POST /lint, GET /health (JSON)')
      .option('--port <n>', 'port (0: any free port)', port, 8787)
      .option('--host <host>', 'address to bind (the service has no authentication: keep it on localhost)', '127.0.0.1')
      .option('--max-body <size>', 'largest request body, e.g. 512kb or 2mb (default: 1mb)', bytes)
  ).action(async (flags: LinterFlags & { port: number; host: string; maxBody?: number }) => {
    const linter = await linterFor(flags, context)
    const { createDraftServer, isLoopback } = await import('../server/http.js')
    const server = createDraftServer(linter, { maxBodyBytes: flags.maxBody ?? DEFAULT_MAX_BODY_BYTES, version: context.version })
    await new Promise<void>((done, fail) => {
      server.once('error', (error: NodeJS.ErrnoException) => fail(new ConfigError(`cannot listen on ${flags.host}:${flags.port}: ${error.code ?? error.message}`)))
      server.listen(flags.port, flags.host, () => done())
    })
    const address = server.address()
    const actual = typeof address === 'object' && address ? address.port : flags.port
    const host = flags.host.includes(':') && !flags.host.startsWith('[') ? `[${flags.host}]` : flags.host
    process.stdout.write(`coachlint: listening on http://${host}:${actual} (POST /check-draft, POST /lint, GET /health)\n`)
    if (!isLoopback(flags.host)) process.stderr.write(`coachlint: warning: ${flags.host} is reachable from other machines and the service has no authentication\n`)
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        server.close(() => done())
        server.closeAllConnections()
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    setExit(EXIT_OK)
  })

  withLinterOptions(
    program.command('mcp').description('run a Model Context Protocol server on stdio with the tools check_draft and lint_conversation')
  ).action(async (flags: LinterFlags) => {
    const linter = await linterFor(flags, context)
    const [{ createMcpServer }, { StdioServerTransport }] = await Promise.all([import('../server/mcp.js'), import('@modelcontextprotocol/sdk/server/stdio.js')])
    const server = createMcpServer(linter, context.version)
    const transport = new StdioServerTransport()
    const closed = new Promise<void>((done) => {
      transport.onclose = () => done()
      process.stdin.once('end', () => void server.close().then(done, done))
    })
    try {
      await server.connect(transport)
    } catch (error) {
      process.stderr.write(`coachlint mcp: ${(error as Error).message}\n`)
      setExit(EXIT_FATAL)
      return
    }
    await closed
    setExit(EXIT_OK)
  })
}
