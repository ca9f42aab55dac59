/**
 * Helpdesk JSON exports, recognised by their shape: Zendesk, Intercom,
 * Freshdesk, Front, Help Scout and LiveChat. They are read with the
 * position-keeping JSON parser, so a phrase maps to its place inside the JSON
 * string (escapes included). HTML bodies are turned into text with a map back
 * into the string's markup. Private notes and internal comments are skipped;
 * system events become `system` turns or are left out.
 */
import type { Channel, Role, Transcript, TranscriptSource, Turn } from '../types.js'
import { JsonSyntaxError, parseJson, type JsonNode } from '../model/json-source.js'
import { problem } from '../model/problems.js'
import type { ReadResult } from '../model/transcript.js'
import { parseTime } from '../model/time.js'
import { htmlToText, looksLikeHtml } from './html.js'
import { compose, removeChars, trimMapped, type Mapped } from './mapped.js'
import type { ReadOptions } from './options.js'
import { configuredRole, isAgentAddress } from './roles.js'
import { isoUtc } from './wall-time.js'

export type HelpdeskVendor = 'zendesk' | 'intercom' | 'freshdesk' | 'front' | 'helpscout' | 'livechat'
export const HELPDESK_VENDORS: Record<HelpdeskVendor, string> = {
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  freshdesk: 'Freshdesk',
  front: 'Front',
  helpscout: 'Help Scout',
  livechat: 'LiveChat'
}

type Obj = JsonNode & { kind: 'object' }
type Str = JsonNode & { kind: 'string' }

const get = (n: JsonNode | undefined, key: string): JsonNode | undefined => (n?.kind === 'object' ? n.entries.get(key)?.value : undefined)
const has = (n: JsonNode | undefined, key: string) => n?.kind === 'object' && n.entries.has(key)
const str = (n: JsonNode | undefined): string | undefined => (n?.kind === 'string' ? n.value : n?.kind === 'number' ? String(n.value) : undefined)
const items = (n: JsonNode | undefined): JsonNode[] => (n?.kind === 'array' ? n.items : [])
const isObj = (n: JsonNode | undefined): n is Obj => n?.kind === 'object'
const path = (n: JsonNode | undefined, ...keys: string[]) => keys.reduce<JsonNode | undefined>((acc, k) => get(acc, k), n)
const first = (n: JsonNode | undefined): JsonNode | undefined => (n?.kind === 'array' ? n.items[0] : n)

/** Quick sniff on raw text, for format detection (no parse). */
export function sniffHelpdesk(text: string): boolean {
  const head = text.slice(0, 65536)
  return /"(?:conversation_parts|is_inbound|_embedded|requester_id|html_body|author_id|incoming|conversations|chats|tickets)"\s*:/.test(head) && !/"turns"\s*:/.test(head)
}

/** Which vendor's shape the parsed value has, if any. */
export function detectVendor(root: JsonNode): HelpdeskVendor | undefined {
  const top = first(root)
  if (!isObj(top)) return undefined
  if (has(top, 'turns')) return undefined
  const ticket = first(get(top, 'tickets')) ?? get(top, 'ticket') ?? top
  if (has(ticket, 'comments') || (has(top, 'comments') && (has(top, 'ticket') || has(top, 'users'))) || has(first(get(top, 'comments')), 'author_id')) return 'zendesk'
  const conv = first(get(top, 'conversations')) ?? top
  if (has(conv, 'conversation_parts') || str(get(conv, 'type')) === 'conversation' || str(get(top, 'type')) === 'conversation.list') return 'intercom'
  const fd = first(get(top, 'tickets')) ?? top
  if (has(first(get(fd, 'conversations')), 'incoming') || (has(fd, 'requester_id') && (has(fd, 'description_text') || has(fd, 'conversations')))) return 'freshdesk'
  const frontMsgs = get(conv, 'messages') ?? get(top, '_results')
  if (has(first(get(frontMsgs, '_results') ?? frontMsgs), 'is_inbound')) return 'front'
  const embedded = get(top, '_embedded')
  if (has(embedded, 'conversations') || has(embedded, 'threads') || has(first(get(conv, 'threads')), 'createdBy') || has(path(conv, '_embedded'), 'threads')) return 'helpscout'
  const chat = first(get(top, 'chats')) ?? top
  if (has(chat, 'thread') || has(first(get(chat, 'threads')), 'events') || (has(chat, 'users') && has(chat, 'events'))) return 'livechat'
  return undefined
}

interface Message {
  role: Role
  author?: string
  body: Str
  /** Force HTML (true), plain (false), or sniff (undefined). */
  html?: boolean
  time?: JsonNode
  node: JsonNode
}

interface Conversation {
  id: string
  channel: Channel
  node: JsonNode
  messages: Message[]
  extra?: Record<string, unknown>
  /** Sort messages by time (APIs that list newest first). */
  sort?: boolean
}

type Emit = (reason: string, n: { start: number; end: number }, fatal?: boolean, conversation?: string) => void

function timeOf(n: JsonNode | undefined): number | undefined {
  if (!n) return undefined
  if (n.kind === 'number') return n.value > 1e12 ? n.value : n.value * 1000
  if (n.kind === 'string') {
    if (/^\d+(?:\.\d+)?$/.test(n.value)) return timeOf({ ...n, kind: 'number', value: Number(n.value) } as JsonNode)
    return parseTime(n.value)
  }
  return undefined
}

function bodyText(m: Message): Mapped {
  const value = m.body.value
  const html = m.html ?? looksLikeHtml(value)
  let mapped: Mapped = { text: value, map: m.body.map }
  if (html) mapped = compose(htmlToText(value), m.body.map, value.length)
  return trimMapped(removeChars(mapped, (c) => c === '\r'))
}

function toResult(convs: Conversation[], vendor: HelpdeskVendor, result: ReadResult, emit: Emit) {
  for (const c of convs) {
    if (c.sort) c.messages.sort((a, b) => (timeOf(a.time) ?? Infinity) - (timeOf(b.time) ?? Infinity))
    const turns: Turn[] = []
    const sources: TranscriptSource['turns'] = []
    for (const m of c.messages) {
      const body = bodyText(m)
      if (body.text === '') continue
      const turn: Turn = { role: m.role, text: body.text }
      if (m.author) turn.author = m.author
      const source: TranscriptSource['turns'][number] = { start: m.node.start, end: m.node.end, text: body.map }
      if (m.time && m.time.kind !== 'null') {
        const t = timeOf(m.time)
        source.at = m.time.kind === 'string' ? { start: m.time.start + 1, end: m.time.end - 1 } : { start: m.time.start, end: m.time.end }
        if (t === undefined) emit(`${JSON.stringify(str(m.time))} is not a time (ISO 8601 or Unix seconds); the time is ignored`, m.time, false, c.id)
        else {
          turn.time = t
          turn.at = isoUtc(t)
        }
      }
      turns.push(turn)
      sources.push(source)
    }
    if (turns.length === 0) {
      emit(`${HELPDESK_VENDORS[vendor]} conversation ${c.id} has no public message with text; it is skipped`, { start: c.node.start, end: c.node.start + 1 }, true, c.id)
      continue
    }
    const transcript: Transcript = { id: c.id, channel: c.channel, turns, extra: { ...(c.extra ?? {}), source: { format: vendor } } }
    result.conversations.push({ transcript, source: { start: c.node.start, end: c.node.end, turns: sources } })
  }
}

function stringNode(n: JsonNode | undefined): Str | undefined {
  return n?.kind === 'string' ? n : undefined
}

/** The first string field among `keys`. */
function pick(n: JsonNode | undefined, keys: string[]): { node: Str; key: string } | undefined {
  for (const key of keys) {
    const s = stringNode(get(n, key))
    if (s && s.value.trim() !== '') return { node: s, key }
  }
  return undefined
}

const list = (n: JsonNode | undefined, key: string): JsonNode[] => {
  const v = get(n, key)
  if (v?.kind === 'array') return v.items
  if (isObj(v)) {
    // Paginated containers: {"conversation_parts": [...]}, {"_results": [...]}.
    for (const inner of v.entries.values()) if (inner.value.kind === 'array') return inner.value.items
  }
  return []
}

const roots = (root: JsonNode, key: string, isOne: (n: JsonNode) => boolean): JsonNode[] => {
  if (root.kind === 'array') return root.items.flatMap((x) => (isOne(x) ? [x] : list(x, key)))
  if (has(root, key) && !isOne(root)) return list(root, key)
  return [root]
}

function zendeskChannel(ticket: JsonNode): Channel {
  const via = str(path(ticket, 'via', 'channel')) ?? ''
  if (/chat/.test(via)) return 'chat'
  if (/whatsapp|sms|messag|line|wechat|viber|telegram/.test(via)) return 'messaging'
  if (/twitter|facebook|instagram|social/.test(via)) return 'social'
  if (/voice|phone/.test(via)) return 'voice'
  return 'email'
}

function readZendesk(root: JsonNode, options: ReadOptions, emit: Emit): Conversation[] {
  const out: Conversation[] = []
  const users = new Map<string, { role?: string; name?: string; email?: string }>()
  const collectUsers = (n: JsonNode | undefined) => {
    for (const u of items(get(n, 'users'))) {
      const id = str(get(u, 'id'))
      if (id) users.set(id, { role: str(get(u, 'role')), name: str(get(u, 'name')), email: str(get(u, 'email')) })
    }
  }
  const tops = root.kind === 'array' ? root.items : [root]
  tops.forEach(collectUsers)
  const tickets: Array<{ ticket: JsonNode; comments: JsonNode[] }> = []
  for (const top of tops) {
    if (has(top, 'tickets')) for (const t of items(get(top, 'tickets'))) tickets.push({ ticket: t, comments: items(get(t, 'comments')) })
    else if (has(top, 'ticket')) tickets.push({ ticket: get(top, 'ticket')!, comments: items(get(top, 'comments') ?? get(get(top, 'ticket'), 'comments')) })
    else tickets.push({ ticket: top, comments: items(get(top, 'comments')) })
  }
  for (const [k, { ticket, comments }] of tickets.entries()) {
    const id = str(get(ticket, 'id')) ?? `${options.name}#${k + 1}`
    const requester = str(get(ticket, 'requester_id'))
    const conv: Conversation = { id, channel: zendeskChannel(ticket), node: ticket, messages: [], extra: { subject: str(get(ticket, 'subject')) } }
    let warned = false
    for (const c of comments) {
      if (get(c, 'public')?.kind === 'boolean' && (get(c, 'public') as { value: boolean }).value === false) continue
      const body = pick(c, ['body', 'plain_body', 'html_body'])
      if (!body) {
        const b = get(c, 'body') ?? get(c, 'html_body')
        emit(b && b.kind !== 'string' ? `Comment "body" must be a string, got ${b.kind}; the comment is skipped` : 'Comment without a text body; skipped', b ?? c, false, id)
        continue
      }
      const authorId = str(get(c, 'author_id'))
      const user = authorId ? users.get(authorId) : undefined
      let role: Role
      if (user?.role) role = user.role === 'end-user' ? 'customer' : 'agent'
      else if (user?.email && isAgentAddress(user.email, options.agents)) role = 'agent'
      else if (requester && authorId) role = authorId === requester ? 'customer' : 'agent'
      else {
        role = 'customer'
        if (!warned) emit('Cannot tell who wrote this comment: no "users" sideload and no "requester_id" on the ticket; read as the customer\'s', c, false, id)
        warned = true
      }
      if (authorId === '-1') role = 'system'
      conv.messages.push({ role, author: user?.name ?? authorId, body: body.node, html: body.key === 'html_body' ? true : body.key === 'plain_body' ? false : undefined, time: get(c, 'created_at'), node: c })
    }
    if (comments.length === 0) {
      const desc = pick(ticket, ['description'])
      if (desc) conv.messages.push({ role: 'customer', author: requester ? users.get(requester)?.name ?? requester : undefined, body: desc.node, html: false, time: get(ticket, 'created_at'), node: ticket })
    }
    out.push(conv)
  }
  return out
}

function intercomRole(author: JsonNode | undefined): Role {
  const type = str(get(author, 'type')) ?? ''
  if (type === 'admin' || type === 'team') return 'agent'
  if (type === 'bot' || type === 'operator') return 'bot'
  return 'customer'
}

function readIntercom(root: JsonNode, options: ReadOptions): Conversation[] {
  const convs = roots(root, 'conversations', (n) => has(n, 'conversation_parts') || str(get(n, 'type')) === 'conversation')
  return convs.map((conv, k) => {
    const id = str(get(conv, 'id')) ?? `${options.name}#${k + 1}`
    const source = get(conv, 'source')
    const delivered = `${str(get(source, 'delivered_as')) ?? ''} ${str(get(source, 'type')) ?? ''}`
    const channel: Channel = /email/.test(delivered) ? 'email' : /whatsapp|sms/.test(delivered) ? 'messaging' : /twitter|facebook|instagram/.test(delivered) ? 'social' : /phone|call/.test(delivered) ? 'voice' : 'chat'
    const c: Conversation = { id, channel, node: conv, messages: [], extra: { subject: str(get(source, 'subject')) || undefined } }
    const name = (a: JsonNode | undefined) => str(get(a, 'name')) ?? str(get(a, 'email')) ?? str(get(a, 'id'))
    const srcBody = pick(source, ['body'])
    if (srcBody) c.messages.push({ role: intercomRole(get(source, 'author')), author: name(get(source, 'author')), body: srcBody.node, html: true, time: get(conv, 'created_at'), node: source! })
    for (const part of list(conv, 'conversation_parts')) {
      const type = str(get(part, 'part_type')) ?? 'comment'
      if (type === 'note' || type === 'note_and_reopen') continue
      const body = pick(part, ['body'])
      if (!body) continue
      const role = type === 'comment' || type === 'open' || type === 'close' || type === 'quick_reply' ? intercomRole(get(part, 'author')) : 'system'
      c.messages.push({ role, author: name(get(part, 'author')), body: body.node, html: true, time: get(part, 'created_at'), node: part })
    }
    return c
  })
}

function freshdeskChannel(source: JsonNode | undefined): Channel {
  const s = source?.kind === 'number' ? source.value : -1
  return s === 3 ? 'voice' : s === 7 || s === 9 ? 'chat' : s === 13 ? 'messaging' : s === 5 || s === 6 ? 'social' : 'email'
}

function readFreshdesk(root: JsonNode, options: ReadOptions): Conversation[] {
  const tickets = roots(root, 'tickets', (n) => has(n, 'conversations') || has(n, 'requester_id'))
  return tickets.map((t, k) => {
    const id = str(get(t, 'id')) ?? `${options.name}#${k + 1}`
    const c: Conversation = { id, channel: freshdeskChannel(get(t, 'source')), node: t, messages: [], extra: { subject: str(get(t, 'subject')) } }
    const requester = str(get(t, 'requester_id'))
    const desc = pick(t, ['description_text', 'description'])
    if (desc) c.messages.push({ role: 'customer', author: str(path(t, 'requester', 'name')) ?? requester, body: desc.node, html: desc.key === 'description', time: get(t, 'created_at'), node: t })
    for (const conv of items(get(t, 'conversations'))) {
      if ((get(conv, 'private') as { value?: unknown } | undefined)?.value === true) continue
      const body = pick(conv, ['body_text', 'body'])
      if (!body) continue
      const incoming = (get(conv, 'incoming') as { value?: unknown } | undefined)?.value === true
      const from = str(get(conv, 'from_email'))
      // "incoming": true is a message from the customer; anything else public is a reply from the helpdesk.
      const role: Role = incoming ? 'customer' : 'agent'
      c.messages.push({ role, author: from ?? str(get(conv, 'user_id')), body: body.node, html: body.key === 'body', time: get(conv, 'created_at'), node: conv })
    }
    return c
  })
}

function readFront(root: JsonNode, options: ReadOptions): Conversation[] {
  const isMessageList = (n: JsonNode) => has(first(list(n, '_results').length > 0 ? get(n, '_results') : undefined), 'is_inbound')
  let convs: JsonNode[]
  if (root.kind === 'object' && isMessageList(root) && !has(root, 'conversations')) convs = [root]
  else convs = roots(root, 'conversations', (n) => has(n, 'messages') || isMessageList(n))
  return convs.map((conv, k) => {
    const id = str(get(conv, 'id')) ?? (convs.length === 1 ? options.name : `${options.name}#${k + 1}`)
    const messages = has(conv, 'messages') ? list(conv, 'messages') : list(conv, '_results')
    let channel: Channel = 'email'
    const c: Conversation = { id, channel, node: conv, messages: [], extra: { subject: str(get(conv, 'subject')) }, sort: true }
    for (const m of messages) {
      if ((get(m, 'is_draft') as { value?: unknown } | undefined)?.value === true) continue
      const body = pick(m, ['text', 'body'])
      if (!body) continue
      const type = str(get(m, 'type')) ?? ''
      if (/sms|whatsapp|intercom|custom|smooch|messenger/.test(type)) channel = 'messaging'
      else if (/tweet|twitter|facebook|instagram/.test(type)) channel = 'social'
      else if (/chat/.test(type)) channel = 'chat'
      const inbound = (get(m, 'is_inbound') as { value?: unknown } | undefined)?.value === true
      const author = get(m, 'author')
      const authorName = [str(get(author, 'first_name')), str(get(author, 'last_name'))].filter(Boolean).join(' ') || str(get(author, 'email')) || str(get(author, 'username'))
      const fromHandle = items(get(m, 'recipients')).find((r) => str(get(r, 'role')) === 'from')
      c.messages.push({ role: inbound ? 'customer' : 'agent', author: authorName || str(get(fromHandle, 'name')) || str(get(fromHandle, 'handle')), body: body.node, html: body.key === 'body', time: get(m, 'created_at'), node: m })
    }
    c.channel = channel
    return c
  })
}

function readHelpScout(root: JsonNode, options: ReadOptions): Conversation[] {
  const convs = root.kind === 'object' && has(get(root, '_embedded'), 'conversations') ? items(path(root, '_embedded', 'conversations')) : roots(root, 'conversations', (n) => has(n, 'threads') || has(get(n, '_embedded'), 'threads'))
  return convs.map((conv, k) => {
    const id = str(get(conv, 'number')) ?? str(get(conv, 'id')) ?? `${options.name}#${k + 1}`
    const type = str(get(conv, 'type')) ?? 'email'
    const channel: Channel = type === 'chat' ? 'chat' : type === 'phone' ? 'voice' : 'email'
    const c: Conversation = { id, channel, node: conv, messages: [], extra: { subject: str(get(conv, 'subject')) }, sort: true }
    const threads = items(path(conv, '_embedded', 'threads') ?? get(conv, 'threads'))
    for (const t of threads) {
      const ttype = str(get(t, 'type')) ?? ''
      if (!['customer', 'message', 'chat', 'phone', 'reply'].includes(ttype)) continue
      if (str(get(t, 'state')) === 'draft' || str(get(t, 'state')) === 'hidden') continue
      const body = pick(t, ['body', 'text'])
      if (!body) continue
      const by = get(t, 'createdBy') ?? get(t, 'author')
      const byType = str(get(by, 'type'))
      const role: Role = ttype === 'customer' ? 'customer' : ttype === 'message' || ttype === 'reply' ? 'agent' : byType === 'customer' ? 'customer' : 'agent'
      const author = [str(get(by, 'first')), str(get(by, 'last'))].filter(Boolean).join(' ') || str(get(by, 'email'))
      c.messages.push({ role, author: author || undefined, body: body.node, time: get(t, 'createdAt'), node: t })
    }
    return c
  })
}

function readLiveChat(root: JsonNode, options: ReadOptions): Conversation[] {
  const chats = roots(root, 'chats', (n) => has(n, 'thread') || has(n, 'threads') || has(n, 'events'))
  return chats.map((chat, k) => {
    const id = str(get(chat, 'id')) ?? `${options.name}#${k + 1}`
    const users = new Map<string, { type?: string; name?: string; email?: string }>()
    for (const u of items(get(chat, 'users'))) {
      const uid = str(get(u, 'id'))
      if (uid) users.set(uid, { type: str(get(u, 'type')), name: str(get(u, 'name')), email: str(get(u, 'email')) })
    }
    const c: Conversation = { id, channel: 'chat', node: chat, messages: [] }
    const threads = has(chat, 'thread') ? [get(chat, 'thread')!] : has(chat, 'threads') ? items(get(chat, 'threads')) : [chat]
    for (const thread of threads) {
      for (const e of items(get(thread, 'events'))) {
        if (str(get(e, 'visibility')) === 'agents') continue
        const type = str(get(e, 'type')) ?? 'message'
        if (type !== 'message' && type !== 'system_message') continue
        const body = pick(e, ['text'])
        if (!body) continue
        const authorId = str(get(e, 'author_id'))
        const user = authorId ? users.get(authorId) : undefined
        let role: Role = 'customer'
        if (type === 'system_message') role = 'system'
        else if (user?.type === 'agent') role = configuredRole(user.name, options.roles) === 'bot' ? 'bot' : 'agent'
        else if (user?.type === 'bot') role = 'bot'
        c.messages.push({ role, author: user?.name ?? authorId, body: body.node, html: false, time: get(e, 'created_at'), node: e })
      }
    }
    return c
  })
}

const READERS: Record<HelpdeskVendor, (root: JsonNode, options: ReadOptions, emit: Emit) => Conversation[]> = {
  zendesk: readZendesk,
  intercom: readIntercom,
  freshdesk: readFreshdesk,
  front: readFront,
  helpscout: readHelpScout,
  livechat: readLiveChat
}

/** Read a parsed helpdesk export; `vendor` is detected when not given. */
export function readHelpdeskNode(root: JsonNode, options: ReadOptions, result: ReadResult, vendor = detectVendor(root)): HelpdeskVendor | undefined {
  const emit: Emit = (reason, n, fatal = true, conversation) =>
    result.problems.push(problem(conversation ? `${reason} (conversation ${conversation})` : reason, n.start, Math.max(n.start, Math.min(n.end, n.start + 1)), fatal, conversation ? { conversation } : {}))
  if (!vendor) return undefined
  toResult(READERS[vendor](root, options, emit), vendor, result, emit)
  return vendor
}

export function readHelpdesk(text: string, options: ReadOptions): ReadResult & { vendor?: HelpdeskVendor } {
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
  const vendor = readHelpdeskNode(root, options, result)
  if (!vendor) result.problems.push(problem(unknownShape(), root.start, root.start + 1))
  return { ...result, vendor }
}

export function unknownShape(): string {
  return `This JSON is neither a coachlint transcript (objects with "turns") nor a helpdesk export coachlint knows (${Object.values(HELPDESK_VENDORS).join(', ')}) nor a Slack export day file; see docs/formats.md, or pick a format with --input-format`
}
