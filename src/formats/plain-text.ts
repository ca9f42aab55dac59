/**
 * Plain-text chat logs:
 *
 *     # id: order-4411
 *     # channel: chat
 *     [2024-05-01 10:02] Customer Dana: my invoice is wrong
 *     [2024-05-01 10:03] Agent Sara: Sorry about that, Dana!
 *     I'll fix it now.
 *     ---
 *
 * A line starts a turn when it opens with an optional `[time]` and a speaker
 * whose name matches a role (built-in words such as Agent/Customer, or names
 * configured under `roles`). Other lines continue the previous turn. `---`
 * separates conversations; `# key: value` lines at the top of one set its
 * id, channel or language.
 */
import { CHANNELS, ROLES, type Channel, type Role, type TextMap, type Transcript, type TranscriptSource, type Turn } from '../types.js'
import { problem } from '../model/problems.js'
import type { ReadResult } from '../model/transcript.js'
import { parseTime } from '../model/time.js'
import type { ReadOptions } from './options.js'
import { lines } from './lines.js'

export const DEFAULT_ROLE_WORDS: Record<Role, string[]> = {
  agent: ['agent', 'support', 'advisor', 'rep', 'staff', 'operator'],
  customer: ['customer', 'client', 'user', 'visitor', 'guest'],
  bot: ['bot', 'assistant bot', 'virtual assistant'],
  system: ['system']
}

const TURN_LINE = /^(?:\[([^\]\n]{1,60})\]\s*)?([^:\n]{1,80}?):[ \t]?(.*)$/

interface Draft {
  turn: Turn
  source: TranscriptSource['turns'][number]
  map: TextMap
}

export function matchRole(who: string, roles: Partial<Record<Role, string[]>> | undefined): { role: Role; author: string } | undefined {
  const name = who.trim()
  const lower = name.toLowerCase()
  // Configured names first: exact name, a glob-like prefix ("Sara*"), or /regex/.
  if (roles) {
    for (const role of ROLES) {
      for (const pattern of roles[role] ?? []) {
        if (matchesPattern(name, pattern)) return { role, author: name }
      }
    }
  }
  for (const role of ROLES) {
    for (const word of DEFAULT_ROLE_WORDS[role]) {
      if (lower === word) return { role, author: name }
      if (lower.startsWith(word + ' ')) return { role, author: name.slice(word.length + 1).trim() || name }
    }
  }
  return undefined
}

export function matchesPattern(name: string, pattern: string): boolean {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.lastIndexOf('/') > 0) {
    const last = pattern.lastIndexOf('/')
    try {
      return new RegExp(pattern.slice(1, last), pattern.slice(last + 1)).test(name)
    } catch {
      return false
    }
  }
  if (pattern.endsWith('*')) return name.toLowerCase().startsWith(pattern.slice(0, -1).toLowerCase())
  return name.toLowerCase() === pattern.toLowerCase()
}

/** Blank lines after a message belong to no one: cut them from the text and its map. */
function trimTrailing(draft: Draft): TextMap {
  const text = draft.turn.text
  const length = text.trimEnd().length
  if (length === text.length) return draft.map
  draft.turn.text = text.slice(0, length)
  const { textStarts, sourceStarts } = draft.map
  let k = textStarts.length - 1
  while (k > 0 && textStarts[k]! >= length) k--
  return {
    textStarts: textStarts.slice(0, k + 1),
    sourceStarts: sourceStarts.slice(0, k + 1),
    sourceEnd: sourceStarts[k]! + (length - textStarts[k]!)
  }
}

export function readPlainText(text: string, options: ReadOptions): ReadResult {
  const result: ReadResult = { conversations: [], problems: [] }
  let header: { id?: string; channel?: Channel; language?: string } = {}
  let turns: Draft[] = []
  let convStart = 0
  let count = 0

  const flush = (end: number) => {
    if (turns.length > 0) {
      count++
      const id = header.id ?? (count === 1 ? options.name : `${options.name}#${count}`)
      const transcript: Transcript = {
        id,
        channel: header.channel ?? options.channel ?? 'chat',
        turns: turns.map((d) => d.turn)
      }
      if (header.language) transcript.language = header.language
      result.conversations.push({
        transcript,
        source: { start: convStart, end, turns: turns.map((d) => ({ ...d.source, text: trimTrailing(d) })) }
      })
    }
    turns = []
    header = {}
  }

  let seenTurnLine = false
  for (const { number: lineNo, start: lineStart, end: contentEnd, breakAt: lineEnd } of lines(text)) {
    const line = text.slice(lineStart, contentEnd)

    if (/^-{3,}\s*$/.test(line)) {
      flush(lineStart)
      convStart = lineEnd + 1
    } else if (turns.length === 0 && /^#\s*\w+\s*:/.test(line)) {
      const m = /^#\s*(\w+)\s*:\s*(.*?)\s*$/.exec(line)!
      const key = m[1]!.toLowerCase()
      const value = m[2]!
      if (key === 'id') header.id = value
      else if (key === 'language') header.language = value
      else if (key === 'channel') {
        if ((CHANNELS as readonly string[]).includes(value)) header.channel = value as Channel
        else result.problems.push(problem(`Line ${lineNo}: channel must be one of ${CHANNELS.join(', ')}, got ${JSON.stringify(value)}`, lineStart, contentEnd, false))
      }
    } else {
      const m = TURN_LINE.exec(line)
      const speaker = m ? matchRole(m[2]!, options.roles) : undefined
      if (m && speaker) {
        seenTurnLine = true
        const textStart = lineStart + line.length - m[3]!.length
        const turn: Turn = { role: speaker.role, author: speaker.author, text: m[3]! }
        const source: Draft['source'] = { start: lineStart, end: contentEnd }
        if (m[1] !== undefined) {
          turn.at = m[1].trim()
          const atStart = lineStart + 1 + m[1].indexOf(turn.at)
          source.at = { start: atStart, end: atStart + turn.at.length }
          const time = parseTime(turn.at)
          if (time === undefined) {
            result.problems.push(
              problem(`Line ${lineNo}: ${JSON.stringify(turn.at)} is not a date-time (expected e.g. 2024-05-01 10:02); the time is ignored`, source.at.start, source.at.end, false)
            )
          } else turn.time = time
        }
        turns.push({ turn, source, map: { textStarts: [0], sourceStarts: [textStart], sourceEnd: contentEnd } })
      } else if (m && m[1] !== undefined) {
        // A timestamped line whose speaker we cannot place: say so, do not guess.
        result.problems.push(
          problem(
            `Line ${lineNo}: unknown speaker ${JSON.stringify(m[2]!.trim())}; name it under "roles" in the config (e.g. {"roles": {"agent": ["${m[2]!.trim()}"]}})`,
            lineStart + line.indexOf(m[2]!),
            lineStart + line.indexOf(m[2]!) + m[2]!.length,
            false
          )
        )
      } else if (turns.length > 0) {
        // Continuation of the previous turn.
        const last = turns[turns.length - 1]!
        last.turn.text += '\n'
        last.map.textStarts.push(last.turn.text.length)
        last.map.sourceStarts.push(lineStart)
        last.map.sourceEnd = contentEnd
        last.turn.text += line
        last.source.end = contentEnd
      } else if (line.trim() !== '') {
        result.problems.push(problem(`Line ${lineNo}: text before the first speaker line is ignored`, lineStart, contentEnd, false))
      }
    }
  }
  flush(text.length)
  if (!seenTurnLine) {
    result.problems.push(problem('No chat lines found (expected lines like "[2024-05-01 10:02] Agent Sara: Hello")', 0, Math.min(text.length, 1)))
  }
  return result
}
