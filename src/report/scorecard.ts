/**
 * Scorecards: per agent, rule, channel and day — conversations, findings per
 * 100 agent turns, a severity-weighted score and the worst examples. Built
 * incrementally from per-conversation results, so memory stays bounded by the
 * number of agents, rules and days, not by the corpus.
 *
 * Score (0–100): with weights error 3, warning 1, info 0.25 (each × the
 * finding's confidence), P = weighted findings per 100 agent turns, and
 * score = 100 × 100 / (100 + P). No findings → 100; one weighted finding per
 * agent turn (P = 100) → 50; three per turn → 25.
 */
import type { ConversationResult } from '../reporters/conversations.js'
import type { JsonMessage } from '../reporters/json.js'

export const WEIGHTS = { error: 3, warning: 1, info: 0.25 } as const

export interface Tally {
  conversations: number
  agentTurns: number
  findings: number
  errors: number
  warnings: number
  infos: number
  weighted: number
  /** Findings per 100 agent turns. */
  per100: number
  score: number
}

export interface Example {
  path: string
  conversation: string
  agent: string
  weighted: number
  findings: Array<{ ruleId: string; severity: string; turn: number | null; line: number | null; column: number | null; reason: string }>
}

export interface Scorecard {
  generatedAt: string
  totals: Tally
  byAgent: Record<string, Tally & { byRule: Record<string, number> }>
  byRule: Record<string, Tally>
  byChannel: Record<string, Tally>
  byDay: Record<string, Tally>
  worst: Example[]
  inputProblems: number
  weights: typeof WEIGHTS
}

interface Raw {
  conversations: number
  agentTurns: number
  errors: number
  warnings: number
  infos: number
  weighted: number
}

const empty = (): Raw => ({ conversations: 0, agentTurns: 0, errors: 0, warnings: 0, infos: 0, weighted: 0 })

function finish(raw: Raw): Tally {
  const findings = raw.errors + raw.warnings + raw.infos
  const per100 = raw.agentTurns > 0 ? (100 * findings) / raw.agentTurns : 0
  const p = raw.agentTurns > 0 ? (100 * raw.weighted) / raw.agentTurns : 0
  const round = (n: number) => Math.round(n * 10) / 10
  return { ...raw, weighted: round(raw.weighted), findings, per100: round(per100), score: round((100 * 100) / (100 + p)) }
}

function weightOf(m: JsonMessage): number {
  return WEIGHTS[m.severity] * (m.confidence ?? 1)
}

export class ScorecardBuilder {
  private totals = empty()
  private agents = new Map<string, Raw & { byRule: Map<string, number> }>()
  private rules = new Map<string, Raw>()
  private channels = new Map<string, Raw>()
  private days = new Map<string, Raw>()
  private worst: Example[] = []
  private problems = 0

  constructor(private readonly keepExamples = 20) {}

  add(result: ConversationResult): void {
    if (result.conversation === null) {
      this.problems += result.messages.length
      return
    }
    const findings = result.messages.filter((m) => m.ruleId !== null)
    this.problems += result.messages.length - findings.length
    const agentTurns = Object.values(result.agentTurns).reduce((a, b) => a + b, 0)
    const mainAgent = Object.entries(result.agentTurns).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '(no agent)'
    const day = result.startedAt ? result.startedAt.slice(0, 10) : '(no date)'
    const channel = result.channel ?? '(unknown)'

    const bump = (raw: Raw, m: JsonMessage) => {
      if (m.severity === 'error') raw.errors++
      else if (m.severity === 'warning') raw.warnings++
      else raw.infos++
      raw.weighted += weightOf(m)
    }
    const get = <T extends Raw>(map: Map<string, T>, key: string, make: () => T): T => {
      let v = map.get(key)
      if (!v) map.set(key, (v = make()))
      return v
    }

    this.totals.conversations++
    this.totals.agentTurns += agentTurns
    const ch = get(this.channels, channel, empty)
    ch.conversations++
    ch.agentTurns += agentTurns
    const d = get(this.days, day, empty)
    d.conversations++
    d.agentTurns += agentTurns
    for (const [agent, turns] of Object.entries(result.agentTurns)) {
      const a = get(this.agents, agent, () => ({ ...empty(), byRule: new Map<string, number>() }))
      a.conversations++
      a.agentTurns += turns
    }
    const rulesSeen = new Set<string>()
    for (const m of findings) {
      const agent = (m.role === 'agent' || m.role === 'bot') && m.author ? m.author : mainAgent
      const a = get(this.agents, agent, () => ({ ...empty(), byRule: new Map<string, number>() }))
      bump(a, m)
      a.byRule.set(m.ruleId!, (a.byRule.get(m.ruleId!) ?? 0) + 1)
      const r = get(this.rules, m.ruleId!, empty)
      bump(r, m)
      if (!rulesSeen.has(m.ruleId!)) {
        r.conversations++
        rulesSeen.add(m.ruleId!)
      }
      bump(this.totals, m)
      bump(ch, m)
      bump(d, m)
    }
    // Every rule's rate is per 100 agent turns of the whole corpus.
    if (findings.length > 0) this.consider(result, findings, mainAgent)
  }

  private consider(result: ConversationResult, findings: JsonMessage[], agent: string) {
    const weighted = findings.reduce((n, m) => n + weightOf(m), 0)
    if (this.worst.length >= this.keepExamples && weighted <= this.worst[this.worst.length - 1]!.weighted) return
    this.worst.push({
      path: result.path,
      conversation: result.conversation!,
      agent,
      weighted: Math.round(weighted * 100) / 100,
      findings: findings.slice(0, 8).map((m) => ({ ruleId: m.ruleId!, severity: m.severity, turn: m.turn, line: m.line, column: m.column, reason: m.reason }))
    })
    this.worst.sort((a, b) => b.weighted - a.weighted || a.conversation.localeCompare(b.conversation))
    if (this.worst.length > this.keepExamples) this.worst.pop()
  }

  build(now = new Date()): Scorecard {
    const map = <T extends Raw>(m: Map<string, T>) => Object.fromEntries([...m].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, finish(v)]))
    const totalTurns = this.totals.agentTurns
    const byRule = Object.fromEntries(
      [...this.rules].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, finish({ ...v, agentTurns: totalTurns })])
    )
    const byAgent = Object.fromEntries(
      [...this.agents].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, { ...finish(v), byRule: Object.fromEntries([...v.byRule].sort()) }])
    )
    return {
      generatedAt: now.toISOString(),
      totals: finish(this.totals),
      byAgent,
      byRule,
      byChannel: map(this.channels),
      byDay: map(this.days),
      worst: this.worst,
      inputProblems: this.problems,
      weights: WEIGHTS
    }
  }
}

/** Scorecard as CSV: one row per (dimension, key). */
export function scorecardCsv(card: Scorecard): string {
  const cell = (v: unknown) => {
    const s = String(v ?? '')
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : /^[=+\-@]/.test(s) ? `'${s}` : s
  }
  const rows = [['dimension', 'key', 'conversations', 'agentTurns', 'findings', 'errors', 'warnings', 'infos', 'per100AgentTurns', 'score']]
  const add = (dimension: string, key: string, t: Tally) =>
    rows.push([dimension, key, t.conversations, t.agentTurns, t.findings, t.errors, t.warnings, t.infos, t.per100, t.score].map(String))
  add('total', 'all', card.totals)
  for (const [k, t] of Object.entries(card.byAgent)) add('agent', k, t)
  for (const [k, t] of Object.entries(card.byRule)) add('rule', k, t)
  for (const [k, t] of Object.entries(card.byChannel)) add('channel', k, t)
  for (const [k, t] of Object.entries(card.byDay)) add('day', k, t)
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
