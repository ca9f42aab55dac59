/**
 * Exit codes: 0 no error-severity findings; 1 error findings or too many
 * warnings; 2 usage or config errors, or an input that could not be read at all.
 */
import type { VFile } from 'vfile'
import type { CoachlintMessage } from '../engine/messages.js'

export const EXIT_OK = 0
export const EXIT_FINDINGS = 1
export const EXIT_FATAL = 2

export function fileUnreadable(file: VFile): boolean {
  const stats = (file.data as { coachlintStats?: { conversations: number } }).coachlintStats
  const fatal = (file.messages as CoachlintMessage[]).some((m) => !m.ruleId && m.fatal === true)
  return fatal && !stats?.conversations
}

export function exitCodeFor(files: VFile[], maxWarnings: number | undefined): number {
  if (files.some(fileUnreadable)) return EXIT_FATAL
  const messages = files.flatMap((f) => f.messages)
  if (messages.some((m) => m.fatal === true)) return EXIT_FINDINGS
  if (maxWarnings !== undefined && maxWarnings >= 0 && messages.filter((m) => m.fatal === false).length > maxWarnings) return EXIT_FINDINGS
  return EXIT_OK
}
