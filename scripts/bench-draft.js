// Child process of `npm run bench`: lintDraft latency (p50/p99, English and
// Arabic) in a process of its own, as an editor integration or `coachlint
// serve` runs checks, so that what the rest of the benchmark left on the heap
// (alex's run, the corpus) is not collected in the middle of the measurement.
import * as api from '../dist/src/index.js'
import { draftLatency } from './lib/draft-latency.js'

process.stdout.write(JSON.stringify(draftLatency(api)) + '\n')
