/** Run the active rules over one conversation and collect findings. */
import type { ActiveRule, Report, Severity, Transcript } from '../types.js'
import { createAnalyser, type FullTurnAnalysis } from '../text/analysis.js'
import { withTextScope } from '../text/phrase-text.js'

export interface Finding extends Report {
  ruleId: string
  severity: Severity
  url?: string
}

export interface RunOptions {
  minConfidence?: number
  /** Longer turns are judged on their first `maxTurnLength` characters only. */
  maxTurnLength?: number
  /** When given, each rule's running time (ms) is added to it. */
  timings?: Map<string, number>
  /** Force the language of coaching messages. */
  locale?: 'en' | 'ar'
  /** Turn analyses shared with earlier runs over the same leading turns (see `createAnalyser`). */
  analyses?: Array<FullTurnAnalysis | undefined>
  /**
   * The first turn whose findings are wanted (see `RuleContext.since`): rules
   * may skip judging earlier turns, whose findings the caller already has.
   * Findings on earlier turns may still come back; compare them with a run
   * over the earlier turns alone to keep the new ones.
   */
  since?: number
}

export const DEFAULT_MAX_TURN_LENGTH = 20_000

/** The transcript as rules see it: over-long turns cut (indices stay valid). */
export function boundedTranscript(transcript: Transcript, max = DEFAULT_MAX_TURN_LENGTH): Transcript {
  if (!transcript.turns.some((t) => t.text.length > max)) return transcript
  return { ...transcript, turns: transcript.turns.map((t) => (t.text.length > max ? { ...t, text: t.text.slice(0, max) } : t)) }
}

export interface RuleFailure {
  ruleId: string
  error: Error
}

/** Run the rules; a rule that throws is reported through `onError` and the others still run. */
export function runRules(
  transcript: Transcript,
  rules: readonly ActiveRule[],
  options: RunOptions = {},
  onError: (failure: RuleFailure) => void = (f) => {
    throw f.error
  }
): Finding[] {
  transcript = boundedTranscript(transcript, options.maxTurnLength)
  return withTextScope(() => runEach([transcript], rules, options, onError)[0]!)
}

export type BatchOptions = Omit<RunOptions, 'analyses' | 'since'>

/**
 * Run the rules over several conversations, one rule at a time over all of
 * them: each rule's lexicons and expressions stay in the processor's caches
 * while it works, instead of being pushed out by the other rules at every
 * conversation. The findings are those of `runRules` on each conversation, in
 * the same order; a failure names the conversation it happened on (its index).
 */
export function runRulesOnBatch(
  transcripts: readonly Transcript[],
  rules: readonly ActiveRule[],
  options: BatchOptions = {},
  onError: (failure: RuleFailure, index: number) => void = (f) => {
    throw f.error
  }
): Finding[][] {
  const bounded = transcripts.map((t) => boundedTranscript(t, options.maxTurnLength))
  return withTextScope(() => runEach(bounded, rules, options, onError))
}

// A few conversations are enough for each rule's data to be reused while it is in the caches; what a batch keeps
// alive until its last rule is done (turn analyses, text facts) costs garbage collection time as batches grow.
/** Conversations in a batch, at most (see `batchesOf`). */
export const BATCH_CONVERSATIONS = 8
/** Turns in a batch, at most, unless a single conversation has more. */
export const BATCH_TURNS = 256
/** Characters of turn text in a batch, at most, unless a single conversation has more. */
export const BATCH_CHARS = 256 << 10

/**
 * Consecutive groups of items for `runRulesOnBatch`: bounded in conversations,
 * turns and characters, so that what a batch keeps alive (turn analyses, text
 * facts) stays small whatever the input.
 */
export function batchesOf<T>(items: readonly T[], transcriptOf: (item: T) => Transcript): T[][] {
  const out: T[][] = []
  let batch: T[] = []
  let turns = 0
  let chars = 0
  for (const item of items) {
    const t = transcriptOf(item)
    let size = 0
    for (const turn of t.turns) size += turn.text.length
    if (batch.length > 0 && (batch.length >= BATCH_CONVERSATIONS || turns + t.turns.length > BATCH_TURNS || chars + size > BATCH_CHARS)) {
      out.push(batch)
      batch = []
      turns = 0
      chars = 0
    }
    batch.push(item)
    turns += t.turns.length
    chars += size
  }
  if (batch.length > 0) out.push(batch)
  return out
}

function runEach(
  transcripts: readonly Transcript[],
  rules: readonly ActiveRule[],
  options: RunOptions,
  onError: (failure: RuleFailure, index: number) => void
): Finding[][] {
  const min = options.minConfidence ?? 0
  const runs = transcripts.map((transcript) => ({
    transcript,
    analyse: createAnalyser(transcript, options.analyses),
    since: Math.max(0, Math.min(options.since ?? 0, transcript.turns.length)),
    findings: [] as Finding[]
  }))
  for (const active of rules) {
    const { rule, severity } = active
    const started = options.timings ? performance.now() : 0
    runs.forEach(({ transcript, analyse, since, findings }, index) => {
      const report = (r: Report) => {
        if (!Number.isInteger(r.turn) || r.turn < 0 || r.turn >= transcript.turns.length) {
          throw new RangeError(`Rule ${rule.meta.id} reported turn ${r.turn}, which does not exist`)
        }
        const confidence = r.confidence ?? 1
        if (confidence < min) return
        findings.push(findingOf(r, confidence, rule.meta.id, severity, rule.meta.url))
      }
      try {
        rule.check({ transcript, options: active.options, analyse, report, locale: options.locale, since })
      } catch (error) {
        onError({ ruleId: rule.meta.id, error: error instanceof Error ? error : new Error(String(error)) }, index)
      }
    })
    if (options.timings) options.timings.set(rule.meta.id, (options.timings.get(rule.meta.id) ?? 0) + performance.now() - started)
  }
  return runs.map((r) => withoutFlaggedSuggestions(dedupe(r.findings), r.transcript))
}

/**
 * A report as a finding: the report's fields (those it has), then the rule's.
 * Copied field by field: an object spread over reports of every rule's shapes
 * takes the engine's slow path (about ten microseconds a finding).
 */
function findingOf(r: Report, confidence: number, ruleId: string, severity: Severity, url: string | undefined): Finding {
  const f: Finding = { turn: r.turn, reason: r.reason, confidence, ruleId, severity, url }
  if (r.start !== undefined) f.start = r.start
  if (r.end !== undefined) f.end = r.end
  if (r.target !== undefined) f.target = r.target
  if (r.note !== undefined) f.note = r.note
  if (r.expected !== undefined) f.expected = r.expected
  if (r.fix !== undefined) f.fix = r.fix
  return f
}

/** One finding per rule, turn and span. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.turn}\u0000${f.start ?? ''}\u0000${f.end ?? ''}\u0000${f.target ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Does a finding mark words of the turn? A span shorter than the turn's text, not the reply's
 * time, and not one whose fix is to put something before the text.
 */
function flagsWords(f: Finding, text: string): boolean {
  return f.start !== undefined && f.end !== undefined && f.target !== 'time' && f.fix?.kind !== 'prepend' && f.end - f.start < text.trim().length
}

const comparable = (s: string) => ` ${s.toLowerCase().replace(/[’‘`]/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `

/**
 * A better phrasing must not repeat what another finding on the same turn flags: the turn
 * without its "lol" is no suggestion when the rest is "not my problem". Such phrasings are
 * dropped (the finding keeps the others, or none).
 */
function withoutFlaggedSuggestions(findings: Finding[], transcript: Transcript): Finding[] {
  if (findings.length < 2) return findings
  for (const f of findings) {
    if (!f.expected?.length) continue
    const text = transcript.turns[f.turn]!.text
    let flagged: string[] | undefined
    for (const g of findings) {
      if (g === f || g.turn !== f.turn || g.ruleId === f.ruleId || !flagsWords(g, text)) continue
      const words = comparable(text.slice(g.start, g.end))
      if (words.replace(/ /g, '').length >= 3) (flagged ??= []).push(words)
    }
    if (!flagged) continue
    const kept = f.expected.filter((phrasing) => {
      const said = comparable(phrasing)
      return !flagged!.some((words) => said.includes(words))
    })
    if (kept.length === f.expected.length) continue
    if (kept.length > 0) f.expected = kept
    else delete f.expected
  }
  return findings
}
