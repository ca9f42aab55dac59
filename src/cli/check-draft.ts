/** `coachlint check-draft`: a pre-send check from the command line (scripts, agents, editor hooks). */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ConfigError } from '../config/resolve.js'
import { DraftInputError, type DraftConversation, type VerdictThreshold, type VerdictThresholds } from '../draft/lint-draft.js'
import { formatDraftResult } from '../draft/format.js'
import { readInput, type InputFormat } from '../formats/index.js'
import type { Linter } from '../index.js'
import type { Transcript } from '../types.js'
import { EXIT_FATAL, EXIT_FINDINGS, EXIT_OK } from './exit-code.js'

export interface CheckDraftFlags {
  conversation: string
  draft?: string
  at?: string
  author?: string
  id?: string
  inputFormat?: InputFormat
  format: 'stylish' | 'json'
  block?: VerdictThreshold | false
  review?: VerdictThreshold | false
  verbose?: boolean
}

/** `error`, `error:0.8`, `off`: a verdict threshold from the command line. */
export function parseThreshold(value: string): VerdictThreshold | false {
  const v = value.trim().toLowerCase()
  if (v === 'off' || v === 'never' || v === 'false') return false
  const m = /^(info|warn|warning|error)(?::(0(?:\.\d+)?|1(?:\.0+)?))?$/.exec(v)
  if (!m) throw new ConfigError(`threshold ${JSON.stringify(value)}: expected severity[:minConfidence] (e.g. error:0.8, warn) or off`)
  const severity = m[1] === 'warning' ? 'warn' : (m[1] as VerdictThreshold['severity'])
  return m[2] === undefined ? { severity } : { severity, minConfidence: Number(m[2]) }
}

/** A read transcript as the canonical object `lintDraft` takes (times as UTC ISO strings). */
export function canonicalConversation(t: Transcript): DraftConversation {
  return {
    id: t.id,
    channel: t.channel,
    ...(t.language !== undefined ? { language: t.language } : {}),
    turns: t.turns.map((turn) => ({
      role: turn.role,
      text: turn.text,
      ...(turn.author !== undefined ? { author: turn.author } : {}),
      ...(turn.time !== undefined ? { at: new Date(turn.time).toISOString() } : {})
    }))
  }
}

class UsageError extends Error {}

/** Read the conversation file (any supported format) and pick the one conversation. */
export function readConversationFile(path: string, linter: Linter, options: { id?: string; format?: InputFormat } = {}): DraftConversation {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(resolve(path))
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  const c = linter.config
  const read = readInput(bytes, { name: path, format: options.format, channel: c.channel, roles: c.roles, agents: c.agents, timeZone: c.timeZone, dateOrder: c.dateOrder, csv: c.csv })
  const fatal = read.problems.filter((p) => p.fatal)
  let list = read.conversations
  if (options.id !== undefined) list = list.filter((x) => x.transcript.id === options.id)
  if (list.length === 0) {
    const why = fatal.length ? `: ${fatal.map((p) => p.reason).join('; ')}` : options.id !== undefined ? `: no conversation with id ${JSON.stringify(options.id)}` : ''
    throw new UsageError(`${path} holds no readable conversation${why}`)
  }
  if (list.length > 1) {
    const ids = list.slice(0, 5).map((x) => x.transcript.id)
    throw new UsageError(`${path} holds ${list.length} conversations (${ids.join(', ')}${list.length > 5 ? ', …' : ''}); pick one with --id`)
  }
  return canonicalConversation(list[0]!.transcript)
}

async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function runCheckDraft(linter: Linter, flags: CheckDraftFlags): Promise<number> {
  try {
    const conversation = readConversationFile(flags.conversation, linter, { id: flags.id, format: flags.inputFormat })
    let draft = flags.draft
    if (draft === undefined) {
      if (process.stdin.isTTY) throw new UsageError('give the draft with --draft TEXT or on standard input')
      draft = (await readStdinText()).replace(/\r?\n$/, '')
    }
    const thresholds: Partial<VerdictThresholds> = {}
    if (flags.block !== undefined) thresholds.block = flags.block
    if (flags.review !== undefined) thresholds.review = flags.review
    const result = linter.lintDraft({ conversation, draft, at: flags.at, author: flags.author }, { thresholds })
    if (flags.format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n')
    else process.stdout.write(formatDraftResult(result, { name: flags.conversation, verbose: flags.verbose }))
    return result.verdict === 'block' ? EXIT_FINDINGS : EXIT_OK
  } catch (error) {
    if (error instanceof UsageError || error instanceof DraftInputError) {
      process.stderr.write(`coachlint check-draft: ${error.message}\n`)
      return EXIT_FATAL
    }
    throw error
  }
}
