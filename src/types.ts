/**
 * Public types of coachlint: the transcript model, rules and configuration.
 * Everything here is browser-safe (no Node built-ins).
 */

export type Role = 'customer' | 'agent' | 'bot' | 'system'
export const ROLES: readonly Role[] = ['customer', 'agent', 'bot', 'system']

export type Channel = 'chat' | 'messaging' | 'social' | 'email' | 'voice'
export const CHANNELS: readonly Channel[] = ['chat', 'messaging', 'social', 'email', 'voice']

/** One message in a conversation. */
export interface Turn {
  role: Role
  author?: string
  /** ISO 8601 time as written in the source, if any. */
  at?: string
  /** `at` parsed to milliseconds since the epoch; undefined when missing or invalid. */
  time?: number
  text: string
}

/** One conversation in the canonical format. */
export interface Transcript {
  id: string
  channel: Channel
  language?: string
  turns: Turn[]
  /** Any other top-level fields of the source object (ignored by the linter). */
  extra?: Record<string, unknown>
}

/**
 * Maps indices in a decoded turn text back to offsets in the source file.
 * The text is split into runs that are copied verbatim; between runs the source
 * has an escape (JSON `\n`, `\u00e9`, …) or a line prefix (plain-text logs).
 */
export interface TextMap {
  /** Start index in the text of each run (ascending, first is 0). */
  textStarts: number[]
  /** Source offset of each run's first character. */
  sourceStarts: number[]
  /** Source offset just after the last character of the text. */
  sourceEnd: number
}

/** Where a conversation and its parts sit in the source file (offsets). */
export interface TranscriptSource {
  start: number
  end: number
  turns: Array<{ text?: TextMap; at?: { start: number; end: number }; start: number; end: number }>
}

export type Severity = 'error' | 'warn' | 'info'
export type SeveritySetting = Severity | 'off' | 0 | 1 | 2

/** A minimal JSON-schema subset used to validate rule options. */
export interface OptionSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean'
  properties?: Record<string, OptionSchema>
  additionalProperties?: boolean | OptionSchema
  items?: OptionSchema
  enum?: readonly unknown[]
  minimum?: number
  maximum?: number
  pattern?: string
  description?: string
  required?: readonly string[]
  anyOf?: readonly OptionSchema[]
}

export interface RuleMeta {
  /** Rule id, kebab-case, e.g. `slow-reply`. */
  id: string
  description: string
  /** Severity in the `recommended` preset; `off` when not in it. */
  recommended: Severity | 'off'
  /** Link to the rule's documentation. */
  url?: string
  /** Schema of the options object (the second element of `[severity, options]`). */
  schema?: OptionSchema
  defaultOptions?: Record<string, unknown>
  /** Which roles the rule judges (documentation; the rule decides). */
  judges?: readonly Role[]
  /** Languages the rule understands. */
  languages?: readonly string[]
}

/** What a rule reports. Offsets are indices into the turn's text (UTF-16). */
export interface Report {
  turn: number
  /** Span in the turn text; the whole text when omitted. */
  start?: number
  end?: number
  /** Point at the turn's timestamp instead of its text (slow replies). */
  target?: 'text' | 'time'
  reason: string
  note?: string
  expected?: string[]
  /** 0–1; findings under the configured `minConfidence` are dropped. */
  confidence?: number
  /**
   * How an `expected` phrasing is applied to the text (pre-send checks, editors):
   * `replace` swaps a span for it — the reported span, or `start`/`end` here when
   * the phrasings replace something else (the whole turn: `start: 0, end:
   * text.length` for a rewritten reply); `prepend` puts it before the text (an
   * apology for the wait, an acknowledgement). Default: `replace` of the reported
   * span when the report has one, `prepend` when it has none or targets the time.
   */
  fix?: { kind: 'replace' | 'prepend'; start?: number; end?: number }
}

export interface TurnAnalysis {
  readonly index: number
  readonly turn: Turn
  readonly text: string
  /**
   * The text the agent wrote in its own words: quoted history, signatures and
   * quoted customer words blanked out with spaces, so indices stay aligned.
   */
  readonly ownText: string
  /** Dominant script of the turn: `ar`, `en` (Latin), `mixed` or `other`. */
  readonly script: 'ar' | 'en' | 'mixed' | 'other'
  /** Sentences of `ownText` with their offsets. */
  readonly sentences: ReadonlyArray<{ start: number; end: number; text: string }>
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly transcript: Transcript
  readonly options: Options
  /**
   * Language for reason, note and expected, when the configuration forces one
   * (`locale`, `--locale`); otherwise rules answer in the turn's language.
   * Use `messageLanguage(context, script)` from src/text/language.ts.
   */
  readonly locale?: 'en' | 'ar'
  /** Shared, memoised analysis of turn `i` (tokens, laughter and wink-nlp sentences included). */
  analyse(i: number): import('./text/analysis.js').FullTurnAnalysis
  report(report: Report): void
  /**
   * The first turn whose findings are wanted (0 unless the caller says, as a
   * pre-send check does: it already has the findings of the turns before the
   * draft). A rule may skip judging a turn before it, but must still read it
   * for what later turns depend on, and must still report a finding on it
   * that a turn from `since` on brings about (a promise the draft leaves
   * unkept). Reporting more is never wrong; the caller keeps only new findings.
   */
  readonly since: number
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta
  check(context: RuleContext<Options>): void
}

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>]

/** A plugin bundles rules and named configs, like an ESLint plugin. */
export interface Plugin {
  name: string
  rules: Record<string, Rule<any>>
  configs?: Record<string, ConfigObject>
}

/** A configuration object as written by users. */
export interface ConfigObject {
  extends?: string | string[]
  plugins?: Array<string | Plugin>
  rules?: Record<string, RuleSetting>
  /** Drop findings whose confidence is under this (0–1). */
  minConfidence?: number
  /** Role names for plain-text chat logs. */
  roles?: Partial<Record<Role, string[]>>
  /** Channel assumed for inputs that do not say. */
  channel?: Channel
  /** Glob patterns of files to skip. */
  ignorePatterns?: string[]
  /** Language of coaching messages (reserved). */
  locale?: string
  /** The support side by e-mail address or domain (e-mail, helpdesk and Slack exports). */
  agents?: AgentsConfig
  /** IANA time zone for export times written without an offset (WhatsApp, CSV); default UTC. */
  timeZone?: string
  /** Date order of WhatsApp exports when the file cannot tell (`DMY` 31/12, `MDY` 12/31). */
  dateOrder?: DateOrder
  /** Column mapping for CSV exports. */
  csv?: CsvConfig
}

/** Support addresses (exact, `*` patterns or `/regex/`) and domains (`acme.com` also takes `eu.acme.com`). */
export interface AgentsConfig {
  emails?: string[]
  domains?: string[]
}

export type DateOrder = 'DMY' | 'MDY' | 'YMD'

/** Which CSV columns (header names, or 0-based indices) hold what. */
export interface CsvConfig {
  columns?: {
    conversation?: string | number
    time?: string | number
    role?: string | number
    author?: string | number
    text?: string | number
  }
  /** Values of the role column per role, e.g. {"agent": ["staff", "outbound"]} (the role names themselves always work). */
  roleValues?: Partial<Record<Role, string[]>>
  /** Field delimiter; default `,` (`.tsv`: tab). */
  delimiter?: string
  /** Channel of the conversations (default: the config's `channel`, else `chat`). */
  channel?: Channel
}

/** A rule as resolved for one run. */
export interface ActiveRule {
  rule: Rule<any>
  severity: Severity
  options: Record<string, unknown>
}
