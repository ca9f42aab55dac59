/**
 * Text that remembers where each character came from. Every export reader
 * turns source bytes into turn text through a chain of steps (JSON string
 * escapes, quoted-printable, HTML, CSV quote doubling, invisible marks, …);
 * each step keeps a `TextMap` into its input, and `compose` chains them so the
 * final text maps into the file the user opened.
 *
 * Browser-safe: no Node built-ins.
 */
import type { TextMap } from '../types.js'
import { mapOffset } from '../model/json-source.js'

export interface Mapped {
  text: string
  map: TextMap
}

/** Builds a mapped text run by run. */
export class MappedBuilder {
  text = ''
  private textStarts: number[] = []
  private sourceStarts: number[] = []
  /** Source offset the next verbatim character would continue from, or -1. */
  private next = -1
  private lastEnd = 0

  /** Append `chunk`, copied verbatim from the source at `sourceStart`. */
  copy(chunk: string, sourceStart: number): this {
    if (chunk.length === 0) return this
    if (sourceStart !== this.next) {
      this.textStarts.push(this.text.length)
      this.sourceStarts.push(sourceStart)
    }
    this.text += chunk
    this.next = sourceStart + chunk.length
    this.lastEnd = this.next
    return this
  }

  /**
   * Append text that stands for `sourceStart..sourceEnd` in the source without
   * being a copy of it (an escape, an entity, a line break for a tag).
   */
  put(chunk: string, sourceStart: number, sourceEnd = sourceStart): this {
    if (chunk.length === 0) return this
    this.textStarts.push(this.text.length)
    this.sourceStarts.push(sourceStart)
    this.text += chunk
    this.next = -1
    this.lastEnd = sourceEnd
    return this
  }

  /** Append an already mapped text. */
  append(part: Mapped): this {
    const { text, map } = part
    for (let k = 0; k < map.textStarts.length; k++) {
      const from = map.textStarts[k]!
      const to = k + 1 < map.textStarts.length ? map.textStarts[k + 1]! : text.length
      if (to > from) this.put(text.slice(from, to), map.sourceStarts[k]!, map.sourceStarts[k]! + (to - from))
    }
    this.lastEnd = map.sourceEnd
    this.next = -1
    return this
  }

  get length(): number {
    return this.text.length
  }

  build(sourceEnd = this.lastEnd): Mapped {
    const textStarts = this.textStarts.length > 0 ? [...this.textStarts] : [0]
    const sourceStarts = this.sourceStarts.length > 0 ? [...this.sourceStarts] : [sourceEnd]
    return { text: this.text, map: { textStarts, sourceStarts, sourceEnd } }
  }
}

/** `source.slice(start, end)`, mapped to itself. */
export function verbatim(source: string, start: number, end: number): Mapped {
  return { text: source.slice(start, end), map: { textStarts: [0], sourceStarts: [start], sourceEnd: end } }
}

/** Source offset of text index `i`. */
export function sourceOf(m: Mapped, i: number): number {
  return mapOffset(m.map, i, m.text.length)
}

/** Source offset just after text index `i - 1` (the end of a span ending at `i`). */
export function sourceEndOf(m: Mapped, i: number): number {
  if (i <= 0) return sourceOf(m, 0)
  if (i >= m.text.length) return m.map.sourceEnd
  return mapOffset(m.map, i, m.text.length)
}

/** A slice of a mapped text, still mapped. */
export function sliceMapped(m: Mapped, start: number, end = m.text.length): Mapped {
  start = Math.max(0, Math.min(start, m.text.length))
  end = Math.max(start, Math.min(end, m.text.length))
  const textStarts = [0]
  const sourceStarts = [sourceOf(m, start)]
  const { textStarts: ts, sourceStarts: ss } = m.map
  for (let k = 0; k < ts.length; k++) {
    if (ts[k]! > start && ts[k]! < end) {
      textStarts.push(ts[k]! - start)
      sourceStarts.push(ss[k]!)
    }
  }
  return { text: m.text.slice(start, end), map: { textStarts, sourceStarts, sourceEnd: sourceEndOf(m, end) } }
}

/** Remove characters for which `drop` is true (invisible marks, carriage returns). */
export function removeChars(m: Mapped, drop: (ch: string) => boolean): Mapped {
  let any = false
  for (const ch of m.text) if (drop(ch)) { any = true; break }
  if (!any) return m
  const out = new MappedBuilder()
  let runStart = -1
  const flush = (i: number) => {
    if (runStart >= 0) out.append(sliceMapped(m, runStart, i))
    runStart = -1
  }
  for (let i = 0; i < m.text.length; i++) {
    if (drop(m.text[i]!)) flush(i)
    else if (runStart < 0) runStart = i
  }
  flush(m.text.length)
  return out.build(m.map.sourceEnd)
}

/** Trim white space at both ends (and any characters `extra` matches). */
export function trimMapped(m: Mapped, extra?: RegExp): Mapped {
  const ws = (ch: string) => /\s/.test(ch) || (extra !== undefined && extra.test(ch))
  let a = 0
  let b = m.text.length
  while (a < b && ws(m.text[a]!)) a++
  while (b > a && ws(m.text[b - 1]!)) b--
  return a === 0 && b === m.text.length ? m : sliceMapped(m, a, b)
}

/**
 * Chain two maps: `inner` maps a text into an intermediate string (e.g. HTML
 * markup, or a JSON string's decoded value); `outer` maps that intermediate
 * string (of length `outerLength`) into the source file.
 */
export function compose(inner: Mapped, outer: TextMap, outerLength: number): Mapped {
  const textStarts: number[] = []
  const sourceStarts: number[] = []
  const push = (t: number, s: number) => {
    const last = textStarts.length - 1
    if (last >= 0 && textStarts[last] === t) {
      sourceStarts[last] = s
      return
    }
    textStarts.push(t)
    sourceStarts.push(s)
  }
  const { textStarts: its, sourceStarts: iss } = inner.map
  const ots = outer.textStarts
  for (let k = 0; k < its.length; k++) {
    const tStart = its[k]!
    const tEnd = k + 1 < its.length ? its[k + 1]! : inner.text.length
    const iStart = iss[k]!
    push(tStart, mapOffset(outer, iStart, outerLength))
    // Split where the outer map starts a new run inside this one.
    const iEnd = iStart + (tEnd - tStart)
    let lo = 0
    let hi = ots.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (ots[mid]! <= iStart) lo = mid + 1
      else hi = mid
    }
    for (let j = lo; j < ots.length && ots[j]! < iEnd; j++) push(tStart + (ots[j]! - iStart), outer.sourceStarts[j]!)
  }
  if (textStarts.length === 0) {
    textStarts.push(0)
    sourceStarts.push(mapOffset(outer, 0, outerLength))
  }
  return { text: inner.text, map: { textStarts, sourceStarts, sourceEnd: mapOffset(outer, Math.min(inner.map.sourceEnd, outerLength), outerLength) } }
}

/** Bidirectional and other invisible formatting marks that exports scatter through text. */
export const INVISIBLE_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/
export const isInvisibleMark = (ch: string) => INVISIBLE_MARKS.test(ch)
