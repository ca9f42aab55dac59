#!/usr/bin/env node
import { stopQuietlyOnBrokenPipe } from '../dist/src/cli/broken-pipe.js'
import { main } from '../dist/src/cli/main.js'

stopQuietlyOnBrokenPipe([process.stdout, process.stderr])
process.exitCode = await main(process.argv)
