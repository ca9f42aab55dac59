/**
 * A small MIME reader that keeps positions: header fields and body parts are
 * located in the file, and body text is decoded (quoted-printable, base64,
 * any charset TextDecoder knows) with a map from every character back to the
 * source characters that encode it.
 *
 * Why not postal-mime's parser: it is asynchronous and returns decoded text
 * without source offsets, while readers here are synchronous and must place
 * each phrase in the file. postal-mime is still used for what needs no
 * positions: address lists and RFC 2047 encoded words.
 */
import { decodeWords } from 'postal-mime'
import { MappedBuilder, type Mapped } from './mapped.js'

export interface HeaderField {
  /** Lower-case name. */
  name: string
  /** Value with folding removed, not yet decoded. */
  raw: string
  start: number
  end: number
  valueStart: number
}

export interface ContentType {
  type: string
  params: Record<string, string>
}

export interface MimePart {
  start: number
  end: number
  headers: HeaderField[]
  bodyStart: number
  bodyEnd: number
  contentType: ContentType
  children: MimePart[]
  /** Problems found in this part's structure (offsets in the source). */
  problems: Array<{ reason: string; start: number; end: number }>
}

export function header(part: { headers: HeaderField[] }, name: string): HeaderField | undefined {
  return part.headers.find((h) => h.name === name)
}

/** Lines of `text` in `[start, end)`: start, end of content (without CR/LF), start of the next line. */
function* lines(text: string, start: number, end: number): Generator<{ start: number; end: number; next: number }> {
  let at = start
  while (at < end) {
    let nl = text.indexOf('\n', at)
    if (nl === -1 || nl >= end) nl = end
    let contentEnd = nl
    if (contentEnd > at && text.charCodeAt(contentEnd - 1) === 0x0d) contentEnd--
    yield { start: at, end: contentEnd, next: Math.min(nl + 1, end) }
    if (nl >= end) return
    at = nl + 1
  }
}

/**
 * Read the header block at `start`. The body starts after the first empty
 * line; a line that is not a header field also ends the block (the body
 * starts there, and `badLine` says where the empty line was missing).
 */
export function parseHeaders(text: string, start: number, end: number): { headers: HeaderField[]; bodyStart: number; foundBlank: boolean; badLine?: { start: number; end: number } } {
  const headers: HeaderField[] = []
  for (const line of lines(text, start, end)) {
    if (line.end === line.start) return { headers, bodyStart: line.next, foundBlank: true }
    const c = text.charCodeAt(line.start)
    if ((c === 0x20 || c === 0x09) && headers.length > 0) {
      const last = headers[headers.length - 1]!
      last.raw += text.slice(line.start, line.end)
      last.end = line.end
      continue
    }
    const m = /^([!-9;-~]+)[ \t]*:[ \t]*/.exec(text.slice(line.start, Math.min(line.end, line.start + 200)))
    if (!m) return { headers, bodyStart: line.start, foundBlank: false, badLine: { start: line.start, end: line.end } }
    headers.push({ name: m[1]!.toLowerCase(), raw: text.slice(line.start + m[0].length, line.end), start: line.start, end: line.end, valueStart: line.start + m[0].length })
  }
  return { headers, bodyStart: end, foundBlank: false }
}

/** Decode RFC 2047 encoded words (via postal-mime) and trim. */
export function decodeHeaderValue(raw: string): string {
  try {
    return decodeWords(raw).replace(/\s+/g, ' ').trim()
  } catch {
    return raw.trim()
  }
}

export function parseContentType(raw: string | undefined, fallback = 'text/plain'): ContentType {
  if (!raw) return { type: fallback, params: {} }
  const [typePart, ...rest] = splitParams(raw)
  const type = (typePart ?? '').trim().toLowerCase() || fallback
  const params: Record<string, string> = {}
  for (const p of rest) {
    const eq = p.indexOf('=')
    if (eq <= 0) continue
    let key = p.slice(0, eq).trim().toLowerCase()
    let value = p.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1).replace(/\\(.)/g, '$1')
    if (key.endsWith('*')) {
      // RFC 2231: charset'lang'percent-encoded
      key = key.slice(0, -1)
      const m = /^([^']*)'[^']*'(.*)$/.exec(value)
      if (m) {
        try {
          value = decodeURIComponent(m[2]!)
        } catch {
          value = m[2]!
        }
      }
    }
    params[key] = value
  }
  return { type: type.includes('/') ? type : fallback, params }
}

function splitParams(raw: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!
    if (c === '"' && raw[i - 1] !== '\\') quoted = !quoted
    if (c === ';' && !quoted) {
      out.push(cur)
      cur = ''
    } else cur += c
  }
  out.push(cur)
  return out
}

/** Parse one entity (a message or a body part) and, for multiparts, its children. */
export function parsePart(text: string, start: number, end: number, depth = 0, defaultType = 'text/plain'): MimePart {
  const { headers, bodyStart, badLine } = parseHeaders(text, start, end)
  const contentType = parseContentType(header({ headers }, 'content-type')?.raw, defaultType)
  const part: MimePart = { start, end, headers, bodyStart, bodyEnd: end, contentType, children: [], problems: [] }
  if (badLine && headers.length > 0) {
    part.problems.push({ reason: 'This line is not a header field and no empty line separates the header from the body; the body is read from here', start: badLine.start, end: badLine.end })
  }
  if (contentType.type.startsWith('multipart/') && depth < 20) {
    const boundary = contentType.params.boundary
    const ct = header(part, 'content-type')!
    if (!boundary) {
      part.problems.push({ reason: `${contentType.type} without a boundary parameter; the body is read as plain text`, start: ct.start, end: ct.end })
      part.contentType = { type: 'text/plain', params: contentType.params }
      return part
    }
    const open = '--' + boundary
    const childDefault = contentType.type === 'multipart/digest' ? 'message/rfc822' : 'text/plain'
    let partStart = -1
    let closed = false
    // The line break before a delimiter belongs to the delimiter: a part ends where the previous line's content ends.
    let prevEnd = part.bodyStart
    for (const line of lines(text, part.bodyStart, end)) {
      const content = text.slice(line.start, line.end).trimEnd()
      if (content === open || content === open + '--') {
        if (partStart >= 0) part.children.push(parsePart(text, partStart, Math.max(partStart, prevEnd), depth + 1, childDefault))
        if (content === open + '--') {
          closed = true
          break
        }
        partStart = line.next
      }
      prevEnd = line.end
    }
    if (!closed) {
      if (partStart < 0) {
        part.problems.push({ reason: `The ${contentType.type} boundary "${boundary}" never appears in the body; no text was read from it`, start: ct.start, end: ct.end })
      } else {
        part.problems.push({ reason: `The ${contentType.type} body has no closing boundary "--${boundary}--"; read to the end of the message`, start: partStart, end: partStart })
        part.children.push(parsePart(text, partStart, end, depth + 1, childDefault))
      }
    }
  }
  return part
}

/** Bytes with, for each, the source offset of the character(s) that encode it. */
interface SourcedBytes {
  bytes: number[]
  offsets: number[]
  /** For each byte, the source offset just after the characters that encode it. */
  ends: number[]
}

const encoder = new TextEncoder()

function pushChar(out: SourcedBytes, text: string, i: number, binary: boolean): number {
  const c = text.charCodeAt(i)
  if (binary || c < 0x80) {
    out.bytes.push(c & 0xff)
    out.offsets.push(i)
    out.ends.push(i + 1)
    return 1
  }
  const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1
  for (const b of encoder.encode(text.slice(i, i + width))) {
    out.bytes.push(b)
    out.offsets.push(i)
    out.ends.push(i + width)
  }
  return width
}

function quotedPrintable(text: string, start: number, end: number, binary: boolean): SourcedBytes {
  const out: SourcedBytes = { bytes: [], offsets: [], ends: [] }
  let i = start
  while (i < end) {
    const c = text[i]!
    if (c === '=') {
      const soft = /^=[ \t]*(?:\r?\n|$)/.exec(text.slice(i, Math.min(end, i + 80)))
      if (soft) {
        i += soft[0].length
        continue
      }
      const hex = text.slice(i + 1, i + 3)
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out.bytes.push(parseInt(hex, 16))
        out.offsets.push(i)
        out.ends.push(i + 3)
        i += 3
        continue
      }
    }
    i += pushChar(out, text, i, binary)
  }
  return out
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function base64(text: string, start: number, end: number, bad: Array<{ start: number; end: number }>): SourcedBytes {
  const out: SourcedBytes = { bytes: [], offsets: [], ends: [] }
  const vals: number[] = []
  const offs: number[] = []
  for (let i = start; i < end; i++) {
    const c = text[i]!
    if (c === '=') break
    const v = B64.indexOf(c)
    if (v >= 0) {
      vals.push(v)
      offs.push(i)
    } else if (!/\s/.test(c)) bad.push({ start: i, end: i + 1 })
  }
  for (let g = 0; g + 1 < vals.length; g += 4) {
    const [a, b, c, d] = [vals[g]!, vals[g + 1]!, vals[g + 2], vals[g + 3]]
    // Each byte points at the base64 character holding its first bits.
    out.bytes.push(((a << 2) | (b >> 4)) & 0xff)
    out.offsets.push(offs[g]!)
    out.ends.push(offs[g + 1]! + 1)
    if (c !== undefined) {
      out.bytes.push(((b << 4) | (c >> 2)) & 0xff)
      out.offsets.push(offs[g + 1]!)
      out.ends.push(offs[g + 2]! + 1)
    }
    if (c !== undefined && d !== undefined) {
      out.bytes.push(((c << 6) | d) & 0xff)
      out.offsets.push(offs[g + 2]!)
      out.ends.push(offs[g + 3]! + 1)
    }
  }
  return out
}

/** Normalise a charset label for TextDecoder; undefined when unknown. */
function decoderFor(charset: string | undefined): { decoder: TextDecoder; label: string } | undefined {
  let label = (charset ?? 'utf-8').trim().toLowerCase().replace(/^"|"$/g, '')
  if (label === '' || label === 'us-ascii' || label === 'ascii' || label === 'unknown-8bit' || label === 'x-unknown') label = 'utf-8'
  if (label === 'utf8') label = 'utf-8'
  try {
    return { decoder: new TextDecoder(label), label }
  } catch {
    return undefined
  }
}

/**
 * Decode bytes in a charset, mapping each character to the source of the
 * bytes it came from (streaming decode, one byte at a time, so it works for
 * any charset TextDecoder knows).
 */
function decodeSourced(src: SourcedBytes, charset: string | undefined, text: string, sourceEnd: number): Mapped {
  const out = new MappedBuilder()
  const found = decoderFor(charset) ?? decoderFor('utf-8')!
  const decoder = found.decoder
  let pending = 0
  const one = new Uint8Array(1)
  const fast = found.label === 'utf-8'
  for (let k = 0; k < src.bytes.length; k++) {
    const b = src.bytes[k]!
    if (fast && b < 0x80 && pending === k) {
      // ASCII: copy when the source has that very character, else it came from an escape.
      const ch = String.fromCharCode(b)
      if (text[src.offsets[k]!] === ch && src.ends[k] === src.offsets[k]! + 1) out.copy(ch, src.offsets[k]!)
      else out.put(ch, src.offsets[k]!, src.ends[k]!)
      pending = k + 1
      continue
    }
    one[0] = b
    const chars = decoder.decode(one, { stream: true })
    if (chars.length > 0) {
      if (chars.length === 1 && k === pending && text[src.offsets[k]!] === chars && src.ends[k] === src.offsets[k]! + 1) out.copy(chars, src.offsets[k]!)
      else out.put(chars, src.offsets[pending]!, src.ends[k]!)
      pending = k + 1
    }
  }
  const tail = decoder.decode()
  if (tail) out.put(tail, src.offsets[pending] ?? sourceEnd, sourceEnd)
  return out.build(sourceEnd)
}

export interface DecodedBody {
  body: Mapped
  encoding: string
  problems: Array<{ reason: string; start: number; end: number }>
}

/**
 * The text of a leaf part, mapped into the source. `binary` means the source
 * string holds one character per byte (the file was not valid UTF-8).
 */
export function decodePartBody(text: string, part: MimePart, binary: boolean): DecodedBody {
  const problems: DecodedBody['problems'] = []
  const cte = (decodeHeaderValue(header(part, 'content-transfer-encoding')?.raw ?? '7bit') || '7bit').toLowerCase()
  const charset = part.contentType.params.charset
  if (charset && !decoderFor(charset)) {
    const ct = header(part, 'content-type')!
    problems.push({ reason: `Unknown charset ${JSON.stringify(charset)}; the body is read as UTF-8`, start: ct.start, end: ct.end })
  }
  const { bodyStart: start, bodyEnd: end } = part
  let bytes: SourcedBytes
  if (cte === 'quoted-printable') bytes = quotedPrintable(text, start, end, binary)
  else if (cte === 'base64') {
    const bad: Array<{ start: number; end: number }> = []
    bytes = base64(text, start, end, bad)
    if (bad.length > 0) problems.push({ reason: `${bad.length} character(s) that are not base64 in a base64 body were skipped`, start: bad[0]!.start, end: bad[0]!.end })
  } else {
    if (!['7bit', '8bit', 'binary'].includes(cte)) {
      const h = header(part, 'content-transfer-encoding')!
      problems.push({ reason: `Unknown Content-Transfer-Encoding ${JSON.stringify(cte)}; the body is read as it is`, start: h.start, end: h.end })
    }
    if (!binary) {
      // Already text: copied as it is.
      const body = new MappedBuilder().copy(text.slice(start, end), start).build(end)
      return { body, encoding: cte, problems }
    }
    bytes = { bytes: [], offsets: [], ends: [] }
    for (let i = start; i < end; i++) pushChar(bytes, text, i, true)
  }
  return { body: decodeSourced(bytes, charset, text, end), encoding: cte, problems }
}

/** A binary string (one char per byte) to UTF-8 text, for raw 8-bit header values. */
export function binaryToUtf8(value: string): string {
  if (!/[\x80-\xff]/.test(value)) return value
  const bytes = new Uint8Array(value.length)
  for (let i = 0; i < value.length; i++) bytes[i] = value.charCodeAt(i) & 0xff
  return new TextDecoder('utf-8').decode(bytes)
}
