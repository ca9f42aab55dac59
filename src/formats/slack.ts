/**
 * Slack exports: a folder (or zip) with `users.json`, `channels.json` and one
 * folder per channel holding a JSON file per day. This module reads one day
 * file (positions inside it) and, browser-safe, a zipped export (fflate); the
 * Node layer walks folders (src/node/slack-export.ts).
 *
 * Each thread (a message with replies) is one conversation, id
 * `channel/thread_ts`; the day's messages outside threads are one more,
 * id `channel/day`. Who is the agent comes from the config (`roles` names or
 * ids, `agents` e-mail addresses or domains of Slack profiles); everyone else
 * is a customer. Bot and integration posts, joins and topic changes become
 * `system` turns unless `roles` names the bot.
 */
import { unzipSync } from 'fflate'
import type { Role, Transcript, TranscriptSource, Turn } from '../types.js'
import { JsonSyntaxError, parseJson, toValue, type JsonNode } from '../model/json-source.js'
import { problem } from '../model/problems.js'
import type { ReadResult } from '../model/transcript.js'
import { MappedBuilder, compose, trimMapped, type Mapped } from './mapped.js'
import type { ReadOptions, SlackUser } from './options.js'
import { configuredRole, hasAgentConfig, isAgentAddress } from './roles.js'
import { isoUtc } from './wall-time.js'

const get = (n: JsonNode | undefined, key: string): JsonNode | undefined => (n?.kind === 'object' ? n.entries.get(key)?.value : undefined)
const str = (n: JsonNode | undefined): string | undefined => (n?.kind === 'string' ? n.value : undefined)

/** Files of an export root that are not channel day files. */
export const SLACK_METADATA = new Set(['users.json', 'channels.json', 'groups.json', 'dms.json', 'mpims.json', 'integration_logs.json', 'canvases.json', 'org_users.json', 'huddle_transcripts.json', 'file_conversations.json'])

export function looksLikeSlackDay(text: string): boolean {
  const head = text.slice(0, 16384)
  return /^\s*\[/.test(head) && /"ts"\s*:\s*"/.test(head) && /"type"\s*:\s*"message"/.test(head)
}

/** users.json to a map by id. */
export function slackUsersFromJson(text: string): Record<string, SlackUser> {
  const out: Record<string, SlackUser> = {}
  try {
    const value = JSON.parse(text) as Array<Record<string, any>>
    if (!Array.isArray(value)) return out
    for (const u of value) {
      if (!u || typeof u.id !== 'string') continue
      out[u.id] = {
        id: u.id,
        name: u.name,
        real_name: u.real_name ?? u.profile?.real_name,
        display_name: u.profile?.display_name || undefined,
        email: u.profile?.email,
        is_bot: u.is_bot === true
      }
    }
  } catch {
    // A broken users.json only costs names.
  }
  return out
}

const SYSTEM_SUBTYPES = /^(?:channel_|group_|pinned_item|unpinned_item|reminder_add|sh_room|huddle_thread|tombstone|bot_add|bot_remove|app_conversation_join)/
const SKIP_SUBTYPES = new Set(['message_deleted', 'message_changed', 'message_replied'])

/** Slack's markup (`<@U1>`, `<url|label>`, `&amp;`) to text, mapped into the string's value. */
function slackText(value: string, users: Record<string, SlackUser>): Mapped {
  const out = new MappedBuilder()
  let i = 0
  while (i < value.length) {
    const c = value[i]!
    if (c === '<') {
      const close = value.indexOf('>', i)
      if (close > i) {
        const inner = value.slice(i + 1, close)
        const bar = inner.indexOf('|')
        const target = bar >= 0 ? inner.slice(0, bar) : inner
        const label = bar >= 0 ? inner.slice(bar + 1) : undefined
        if (label !== undefined && !target.startsWith('@') && !target.startsWith('#') && !target.startsWith('!')) out.copy(label, i + 2 + target.length)
        else if (target.startsWith('@')) {
          const u = users[target.slice(1)]
          out.put('@' + (label ?? u?.display_name ?? u?.real_name ?? u?.name ?? target.slice(1)), i, close + 1)
        } else if (target.startsWith('#')) out.put('#' + (label ?? target.slice(1)), i, close + 1)
        else if (target.startsWith('!')) out.put('@' + (label ?? target.slice(1).split('^')[0]), i, close + 1)
        else out.copy(target, i + 1)
        i = close + 1
        continue
      }
    }
    if (c === '&') {
      const m = /^&(amp|lt|gt);/.exec(value.slice(i, i + 5))
      if (m) {
        out.put(m[1] === 'amp' ? '&' : m[1] === 'lt' ? '<' : '>', i, i + m[0].length)
        i += m[0].length
        continue
      }
    }
    let k = i + 1
    while (k < value.length && value[k] !== '<' && value[k] !== '&') k++
    out.copy(value.slice(i, k), i)
    i = k
  }
  return out.build(value.length)
}

function baseName(name: string): { channel: string; day: string } {
  const parts = name.split(/[\\/]/)
  const file = parts[parts.length - 1] ?? name
  return { channel: parts.length >= 2 ? parts[parts.length - 2]! : 'slack', day: file.replace(/\.json$/i, '') }
}

export function readSlack(text: string, options: ReadOptions): ReadResult {
  const result: ReadResult = { conversations: [], problems: [] }
  let root: JsonNode
  try {
    root = parseJson(text)
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      result.problems.push(problem(`Invalid JSON: ${error.message}`, error.offset, Math.min(error.offset + 1, text.length)))
      return result
    }
    throw error
  }
  if (root.kind !== 'array') {
    result.problems.push(problem('A Slack export day file holds an array of messages', root.start, root.start + 1))
    return result
  }
  const users = options.slack?.users ?? {}
  const { channel: folder, day } = baseName(options.name)
  const channelName = options.slack?.channel ?? folder
  const configured = hasAgentConfig(options.roles, options.agents)
  const groups = new Map<string, { id: string; turns: Turn[]; sources: TranscriptSource['turns']; start: number; end: number }>()

  for (const m of root.items) {
    if (m.kind !== 'object') {
      result.problems.push(problem(`Expected a message object, got ${m.kind}; skipped`, m.start, m.start + 1, false))
      continue
    }
    const subtype = str(get(m, 'subtype')) ?? ''
    if (SKIP_SUBTYPES.has(subtype)) continue
    const tsNode = get(m, 'ts')
    const textNode = get(m, 'text')
    if (textNode?.kind !== 'string' || textNode.value.trim() === '') continue
    const userId = str(get(m, 'user')) ?? str(get(m, 'bot_id'))
    const user = userId ? users[userId] : undefined
    const profile = get(m, 'user_profile')
    const names = [str(get(profile, 'real_name')), str(get(profile, 'display_name')), str(get(profile, 'name')), user?.real_name, user?.display_name, user?.name, str(get(m, 'username')), userId].filter(
      (x): x is string => typeof x === 'string' && x !== ''
    )
    const author = names[0]
    let role: Role | undefined
    for (const n of names) {
      role = configuredRole(n, options.roles)
      if (role) break
    }
    if (!role && isAgentAddress(user?.email, options.agents)) role = 'agent'
    const isBot = subtype === 'bot_message' || get(m, 'bot_id') !== undefined || user?.is_bot === true
    if (!role) role = SYSTEM_SUBTYPES.test(subtype) || isBot ? 'system' : 'customer'

    const body = trimMapped(compose(slackText(textNode.value, users), textNode.map, textNode.value.length))
    const turn: Turn = { role, text: body.text }
    if (author) turn.author = author
    const source: TranscriptSource['turns'][number] = { start: m.start, end: m.end, text: body.map }
    const ts = str(tsNode)
    if (ts && /^\d+(?:\.\d+)?$/.test(ts)) {
      const [secs, frac = ''] = ts.split('.')
      turn.time = Number(secs) * 1000 + Number((frac + '000').slice(0, 3))
      turn.at = isoUtc(turn.time)
      source.at = { start: tsNode!.start + 1, end: tsNode!.end - 1 }
    } else if (tsNode) result.problems.push(problem(`"ts" ${JSON.stringify(toValue(tsNode))} is not a Slack timestamp; the time is ignored`, tsNode.start, tsNode.end, false))

    const thread = str(get(m, 'thread_ts'))
    const key = thread ?? ''
    const id = thread ? `${channelName}/${thread}` : `${channelName}/${day}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { id, turns: [], sources: [], start: m.start, end: m.end }))
    g.turns.push(turn)
    g.sources.push(source)
    g.end = m.end
  }

  for (const g of groups.values()) {
    const transcript: Transcript = { id: g.id, channel: options.channel ?? 'chat', turns: g.turns, extra: { source: { format: 'slack', channel: channelName } } }
    result.conversations.push({ transcript, source: { start: g.start, end: g.end, turns: g.sources } })
  }
  if (!configured && result.conversations.length > 0) {
    result.problems.push(
      problem(
        'No agent is named for this Slack export: everyone is read as a customer and nothing is judged. Name the support team under "roles" (names or user ids) or "agents" (e-mail addresses or domains of their Slack profiles), e.g. {"roles": {"agent": ["Sara Ali", "U024BE7LH"]}}',
        root.start,
        root.start + 1,
        false
      )
    )
  }
  if (groups.size === 0) result.problems.push(problem('No Slack messages with text in this file', root.start, root.start + 1))
  return result
}

export interface SlackZipEntry {
  /** Path inside the zip, e.g. `support/2024-05-01.json`. */
  path: string
  channel: string
  bytes: Uint8Array
}

/** Unzip a Slack export (browser-safe): its day files and its users. */
export function readSlackZip(bytes: Uint8Array): { entries: SlackZipEntry[]; users: Record<string, SlackUser> } {
  const files = unzipSync(bytes)
  const names = Object.keys(files)
  // The export root is the folder holding users.json or channels.json (often the zip's top).
  const rootFile = names.find((n) => /(?:^|\/)(?:users|channels)\.json$/.test(n))
  const prefix = rootFile ? rootFile.slice(0, rootFile.lastIndexOf('/') + 1) : ''
  const usersFile = files[prefix + 'users.json']
  const users = usersFile ? slackUsersFromJson(new TextDecoder().decode(usersFile)) : {}
  const entries: SlackZipEntry[] = []
  for (const name of names.sort()) {
    if (!name.startsWith(prefix) || !name.toLowerCase().endsWith('.json')) continue
    const rel = name.slice(prefix.length)
    const parts = rel.split('/')
    if (parts.length !== 2 || SLACK_METADATA.has(parts[1]!)) continue
    entries.push({ path: name, channel: parts[0]!, bytes: files[name]! })
  }
  return { entries, users }
}
