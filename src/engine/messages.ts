/** Turn findings and input problems into VFileMessages placed in the source file. */
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { location } from 'vfile-location'
import type { InputProblem } from '../model/problems.js'
import { mapOffset } from '../model/json-source.js'
import type { Role, Severity, Transcript, TranscriptSource } from '../types.js'
import type { Finding } from './run-rules.js'

/** A VFileMessage with coachlint's extra fields. */
export interface CoachlintMessage extends VFileMessage {
  conversation?: string
  turn?: number
  role?: Role
  author?: string
  confidence?: number
  severity?: Severity
}

type Locator = ReturnType<typeof location>

/** Lazily built line index of a file's text. */
export function locatorFor(file: VFile): Locator {
  const data = file.data as { coachlintLocator?: Locator; coachlintText?: string }
  return (data.coachlintLocator ??= location(data.coachlintText ?? String(file.value ?? '')))
}

/**
 * VFileMessage is an Error: building one captures a stack trace, which is
 * costly and useless for a finding. Create messages without it.
 */
function newMessage(reason: string, options: import('vfile-message').Options): CoachlintMessage {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return new VFileMessage(reason, options as never) as CoachlintMessage
  } finally {
    Error.stackTraceLimit = limit
  }
}

function point(loc: Locator, offset: number) {
  const p = loc.toPoint(offset)
  return p ? { line: p.line, column: p.column, offset } : undefined
}

export function fatalFromSeverity(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warn' ? false : undefined
}

export function addFinding(file: VFile, transcript: Transcript, source: TranscriptSource | undefined, finding: Finding): CoachlintMessage {
  const turn = transcript.turns[finding.turn]!
  const turnSource = source?.turns[finding.turn]
  let start: number
  let end: number
  let loc: Locator
  if (turnSource) {
    loc = locatorFor(file)
    if (finding.target === 'time' && turnSource.at) {
      start = turnSource.at.start
      end = turnSource.at.end
    } else if (turnSource.text) {
      const len = turn.text.length
      start = mapOffset(turnSource.text, Math.max(0, Math.min(finding.start ?? 0, len)), len)
      end = mapOffset(turnSource.text, Math.max(0, Math.min(finding.end ?? len, len)), len)
    } else {
      start = turnSource.start
      end = turnSource.end
    }
  } else {
    // No source file: place within the turn's own text.
    loc = location(turn.text)
    start = finding.start ?? 0
    end = finding.end ?? turn.text.length
  }
  const startPoint = point(loc, start)
  const endPoint = point(loc, Math.max(start, end))
  const message = newMessage(finding.reason, {
    place: startPoint && endPoint ? { start: startPoint, end: endPoint } : startPoint,
    ruleId: finding.ruleId,
    source: 'coachlint'
  })
  message.file = file.path ?? ''
  message.fatal = fatalFromSeverity(finding.severity)
  message.severity = finding.severity
  if (finding.note) message.note = finding.note
  if (finding.expected && finding.expected.length > 0) message.expected = finding.expected
  if (finding.url) message.url = finding.url
  message.conversation = transcript.id
  message.turn = finding.turn
  message.role = turn.role
  if (turn.author !== undefined) message.author = turn.author
  message.confidence = finding.confidence ?? 1
  file.messages.push(message)
  return message
}

export function addProblem(file: VFile, problem: InputProblem): CoachlintMessage {
  const loc = locatorFor(file)
  const startPoint = point(loc, problem.start)
  const endPoint = point(loc, Math.max(problem.start, problem.end))
  const message = newMessage(problem.reason, {
    place: startPoint && endPoint ? { start: startPoint, end: endPoint } : startPoint ?? { line: 1, column: 1 },
    source: 'coachlint'
  })
  message.file = file.path ?? ''
  message.fatal = problem.fatal ? true : false
  message.severity = problem.fatal ? 'error' : 'warn'
  if (problem.conversation !== undefined) message.conversation = problem.conversation
  if (problem.turn !== undefined) message.turn = problem.turn
  file.messages.push(message)
  return message
}
