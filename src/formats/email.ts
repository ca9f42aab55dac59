/**
 * E-mail: `.eml` (one message) and `.mbox` (many, each after a `From ` line).
 * Messages are grouped into threads by Message-ID / In-Reply-To / References
 * (and, for replies that lost those headers, by subject); each thread is one
 * conversation on channel `email`, its messages in Date order.
 *
 * Each turn's text is the message's text body (text/plain preferred, else
 * text/html turned into text), quoted history and signature included: the
 * analysis layer blanks `>` lines, "On … wrote:" and signatures in `ownText`,
 * so they are not judged, and every character still maps to its line in the
 * file. Quoted-printable bodies map exactly (an `=C3=A9` maps to its `=`);
 * base64 bodies map to the base64 characters that encode the phrase.
 *
 * The agent side comes from the config's `agents` (support addresses and
 * domains) or `roles`; without them a warning names the fallback used.
 */
import { addressParser } from 'postal-mime'
import type { Role, Transcript, TranscriptSource, Turn } from '../types.js'
import { problem } from '../model/problems.js'
import type { ReadResult } from '../model/transcript.js'
import { htmlToText } from './html.js'
import { compose, removeChars, trimMapped, type Mapped } from './mapped.js'
import { binaryToUtf8, decodeHeaderValue, decodePartBody, header, parsePart, type HeaderField, type MimePart } from './mime.js'
import type { ReadOptions } from './options.js'
import { configuredRole, hasAgentConfig, isAgentAddress, looksLikeSupportAddress, quoteList } from './roles.js'
import { isoUtc } from './wall-time.js'

interface Mail {
  index: number
  start: number
  end: number
  part: MimePart
  from?: { name?: string; address?: string; header: HeaderField }
  to: string[]
  messageId?: string
  refs: string[]
  subject: string
  date?: { time?: number; header: HeaderField }
  auto: boolean
  body?: Mapped
}

const FREE_MAIL = /^(?:gmail|googlemail|outlook|hotmail|live|msn|yahoo|ymail|icloud|me|mac|aol|proton|protonmail|gmx|mail|yandex|zoho|qq|163)\.[a-z.]+$/i

/** True when the text opens like an e-mail message or an mbox. */
export function looksLikeEmail(text: string): boolean {
  const head = text.slice(0, 4096)
  if (/^From \S+.*\r?\n[!-9;-~]+:/.test(head)) return true
  const names = new Set<string>()
  for (const line of head.split('\n')) {
    if (line.trim() === '') break
    const m = /^([!-9;-~]+):/.exec(line)
    if (m) names.add(m[1]!.toLowerCase())
    else if (!/^[ \t]/.test(line)) return false
  }
  return names.has('from') && (names.has('date') || names.has('subject') || names.has('message-id') || names.has('mime-version'))
}

/** Offsets of each message in an mbox (after its `From ` line) or of the one message in an .eml. */
function splitMessages(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = []
  if (!text.startsWith('From ')) return [{ start: 0, end: text.length }]
  let at = 0
  let current = -1
  let prevBlank = true
  let lastContentEnd = 0
  while (at < text.length) {
    let nl = text.indexOf('\n', at)
    if (nl === -1) nl = text.length
    const line = text.slice(at, nl).replace(/\r$/, '')
    if (line.startsWith('From ') && prevBlank) {
      if (current >= 0) out.push({ start: current, end: Math.max(current, lastContentEnd) })
      current = nl + 1
    } else if (line !== '') lastContentEnd = at + line.length
    prevBlank = line === ''
    at = nl + 1
  }
  if (current >= 0) out.push({ start: Math.min(current, text.length), end: Math.max(Math.min(current, text.length), lastContentEnd) })
  return out
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const ZONES: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 }

/** RFC 5322 date ("Tue, 1 Jul 2025 10:52:37 +0300") to epoch ms. */
export function parseEmailDate(value: string): number | undefined {
  const m = /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(value.trim())
  if (!m) return undefined
  const month = MONTHS.indexOf(m[2]!.toLowerCase())
  if (month < 0) return undefined
  let year = Number(m[3])
  if (year < 100) year += year < 50 ? 2000 : 1900
  const day = Number(m[1])
  let t = Date.UTC(year, month, day, Number(m[4]), Number(m[5]), m[6] ? Number(m[6]) : 0)
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day || Number(m[4]) > 23 || Number(m[5]) > 59) return undefined
  const zone = m[7]
  if (zone && /^[+-]\d{4}$/.test(zone)) {
    const sign = zone[0] === '-' ? -1 : 1
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000
  } else if (zone && ZONES[zone.toLowerCase()] !== undefined) t -= ZONES[zone.toLowerCase()]! * 60_000
  return t
}

const ids = (raw: string | undefined): string[] => (raw ? [...raw.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!) : [])

function normaliseSubject(s: string): string {
  let out = s.trim().toLowerCase()
  for (;;) {
    const next = out.replace(/^(?:re|fw|fwd|aw|sv|vs|antw|رد|إعادة توجيه|تحويل)\s*(?:\[\d+\])?\s*[:：]\s*/i, '').replace(/^\[[^\]]{1,40}\]\s*/, '')
    if (next === out) return out
    out = next
  }
}

/** Pick the text body: text/plain before text/html, attachments skipped. */
function pickText(part: MimePart): { part: MimePart; html: boolean } | undefined {
  const type = part.contentType.type
  if (type.startsWith('multipart/')) {
    const found = part.children.map(pickText).filter((x) => x !== undefined)
    if (type === 'multipart/alternative') return found.find((f) => !f.html) ?? found[0]
    return found[0]
  }
  const disposition = header(part, 'content-disposition')?.raw.toLowerCase() ?? ''
  if (disposition.startsWith('attachment') || /filename\s*\*?=/.test(disposition)) return undefined
  if (type === 'text/plain') return { part, html: false }
  if (type === 'text/html') return { part, html: true }
  return undefined
}

function collectProblems(part: MimePart, out: MimePart['problems']) {
  out.push(...part.problems)
  for (const c of part.children) collectProblems(c, out)
}

export function readEmail(text: string, options: ReadOptions, binary = false): ReadResult {
  const result: ReadResult = { conversations: [], problems: [] }
  const hv = (h: HeaderField | undefined) => (h ? decodeHeaderValue(binary ? binaryToUtf8(h.raw) : h.raw) : '')
  const mails: Mail[] = []

  for (const [index, range] of splitMessages(text).entries()) {
    if (text.slice(range.start, range.end).trim() === '') continue
    const part = parsePart(text, range.start, range.end)
    if (part.headers.length === 0) {
      result.problems.push(problem(`Message ${index + 1} has no header fields (expected "From:", "Date:", "Subject:" …); it is skipped`, range.start, Math.min(range.start + 1, range.end)))
      continue
    }
    const mail: Mail = { index, start: range.start, end: range.end, part, to: [], refs: [], subject: hv(header(part, 'subject')), auto: false }
    const structure: MimePart['problems'] = []
    collectProblems(part, structure)
    for (const p of structure) result.problems.push(problem(p.reason, p.start, p.end, false))

    const fromH = header(part, 'from')
    if (fromH) {
      const parsed = safeAddresses(hv(fromH))[0]
      mail.from = { name: parsed?.name || undefined, address: parsed?.address?.toLowerCase() || undefined, header: fromH }
    } else result.problems.push(problem(`Message ${index + 1} has no "From:" header; it is read as the customer's`, range.start, Math.min(range.start + 1, range.end), false))
    for (const name of ['to', 'cc']) {
      for (const a of safeAddresses(hv(header(part, name)))) if (a.address) mail.to.push(a.address.toLowerCase())
    }
    mail.messageId = ids(header(part, 'message-id')?.raw)[0]
    mail.refs = [...ids(header(part, 'references')?.raw), ...ids(header(part, 'in-reply-to')?.raw)]
    const auto = hv(header(part, 'auto-submitted')).toLowerCase()
    mail.auto = auto !== '' && auto !== 'no'
    const dateH = header(part, 'date')
    if (dateH) {
      const time = parseEmailDate(hv(dateH))
      mail.date = { time, header: dateH }
      if (time === undefined) result.problems.push(problem(`"Date: ${hv(dateH).slice(0, 60)}" is not an RFC 5322 date; the time is ignored`, dateH.valueStart, dateH.end, false))
    }

    const picked = pickText(part)
    if (!picked) {
      result.problems.push(problem(`Message ${index + 1}${mail.subject ? ` ("${mail.subject.slice(0, 60)}")` : ''} has no text body; it is skipped`, fromH?.start ?? range.start, fromH?.end ?? range.start + 1, false))
      continue
    }
    const decoded = decodePartBody(text, picked.part, binary)
    for (const p of decoded.problems) result.problems.push(problem(p.reason, p.start, p.end, false))
    let body = decoded.body
    if (picked.html) body = compose(htmlToText(body.text), body.map, body.text.length)
    body = trimMapped(removeChars(body, (c) => c === '\r'))
    mail.body = body
    mails.push(mail)
  }

  if (mails.length === 0) {
    if (!result.problems.some((p) => p.fatal)) result.problems.push(problem('No e-mail message with a text body found', 0, Math.min(1, text.length)))
    return result
  }

  const threads = buildThreads(mails)
  const roleOf = decideRoles(mails, options, result)

  threads.forEach((thread, k) => {
    thread.sort((a, b) => (a.date?.time ?? Infinity) - (b.date?.time ?? Infinity) || a.index - b.index)
    const root = thread.find((m) => m.refs.length === 0) ?? thread[0]!
    const id = root.messageId ?? (threads.length === 1 ? options.name : `${options.name}#${k + 1}`)
    const turns: Turn[] = []
    const sources: TranscriptSource['turns'] = []
    for (const mail of thread) {
      const turn: Turn = { role: roleOf(mail), text: mail.body!.text }
      const author = mail.from?.name || mail.from?.address
      if (author) turn.author = author
      const source: TranscriptSource['turns'][number] = { start: mail.start, end: mail.end, text: mail.body!.map }
      if (mail.date) {
        source.at = { start: mail.date.header.valueStart, end: mail.date.header.end }
        if (mail.date.time !== undefined) {
          turn.time = mail.date.time
          turn.at = isoUtc(mail.date.time)
        }
      }
      turns.push(turn)
      sources.push(source)
    }
    const transcript: Transcript = {
      id,
      channel: 'email',
      turns,
      extra: { subject: root.subject, source: { format: 'email', messageIds: thread.map((m) => m.messageId ?? null) } }
    }
    result.conversations.push({
      transcript,
      source: { start: Math.min(...thread.map((m) => m.start)), end: Math.max(...thread.map((m) => m.end)), turns: sources }
    })
  })
  return result
}

function safeAddresses(value: string): Array<{ name?: string; address?: string }> {
  if (!value) return []
  try {
    const out: Array<{ name?: string; address?: string }> = []
    for (const a of addressParser(value) as Array<{ name?: string; address?: string; group?: Array<{ name?: string; address?: string }> }>) {
      if (a.group) out.push(...a.group)
      else out.push(a)
    }
    return out
  } catch {
    return []
  }
}

/** Group messages into threads: union of Message-IDs and the ids they reference, then subject for orphans. */
function buildThreads(mails: Mail[]): Mail[][] {
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let r = x
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!
    parent.set(x, r)
    return r
  }
  const union = (a: string, b: string) => {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent.set(rb, ra)
  }
  const key = (m: Mail) => m.messageId ?? `#${m.index}`
  for (const m of mails) {
    parent.set(key(m), find(key(m)))
    for (const r of m.refs) union(key(m), r)
  }
  // Replies without threading headers join the thread with the same subject.
  const bySubject = new Map<string, string>()
  for (const m of mails) {
    const s = normaliseSubject(m.subject)
    if (!s) continue
    const existing = bySubject.get(s)
    if (existing === undefined) bySubject.set(s, key(m))
    else if (m.refs.length === 0 && normaliseSubject(m.subject) !== m.subject.trim().toLowerCase()) union(existing, key(m))
  }
  const groups = new Map<string, Mail[]>()
  for (const m of mails) {
    const r = find(key(m))
    if (!groups.has(r)) groups.set(r, [])
    groups.get(r)!.push(m)
  }
  return [...groups.values()]
}

/** Decide each sender's role once per file; announce fallbacks. */
function decideRoles(mails: Mail[], options: ReadOptions, result: ReadResult): (m: Mail) => Role {
  const named = (m: Mail): Role | undefined => configuredRole(m.from?.name, options.roles) ?? configuredRole(m.from?.address, options.roles)
  const withAuto = (m: Mail, role: Role): Role => (role === 'agent' && m.auto ? 'bot' : role)
  if (hasAgentConfig(options.roles, options.agents)) {
    return (m) => (isAgentAddress(m.from?.address, options.agents) ? withAuto(m, 'agent') : withAuto(m, named(m) ?? 'customer'))
  }
  // Fallback: support-looking addresses, then the domains of the first message's recipients.
  const addresses = new Set<string>()
  for (const m of mails) {
    if (m.from?.address) addresses.add(m.from.address)
    for (const t of m.to) addresses.add(t)
  }
  const support = [...addresses].filter(looksLikeSupportAddress)
  let domains = [...new Set(support.map((a) => a.slice(a.lastIndexOf('@') + 1)))].filter((d) => !FREE_MAIL.test(d))
  let why = `${quoteList(support)} ${support.length === 1 ? 'looks' : 'look'} like a support address`
  if (domains.length === 0) {
    const first = [...mails].sort((a, b) => (a.date?.time ?? Infinity) - (b.date?.time ?? Infinity))[0]!
    const senderDomain = first.from?.address?.slice(first.from.address.lastIndexOf('@') + 1)
    domains = [...new Set(first.to.map((a) => a.slice(a.lastIndexOf('@') + 1)))].filter((d) => d !== senderDomain && !FREE_MAIL.test(d))
    why = 'the first message was sent to it'
  }
  const where = mails[0]!.from?.header ?? { start: mails[0]!.start, end: mails[0]!.start + 1 }
  const agents = { emails: domains.length === 0 ? support : [], domains }
  if (domains.length > 0 || support.length > 0) {
    result.problems.push(
      problem(
        `No support addresses are configured ("agents" in the config): took ${domains.length > 0 ? `the domain ${quoteList(domains)}` : quoteList(support)} as the support side (${why}). Set e.g. {"agents": {"domains": ${JSON.stringify(domains.length > 0 ? domains : ['example.com'])}}} to say so`,
        where.start,
        where.end,
        false
      )
    )
  } else {
    result.problems.push(
      problem(
        'No support addresses are configured ("agents" in the config) and none could be told from the messages: every sender is read as a customer and nothing is judged. Set e.g. {"agents": {"domains": ["example.com"]}}',
        where.start,
        where.end,
        false
      )
    )
  }
  return (m) => (isAgentAddress(m.from?.address, agents) ? withAuto(m, 'agent') : withAuto(m, named(m) ?? 'customer'))
}
