/**
 * Pre-send checks: lint a draft reply in the context of the conversation so far,
 * before it is sent. Browser-safe (no Node built-ins) and fast on repeated
 * calls: the conversation's validation, its findings without the draft and the
 * per-turn analyses are cached, so each keystroke pays only for the rules'
 * pass with one more turn.
 *
 * The draft becomes a new agent turn at `at` (default: now). What comes back:
 * - the findings on the draft, with offsets (and line/column) in the draft;
 * - findings the new turn causes on EARLIER turns (a look-ahead rule such as
 *   unkept-promise now sees a deadline passed), with their own `turn` and no
 *   draft offsets — those already there without the draft are not repeated,
 *   and `no-reply` on the customer's turns is dropped (a reply is being drafted);
 * - a verdict (`send`, `review`, `block`) from configurable thresholds;
 * - the suggestions, each with the corrected draft (`applySuggestion`).
 */
import type { ResolvedConfig } from '../config/resolve.js'
import { runRules, type Finding } from '../engine/run-rules.js'
import { JsonSyntaxError, parseJson } from '../model/json-source.js'
import { parseTime } from '../model/time.js'
import { transcriptFromNode } from '../model/transcript.js'
import type { FullTurnAnalysis } from '../text/analysis.js'
import { onEnglishLoaded } from '../text/english.js'
import type { Channel, Role, Severity, Transcript, Turn } from '../types.js'

/** A conversation as given to `lintDraft`: the canonical format, or just `{channel, turns}`. */
export interface DraftConversation {
  id?: string
  channel?: Channel
  language?: string
  turns: ReadonlyArray<{ role: Role; text: string; at?: string; author?: string }>
  [key: string]: unknown
}

export interface DraftInput {
  /** The conversation so far (a canonical transcript object, or `{channel, turns}`). */
  conversation: DraftConversation | Transcript
  /** The reply being written. */
  draft: string
  /** When it would be sent: an ISO 8601 string, epoch milliseconds or a Date. Default: now. */
  at?: string | number | Date
  /** Who is writing it (agent name). */
  author?: string
  /** `agent` (default) or `bot`. */
  role?: 'agent' | 'bot'
}

/** A message meets a threshold when its severity is at least `severity` and its confidence at least `minConfidence`. */
export interface VerdictThreshold {
  severity: Severity
  /** 0–1; default 0. */
  minConfidence?: number
}

export interface VerdictThresholds {
  /** Findings that stop the draft. Default `{severity: 'error', minConfidence: 0.8}`; `false`: never block. */
  block: VerdictThreshold | false
  /** Findings that call for a second look. Default `{severity: 'warn'}`; `false`: never review. */
  review: VerdictThreshold | false
}

export const DEFAULT_THRESHOLDS: VerdictThresholds = {
  block: { severity: 'error', minConfidence: 0.8 },
  review: { severity: 'warn', minConfidence: 0 }
}

export interface DraftOptions {
  /** Verdict thresholds; each key given replaces the default for that verdict. */
  thresholds?: Partial<VerdictThresholds>
  /** Also return findings the draft causes on earlier turns (default true). */
  earlier?: boolean
}

export type Verdict = 'send' | 'review' | 'block'

export type FixKind = 'replace' | 'prepend'

export interface DraftMessage {
  ruleId: string
  severity: Severity
  reason: string
  /** The coaching tip. */
  note?: string
  /** Better phrasings (see `fix` for how each applies to the draft). */
  expected?: string[]
  confidence: number
  url?: string
  /** Index of the turn the finding is on: the draft's is the number of turns in the conversation. */
  turn: number
  /** True for findings on the draft itself; false for findings the draft causes on earlier turns. */
  onDraft: boolean
  /** `time` when the finding is about when the draft is sent (slow-reply), not its words. */
  target: 'text' | 'time'
  /** Offsets in the draft (UTF-16), 1-based line and column of both ends: on draft findings only. */
  start?: number
  end?: number
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  /** The reported words (in the draft, or in the earlier turn). */
  excerpt?: string
  /** Role and author of the turn, for findings on earlier turns. */
  role?: Role
  author?: string
  /** How `expected` applies to the draft (see `applySuggestion`). */
  fix: DraftFix
}

/** How a message's phrasings apply to the draft. */
export interface DraftFix {
  kind: FixKind
  /** `replace`: the span of the draft replaced (the finding's span, or e.g. the whole draft for a rewritten reply). */
  start?: number
  end?: number
  /** `replace`: the draft's words in that span when it was checked (found again if the draft has changed since). */
  text?: string
}

export interface DraftSuggestion {
  /** Index in `messages`. */
  message: number
  /** Index in that message's `expected`. */
  index: number
  ruleId: string
  text: string
  kind: FixKind
  /** The span replaced (`replace`), or 0–0 (`prepend`). */
  start: number
  end: number
  /** The draft with this suggestion applied. */
  result: string
}

export interface DraftResult {
  verdict: Verdict
  /** Findings on the draft (by position), then those on earlier turns (by turn). */
  messages: DraftMessage[]
  suggestions: DraftSuggestion[]
  /** Index the draft has as a turn of the conversation. */
  turn: number
  /** Non-fatal problems with the conversation (e.g. an unreadable timestamp, ignored). */
  warnings: string[]
}

/** The conversation or the draft cannot be checked (bad shape, bad time). */
export class DraftInputError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message]
  ) {
    super(message)
    this.name = 'DraftInputError'
  }
}

/** Rules whose findings on earlier turns a drafted reply makes moot. */
const MOOT_WHEN_REPLYING = new Set(['no-reply'])

/**
 * How the phrasings of built-in rules that report no `fix` yet apply, where the
 * default (replace the reported span) would be wrong: `prepend` for openers
 * (an apology, an acknowledgement), `whole` for rewrites of the whole reply
 * (no-unprompted-joke's first phrasing is the reply without the laugh). A
 * `fix` in the report always wins; once the rules say it, this table goes.
 */
const FIX_FALLBACK: Record<string, 'prepend' | 'whole'> = {
  'acknowledge-complaint': 'prepend',
  'no-unprompted-joke': 'whole'
}

const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 }
const SEVERITIES = new Set<string>(['info', 'warn', 'error'])

/** Does a message meet a threshold? */
export function meets(message: Pick<DraftMessage, 'severity' | 'confidence'>, threshold: VerdictThreshold | false | undefined): boolean {
  if (!threshold) return false
  return RANK[message.severity] >= RANK[threshold.severity] && message.confidence >= (threshold.minConfidence ?? 0)
}

export function resolveThresholds(given: Partial<VerdictThresholds> | undefined): VerdictThresholds {
  const out: VerdictThresholds = { ...DEFAULT_THRESHOLDS, ...given }
  for (const key of ['block', 'review'] as const) {
    const t = out[key]
    if (t === false) continue
    if (!t || typeof t !== 'object' || !SEVERITIES.has(t.severity)) {
      throw new DraftInputError(`thresholds.${key} must be false or {severity: "info"|"warn"|"error", minConfidence?: 0–1}`)
    }
    if (t.minConfidence !== undefined && !(typeof t.minConfidence === 'number' && t.minConfidence >= 0 && t.minConfidence <= 1)) {
      throw new DraftInputError(`thresholds.${key}.minConfidence must be a number from 0 to 1`)
    }
  }
  return out
}

export function verdictOf(messages: readonly Pick<DraftMessage, 'severity' | 'confidence'>[], thresholds: VerdictThresholds = DEFAULT_THRESHOLDS): Verdict {
  if (messages.some((m) => meets(m, thresholds.block))) return 'block'
  if (messages.some((m) => meets(m, thresholds.review))) return 'review'
  return 'send'
}

// ---------------------------------------------------------------------------
// Applying suggestions

/** What `applySuggestion` needs of a message (a `DraftMessage` has it all). */
export interface SuggestionTarget {
  expected?: string[]
  onDraft?: boolean
  target?: 'text' | 'time'
  start?: number
  end?: number
  excerpt?: string
  fix?: DraftFix
}

/**
 * How a message's suggestions apply: its `fix` when it has one, else `replace`
 * of its span when it has a span on the draft, else `prepend`. A `replace`
 * without any span falls back to `prepend`.
 */
export function fixOf(message: SuggestionTarget): DraftFix {
  const onDraftSpan = message.onDraft !== false && message.target !== 'time' && message.start !== undefined && message.end !== undefined
  const fix = message.fix
  if (fix?.kind === 'prepend' || (!fix && !onDraftSpan)) return { kind: 'prepend' }
  const start = fix?.start ?? (onDraftSpan ? message.start : undefined)
  const end = fix?.end ?? (onDraftSpan ? message.end : undefined)
  if (start === undefined || end === undefined) return { kind: 'prepend' }
  const text = fix?.text ?? (fix?.start === undefined ? message.excerpt : undefined)
  return text === undefined ? { kind: 'replace', start, end } : { kind: 'replace', start, end, text }
}

function tidyJoin(before: string, replacement: string, after: string): string {
  // "I don't know." → "Let me find out for you." not "… for you.."
  if (/[.!?…؟]$/.test(replacement) && /^[.!?,;:؟،]/.test(after)) after = after.slice(1)
  return before + replacement + after
}

/**
 * The draft with suggestion `index` of `message` applied:
 * - `replace`: the fix's span (usually the reported words) is replaced by the
 *   phrasing. When the draft has changed since it was checked and the span no
 *   longer holds those words, they are looked for again (the occurrence nearest
 *   the old place); if they are gone, the draft is returned unchanged.
 * - `prepend`: the phrasing goes before the draft, separated by a space (an
 *   apology for the wait, an acknowledgement, picking up an earlier promise);
 *   nothing is added when the draft already starts with it.
 */
export function applySuggestion(draft: string, message: SuggestionTarget, index = 0): string {
  const text = message.expected?.[index]
  if (text === undefined) throw new RangeError(`The message has no suggestion ${index}`)
  const fix = fixOf(message)
  if (fix.kind === 'prepend') {
    if (draft.startsWith(text)) return draft
    const rest = draft.replace(/^\s+/, '')
    if (!rest) return text
    return text + (/\s$/.test(text) ? '' : ' ') + rest
  }
  let start = fix.start!
  let end = fix.end!
  const words = fix.text
  if (words !== undefined && draft.slice(start, end) !== words) {
    // The draft moved on: find the words again, nearest to where they were.
    let best = -1
    for (let at = draft.indexOf(words); at >= 0; at = draft.indexOf(words, at + 1)) {
      if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at
    }
    if (best < 0) return draft
    start = best
    end = best + words.length
  }
  start = Math.max(0, Math.min(start, draft.length))
  end = Math.max(start, Math.min(end, draft.length))
  return tidyJoin(draft.slice(0, start), text, draft.slice(end))
}

// ---------------------------------------------------------------------------
// The checker

interface CachedConversation {
  transcript: Transcript
  /** Findings of the conversation alone, as keys. */
  baseline: Set<string>
  /** Turn analyses shared across checks (index = turn; the draft's slot is overwritten each time). */
  analyses: Array<FullTurnAnalysis | undefined>
  warnings: string[]
  generation: number
}

const CACHE_ENTRIES = 16
/** Conversations larger than this (as JSON) are not kept between checks. */
const CACHE_MAX_CHARS = 2_000_000

let generation = 0
/** Forget cached analyses (the browser build calls it once the English model has loaded). */
export function invalidateDraftCaches(): void {
  generation++
}
onEnglishLoaded(invalidateDraftCaches)

const findingKey = (f: Finding) => `${f.ruleId}\u0000${f.turn}\u0000${f.start ?? ''}\u0000${f.end ?? ''}\u0000${f.target ?? ''}`

function toTime(at: DraftInput['at']): number {
  if (at === undefined) return Date.now()
  let t: number | undefined
  if (at instanceof Date) t = at.getTime()
  else if (typeof at === 'number') t = at
  else if (typeof at === 'string') t = parseTime(at)
  if (t === undefined || !Number.isFinite(t)) {
    throw new DraftInputError(`"at" must be an ISO 8601 date-time with an offset (e.g. 2024-05-01T10:02:00Z), epoch milliseconds or a Date, got ${JSON.stringify(at)}`)
  }
  return t
}

/** 1-based line and column of each offset in `text`. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function pointAt(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 }
}

const EXCERPT_MAX = 200
const clip = (s: string) => (s.length > EXCERPT_MAX ? s.slice(0, EXCERPT_MAX - 1) + '…' : s)

/**
 * What linting reads of a conversation object, shallowly: compared with `===`
 * to tell that an object seen before is unchanged. Undefined for shapes the
 * validator will reject anyway.
 */
function snapshotOf(c: DraftInput['conversation']): unknown[] | undefined {
  const turns = (c as { turns?: unknown }).turns
  if (!Array.isArray(turns)) return undefined
  const out: unknown[] = [c.id, c.channel, c.language, turns, turns.length]
  for (const t of turns) {
    if (!t || typeof t !== 'object') return undefined
    out.push(t, t.role, t.text, t.at, t.author)
  }
  return out
}

/** Whether `c` still reads as `snapshot` (what `snapshotOf(c)` would give), without building a new one. */
function matchesSnapshot(snapshot: unknown[], c: DraftInput['conversation']): boolean {
  const turns = (c as { turns?: unknown }).turns
  if (!Array.isArray(turns) || snapshot.length !== 5 + 5 * turns.length) return false
  if (snapshot[0] !== c.id || snapshot[1] !== c.channel || snapshot[2] !== c.language || snapshot[3] !== turns || snapshot[4] !== turns.length) return false
  let k = 5
  for (const t of turns) {
    if (!t || typeof t !== 'object') return false
    if (snapshot[k] !== t || snapshot[k + 1] !== t.role || snapshot[k + 2] !== t.text || snapshot[k + 3] !== t.at || snapshot[k + 4] !== t.author) return false
    k += 5
  }
  return true
}

/** The fix of a finding on the draft: the report's, else the fallback table's, else by span. */
function draftFix(f: Finding, draft: string, span: { start: number; end: number } | undefined): DraftFix {
  const len = draft.length
  const fallback = f.fix ? undefined : FIX_FALLBACK[f.ruleId]
  let kind: FixKind
  if (f.fix) kind = f.fix.kind
  else if (fallback) kind = fallback === 'whole' ? 'replace' : 'prepend'
  else kind = span ? 'replace' : 'prepend'
  if (kind === 'prepend') return { kind }
  let start = f.fix?.start ?? (fallback === 'whole' ? 0 : span?.start)
  let end = f.fix?.end ?? (fallback === 'whole' ? len : span?.end)
  if (start === undefined || end === undefined) {
    // A replace with no span at all: the whole draft.
    start = 0
    end = len
  }
  start = Math.max(0, Math.min(start, len))
  end = Math.max(start, Math.min(end, len))
  return { kind, start, end, text: draft.slice(start, end) }
}

export interface DraftChecker {
  (input: DraftInput, options?: DraftOptions): DraftResult
}

/** A pre-send checker for a resolved configuration; it keeps its own caches. */
export function createDraftChecker(config: Pick<ResolvedConfig, 'rules' | 'minConfidence' | 'channel' | 'locale'>): DraftChecker {
  const cache = new Map<string, CachedConversation>()
  const identity = new WeakMap<object, { snapshot: unknown[]; json: string }>()
  const locale = config.locale === 'en' || config.locale === 'ar' ? config.locale : undefined
  const run = (transcript: Transcript, analyses: Array<FullTurnAnalysis | undefined>, since = 0) =>
    runRules(transcript, config.rules, { minConfidence: config.minConfidence, locale, analyses, since }, ({ ruleId, error }) => {
      throw new Error(`Rule "${ruleId}" failed on the draft: ${error.message}`)
    })

  const prepare = (conversation: DraftInput['conversation']): CachedConversation => {
    if (!conversation || typeof conversation !== 'object' || Array.isArray(conversation)) {
      throw new DraftInputError('"conversation" must be an object with "channel" and "turns"')
    }
    // The same conversation object, unchanged, skips serialising (an editor checks on every keystroke).
    const known = identity.get(conversation)
    let json: string
    if (known && matchesSnapshot(known.snapshot, conversation)) json = known.json
    else {
      const snapshot = snapshotOf(conversation)
      try {
        json = JSON.stringify(conversation)
      } catch (error) {
        throw new DraftInputError(`Cannot read the conversation: ${(error as Error).message}`)
      }
      if (snapshot) identity.set(conversation, { snapshot, json })
    }
    const hit = cache.get(json)
    if (hit && hit.generation === generation) {
      // Most recently used last.
      cache.delete(json)
      cache.set(json, hit)
      return hit
    }
    let node
    try {
      node = parseJson(json)
    } catch (error) {
      if (error instanceof JsonSyntaxError) throw new DraftInputError(`Cannot read the conversation: ${error.message}`)
      throw error
    }
    const read = transcriptFromNode(node, { channel: config.channel, fallbackId: 'draft' })
    const fatal = read.problems.filter((p) => p.fatal).map((p) => p.reason)
    const first = read.conversations[0]
    if (fatal.length > 0 || !first) throw new DraftInputError(fatal[0] ?? 'Cannot read the conversation', fatal)
    const transcript = first.transcript
    const analyses: Array<FullTurnAnalysis | undefined> = []
    const baseline = new Set(run(transcript, analyses).map(findingKey))
    const entry: CachedConversation = { transcript, baseline, analyses, warnings: read.problems.map((p) => p.reason), generation }
    if (json.length <= CACHE_MAX_CHARS) {
      if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!)
      cache.set(json, entry)
    }
    return entry
  }

  return (input, options = {}) => {
    if (!input || typeof input !== 'object') throw new DraftInputError('Expected {conversation, draft, at?, author?}')
    const { draft } = input
    if (typeof draft !== 'string') throw new DraftInputError(`"draft" must be a string, got ${draft === null ? 'null' : typeof draft}`)
    if (input.author !== undefined && typeof input.author !== 'string') throw new DraftInputError('"author" must be a string')
    if (input.role !== undefined && input.role !== 'agent' && input.role !== 'bot') throw new DraftInputError('"role" must be "agent" or "bot"')
    const thresholds = resolveThresholds(options.thresholds)
    const time = toTime(input.at)
    const entry = prepare(input.conversation)
    const base = entry.transcript
    const index = base.turns.length

    const turn: Turn = { role: input.role ?? 'agent', text: draft, at: new Date(time).toISOString(), time }
    if (input.author !== undefined) turn.author = input.author
    const transcript: Transcript = { ...base, turns: [...base.turns, turn] }
    // Rules need not judge the earlier turns again: their findings are in the baseline.
    const findings = run(transcript, entry.analyses, index)
    // The draft's analysis is never asked for again (the next check brings a new turn): let it go now.
    entry.analyses.length = index

    const starts = lineStarts(draft)
    const onDraft: DraftMessage[] = []
    const earlier: DraftMessage[] = []
    for (const f of findings) {
      const message: DraftMessage = {
        ruleId: f.ruleId,
        severity: f.severity,
        reason: f.reason,
        confidence: f.confidence ?? 1,
        turn: f.turn,
        onDraft: f.turn === index,
        target: f.target === 'time' ? 'time' : 'text',
        fix: { kind: 'prepend' }
      }
      if (f.note) message.note = f.note
      if (f.expected && f.expected.length > 0) message.expected = f.expected
      if (f.url) message.url = f.url
      if (f.turn === index) {
        const len = draft.length
        const spanned = message.target === 'text' && f.start !== undefined
        const start = message.target === 'time' ? 0 : Math.max(0, Math.min(f.start ?? 0, len))
        const end = message.target === 'time' ? 0 : Math.max(start, Math.min(f.end ?? len, len))
        const a = pointAt(starts, start)
        const b = pointAt(starts, end)
        Object.assign(message, { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column })
        if (spanned) message.excerpt = draft.slice(start, end)
        message.fix = draftFix(f, draft, spanned ? { start, end } : undefined)
        onDraft.push(message)
      } else {
        if (options.earlier === false) continue
        if (entry.baseline.has(findingKey(f))) continue
        const t = base.turns[f.turn]!
        if (MOOT_WHEN_REPLYING.has(f.ruleId) && t.role === 'customer') continue
        message.role = t.role
        if (t.author !== undefined) message.author = t.author
        if (message.target === 'text' && f.start !== undefined) message.excerpt = clip(t.text.slice(f.start, f.end ?? t.text.length))
        earlier.push(message)
      }
    }
    onDraft.sort((a, b) => a.start! - b.start! || a.end! - b.end! || a.ruleId.localeCompare(b.ruleId))
    earlier.sort((a, b) => a.turn - b.turn || a.ruleId.localeCompare(b.ruleId))
    const messages = [...onDraft, ...earlier]

    const suggestions: DraftSuggestion[] = []
    messages.forEach((m, i) => {
      m.expected?.forEach((text, k) => {
        const { kind, start = 0, end = 0 } = m.fix
        suggestions.push({ message: i, index: k, ruleId: m.ruleId, text, kind, start, end, result: applySuggestion(draft, m, k) })
      })
    })
    return { verdict: verdictOf(messages, thresholds), messages, suggestions, turn: index, warnings: entry.warnings }
  }
}
