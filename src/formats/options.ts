import type { Channel, Role } from '../types.js'

export type InputFormat = 'json' | 'jsonl' | 'text'
export const INPUT_FORMATS: readonly InputFormat[] = ['json', 'jsonl', 'text']

export interface ReadOptions {
  /** File name (used for fallback conversation ids and format detection). */
  name: string
  /** Channel for inputs that do not state one. */
  channel?: Channel
  /** Speaker names or prefixes per role, for plain-text logs. */
  roles?: Partial<Record<Role, string[]>>
  /** Force a format instead of detecting it. */
  format?: InputFormat
}
