/**
 * CSV (and TSV) exports, parsed by csv-parse (its browser build, which brings
 * its own Buffer). Two shapes:
 *
 * - any table with a header row: the columns for conversation id, time, role,
 *   author and text are found by name (`conversation_id`, `timestamp`,
 *   `role`, `author`, `message`, …) or set under `csv.columns` in the config;
 * - the Customer Support on Twitter shape (`tweet_id, author_id, inbound,
 *   created_at, text, response_tweet_id, in_response_to_tweet_id`): tweets
 *   are rebuilt into threads by their reply links, `inbound` True is the
 *   customer, channel `social`.
 *
 * Every turn's text maps to its cell: inside quotes, a doubled `""` maps to
 * its first quote, so columns stay exact. A row csv-parse cannot read is
 * reported at its line and the rows after it are still read.
 */
import { parse } from 'csv-parse/browser/esm/sync'
import { ROLES, type Channel, type Role, type Transcript, type TranscriptSource, type Turn } from '../types.js'
import { problem } from '../model/problems.js'
import type { ReadResult } from '../model/transcript.js'
import { parseTime } from '../model/time.js'
import { MappedBuilder, removeChars, trimMapped, type Mapped } from './mapped.js'
import type { ReadOptions } from './options.js'
import { configuredRole, hasAgentConfig, quoteList } from './roles.js'
import { isoUtc, validWallTime, wallTimeToInstant } from './wall-time.js'

interface Cell {
  value: string
  start: number
  end: number
  mapped: Mapped
}

interface Row {
  cells: Cell[]
  start: number
  end: number
  line: number
}

const SYNONYMS: Record<'conversation' | 'time' | 'role' | 'author' | 'text', string[]> = {
  conversation: ['conversation_id', 'conversation', 'conversationid', 'ticket_id', 'ticket', 'chat_id', 'thread_id', 'thread', 'case_id', 'session_id', 'dialog_id', 'dialogue_id'],
  time: ['time', 'timestamp', 'at', 'created_at', 'date', 'datetime', 'sent_at', 'created', 'date_time'],
  role: ['role', 'sender_type', 'author_type', 'speaker_role', 'from_type', 'direction', 'sender_role', 'user_type'],
  author: ['author', 'sender', 'sender_name', 'author_name', 'name', 'from', 'speaker', 'user', 'agent_name', 'username'],
  text: ['text', 'message', 'body', 'content', 'comment', 'utterance', 'message_text', 'msg']
}

const ROLE_VALUES: Record<Role, string[]> = {
  customer: ['customer', 'client', 'user', 'visitor', 'end-user', 'end_user', 'enduser', 'requester', 'contact', 'inbound', 'in', 'guest', 'lead'],
  agent: ['agent', 'support', 'staff', 'admin', 'operator', 'rep', 'representative', 'outbound', 'out', 'advisor', 'teammate', 'employee'],
  bot: ['bot', 'assistant', 'automation', 'ai', 'virtual assistant', 'chatbot'],
  system: ['system', 'event', 'log']
}

const TWITTER_COLUMNS = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text']

export function looksLikeCsv(text: string): boolean {
  const first = text.slice(0, 2048).split('\n')[0] ?? ''
  return /^[\w" .-]+(?:[,;\t][\w" .-]+){2,}\r?$/.test(first) && /text|message|body|content|utterance/i.test(first)
}

function sniffDelimiter(text: string, name: string): string {
  if (/\.tsv$/i.test(name)) return '\t'
  const first = text.slice(0, 4096).split('\n')[0] ?? ''
  const counts = [',', ';', '\t', '|'].map((d) => [d, first.split(d).length - 1] as const)
  counts.sort((a, b) => b[1] - a[1])
  return counts[0]![1] > 0 ? counts[0]![0] : ','
}

/** Find each cell of a raw record: offsets, and the text mapped with `""` → `"`. */
function scanCells(raw: string, offset: number, delimiter: string, quote = '"'): Cell[] {
  const cells: Cell[] = []
  let i = 0
  const n = raw.replace(/\r?\n$/, '').length
  for (;;) {
    const start = i
    const b = new MappedBuilder()
    if (raw[i] === quote) {
      i++
      for (;;) {
        const close = raw.indexOf(quote, i)
        if (close === -1) {
          b.copy(raw.slice(i, n), offset + i)
          i = n
          break
        }
        b.copy(raw.slice(i, close), offset + i)
        if (raw[close + 1] === quote) {
          b.put(quote, offset + close, offset + close + 2)
          i = close + 2
          continue
        }
        i = close + 1
        break
      }
      // Anything between the closing quote and the delimiter (malformed, but relaxed).
      const next = raw.indexOf(delimiter, i)
      const end = next === -1 || next > n ? n : next
      b.copy(raw.slice(i, end), offset + i)
      i = end
    } else {
      const next = raw.indexOf(delimiter, i)
      const end = next === -1 || next > n ? n : next
      b.copy(raw.slice(i, end), offset + i)
      i = end
    }
    const mapped = b.build(offset + i)
    cells.push({ value: mapped.text, start: offset + start, end: offset + i, mapped })
    if (i >= n || raw.slice(i, i + delimiter.length) !== delimiter) break
    i += delimiter.length
  }
  return cells
}

/** Line number (1-based) of an offset, by binary search over line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

/** Parse all rows, recovering after a row csv-parse rejects. */
function readRows(text: string, delimiter: string, result: ReadResult): Row[] {
  const rows: Row[] = []
  const lineOf = lineIndex(text)
  let from = 0
  for (let attempts = 0; from < text.length && attempts < 1000; attempts++) {
    let cursor = from
    const got: Array<{ record: string[]; raw: string }> = []
    function addRows(records: Array<{ record: string[]; raw: string }>) {
      for (const r of records) {
        const lead = /^[\r\n]*/.exec(r.raw)![0].length
        const at = text.indexOf(r.raw, cursor)
        const start = (at === -1 ? cursor : at) + lead
        const raw = r.raw.slice(lead)
        const cells = scanCells(raw, start, delimiter)
        // Trust csv-parse's values; keep our offsets when they agree.
        const fixed = r.record.map((value, k) => {
          const c = cells[k]
          if (c && c.value === value) return c
          const s = c?.start ?? start
          return { value, start: s, end: c?.end ?? s, mapped: { text: value, map: { textStarts: [0], sourceStarts: [s], sourceEnd: c?.end ?? s } } }
        })
        rows.push({ cells: fixed, start, end: start + raw.replace(/\r?\n$/, '').length, line: lineOf(start) })
        cursor = start + raw.length
      }
    }
    try {
      parse(text.slice(from), {
        delimiter,
        raw: true,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (r: unknown) => {
          got.push(r as { record: string[]; raw: string })
          return null
        }
      } as never)
    } catch (error) {
      const e = error as { code?: string; message: string }
      addRows(got)
      // The bad record starts on the first non-empty line after the last good one.
      let start = cursor
      while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++
      let lineEnd = text.indexOf('\n', start)
      if (lineEnd === -1) lineEnd = text.length
      result.problems.push(problem(`CSV line ${lineOf(start)}: ${e.message.replace(/ at line \d+/, '')}; this row is skipped`, start, Math.max(start + 1, lineEnd - (text[lineEnd - 1] === '\r' ? 1 : 0))))
      from = lineEnd + 1
      continue
    }
    addRows(got)
    break
  }
  return rows
}

function columnIndex(header: string[], wanted: string | number | undefined, synonyms: string[]): number {
  if (typeof wanted === 'number') return wanted
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'))
  if (typeof wanted === 'string') return names.indexOf(wanted.trim().toLowerCase().replace(/[\s-]+/g, '_'))
  for (const s of synonyms) {
    const i = names.indexOf(s)
    if (i >= 0) return i
  }
  return -1
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** ISO 8601, Unix seconds or ms, "YYYY-MM-DD HH:MM[:SS]" (in `timeZone`), or Twitter's "Tue Oct 31 22:10:47 +0000 2017". */
export function parseCsvTime(value: string, timeZone?: string): number | undefined {
  const v = value.trim()
  if (/^\d{9,11}(?:\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000)
  if (/^\d{12,14}$/.test(v)) return Number(v)
  const tw = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/.exec(v)
  if (tw) {
    const month = MONTHS.indexOf(tw[1]!.toLowerCase())
    if (month < 0) return undefined
    const sign = tw[6]![0] === '-' ? -1 : 1
    const offset = sign * (Number(tw[6]!.slice(1, 3)) * 60 + Number(tw[6]!.slice(3)))
    return Date.UTC(Number(tw[7]), month, Number(tw[2]), Number(tw[3]), Number(tw[4]), Number(tw[5])) - offset * 60_000
  }
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v)
  if (local && timeZone) {
    const w = { year: +local[1]!, month: +local[2]!, day: +local[3]!, hour: +local[4]!, minute: +local[5]!, second: local[6] ? +local[6] : 0 }
    return validWallTime(w) ? wallTimeToInstant(w, timeZone).time : undefined
  }
  return parseTime(v)
}

export function readCsv(text: string, options: ReadOptions): ReadResult {
  const result: ReadResult = { conversations: [], problems: [] }
  const delimiter = options.csv?.delimiter ?? sniffDelimiter(text, options.name)
  const rows = readRows(text, delimiter, result)
  if (rows.length === 0) {
    if (!result.problems.some((p) => p.fatal)) result.problems.push(problem('No CSV rows found', 0, Math.min(1, text.length)))
    return result
  }
  const header = rows[0]!.cells.map((c) => c.value)
  const body = rows.slice(1)
  const names = header.map((h) => h.trim().toLowerCase())
  if (!options.csv?.columns && TWITTER_COLUMNS.every((c) => names.includes(c))) {
    readTwitter(body, names, options, result)
    return result
  }
  const cols = options.csv?.columns ?? {}
  const col = {
    conversation: columnIndex(header, cols.conversation, SYNONYMS.conversation),
    time: columnIndex(header, cols.time, SYNONYMS.time),
    role: columnIndex(header, cols.role, SYNONYMS.role),
    author: columnIndex(header, cols.author, SYNONYMS.author),
    text: columnIndex(header, cols.text, SYNONYMS.text)
  }
  const headerRow = rows[0]!
  for (const [key, wanted] of Object.entries(cols)) {
    if (wanted !== undefined && col[key as keyof typeof col] < 0) {
      result.problems.push(problem(`csv.columns.${key}: no column ${JSON.stringify(wanted)} in the header (${quoteList(header)})`, headerRow.start, headerRow.end))
    }
  }
  if (col.text < 0) {
    if (!result.problems.some((p) => p.fatal)) {
      result.problems.push(
        problem(
          `No text column in this CSV header (${quoteList(header)}): name one "text" or "message", or set {"csv": {"columns": {"text": "…", "role": "…", "conversation": "…", "time": "…"}}} in the config`,
          headerRow.start,
          headerRow.end
        )
      )
    }
    return result
  }
  if (col.role < 0 && col.author < 0) {
    result.problems.push(problem(`No role or author column in this CSV header (${quoteList(header)}); set csv.columns.role or csv.columns.author in the config`, headerRow.start, headerRow.end))
    return result
  }
  const channel: Channel = options.csv?.channel ?? options.channel ?? 'chat'
  const configured = hasAgentConfig(options.roles, options.agents)
  const groups = new Map<string, { turns: Turn[]; sources: TranscriptSource['turns']; start: number; end: number }>()
  let warnedRoles = false

  for (const row of body) {
    const cell = (k: number) => (k >= 0 ? row.cells[k] : undefined)
    const textCell = cell(col.text)
    if (!textCell) {
      result.problems.push(problem(`CSV line ${row.line}: the row has ${row.cells.length} cells and no text cell; skipped`, row.start, Math.max(row.end, row.start + 1), false))
      continue
    }
    const conv = cell(col.conversation)?.value.trim() || (col.conversation < 0 ? options.name : '')
    const convId = conv || `${options.name}:${row.line}`
    const author = cell(col.author)?.value.trim() || undefined
    let role: Role | undefined
    const roleCell = cell(col.role)
    if (roleCell && roleCell.value.trim() !== '') {
      role = roleFromValue(roleCell.value, options)
      if (!role) {
        result.problems.push(
          problem(
            `CSV line ${row.line}: role ${JSON.stringify(roleCell.value)} is not one of ${ROLES.join(', ')}; map it with {"csv": {"roleValues": {"agent": [${JSON.stringify(roleCell.value)}]}}}; the row is skipped`,
            roleCell.start,
            Math.max(roleCell.end, roleCell.start + 1),
            true,
            { conversation: convId }
          )
        )
        continue
      }
    } else {
      role = configuredRole(author, options.roles)
      if (!role) {
        role = 'customer'
        if (!configured && !warnedRoles) {
          warnedRoles = true
          result.problems.push(
            problem('No role column and no agent named under "roles" in the config: authors are read as customers and nothing is judged; set {"roles": {"agent": ["Name", "Support*"]}} or csv.columns.role', row.start, Math.max(row.end, row.start + 1), false)
          )
        }
      }
    }
    const mapped = trimMapped(removeChars(textCell.mapped, (c) => c === '\r'))
    const turn: Turn = { role, text: mapped.text }
    if (author) turn.author = author
    const source: TranscriptSource['turns'][number] = { start: row.start, end: row.end, text: mapped.map }
    const timeCell = cell(col.time)
    if (timeCell && timeCell.value.trim() !== '') {
      source.at = { start: timeCell.start, end: timeCell.end }
      const t = parseCsvTime(timeCell.value, options.timeZone)
      if (t === undefined) {
        result.problems.push(problem(`CSV line ${row.line}: ${JSON.stringify(timeCell.value)} is not a date-time (ISO 8601, Unix seconds, …); the time is ignored`, timeCell.start, timeCell.end, false, { conversation: convId }))
      } else {
        turn.time = t
        turn.at = isoUtc(t)
      }
    }
    let g = groups.get(convId)
    if (!g) groups.set(convId, (g = { turns: [], sources: [], start: row.start, end: row.end }))
    g.turns.push(turn)
    g.sources.push(source)
    g.end = Math.max(g.end, row.end)
  }
  for (const [id, g] of groups) {
    const transcript: Transcript = { id, channel, turns: g.turns, extra: { source: { format: 'csv' } } }
    result.conversations.push({ transcript, source: { start: g.start, end: g.end, turns: g.sources } })
  }
  return result
}

function roleFromValue(value: string, options: ReadOptions): Role | undefined {
  const v = value.trim().toLowerCase()
  for (const role of ROLES) if ((options.csv?.roleValues?.[role] ?? []).some((x) => x.toLowerCase() === v)) return role
  for (const role of ROLES) if (ROLE_VALUES[role].includes(v)) return role
  return undefined
}

/** Customer Support on Twitter: rebuild threads from reply links. */
function readTwitter(rows: Row[], names: string[], options: ReadOptions, result: ReadResult) {
  const k = (name: string) => names.indexOf(name)
  const [iId, iAuthor, iInbound, iTime, iText, iParent] = [k('tweet_id'), k('author_id'), k('inbound'), k('created_at'), k('text'), k('in_response_to_tweet_id')]
  const norm = (v: string | undefined) => (v ?? '').trim().replace(/\.0+$/, '')
  const byId = new Map<string, Row>()
  for (const row of rows) {
    const id = norm(row.cells[iId]?.value)
    if (!id) {
      result.problems.push(problem(`CSV line ${row.line}: no tweet_id; skipped`, row.start, Math.max(row.end, row.start + 1), false))
      continue
    }
    byId.set(id, row)
  }
  const rootOf = (id: string): string => {
    const seen = new Set<string>()
    let cur = id
    for (;;) {
      const parent = norm(byId.get(cur)?.cells[iParent]?.value)
      if (!parent || !byId.has(parent) || seen.has(parent)) return cur
      seen.add(cur)
      cur = parent
    }
  }
  const threads = new Map<string, Row[]>()
  for (const id of byId.keys()) {
    const root = rootOf(id)
    if (!threads.has(root)) threads.set(root, [])
    threads.get(root)!.push(byId.get(id)!)
  }
  for (const [root, thread] of threads) {
    const convId = `tweet-${root}`
    const turns: Array<{ turn: Turn; source: TranscriptSource['turns'][number]; order: number }> = []
    thread.forEach((row, order) => {
      const textCell = row.cells[iText]
      if (!textCell) {
        result.problems.push(problem(`CSV line ${row.line}: no text cell; skipped`, row.start, Math.max(row.end, row.start + 1), false, { conversation: convId }))
        return
      }
      const inbound = norm(row.cells[iInbound]?.value).toLowerCase()
      if (inbound !== 'true' && inbound !== 'false') {
        const c = row.cells[iInbound]
        result.problems.push(problem(`CSV line ${row.line}: "inbound" must be True or False, got ${JSON.stringify(c?.value ?? '')}; skipped`, c?.start ?? row.start, Math.max(c?.end ?? row.end, (c?.start ?? row.start) + 1), true, { conversation: convId }))
        return
      }
      const mapped = trimMapped(removeChars(textCell.mapped, (c) => c === '\r'))
      const author = norm(row.cells[iAuthor]?.value) || undefined
      const role: Role = configuredRole(author, options.roles) ?? (inbound === 'true' ? 'customer' : 'agent')
      const turn: Turn = { role, text: mapped.text }
      if (author) turn.author = author
      const source: TranscriptSource['turns'][number] = { start: row.start, end: row.end, text: mapped.map }
      const timeCell = row.cells[iTime]
      if (timeCell && timeCell.value.trim()) {
        source.at = { start: timeCell.start, end: timeCell.end }
        const t = parseCsvTime(timeCell.value, options.timeZone)
        if (t === undefined) result.problems.push(problem(`CSV line ${row.line}: ${JSON.stringify(timeCell.value)} is not a date-time; the time is ignored`, timeCell.start, timeCell.end, false, { conversation: convId }))
        else {
          turn.time = t
          turn.at = isoUtc(t)
        }
      }
      turns.push({ turn, source, order })
    })
    if (turns.length === 0) continue
    turns.sort((a, b) => (a.turn.time ?? Infinity) - (b.turn.time ?? Infinity) || a.order - b.order)
    const transcript: Transcript = { id: convId, channel: 'social', turns: turns.map((t) => t.turn), extra: { source: { format: 'csv-twitter' } } }
    result.conversations.push({
      transcript,
      source: { start: Math.min(...thread.map((r) => r.start)), end: Math.max(...thread.map((r) => r.end)), turns: turns.map((t) => t.source) }
    })
  }
}
