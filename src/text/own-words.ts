/**
 * Blank out text that is not the writer's own words — e-mail quoted history,
 * forwarded messages and signatures — with spaces, so offsets stay aligned
 * with the original text.
 */

const QUOTE_HEADER = /^(?:On .{4,200}wrote:|-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}|From: .+|في .{4,200}كتب:|-----\s*الرسالة الأصلية\s*-----)\s*$/im
const SIGNATURE = /^(?:-- ?|—|Sent from my \w+.*|Best regards,?|Kind regards,?|Regards,?|Thanks,|Cheers,|مع التحية،?|مع خالص التحية،?)\s*$/im

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end)
}

export function ownWords(text: string): string {
  if (text.indexOf('\n') === -1 && !text.startsWith('>')) return text
  let out = text
  // Everything from a reply header on is quoted history.
  const header = QUOTE_HEADER.exec(out)
  if (header) out = blank(out, header.index, out.length)
  // Signature: from the delimiter to the end, when it is in the last part of the message.
  const sig = SIGNATURE.exec(out)
  if (sig && sig.index > 0) out = blank(out, sig.index, out.length)
  // Lines quoted with ">".
  out = out.replace(/^[ \t]*>.*$/gm, (line) => ' '.repeat(line.length))
  return out
}

const QUOTED = /"([^"\n]{4,300})"|“([^”\n]{4,300})”|«([^»\n]{4,300})»|'([^'\n]{8,300})'/g

/**
 * Blank the customer's own words quoted back by the agent ("you said “this is a
 * scam”"): they are not the agent's wording and must not be judged as such.
 * The customer's text may be given as a function, called only when the text
 * quotes anything (four characters or more).
 */
export function blankQuotedCustomerWords(text: string, customerText: string | (() => string)): string {
  if (!/["“«']/.test(text)) return text
  // The customer's text (all of it before this turn) is read and lower-cased only once a quote is found.
  let haystack: string | undefined
  return text.replace(QUOTED, (whole, a, b, c, d) => {
    const inner = String(a ?? b ?? c ?? d).trim().toLowerCase()
    if (inner.length < 4) return whole
    haystack ??= (typeof customerText === 'function' ? customerText() : customerText).toLowerCase()
    return haystack.includes(inner) ? ' '.repeat(whole.length) : whole
  })
}
