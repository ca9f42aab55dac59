// npm run eval [-- paths…] [--show N] [--json]: scores the recommended rules on
// labelled conversations; the corpus defaults to ../shared/corpus.
import { main } from '../dist/src/cli/main.js'

const args = process.argv.slice(2)
const hasPath = args.some((a, i) => !a.startsWith('-') && !/^--(show|config|rule|c)$/.test(args[i - 1] ?? ''))
process.exitCode = await main([process.argv[0], 'coachlint', 'eval', ...(hasPath ? [] : ['../shared/corpus']), ...args])
