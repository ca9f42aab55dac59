/**
 * WhatsApp "Export chat" text files, from Android and iOS, in any locale:
 *
 *     12/31/24, 9:05 PM - Dana: Hi, my order has not arrived      (Android, en-US)
 *     31/12/2024, 21:05 - Dana: Hi                                 (Android, en-GB)
 *     [31/12/2024, 21:05:33] Dana: Hi                              (iOS)
 *     ‏٣١‏/١٢‏/٢٠٢٤، ٩:٠٥ م - دانة: مرحبا                           (Android, Arabic)
 *
 * Arabic-Indic digits, the Arabic comma, bidi marks (RLM, LRM, ALM), ص/م for
 * AM/PM and the narrow no-break space before AM/PM are all understood. Lines
 * that do not open with a timestamp continue the previous message. The day /
 * month order is inferred from the whole file (a field over 12, then the order
 * that keeps the dates going forward); when the file cannot tell, the config's
 * `dateOrder` decides, or a warning says which order was assumed.
 *
 * One file is one conversation (channel `messaging`). Times carry no zone in
 * WhatsApp exports: they are read in the config's `timeZone`, else as UTC.
 * Encryption notices, joins, deleted messages and media placeholders become
 * `system` turns (never judged). Who is the agent comes from the config's
 * `roles`; without it a warning says which fallback was used.
 */
import type { DateOrder, Role, Transcript, TranscriptSource, Turn } from '../types.js'
import { problem } from '../model/problems.js'
import type { ReadResult } from '../model/transcript.js'
import { MappedBuilder, isInvisibleMark, removeChars, trimMapped, type Mapped } from './mapped.js'
import type { ReadOptions } from './options.js'
import { configuredRole, looksLikeBusiness, quoteList } from './roles.js'
import { validWallTime, wallTimeToInstant } from './wall-time.js'
import { lines } from './lines.js'

const M = '[\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069]*'
const S = '[ \\u00a0\\u202f]'
const DATE = `(?<d1>\\d{1,4})${M}(?<sep>[/.\\-])${M}(?<d2>\\d{1,2})${M}[/.\\-]${M}(?<d3>\\d{1,4})\\.?`
const TIME = `(?<h>\\d{1,2})${M}[:.]${M}(?<mi>\\d{2})(?:${M}[:.]${M}(?<s>\\d{2}))?`
const AMPM = `(?:${M}${S}*${M}(?<ampm>[AaPp]\\.?${S}?[Mm]\\.?|ص|م|午前|午後|오전|오후|vorm\\.|nachm\\.))?`
const ANDROID = new RegExp(`^${M}(?<stamp>${DATE}${M}(?<comma>[,،])?${M}${S}+${M}${TIME}${AMPM})${M}${S}*[-–]${S}${M}`, 'd')
const IOS = new RegExp(`^${M}\\[${M}(?<stamp>${DATE}${M}(?<comma>[,،])?${M}${S}+${M}${TIME}${AMPM})${M}\\]${S}?${M}`, 'd')
/** Opens like a message line (a date and the comma after it) but did not parse: worth a warning. */
const DATE_START = new RegExp(`^${M}(?:\\[${M})?\\d{1,4}${M}[/.\\-]${M}\\d{1,2}${M}[/.\\-]${M}\\d{1,4}${M}[,،]`)

const SPEAKER = /^([^:\n]{1,100}?):(?:[ \u00a0]|$)/

/** Messages WhatsApp writes itself (with or without a sender). */
const SYSTEM_TEXT = [
  /end-to-end encrypted/i,
  /مشفرة تمام|مشفّرة|مشفرة بين الطرفين|الرسائل والمكالمات مشفرة/,
  /^(?:this message was deleted|you deleted this message)\.?$/i,
  /^(?:تم حذف هذه الرسالة|لقد حذفت هذه الرسالة|حذفت هذه الرسالة)\.?$/,
  /^missed (?:voice|video|group voice|group video) call/i,
  /^مكالمة (?:صوتية|فيديو) فائتة/,
  /(?:joined using this group's invite link|\bjoined\b|\bleft\b|\badded\b|\bremoved\b|changed the subject|changed this group's icon|changed the group description|created group|changed their phone number|security code .*changed|is a business account|this business (?:uses|is working)|disappearing messages|turned (?:on|off) disappearing)/i,
  /(?:انضم|انضمت|غادر|غادرت|أضاف|أضافت|أزال|أزالت|أنشأ المجموعة|غيّر|تغيّر رمز الأمان|حساب تجاري|هذا النشاط التجاري|الرسائل المؤقتة)/
]

/** Media and attachment placeholders. */
const MEDIA_TEXT = [
  /^<media omitted>$/i,
  /^<تم استبعاد الوسائط>$/,
  /^(?:image|video|audio|sticker|gif|document|contact card|photo|voice message) omitted$/i,
  /^تم استبعاد (?:الصورة|الفيديو|الصوت|الملصق|المستند|بطاقة جهة الاتصال|الرسالة الصوتية)$/,
  /^<attached: [^>]+>$/i,
  /^<مرفق: [^>]+>$/,
  /\((?:file attached|ملف مرفق)\)$/i,
  /^null$/
]

const isSystemText = (text: string) => SYSTEM_TEXT.some((r) => r.test(text))
const isMediaText = (text: string) => MEDIA_TEXT.some((r) => r.test(text))

interface Header {
  lineNo: number
  lineStart: number
  lineEnd: number
  stampStart: number
  stampEnd: number
  d: [number, number, number]
  d1Digits: number
  h: number
  mi: number
  s: number
  ampm?: 'am' | 'pm'
  ampmRaw?: string
  /** The rest of the line after the timestamp. */
  restStart: number
  comma: boolean
  sep: string
}

interface Draft {
  header: Header
  author?: string
  system: boolean
  body: MappedBuilder
  start: number
  end: number
}

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII, one character for one. */
export function asciiDigits(line: string): string {
  return line.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
}

function ampmOf(raw: string | undefined): 'am' | 'pm' | undefined {
  if (!raw) return undefined
  const r = raw.toLowerCase().replace(/[\s.\u00a0\u202f]/g, '')
  if (r === 'am' || raw === 'ص' || raw === '午前' || raw === '오전' || r === 'vorm') return 'am'
  if (r === 'pm' || raw === 'م' || raw === '午後' || raw === '오후' || r === 'nachm') return 'pm'
  return undefined
}

/** Parse the timestamp that opens a line, or undefined when the line continues a message. */
function parseHeader(line: string, lineStart: number, lineNo: number, lineEnd: number): Header | undefined {
  const norm = asciiDigits(line)
  const m = ANDROID.exec(norm) ?? IOS.exec(norm)
  if (!m || !m.groups || !m.indices?.groups) return undefined
  const g = m.groups
  const stamp = m.indices.groups.stamp!
  return {
    lineNo,
    lineStart,
    lineEnd,
    stampStart: lineStart + stamp[0],
    stampEnd: lineStart + stamp[1],
    d: [Number(g.d1), Number(g.d2), Number(g.d3)],
    d1Digits: g.d1!.length,
    h: Number(g.h),
    mi: Number(g.mi),
    s: g.s ? Number(g.s) : 0,
    ampm: ampmOf(g.ampm),
    ampmRaw: g.ampm,
    restStart: lineStart + m[0].length,
    comma: g.comma !== undefined,
    sep: g.sep!
  }
}

/** True when `text` looks like a WhatsApp export (used by format detection). */
export function looksLikeWhatsApp(text: string): boolean {
  let seen = 0
  let hits = 0
  for (const line of text.slice(0, 8192).split('\n')) {
    if (line.trim() === '') continue
    if (++seen > 20) break
    const h = parseHeader(line.replace(/\r$/, ''), 0, 0, line.length)
    // A year-first date with '-' and no comma is the plain-text log's "[2024-05-01 10:02]".
    if (h && (h.comma || !(h.d1Digits === 4 && h.sep === '-'))) hits++
  }
  return hits > 0
}

function fields(h: Header, order: DateOrder): { year: number; month: number; day: number } {
  const [a, b, c] = h.d
  if (h.d1Digits >= 3 || order === 'YMD') return { year: a, month: b, day: c }
  const year = c < 100 ? 2000 + c : c
  return order === 'MDY' ? { year, month: a, day: b } : { year, month: b, day: a }
}

function hour24(h: Header): number {
  if (h.ampm === 'am') return h.h === 12 ? 0 : h.h
  if (h.ampm === 'pm') return h.h === 12 ? 12 : h.h + 12
  return h.h
}

/** Decide the day/month order from the whole file. */
function inferOrder(headers: Header[], configured: DateOrder | undefined): { order: DateOrder; how: 'config' | 'file' | 'guess' } {
  const dayFirst = headers.filter((h) => h.d1Digits <= 2)
  if (dayFirst.length === 0) return { order: 'YMD', how: 'file' }
  if (configured) return { order: configured, how: 'config' }
  const dmy = dayFirst.some((h) => h.d[0] > 12)
  const mdy = dayFirst.some((h) => h.d[1] > 12)
  if (dmy && !mdy) return { order: 'DMY', how: 'file' }
  if (mdy && !dmy) return { order: 'MDY', how: 'file' }
  // Whichever order keeps the dates going forward.
  const backwards = (order: DateOrder) => {
    let n = 0
    let prev = -Infinity
    for (const h of dayFirst) {
      const f = fields(h, order)
      const t = Date.UTC(f.year, f.month - 1, f.day)
      if (t < prev) n++
      prev = t
    }
    return n
  }
  const back = { DMY: backwards('DMY'), MDY: backwards('MDY') }
  if (back.DMY !== back.MDY) return { order: back.DMY < back.MDY ? 'DMY' : 'MDY', how: 'file' }
  // Nothing in the file tells: a 12-hour clock with Latin digits is most often a US (M/D) export.
  const usLike = dayFirst.some((h) => h.ampm !== undefined && !/[صم]/.test(h.ampmRaw ?? ''))
  return { order: usLike ? 'MDY' : 'DMY', how: 'guess' }
}

export function readWhatsApp(text: string, options: ReadOptions): ReadResult {
  const result: ReadResult = { conversations: [], problems: [] }
  const id = options.name
  const drafts: Draft[] = []
  const headers: Header[] = []
  let prevContentEnd = 0
  let firstContent = -1

  for (const { number: lineNo, start: lineStart, end: contentEnd } of lines(text)) {
    const line = text.slice(lineStart, contentEnd)
    if (firstContent < 0 && line.trim() !== '') firstContent = lineStart
    const header = parseHeader(line, lineStart, lineNo, contentEnd)
    if (header) {
      headers.push(header)
      const rest = text.slice(header.restStart, contentEnd)
      const speaker = SPEAKER.exec(rest)
      const body = new MappedBuilder()
      let author: string | undefined
      if (speaker) {
        author = speaker[1]!.replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '').replace(/^~[\s\u202f\u00a0]*/, '').trim()
        body.copy(rest.slice(speaker[0].length), header.restStart + speaker[0].length)
      } else body.copy(rest, header.restStart)
      drafts.push({ header, author, system: !speaker, body, start: lineStart, end: contentEnd })
    } else if (drafts.length > 0) {
      const last = drafts[drafts.length - 1]!
      if (DATE_START.test(asciiDigits(line))) {
        result.problems.push(
          problem(`Line ${lineNo}: starts like a WhatsApp message but its date or time cannot be read; kept as part of the previous message`, lineStart, contentEnd, false, { conversation: id, turn: drafts.length - 1 })
        )
      }
      last.body.put('\n', prevContentEnd, lineStart)
      last.body.copy(line, lineStart)
      last.end = contentEnd
    } else if (line.trim() !== '') {
      result.problems.push(problem(`Line ${lineNo}: text before the first WhatsApp message line is ignored`, lineStart, contentEnd, false, { conversation: id }))
    }
    prevContentEnd = contentEnd
  }

  if (drafts.length === 0) {
    // Nothing here is a WhatsApp line: one error, not one warning per line.
    result.problems.length = 0
    result.problems.push(
      problem(
        'No WhatsApp message lines found (expected lines like "31/12/2024, 21:05 - Name: text" from Android or "[31/12/2024, 21:05:33] Name: text" from iOS)',
        Math.max(firstContent, 0),
        Math.min(Math.max(firstContent, 0) + 1, text.length)
      )
    )
    return result
  }

  const { order, how } = inferOrder(headers, options.dateOrder)
  if (how === 'guess') {
    const h = headers.find((x) => x.d1Digits <= 2)!
    result.problems.push(
      problem(
        `Every date in this WhatsApp export reads both ways (day/month or month/day); took them as ${order === 'MDY' ? 'month/day (MDY)' : 'day/month (DMY)'}. Set "dateOrder": "DMY" or "MDY" in the config to say which`,
        h.stampStart,
        h.stampEnd,
        false,
        { conversation: id }
      )
    )
  }

  const turns: Turn[] = []
  const turnSources: TranscriptSource['turns'] = []
  const authors: string[] = []
  const firstLine = new Map<string, Header>()
  const timeZone = options.timeZone
  for (const d of drafts) {
    let body: Mapped = removeChars(d.body.build(d.end), isInvisibleMark)
    body = trimMapped(body)
    const system = d.system || isSystemText(body.text) || isMediaText(body.text)
    const turn: Turn = { role: 'system', text: body.text }
    if (d.author) turn.author = d.author
    if (!system && d.author && !authors.includes(d.author)) {
      authors.push(d.author)
      firstLine.set(d.author, d.header)
    }
    const f = fields(d.header, order)
    const wall = { ...f, hour: hour24(d.header), minute: d.header.mi, second: d.header.s }
    const source: TranscriptSource['turns'][number] = { start: d.start, end: d.end, text: body.map, at: { start: d.header.stampStart, end: d.header.stampEnd } }
    if (d.header.h > (d.header.ampm ? 12 : 23) || !validWallTime(wall)) {
      result.problems.push(
        problem(`Line ${d.header.lineNo}: ${JSON.stringify(text.slice(d.header.stampStart, d.header.stampEnd))} is not a valid date and time (read as ${order}); the time is ignored`, d.header.stampStart, d.header.stampEnd, false, {
          conversation: id,
          turn: turns.length
        })
      )
    } else {
      const { time, iso } = wallTimeToInstant(wall, timeZone)
      turn.at = iso
      turn.time = time
    }
    turns.push(Object.assign(turn, { __system: system }))
    turnSources.push(source)
  }

  const roles = assignRoles(authors, options, result, id, firstLine)
  for (const turn of turns) {
    const t = turn as Turn & { __system?: boolean }
    if (!t.__system && t.author) t.role = roles.get(t.author) ?? 'customer'
    delete t.__system
  }

  const transcript: Transcript = { id, channel: 'messaging', turns, extra: { source: { format: 'whatsapp', dateOrder: order, timeZone: timeZone ?? 'UTC' } } }
  result.conversations.push({ transcript, source: { start: 0, end: text.length, turns: turnSources } })
  return result
}

/**
 * Configured names decide. Anyone not named is a customer when someone else
 * is named as the agent; with no agent named, a business-looking name (or, in
 * a two-person chat, whoever did not open it) is taken as the agent, and a
 * warning says so.
 */
function assignRoles(authors: string[], options: ReadOptions, result: ReadResult, id: string, firstLine: Map<string, Header>): Map<string, Role> {
  const roles = new Map<string, Role>()
  for (const a of authors) {
    const r = configuredRole(a, options.roles)
    if (r) roles.set(a, r)
  }
  const hasAgent = [...roles.values()].some((r) => r === 'agent' || r === 'bot')
  if (hasAgent || authors.length === 0) {
    for (const a of authors) if (!roles.has(a)) roles.set(a, 'customer')
    return roles
  }
  const open = authors.filter((a) => !roles.has(a))
  let agents = open.filter(looksLikeBusiness)
  let why = 'business-looking name'
  if (agents.length === 0 && open.length === 2 && authors.length === 2) {
    agents = [open[1]!]
    why = 'the participant who did not open the chat'
  }
  for (const a of open) roles.set(a, agents.includes(a) ? 'agent' : 'customer')
  const customers = open.filter((a) => !agents.includes(a))
  const where = firstLine.get(authors[0]!)!
  const suggestion = JSON.stringify({ roles: { agent: agents.length > 0 ? agents : [open[0] ?? 'Name'] } })
  result.problems.push(
    problem(
      agents.length > 0
        ? `No agent is named under "roles" in the config for this WhatsApp chat: took ${quoteList(agents)} as the agent (${why})${customers.length > 0 ? ` and ${quoteList(customers)} as the customer` : ''}. Name the agent in the config, e.g. ${suggestion}`
        : `No agent is named under "roles" in the config for this WhatsApp chat and none of ${quoteList(open)} looks like one: all are read as customers and nothing is judged. Name the agent in the config, e.g. ${suggestion}`,
      where.lineStart,
      where.lineEnd,
      false,
      { conversation: id }
    )
  )
  return roles
}

