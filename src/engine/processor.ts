/**
 * The unified pipeline: a parser that reads transcripts (any supported format)
 * into a tree of conversations, and a transformer that runs the rules over
 * each conversation and reports to the file.
 */
import { unified, type Processor } from 'unified'
import type { VFile } from 'vfile'
import type { Node } from 'unist'
import { readInput, type ReadOptions } from '../formats/index.js'
import type { InputProblem } from '../model/problems.js'
import type { ActiveRule, Transcript, TranscriptSource } from '../types.js'
import { isSpace } from '../text/phrase-text.js'
import { addFinding, addProblem } from './messages.js'
import { batchesOf, DEFAULT_MAX_TURN_LENGTH, runRulesOnBatch } from './run-rules.js'

export interface ConversationNode extends Node {
  type: 'conversation'
  transcript: Transcript
  source?: TranscriptSource
}

export interface TranscriptsRoot extends Node {
  type: 'root'
  children: ConversationNode[]
  problems: InputProblem[]
}

export function transcriptsParse(this: Processor, options: Omit<ReadOptions, 'name'>) {
  // unified calls the parser with the file; we read its raw value so that
  // bytes get our own decoding (BOMs, UTF-16, located invalid UTF-8).
  ;(this as unknown as { parser: (doc: string, file: VFile) => TranscriptsRoot }).parser = (_doc, file) => {
    const read = readInput(file.value ?? '', { ...options, name: file.path ?? '<input>' })
    ;(file.data as Record<string, unknown>).coachlintText = read.text
    ;(file.data as Record<string, unknown>).coachlintFormat = read.format
    return {
      type: 'root',
      problems: read.problems,
      children: read.conversations.map((c) => ({ type: 'conversation', transcript: c.transcript, source: c.source }))
    }
  }
}

export interface RulesOptions {
  rules: readonly ActiveRule[]
  minConfidence?: number
  locale?: 'en' | 'ar'
}

export function transcriptsLint(options: RulesOptions) {
  return (tree: TranscriptsRoot, file: VFile) => {
    for (const p of tree.problems) addProblem(file, p)
    for (const batch of batchesOf(tree.children, (node) => node.transcript)) lintConversations(file, batch, options)
  }
}

/** Lint one conversation and report to the file. */
export function lintConversation(file: VFile, transcript: Transcript, source: TranscriptSource | undefined, options: RulesOptions) {
  lintConversations(file, [{ transcript, source }], options)
}

/**
 * Lint a batch of conversations (see `runRulesOnBatch`) and report to the
 * file, conversation by conversation, as linting each in turn would.
 */
export function lintConversations(file: VFile, batch: ReadonlyArray<{ transcript: Transcript; source?: TranscriptSource }>, options: RulesOptions) {
  const failures = batch.map(() => [] as InputProblem[])
  const findings = runRulesOnBatch(
    batch.map((c) => c.transcript),
    options.rules,
    { minConfidence: options.minConfidence, locale: options.locale },
    ({ ruleId, error }, index) => {
      const { transcript, source } = batch[index]!
      failures[index]!.push({
        reason: `Rule "${ruleId}" failed on conversation ${transcript.id}: ${error.message}`,
        start: source?.start ?? 0,
        end: source?.start ?? 0,
        fatal: true,
        conversation: transcript.id
      })
    }
  )
  batch.forEach(({ transcript, source }, index) => {
    reportLongTurns(file, transcript, source)
    for (const p of failures[index]!) addProblem(file, p)
    for (const f of findings[index]!) addFinding(file, transcript, source, f)
    const data = file.data as { coachlintStats?: { conversations: number; turns: number }; coachlintConversations?: ConversationSummary[] }
    const stats = (data.coachlintStats ??= { conversations: 0, turns: 0 })
    stats.conversations++
    stats.turns += transcript.turns.length
    ;(data.coachlintConversations ??= []).push(summarise(transcript))
    const words = data as { coachlintAgentWords?: number }
    words.coachlintAgentWords = (words.coachlintAgentWords ?? 0) + countAgentWords(transcript)
  })
}

function reportLongTurns(file: VFile, transcript: Transcript, source: TranscriptSource | undefined) {
  transcript.turns.forEach((turn, i) => {
    if (turn.text.length > DEFAULT_MAX_TURN_LENGTH) {
      const start = source?.turns[i]?.start ?? 0
      addProblem(file, {
        reason: `Turn ${i} of conversation ${transcript.id} is ${turn.text.length.toLocaleString('en')} characters long; only the first ${DEFAULT_MAX_TURN_LENGTH.toLocaleString('en')} are judged`,
        start,
        end: start,
        fatal: false,
        conversation: transcript.id,
        turn: i
      })
    }
  })
}

function countAgentWords(transcript: Transcript): number {
  let n = 0
  for (const turn of transcript.turns) if (turn.role === 'agent' || turn.role === 'bot') n += countWords(turn.text)
  return n
}

/** How many runs of non-space characters (what `text.match(/\S+/g).length` counts, without making the list). */
export function countWords(text: string): number {
  let n = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i))
    if (!space && !inWord) n++
    inWord = !space
  }
  return n
}

/** What reports need to know of a linted conversation besides its findings. */
export interface ConversationSummary {
  id: string
  channel: Transcript['channel']
  language?: string
  turns: number
  /** Agent and bot turns per author ("(unknown)" when none is given). */
  agentTurns: Record<string, number>
  /** Time of the first timestamped turn, ISO 8601 (UTC), if any. */
  startedAt?: string
}

export function summarise(transcript: Transcript): ConversationSummary {
  const agentTurns: Record<string, number> = {}
  let first: number | undefined
  for (const turn of transcript.turns) {
    if (turn.role === 'agent' || turn.role === 'bot') {
      const who = turn.author ?? '(unknown)'
      agentTurns[who] = (agentTurns[who] ?? 0) + 1
    }
    if (first === undefined && turn.time !== undefined) first = turn.time
  }
  const summary: ConversationSummary = { id: transcript.id, channel: transcript.channel, turns: transcript.turns.length, agentTurns }
  if (transcript.language) summary.language = transcript.language
  if (first !== undefined) summary.startedAt = new Date(first).toISOString()
  return summary
}

export function createProcessor(read: Omit<ReadOptions, 'name'>, rules: RulesOptions) {
  return unified()
    .use(transcriptsParse as never, read)
    .use(transcriptsLint as never, rules) as unknown as Processor<TranscriptsRoot, TranscriptsRoot, TranscriptsRoot>
}
