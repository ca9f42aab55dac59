/**
 * Validate a parsed JSON value against the canonical transcript format and keep
 * where every turn's text sits in the source.
 */
import { CHANNELS, ROLES, type Channel, type Role, type Transcript, type TranscriptSource, type Turn } from '../types.js'
import type { JsonNode } from './json-source.js'
import { toValue } from './json-source.js'
import { problem, type InputProblem } from './problems.js'
import { parseTime } from './time.js'

export interface SourcedTranscript {
  transcript: Transcript
  source?: TranscriptSource
}

export interface ReadResult {
  conversations: SourcedTranscript[]
  problems: InputProblem[]
}

export interface TranscriptDefaults {
  channel?: Channel
  /** Id used when the object has none. */
  fallbackId: string
}

const KNOWN_TOP = new Set(['id', 'channel', 'language', 'turns'])

function typeName(node: JsonNode): string {
  return node.kind === 'null' ? 'null' : node.kind
}

/**
 * Convert one JSON object node into a transcript. Returns problems instead of
 * throwing: fatal ones mean the conversation is skipped.
 */
export function transcriptFromNode(node: JsonNode, defaults: TranscriptDefaults): ReadResult {
  const problems: InputProblem[] = []
  if (node.kind !== 'object') {
    problems.push(problem(`Expected a conversation object, got ${typeName(node)}`, node.start, node.end))
    return { conversations: [], problems }
  }
  const get = (key: string) => node.entries.get(key)?.value

  const idNode = get('id')
  let id = defaults.fallbackId
  if (idNode) {
    if (idNode.kind === 'string' && idNode.value.length > 0) id = idNode.value
    else if (idNode.kind === 'number') id = String(idNode.value)
    else problems.push(problem(`Field "id" must be a non-empty string, got ${typeName(idNode)}`, idNode.start, idNode.end, true))
  }
  const fatal = (reason: string, n: { start: number; end: number }, turn?: number) =>
    problems.push(problem(`${reason} (conversation ${id})`, n.start, n.end, true, { conversation: id, turn }))
  const warn = (reason: string, n: { start: number; end: number }, turn?: number) =>
    problems.push(problem(`${reason} (conversation ${id})`, n.start, n.end, false, { conversation: id, turn }))

  let channel: Channel | undefined = defaults.channel
  const channelNode = get('channel')
  if (channelNode) {
    if (channelNode.kind === 'string' && (CHANNELS as readonly string[]).includes(channelNode.value)) {
      channel = channelNode.value as Channel
    } else {
      fatal(
        `Field "channel" must be one of ${CHANNELS.join(', ')}, got ${channelNode.kind === 'string' ? JSON.stringify(channelNode.value) : typeName(channelNode)}`,
        channelNode
      )
    }
  }

  let language: string | undefined
  const languageNode = get('language')
  if (languageNode) {
    if (languageNode.kind === 'string') language = languageNode.value
    else if (languageNode.kind !== 'null') warn(`Field "language" must be a string, got ${typeName(languageNode)}; ignored`, languageNode)
  }

  const turnsNode = get('turns')
  const turns: Turn[] = []
  const turnSources: TranscriptSource['turns'] = []
  if (!turnsNode) {
    fatal('Missing field "turns" (an array of {role, text, at?, author?})', { start: node.start, end: node.start + 1 })
  } else if (turnsNode.kind !== 'array') {
    fatal(`Field "turns" must be an array, got ${typeName(turnsNode)}`, turnsNode)
  } else {
    turnsNode.items.forEach((turnNode, index) => {
      if (turnNode.kind !== 'object') {
        fatal(`turns[${index}] must be an object, got ${typeName(turnNode)}`, turnNode, index)
        return
      }
      const field = (key: string) => turnNode.entries.get(key)?.value
      const roleNode = field('role')
      const textNode = field('text')
      let role: Role | undefined
      if (!roleNode) fatal(`turns[${index}] is missing "role" (one of ${ROLES.join(', ')})`, turnNode, index)
      else if (roleNode.kind !== 'string' || !(ROLES as readonly string[]).includes(roleNode.value)) {
        fatal(
          `turns[${index}].role must be one of ${ROLES.join(', ')}, got ${roleNode.kind === 'string' ? JSON.stringify(roleNode.value) : typeName(roleNode)}`,
          roleNode,
          index
        )
      } else role = roleNode.value as Role
      if (!textNode) fatal(`turns[${index}] is missing "text"`, turnNode, index)
      else if (textNode.kind !== 'string') fatal(`turns[${index}].text must be a string, got ${typeName(textNode)}`, textNode, index)

      const turn: Turn = { role: role ?? 'system', text: textNode?.kind === 'string' ? textNode.value : '' }
      const source: TranscriptSource['turns'][number] = { start: turnNode.start, end: turnNode.end }
      if (textNode?.kind === 'string') source.text = textNode.map

      const authorNode = field('author')
      if (authorNode) {
        if (authorNode.kind === 'string') turn.author = authorNode.value
        else if (authorNode.kind !== 'null') warn(`turns[${index}].author must be a string, got ${typeName(authorNode)}; ignored`, authorNode, index)
      }
      const atNode = field('at')
      if (atNode && atNode.kind !== 'null') {
        if (atNode.kind !== 'string') {
          warn(`turns[${index}].at must be an ISO 8601 string, got ${typeName(atNode)}; the time is ignored`, atNode, index)
        } else {
          turn.at = atNode.value
          source.at = { start: atNode.start + 1, end: atNode.end - 1 }
          const time = parseTime(atNode.value)
          if (time === undefined) {
            warn(
              `turns[${index}].at ${JSON.stringify(atNode.value.slice(0, 40))} is not an ISO 8601 date-time (e.g. 2024-05-01T10:02:00Z); the time is ignored`,
              atNode,
              index
            )
          } else turn.time = time
        }
      }
      turns.push(turn)
      turnSources.push(source)
    })
  }

  if (!channel) {
    fatal(`Missing field "channel" (one of ${CHANNELS.join(', ')})`, { start: node.start, end: node.start + 1 })
  }

  if (problems.some((p) => p.fatal)) return { conversations: [], problems }

  const extra: Record<string, unknown> = {}
  for (const [key, entry] of node.entries) {
    if (!KNOWN_TOP.has(key)) extra[key] = toValue(entry.value)
  }
  const transcript: Transcript = { id, channel: channel!, turns, extra }
  if (language !== undefined) transcript.language = language
  return {
    conversations: [{ transcript, source: { start: node.start, end: node.end, turns: turnSources } }],
    problems
  }
}
