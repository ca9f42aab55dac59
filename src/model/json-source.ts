/**
 * A JSON parser that keeps source offsets: every value knows where it starts and
 * ends, and every string knows where each of its characters came from, so a
 * phrase inside a JSON string maps back to the exact line and column.
 */
import type { TextMap } from '../types.js'

export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: Map<string, { keyStart: number; value: JsonNode }> }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string; map: TextMap }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'boolean'; start: number; end: number; value: boolean }
  | { kind: 'null'; start: number; end: number; value: null }

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
    this.name = 'JsonSyntaxError'
  }
}

const MAX_DEPTH = 512

function describe(source: string, at: number, end: number): string {
  if (at >= end) return 'end of input'
  const ch = source.codePointAt(at)!
  if (ch < 0x20) return `control character U+${ch.toString(16).padStart(4, '0').toUpperCase()}`
  return `'${String.fromCodePoint(ch)}'`
}

/** Parse `source.slice(start, end)` as one JSON value; offsets are in `source`. */
export function parseJson(source: string, start = 0, end = source.length): JsonNode {
  let pos = start

  const fail = (expected: string): never => {
    throw new JsonSyntaxError(`Unexpected ${describe(source, pos, end)}, expected ${expected}`, pos)
  }

  const skipSpace = () => {
    while (pos < end) {
      const c = source.charCodeAt(pos)
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++
      else break
    }
  }

  const parseString = (): JsonNode & { kind: 'string' } => {
    const open = pos
    pos++ // opening quote
    const textStarts: number[] = [0]
    const sourceStarts: number[] = [pos]
    let value = ''
    let runStart = pos
    for (;;) {
      if (pos >= end) {
        throw new JsonSyntaxError('Unterminated string', open)
      }
      const c = source.charCodeAt(pos)
      if (c === 0x22) {
        value += source.slice(runStart, pos)
        const close = pos
        pos++
        return { kind: 'string', start: open, end: pos, value, map: { textStarts, sourceStarts, sourceEnd: close } }
      }
      if (c === 0x5c) {
        value += source.slice(runStart, pos)
        const escStart = pos
        const e = source.charCodeAt(pos + 1)
        let decoded: string
        let len = 2
        switch (e) {
          case 0x22: decoded = '"'; break
          case 0x5c: decoded = '\\'; break
          case 0x2f: decoded = '/'; break
          case 0x62: decoded = '\b'; break
          case 0x66: decoded = '\f'; break
          case 0x6e: decoded = '\n'; break
          case 0x72: decoded = '\r'; break
          case 0x74: decoded = '\t'; break
          case 0x75: {
            const hex = source.slice(pos + 2, pos + 6)
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              pos = escStart
              throw new JsonSyntaxError('Invalid \\u escape in string, expected four hex digits', escStart)
            }
            decoded = String.fromCharCode(parseInt(hex, 16))
            len = 6
            break
          }
          default:
            throw new JsonSyntaxError(`Invalid escape ${describe(source, pos + 1, end)} in string`, escStart)
        }
        // The escaped character is a run of its own, starting at the backslash.
        textStarts.push(value.length)
        sourceStarts.push(escStart)
        value += decoded
        pos += len
        runStart = pos
        textStarts.push(value.length)
        sourceStarts.push(pos)
        continue
      }
      if (c < 0x20) {
        throw new JsonSyntaxError(`Unescaped ${describe(source, pos, end)} in string`, pos)
      }
      // Fast path: jump to the next quote or backslash.
      let next = pos + 1
      while (next < end) {
        const d = source.charCodeAt(next)
        if (d === 0x22 || d === 0x5c || d < 0x20) break
        next++
      }
      pos = next
    }
  }

  /** An object key: its value only (no source map); escapes go the long way. */
  const parseKey = (): string => {
    for (let i = pos + 1; i < end; i++) {
      const c = source.charCodeAt(i)
      if (c === 0x22) {
        const key = source.slice(pos + 1, i)
        pos = i + 1
        return key
      }
      if (c === 0x5c || c < 0x20) break
    }
    return parseString().value
  }

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`Nesting deeper than ${MAX_DEPTH} levels`, pos)
    skipSpace()
    const c = source.charCodeAt(pos)
    const at = pos
    if (pos >= end) return fail('a value')
    if (c === 0x7b) {
      pos++
      const entries = new Map<string, { keyStart: number; value: JsonNode }>()
      skipSpace()
      if (source.charCodeAt(pos) === 0x7d) {
        pos++
        return { kind: 'object', start: at, end: pos, entries }
      }
      for (;;) {
        skipSpace()
        if (source.charCodeAt(pos) !== 0x22 || pos >= end) fail('a string key')
        const keyStart = pos
        const key = parseKey()
        skipSpace()
        if (source.charCodeAt(pos) !== 0x3a || pos >= end) fail("':' after key")
        pos++
        const value = parseValue(depth + 1)
        entries.set(key, { keyStart, value })
        skipSpace()
        const d = source.charCodeAt(pos)
        if (pos < end && d === 0x2c) { pos++; continue }
        if (pos < end && d === 0x7d) { pos++; return { kind: 'object', start: at, end: pos, entries } }
        fail("',' or '}'")
      }
    }
    if (c === 0x5b) {
      pos++
      const items: JsonNode[] = []
      skipSpace()
      if (source.charCodeAt(pos) === 0x5d) {
        pos++
        return { kind: 'array', start: at, end: pos, items }
      }
      for (;;) {
        items.push(parseValue(depth + 1))
        skipSpace()
        const d = source.charCodeAt(pos)
        if (pos < end && d === 0x2c) { pos++; continue }
        if (pos < end && d === 0x5d) { pos++; return { kind: 'array', start: at, end: pos, items } }
        fail("',' or ']'")
      }
    }
    if (c === 0x22) return parseString()
    if (source.startsWith('true', pos)) { pos += 4; return { kind: 'boolean', start: at, end: pos, value: true } }
    if (source.startsWith('false', pos)) { pos += 5; return { kind: 'boolean', start: at, end: pos, value: false } }
    if (source.startsWith('null', pos)) { pos += 4; return { kind: 'null', start: at, end: pos, value: null } }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
    m.lastIndex = pos
    const num = m.exec(source)
    if (num && num[0].length > 0 && pos + num[0].length <= end) {
      pos += num[0].length
      return { kind: 'number', start: at, end: pos, value: Number(num[0]) }
    }
    return fail('a value')
  }

  const node = parseValue(0)
  skipSpace()
  if (pos < end) fail('end of input')
  return node
}

/** Plain JavaScript value of a node (drops positions). */
export function toValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, v] of node.entries) out[k] = toValue(v.value)
      return out
    }
    case 'array':
      return node.items.map(toValue)
    default:
      return node.value
  }
}

/** Source offset of text index `i` (0 ≤ i ≤ text length) through a text map. */
export function mapOffset(map: TextMap, i: number, textLength: number): number {
  if (i >= textLength) return map.sourceEnd
  const starts = map.textStarts
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= i) lo = mid
    else hi = mid - 1
  }
  return map.sourceStarts[lo]! + (i - starts[lo]!)
}
