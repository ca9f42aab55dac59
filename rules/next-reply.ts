/**
 * What the customer says right after an agent turn: the opening words of the next customer turn
 * (no other agent or bot turn between), after any @handles. Rules that look ahead read it for
 * the customer's own verdict on the reply: "I meant the other one", "it's in my tweet".
 */
import type { Transcript } from '../src/types.js'

/** Characters of a turn read at most (an answer's verdict opens it). */
const MAX_CHARS = 4000
const LEADING_HANDLES = /^(?:\s*[@＠][\p{L}\p{N}_]+)*\s*/u

/** The opening `reach` characters of the customer's answer to turn `i`, with that turn's index. */
export function nextCustomerOpening(turns: Transcript['turns'], i: number, reach: number): { turn: number; text: string } | undefined {
  for (let k = i + 1; k < turns.length; k++) {
    const turn = turns[k]!
    if (turn.role === 'system') continue
    if (turn.role !== 'customer') return undefined
    const text = turn.text.length > MAX_CHARS ? turn.text.slice(0, MAX_CHARS) : turn.text
    const lead = LEADING_HANDLES.exec(text)![0].length
    return { turn: k, text: text.slice(lead, lead + reach) }
  }
  return undefined
}

/**
 * The opening `reach` characters of the agent's (or bot's) reply to the customer turn `c`: the
 * first agent or bot turn after it, with only customer or system turns between.
 */
export function nextAgentOpening(turns: Transcript['turns'], c: number, reach: number): { turn: number; text: string } | undefined {
  for (let k = c + 1; k < turns.length; k++) {
    const turn = turns[k]!
    if (turn.role === 'system' || turn.role === 'customer') continue
    if (turn.role !== 'agent' && turn.role !== 'bot') return undefined
    const text = turn.text.length > MAX_CHARS ? turn.text.slice(0, MAX_CHARS) : turn.text
    const lead = LEADING_HANDLES.exec(text)![0].length
    return { turn: k, text: text.slice(lead, lead + reach) }
  }
  return undefined
}

/** The same handles at the start of an agent's sentence, to skip when quoting it. */
export function leadingHandles(text: string): number {
  return LEADING_HANDLES.exec(text)![0].length
}
