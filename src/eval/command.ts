/** `coachlint eval`: run the rules over labelled conversations and print precision/recall. */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readInput } from '../formats/index.js'
import { batchesOf, runRulesOnBatch } from '../engine/run-rules.js'
import type { Transcript } from '../types.js'
import { createNodeLinter } from '../node/index.js'
import { parseRuleFlags } from '../cli/main.js'
import { score, type Counts, type Label, type Scores } from './score.js'

export interface EvalFlags {
  show?: number
  json?: boolean
  config?: string
  rule: string[]
}

function listJsonl(paths: string[]): string[] {
  const out: string[] = []
  for (const p of paths) {
    const abs = resolve(p)
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) if (name.endsWith('.jsonl')) out.push(join(abs, name))
    } else out.push(abs)
  }
  return out
}

interface Loaded {
  transcripts: Map<string, Transcript>
  gold: Label[]
  languages: Map<string, string>
}

export function loadLabelled(files: string[]): Loaded {
  const loaded: Loaded = { transcripts: new Map(), gold: [], languages: new Map() }
  for (const file of files) {
    const read = readInput(readFileSync(file), { name: file, format: 'jsonl' })
    for (const p of read.problems) if (p.fatal) process.stderr.write(`${file}: skipped: ${p.reason}\n`)
    for (const { transcript } of read.conversations) {
      const expect = transcript.extra?.expect
      if (!Array.isArray(expect)) continue
      const language = transcript.language ?? 'und'
      loaded.transcripts.set(transcript.id, transcript)
      loaded.languages.set(transcript.id, language)
      for (const e of expect as Array<{ turn?: unknown; rule?: unknown }>) {
        if (typeof e?.turn === 'number' && typeof e.rule === 'string') {
          loaded.gold.push({ conversation: transcript.id, turn: e.turn, rule: e.rule, language })
        }
      }
    }
  }
  return loaded
}

const pct = (n: number) => n.toFixed(2)

function row(cells: Array<string | number>, widths: number[]): string {
  return cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ')
}

export function formatScores(scores: Scores, notRun: Map<string, number>): string {
  const widths = [24, 6, 5, 5, 5, 5, 5, 5]
  const lines = [row(['rule', 'lang', 'gold', 'pred', 'tp', 'P', 'R', 'F1'], widths), '-'.repeat(80)]
  const line = (name: string, lang: string, c: Counts) =>
    lines.push(row([name, lang, c.gold, c.predicted, c.truePositives, pct(c.precision), pct(c.recall), pct(c.f1)], widths))
  for (const [rule, byLang] of Object.entries(scores.byRule)) {
    const langs = Object.keys(byLang).filter((l) => l !== 'all').sort()
    line(rule, 'all', byLang.all!)
    if (langs.length > 1) for (const l of langs) line('', l, byLang[l]!)
  }
  lines.push('-'.repeat(80))
  for (const lang of Object.keys(scores.micro).sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))) {
    line('micro', lang, scores.micro[lang]!)
  }
  if (notRun.size > 0) {
    lines.push('', `Labelled but not run (no such rule enabled): ${[...notRun].map(([r, n]) => `${r} (${n})`).join(', ')}`)
  }
  return lines.join('\n') + '\n'
}

function formatExamples(title: string, labels: Label[], transcripts: Map<string, Transcript>, show: number): string {
  const byRule = new Map<string, Label[]>()
  for (const l of labels) byRule.set(l.rule, [...(byRule.get(l.rule) ?? []), l])
  const out: string[] = []
  for (const [rule, list] of [...byRule].sort()) {
    out.push(`\n${title} — ${rule} (${list.length})`)
    for (const l of list.slice(0, show)) {
      const turn = transcripts.get(l.conversation)?.turns[l.turn]
      const text = (turn?.text ?? '').replace(/\s+/g, ' ')
      out.push(`  ${l.conversation} turn ${l.turn} [${turn?.role ?? '?'}]: ${text.length > 160 ? text.slice(0, 157) + '...' : text}`)
    }
  }
  return out.join('\n')
}

export async function runEvalCommand(paths: string[], flags: EvalFlags): Promise<number> {
  const files = listJsonl(paths.length > 0 ? paths : ['../shared/corpus'])
  const { linter } = await createNodeLinter({
    cwd: process.cwd(),
    configFile: flags.config,
    noConfig: !flags.config,
    overrides: parseRuleFlags(flags.rule)
  })
  const { transcripts, gold } = loadLabelled(files)
  const predicted: Label[] = []
  const timings = new Map<string, number>()
  for (const batch of batchesOf([...transcripts.values()], (t) => t)) {
    const found = runRulesOnBatch(batch, linter.config.rules, { minConfidence: linter.config.minConfidence, timings })
    batch.forEach((transcript, i) => {
      const language = transcript.language ?? 'und'
      for (const f of found[i]!) predicted.push({ conversation: transcript.id, turn: f.turn, rule: f.ruleId, language })
    })
  }
  const ran = linter.config.rules.map((r) => r.rule.meta.id)
  const scores = score(gold, predicted, ran)
  const notRun = new Map<string, number>()
  for (const l of gold) if (!ran.includes(l.rule)) notRun.set(l.rule, (notRun.get(l.rule) ?? 0) + 1)

  if (flags.json) {
    process.stdout.write(JSON.stringify({ files, conversations: transcripts.size, byRule: scores.byRule, micro: scores.micro, notRun: Object.fromEntries(notRun) }, null, 2) + '\n')
    return 0
  }
  process.stdout.write(`${transcripts.size} labelled conversations from ${files.length} file(s)\n\n`)
  process.stdout.write(formatScores(scores, notRun))
  const slowest = [...timings].sort((a, b) => b[1] - a[1])
  process.stdout.write(
    `\nTime per rule (ms over ${transcripts.size} conversations; the first rule to touch a turn pays for its shared analysis):\n` +
      slowest.map(([id, ms]) => `  ${id.padEnd(24)} ${ms.toFixed(0).padStart(8)}`).join('\n') +
      '\n'
  )
  if (flags.show) {
    process.stdout.write(formatExamples('False positives', scores.falsePositives, transcripts, flags.show) + '\n')
    process.stdout.write(formatExamples('Misses', scores.misses, transcripts, flags.show) + '\n')
  }
  return 0
}
