/**
 * HTML bodies (helpdesk exports, e-mail) to plain text that keeps, for every
 * character, its place in the markup: entities map to their `&`, line breaks
 * made for block tags map to the tag, and quoted blocks (`<blockquote>`) get a
 * `> ` prefix so the analysis layer treats them as quoted history.
 */
import { MappedBuilder, type Mapped } from './mapped.js'

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°',
  times: '×', divide: '÷', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', shy: '', iexcl: '¡', iquest: '¿'
}

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'hr',
  'section', 'article', 'header', 'footer', 'dl', 'dt', 'dd', 'address', 'figure', 'figcaption', 'tbody', 'thead', 'center'
])
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'pre', 'hr'])
const SKIP = new Set(['script', 'style', 'head', 'title', 'template', 'noscript'])

/** Quick test: does this string hold HTML markup? */
export function looksLikeHtml(value: string): boolean {
  return /<(?:p|div|br|span|a|b|i|strong|em|ul|ol|li|table|html|body|blockquote|img|h[1-6])\b[^>]*>/i.test(value)
}

/** Decode one entity at `i` (which holds '&'); returns the text and the entity's length, or undefined. */
function entityAt(html: string, i: number): { text: string; length: number } | undefined {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/.exec(html.slice(i, i + 40))
  if (!m) return undefined
  if (m[1] || m[2]) {
    const cp = m[1] ? Number(m[1]) : parseInt(m[2]!, 16)
    if (cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { text: '\ufffd', length: m[0].length }
    return { text: cp === 0xa0 ? ' ' : String.fromCodePoint(cp), length: m[0].length }
  }
  const named = ENTITIES[m[3]!.toLowerCase()]
  if (named === undefined || !m[0].endsWith(';')) return named === undefined ? undefined : { text: named, length: m[0].length }
  return { text: named, length: m[0].length }
}

export function htmlToText(html: string): Mapped {
  const out = new MappedBuilder()
  let i = 0
  let pendingSpace = -1
  let pendingBreaks = 0
  let breakAt = 0
  let quoteDepth = 0
  let pre = 0
  let atLineStart = true

  const emitBreaks = () => {
    if (pendingBreaks > 0) {
      if (out.length > 0) {
        out.put('\n'.repeat(Math.min(pendingBreaks, 2)), breakAt)
        atLineStart = true
      }
      pendingSpace = -1
    }
    pendingBreaks = 0
  }
  const beforeText = (at: number) => {
    emitBreaks()
    if (pendingSpace >= 0 && out.length > 0 && !atLineStart) out.put(' ', pendingSpace)
    pendingSpace = -1
    if (atLineStart && quoteDepth > 0) out.put('> '.repeat(quoteDepth), at)
    atLineStart = false
  }
  const lineBreak = (at: number, n = 1) => {
    if (out.length === 0 && pendingBreaks === 0) return
    if (pendingBreaks < n) {
      if (pendingBreaks === 0) breakAt = at
      pendingBreaks = n
    }
    pendingSpace = -1
  }

  while (i < html.length) {
    const c = html[i]!
    if (c === '<') {
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4)
        i = close === -1 ? html.length : close + 3
        continue
      }
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(i, i + 40))
      if (!m && !/^<[!?]/.test(html.slice(i, i + 2))) {
        beforeText(i)
        out.copy('<', i)
        i++
        continue
      }
      // Find the end of the tag, skipping quoted attribute values.
      let j = i + 1
      let quote = ''
      while (j < html.length) {
        const d = html[j]!
        if (quote) {
          if (d === quote) quote = ''
        } else if (d === '"' || d === "'") quote = d
        else if (d === '>') break
        j++
      }
      const tagEnd = Math.min(j + 1, html.length)
      if (!m) {
        i = tagEnd
        continue
      }
      const closing = m[1] === '/'
      const name = m[2]!.toLowerCase()
      if (!closing && SKIP.has(name)) {
        const close = html.toLowerCase().indexOf(`</${name}`, tagEnd)
        i = close === -1 ? html.length : html.indexOf('>', close) + 1 || html.length
        continue
      }
      if (name === 'br') {
        // A <br> right after a block's end adds nothing to the break already pending.
        if (pendingBreaks === 0 && out.length > 0) {
          emitBreaks()
          out.put('\n', i, tagEnd)
          atLineStart = true
        }
      } else if (name === 'blockquote') {
        lineBreak(i, 1)
        quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1))
      } else if (name === 'pre') {
        lineBreak(i, 1)
        pre = Math.max(0, pre + (closing ? -1 : 1))
      } else if (name === 'td' || name === 'th') {
        if (closing && pendingSpace < 0 && !atLineStart) pendingSpace = i
      } else if (name === 'li' && !closing) {
        lineBreak(i, 1)
      } else if (BLOCK.has(name)) {
        lineBreak(i, PARAGRAPH.has(name) ? 2 : 1)
      }
      i = tagEnd
      continue
    }
    if (c === '&') {
      const e = entityAt(html, i)
      if (e) {
        if (e.text === ' ' && pre === 0) {
          if (pendingSpace < 0) pendingSpace = i
        } else if (e.text !== '') {
          beforeText(i)
          out.put(e.text, i, i + e.length)
        }
        i += e.length
        continue
      }
    }
    if (/\s/.test(c)) {
      if (pre > 0) {
        if (c === '\n') {
          emitBreaks()
          out.put('\n', i, i + 1)
          atLineStart = true
        } else if (c !== '\r') {
          beforeText(i)
          out.copy(c, i)
        }
      } else if (pendingSpace < 0) pendingSpace = i
      i++
      continue
    }
    // A run of plain text.
    let k = i + 1
    while (k < html.length && html[k] !== '<' && html[k] !== '&' && !/\s/.test(html[k]!)) k++
    beforeText(i)
    out.copy(html.slice(i, k), i)
    i = k
  }
  return out.build(html.length)
}
