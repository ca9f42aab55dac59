/** Human-readable output through vfile-reporter, with coaching tips on request. */
import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'

export interface StylishOptions {
  color: boolean
  quiet: boolean
  verbose: boolean
}

export function formatStylish(files: VFile[], options: StylishOptions): string {
  if (files.length === 0) return 'No files linted.\n'
  const out = reporter(files, { color: options.color, quiet: options.quiet, verbose: options.verbose })
  return out ? out + '\n' : ''
}
