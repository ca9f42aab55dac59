// Child process of `npm run bench`: streams N generated conversations through
// the JSONL pipeline (as `coachlint --stdin -f jsonl` does) and reports peak RSS.
import { Readable } from 'node:stream'
import { createNodeLinter } from '../dist/src/node/index.js'
import { runPipeline } from '../dist/src/node/pipeline.js'
import { conversations } from './lib/generate.js'

const count = Number(process.argv[2] ?? 1_000_000)
const encoder = new TextEncoder()
function* lines() {
  let batch = ''
  for (const c of conversations(count)) {
    batch += JSON.stringify(c) + '\n'
    if (batch.length > 256 * 1024) {
      yield encoder.encode(batch)
      batch = ''
    }
  }
  if (batch) yield encoder.encode(batch)
}
const linterOptions = { cwd: process.cwd(), noConfig: true }
const { linter } = await createNodeLinter(linterOptions)
let findings = 0
let peak = 0
const started = performance.now()
const { conversations: done, agentWords } = await runPipeline({
  linter,
  linterOptions,
  jobs: 1,
  inputs: [{ shown: 'generated.jsonl', format: 'jsonl', stream: Readable.from(lines()) }],
  onResult(result) {
    for (const c of result.conversations) findings += c.messages.length
    const rss = process.memoryUsage.rss()
    if (rss > peak) peak = rss
  }
})
const seconds = (performance.now() - started) / 1000
const maxRss = Math.max(peak, process.resourceUsage().maxRSS * 1024)
process.stdout.write(JSON.stringify({ conversations: done, findings, agentWords, seconds, maxRssBytes: maxRss }) + '\n')
