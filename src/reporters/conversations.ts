/** Results per conversation: what `--format jsonl` writes and what scorecards read. */
import type { VFile } from 'vfile'
import type { CoachlintMessage } from '../engine/messages.js'
import type { ConversationSummary } from '../engine/processor.js'
import { toJsonMessage, type JsonMessage } from './json.js'

export interface ConversationResult {
  path: string
  /** Conversation id; null for problems that belong to no conversation (e.g. a malformed line). */
  conversation: string | null
  channel: string | null
  language: string | null
  startedAt: string | null
  turns: number
  agentTurns: Record<string, number>
  messages: JsonMessage[]
  errorCount: number
  warningCount: number
  infoCount: number
}

function count(messages: JsonMessage[]) {
  return {
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length
  }
}

/** Split a file's messages by conversation, in the order the conversations were read. */
export function conversationResults(file: VFile): ConversationResult[] {
  const path = file.path ?? '<text>'
  const summaries = (file.data as { coachlintConversations?: ConversationSummary[] }).coachlintConversations ?? []
  const byId = new Map<string, JsonMessage[]>()
  const loose: JsonMessage[] = []
  const known = new Set(summaries.map((s) => s.id))
  for (const m of file.messages as CoachlintMessage[]) {
    const json = toJsonMessage(m)
    if (m.conversation !== undefined && known.has(m.conversation)) {
      const list = byId.get(m.conversation) ?? []
      list.push(json)
      byId.set(m.conversation, list)
    } else loose.push(json)
  }
  const out: ConversationResult[] = []
  if (loose.length > 0) {
    out.push({ path, conversation: null, channel: null, language: null, startedAt: null, turns: 0, agentTurns: {}, messages: loose, ...count(loose) })
  }
  for (const s of summaries) {
    const messages = byId.get(s.id) ?? []
    byId.delete(s.id) // Ids repeated in one file: messages go with the first.
    out.push({
      path,
      conversation: s.id,
      channel: s.channel,
      language: s.language ?? null,
      startedAt: s.startedAt ?? null,
      turns: s.turns,
      agentTurns: s.agentTurns,
      messages,
      ...count(messages)
    })
  }
  return out
}

export function formatJsonl(files: VFile[]): string {
  return files.flatMap(conversationResults).map((r) => JSON.stringify(r) + '\n').join('')
}
