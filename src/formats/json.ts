/** A `.json` file: one conversation object, or an array of them. */
import { JsonSyntaxError, parseJson } from '../model/json-source.js'
import { problem } from '../model/problems.js'
import { transcriptFromNode, type ReadResult } from '../model/transcript.js'
import type { ReadOptions } from './options.js'
import { readHelpdeskNode, unknownShape } from './helpdesk.js'
import { readSlack } from './slack.js'

export function readJson(text: string, options: ReadOptions): ReadResult {
  const result: ReadResult = { conversations: [], problems: [] }
  let node
  try {
    node = parseJson(text)
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      result.problems.push(problem(`Invalid JSON: ${error.message}`, error.offset, Math.min(error.offset + 1, text.length)))
      return result
    }
    throw error
  }
  const items = node.kind === 'array' ? node.items : [node]
  // Not the canonical shape: a helpdesk export or a Slack day file, recognised by shape.
  const canonical = items.some((item) => item.kind === 'object' && (item.entries.has('turns') || item.entries.has('channel')))
  if (!canonical && items.length > 0) {
    if (readHelpdeskNode(node, options, result)) return result
    if (node.kind === 'array' && items.some((item) => item.kind === 'object' && item.entries.has('ts'))) return readSlack(text, options)
    result.problems.push(problem(unknownShape(), node.start, node.start + 1))
    return result
  }
  items.forEach((item, i) => {
    const read = transcriptFromNode(item, {
      channel: options.channel,
      fallbackId: node.kind === 'array' ? `${options.name}[${i}]` : options.name
    })
    result.conversations.push(...read.conversations)
    result.problems.push(...read.problems)
  })
  return result
}
