/** Problems found while reading input: located, and either fatal for a conversation or not. */
export interface InputProblem {
  reason: string
  /** Source offsets of the offending part. */
  start: number
  end: number
  /** True when the conversation (or file) could not be linted at all. */
  fatal: boolean
  /** Id of the conversation, when known. */
  conversation?: string
  /** Turn index, when the problem is inside a turn. */
  turn?: number
}

export function problem(
  reason: string,
  start: number,
  end: number,
  fatal = true,
  extra: { conversation?: string; turn?: number } = {}
): InputProblem {
  return { reason, start, end, fatal, ...extra }
}
