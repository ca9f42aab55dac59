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
  return withTextScope(() => runEach(transcript, rules, options, onError))
}

function runEach(transcript: Transcript, rules: readonly ActiveRule[], options: RunOptions, onError: (failure: RuleFailure) => void): Finding[] {
  const analyse = createAnalyser(transcript, options.analyses)
  const findings: Finding[] = []
  const min = options.minConfidence ?? 0
  const since = Math.max(0, Math.min(options.since ?? 0, transcript.turns.length))
  for (const active of rules) {
    const { rule, severity } = active
    const report = (r: Report) => {
      if (!Number.isInteger(r.turn) || r.turn < 0 || r.turn >= transcript.turns.length) {
        throw new RangeError(`Rule ${rule.meta.id} reported turn ${r.turn}, which does not exist`)
      }
      const confidence = r.confidence ?? 1
      if (confidence < min) return
      findings.push({ ...r, confidence, ruleId: rule.meta.id, severity, url: rule.meta.url })
    }
    const started = options.timings ? performance.now() : 0
    try {
      rule.check({ transcript, options: active.options, analyse, report, locale: options.locale, since })
      if (options.timings) options.timings.set(rule.meta.id, (options.timings.get(rule.meta.id) ?? 0) + performance.now() - started)
    } catch (error) {
      onError({ ruleId: rule.meta.id, error: error instanceof Error ? error : new Error(String(error)) })
    }
  }
  return dedupe(findings)
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
