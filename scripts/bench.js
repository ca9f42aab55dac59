// npm run bench [-- options]: throughput against alex in the same run, per-rule
// cost, pre-send latency and peak memory while streaming.
//
//   --corpus PATH        lint these .jsonl files (a folder or files) instead of generated ones
//   --language en|ar     only conversations in this language (with --corpus)
//   --preset NAME        recommended (default) or all
//   --conversations N    generated conversations for the throughput run (default 2000)
//   --passes N           measured passes over the corpus after the warm-up (default 5; the median is reported)
//   --warm-up-seconds S  how long each linter runs over the same texts before it is measured (default 5)
//   --alex-seconds S     time budget for alex (default 20; it runs on a prefix of the same texts)
//   --stream N           conversations to stream for the memory figure (default 1000000; 0 skips)
//   --json               machine-readable output
import { spawn } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { text as alex } from 'alex'
import { createLinter, readInput } from '../dist/src/index.js'
import { runRules } from '../dist/src/engine/run-rules.js'
import { conversations } from './lib/generate.js'

const args = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback
}
const asJson = args.includes('--json')
const preset = opt('preset', 'recommended')
const streamCount = Number(opt('stream', '1000000'))
const alexBudget = Number(opt('alex-seconds', '20')) * 1000
const warmUpBudget = Math.max(0, Number(opt('warm-up-seconds', '5'))) * 1000
const out = {}
const say = (s) => asJson || process.stdout.write(s + '\n')

// 1. The corpus, as JSONL text (parsing is part of what we measure).
let sources = []
const corpusArg = opt('corpus')
if (corpusArg) {
  const abs = resolve(corpusArg)
  const files = statSync(abs).isDirectory() ? readdirSync(abs).filter((f) => f.endsWith('.jsonl')).map((f) => join(abs, f)) : [abs]
  const language = opt('language')
  for (const f of files) {
    let lines = readFileSync(f, 'utf8').split('\n').filter((l) => l.trim())
    if (language) lines = lines.filter((l) => JSON.parse(l).language === language)
    sources.push({ name: f, text: lines.join('\n') + '\n' })
  }
} else {
  const n = Number(opt('conversations', '2000'))
  sources = [{ name: 'generated.jsonl', text: [...conversations(n)].map((c) => JSON.stringify(c)).join('\n') + '\n' }]
}
const linter = createLinter({ config: { extends: preset } })
const transcripts = sources.flatMap((s) => readInput(s.text, { name: s.name, format: 'jsonl' }).conversations.map((c) => c.transcript))
const agentTexts = transcripts.flatMap((t) => t.turns.filter((u) => u.role === 'agent' || u.role === 'bot').map((u) => u.text))
const words = (s) => (s.match(/\S+/g) ?? []).length
const agentWords = agentTexts.reduce((n, s) => n + words(s), 0)
out.corpus = { conversations: transcripts.length, agentTurns: agentTexts.length, agentWords, source: corpusArg ?? 'generated' }
say(`corpus: ${transcripts.length} conversations (${corpusArg ?? 'generated'}), ${agentTexts.length} agent turns, ${agentWords} agent words; rules: ${preset} (${linter.config.rules.length})`)

// 2. coachlint over the corpus. The first pass pays for compiling (lexicon
//    indexes, expressions, the JIT); it is reported on its own. Then a warm-up
//    on other, generated conversations, and passes over the corpus for
//    --warm-up-seconds: the engine keeps optimising the code for several
//    passes (the second to fifth passes run up to twice as long as later ones),
//    and a nightly run lints for minutes. Nothing a pass works out about a text
//    outlives that pass's lint, so a warm-up pass leaves the next one only the
//    compiled code. Then the measured passes: the median pass is the figure;
//    the first of them is reported too.
const passes = Math.max(1, Number(opt('passes', '5')))
let started = performance.now()
for (const s of sources) linter.lintSource(s.text, { path: s.name, format: 'jsonl' })
out.coachlintFirstPassMs = performance.now() - started
linter.lintSource([...conversations(300, 10_000_000)].map((c) => JSON.stringify(c)).join('\n') + '\n', { path: 'warm-up.jsonl', format: 'jsonl' })
started = performance.now()
while (performance.now() - started < warmUpBudget) for (const s of sources) linter.lintSource(s.text, { path: s.name, format: 'jsonl' })
const passMs = []
let findings = 0
for (let p = 0; p < passes; p++) {
  started = performance.now()
  findings = 0
  for (const s of sources) findings += linter.lintSource(s.text, { path: s.name, format: 'jsonl' }).messages.length
  passMs.push(performance.now() - started)
}
const coachMs = [...passMs].sort((a, b) => a - b)[(passes - 1) >> 1]
const coachRate = agentWords / (coachMs / 1000)
out.coachlint = { ms: coachMs, wordsPerSecond: coachRate, findings, passesMs: passMs, firstMeasuredWordsPerSecond: agentWords / (passMs[0] / 1000) }
say(
  `coachlint: ${Math.round(coachRate).toLocaleString('en')} agent words/s (median of ${passes} passes, ${coachMs.toFixed(0)} ms; ` +
    `first of them ${Math.round(out.coachlint.firstMeasuredWordsPerSecond).toLocaleString('en')} words/s; ${findings} findings; first pass ${out.coachlintFirstPassMs.toFixed(0)} ms)`
)

// 3. alex over the same agent texts, in the same process, until its time budget runs out,
//    after the same warm-up over them (its engine optimises its code as it runs too).
alex('warm up')
started = performance.now()
for (let k = 0; performance.now() - started < warmUpBudget; k++) alex(agentTexts[k % agentTexts.length])
let alexWords = 0
let alexTurns = 0
started = performance.now()
for (const t of agentTexts) {
  alex(t)
  alexWords += words(t)
  alexTurns++
  if (performance.now() - started > alexBudget) break
}
const alexMs = performance.now() - started
const alexRate = alexWords / (alexMs / 1000)
out.alex = { ms: alexMs, wordsPerSecond: alexRate, turns: alexTurns, words: alexWords }
out.ratio = coachRate / alexRate
say(`alex:      ${Math.round(alexRate).toLocaleString('en')} words/s (${alexTurns} of the same agent turns, ${alexMs.toFixed(0)} ms)`)
say(`ratio:     coachlint is ${out.ratio.toFixed(1)}× faster than alex on the same text`)

// 3b. For context: alex run once over the same turns joined into one document (the way it
//     lints a file), which spares it the cost of setting up each call.
{
  let words = 0
  const parts = []
  for (const t of agentTexts.slice(0, alexTurns)) {
    parts.push(t)
    words += (t.match(/\S+/g) ?? []).length
  }
  const t0 = performance.now()
  alex(parts.join('\n\n'))
  const ms = performance.now() - t0
  out.alexDocument = { ms, wordsPerSecond: words / (ms / 1000), words }
  say(`alex, one document: ${Math.round(out.alexDocument.wordsPerSecond).toLocaleString('en')} words/s (ratio ${(coachRate / out.alexDocument.wordsPerSecond).toFixed(1)}×)`)
}

// 4. Each rule alone over the same conversations (fresh analysis for each, so a
//    rule pays for the analysis it uses).
const perRule = []
for (const active of linter.config.rules) {
  runRules(transcripts[0], [active])
  const t0 = performance.now()
  for (const t of transcripts) runRules(t, [active])
  const ms = performance.now() - t0
  perRule.push({ rule: active.rule.meta.id, ms, usPerAgentTurn: (1000 * ms) / Math.max(1, agentTexts.length) })
}
perRule.sort((a, b) => b.ms - a.ms)
out.perRule = perRule
say('\nper-rule cost (each rule alone):')
for (const r of perRule) say(`  ${r.rule.padEnd(24)} ${r.ms.toFixed(1).padStart(9)} ms  ${r.usPerAgentTurn.toFixed(1).padStart(8)} µs/agent turn`)

/** Runs a benchmark script in a child process and returns the JSON it prints. */
function child(name, args = []) {
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url))
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let text = ''
    proc.stdout.on('data', (d) => (text += d))
    proc.on('error', fail)
    proc.on('close', (code) => (code === 0 ? done(JSON.parse(text)) : fail(new Error(`${name} exited ${code}`))))
  })
}

// 5. Pre-send latency, in a process of its own (as an editor or a server checks drafts).
out.draft = await child('bench-draft.js')
for (const [lang, r] of Object.entries(out.draft)) say(`\nlintDraft (${lang}, 60-word draft, 50-turn conversation): p50 ${r.p50.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms over ${r.runs} runs`)

// 6. Peak memory while streaming many conversations (a child process, so that
//    its peak is its own).
if (streamCount > 0) {
  const result = await child('bench-stream.js', [String(streamCount)])
  out.stream = result
  say(
    `\nstreaming ${result.conversations.toLocaleString('en')} generated conversations (JSONL pipeline, 1 thread): peak RSS ${(result.maxRssBytes / 1048576).toFixed(0)} MB, ` +
      `${Math.round(result.conversations / result.seconds).toLocaleString('en')} conversations/s, ${result.findings.toLocaleString('en')} findings`
  )
}
if (asJson) process.stdout.write(JSON.stringify(out, null, 2) + '\n')
