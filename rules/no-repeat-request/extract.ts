/**
 * What the customer gave: e-mail addresses, phone numbers, order/booking/ticket
 * numbers, account numbers and usernames, serials and models, addresses, IBANs,
 * ID numbers, gaming platforms and profile links, read from a customer turn.
 *
 * Two sources:
 * - cue words from the lexicons ("order #", "account", «رقم الطلب», «رقم جوالي»)
 *   followed closely by a value of the right shape;
 * - formats that need no cue (e-mail addresses, mobile numbers by national
 *   format, IBANs with a valid checksum, street addresses, device models).
 *
 * Arabic-Indic and Persian digits count as digits. Work is bounded: at most
 * MAX_CHARS characters per turn, no regex with nested unbounded quantifiers.
 */
import { compilePhrases, type PhraseEntry } from '../../src/text/phrases.js'
import en from './lexicon.en.json' with { type: 'json' }
import ar from './lexicon.ar.json' with { type: 'json' }
import { isKind, type Kind } from './kinds.js'

export interface Given {
  kind: Kind
  /** The value as written (spaces kept), e.g. "0412 555 918". */
  value: string
  /** Index of the customer turn. */
  turn: number
  /** Span of the value in the turn text. */
  start: number
  end: number
  /** True when a cue word introduced the value; false for a bare format. */
  cue: boolean
}

export const MAX_CHARS = 20_000

type Entry = string | { phrase: string; dialect?: string; gloss?: string }

function entries(groups: Record<string, Entry[]>): PhraseEntry[] {
  const out: PhraseEntry[] = []
  for (const [kind, list] of Object.entries(groups)) {
    for (const e of list) out.push(typeof e === 'string' ? { phrase: e, id: kind } : { ...e, id: kind })
  }
  return out
}

const CUES = compilePhrases([...entries(en.given as Record<string, Entry[]>), ...entries(ar.given as Record<string, Entry[]>)])

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII, one character for one, so indices stay aligned. */
export function foldDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => {
    const code = c.charCodeAt(0)
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
  })
}

/** Blank e-mail quoted history (">" lines, "On … wrote:" and everything after) with spaces. */
export function blankQuoted(text: string): string {
  let out = text.replace(/^[ \t]*>.*$/gm, (line) => ' '.repeat(line.length))
  const header = /^(?:On .{4,200}wrote:|-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}|في .{4,200}كتب:)\s*$/im.exec(out)
  if (header) out = out.slice(0, header.index) + out.slice(header.index).replace(/[^\n]/g, ' ')
  return out
}

const compact = (v: string) => v.replace(/[^A-Za-z0-9\u00C0-\u024F\u0621-\u064A]/g, '')
const digitCount = (v: string) => (v.match(/\d/g) ?? []).length

// ---------------------------------------------------------------- cue values

/** Words and marks between a cue and its value: "order number is: #", «رقم جوالي هو». */
const SKIP =
  /(?:[\s:：#=\-–—.…,()"'«»“”‘’*]|(?:number|num|nr|no|id|code|ref|reference|is|was|it's|its|it’s|c'est|c’est|est|here|below|one|the|my|our|this|as follows|هو|هي|تبعي|مالي|متاعي|حقي|بتاعي|انا|أنا|عندي|رقم|رقمه|نمبر|الجديد|القديم|المسجل|الصحيح)(?![A-Za-z0-9\u0621-\u064A]))*/iy
/** A partial value ("account ending 4410", «المنتهي بـ») is not the detail itself. */
const PARTIAL = /(?:ending|ends|last (?:4|four|3|three|2|two)|ينتهي|المنتهي|اخر|آخر)(?![A-Za-z\u0621-\u064A])/i
/** One Arabic word the cue may be followed by before the value: «الحساب التجاري: B-20177». */
const AR_WORD = /[\u0621-\u064A\u0640\u064B-\u065F]+[\s:،,]*/y
const CODE = /#?([A-Za-z0-9][A-Za-z0-9\-/._]{0,39})/y
const MORE = /[ \t]+([A-Za-z0-9]{1,4})(?![A-Za-z0-9\-/_@]|\.[A-Za-z0-9])/y
const UNIT_AFTER =
  /^\s*(?:%|days?|weeks?|hours?|hrs?|minutes?|mins?|months?|years?|yrs?|times|items?|pcs|pieces|people|persons|dollars|bucks|usd|eur|euros?|gbp|pounds?|sar|aed|egp|qar|kwd|riyals?|dirhams?|dinars?|gb|mb|kb|mbps|km|miles?|am|pm|ريال|ريالات|جنيه|دينار|درهم|دولار|يوم|أيام|ايام|ساعة|ساعات|دقيقة|دقائق|شهر|أسبوع|اسبوع|مرات|مرة|الف|ألف)(?![A-Za-z\u0621-\u064A])/i
const MONEY_BEFORE = /[$£€¥₹﷼]\s*$/
const USER_TOKEN = /@?([A-Za-z0-9_\u00C0-\u024F][A-Za-z0-9_.\-@\u00C0-\u024F]{1,39})/y
const USER_STOP = new Set(
  'is not was has had got been being changed hacked wrong the a an and or but still now already isnt wasnt doesnt wont cant stolen deleted gone missing banned suspended locked correct different same also just too for to on in at with from by of it that this doesnt i my me you your'.split(' ')
)

interface Read {
  value: string
  start: number
  end: number
}

/** Read the code-like value that follows a cue ending at `pos` (text already digit-folded). */
function readCode(text: string, pos: number): Read | undefined {
  const limit = Math.min(text.length, pos + 80)
  const window = text.slice(0, limit)
  SKIP.lastIndex = pos
  SKIP.exec(window)
  let p = SKIP.lastIndex
  if (PARTIAL.test(window.slice(pos, p + 12))) return undefined
  // Up to two Arabic words may sit between an Arabic cue and its value.
  for (let k = 0; k < 2; k++) {
    CODE.lastIndex = p
    if (CODE.exec(window)) break
    AR_WORD.lastIndex = p
    if (!AR_WORD.exec(window)) break
    p = AR_WORD.lastIndex
    SKIP.lastIndex = p
    SKIP.exec(window)
    p = SKIP.lastIndex
  }
  CODE.lastIndex = p
  const m = CODE.exec(window)
  if (!m) return undefined
  let start = m.index + (m[0].startsWith('#') ? 1 : 0)
  let value = m[1]!.replace(/[\-/._]+$/, '')
  let end = start + value.length
  // "0412 555 918", "X V 4 4 1 9 0 2 7 7": digit groups and single characters run on.
  let last = value
  for (let k = 0; k < 12; k++) {
    MORE.lastIndex = end
    const n = MORE.exec(window)
    if (!n) break
    const part = n[1]!
    const digits = /^\d+$/.test(part)
    const single = part.length === 1
    if (!((digits && /\d$/.test(last)) || (single && last.length === 1) || (digits && last.length === 1))) break
    value += n[0]
    end = MORE.lastIndex
    last = part
  }
  start = Math.max(start, 0)
  return { value: text.slice(start, end), start, end }
}

const PHONE_AT = /\(?(?:\+|00)?\d[\d \-().]{5,20}\d/y

/** A phone number after its cue: "cell: (415) 555-0172", «رقمي +966 …». */
function readPhone(text: string, pos: number): Read | undefined {
  const window = text.slice(0, Math.min(text.length, pos + 60))
  SKIP.lastIndex = pos
  SKIP.exec(window)
  let p = SKIP.lastIndex
  if (PARTIAL.test(window.slice(pos, p + 12))) return undefined
  for (let k = 0; k < 2 && !/[\d(+]/.test(window[p] ?? ''); k++) {
    AR_WORD.lastIndex = p
    if (!AR_WORD.exec(window)) break
    SKIP.lastIndex = AR_WORD.lastIndex
    SKIP.exec(window)
    p = SKIP.lastIndex
  }
  if (window[p - 1] === '(') p--
  PHONE_AT.lastIndex = p
  const m = PHONE_AT.exec(window)
  if (!m) return readCode(text, pos)
  const value = m[0].replace(/[\s\-(.]+$/, '')
  return { value, start: p, end: p + value.length }
}

function validCode(kind: Kind, read: Read, text: string): boolean {
  const c = compact(read.value)
  const d = digitCount(c)
  if (UNIT_AFTER.test(text.slice(read.end, read.end + 16))) return false
  if (MONEY_BEFORE.test(text.slice(Math.max(0, read.start - 3), read.start))) return false
  if (c.length > 34) return false
  // Dates ("12/05/2024", "2024-05-12") and amounts ("150.00", "18,500") are not identifiers.
  if (/^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$/.test(read.value) || /^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{2})$/.test(read.value)) return false
  switch (kind) {
    case 'phone':
      return d >= 7 && d <= 15 && d >= c.length - 1
    case 'booking':
      return c.length >= 5 && c.length <= 12 && (d >= 1 || /^[A-Z]{6}$/.test(c))
    case 'model':
      return d >= 1 && c.length <= 24
    case 'zip':
      return /^\d{4,6}$/.test(c) || /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/i.test(c)
    case 'nationalId':
      return d >= 6
    case 'plate':
      // "LM21 VBN", "AB-123-CD", «أ ب ج 1234»: letters and digits, short.
      return c.length >= 4 && c.length <= 10 && d >= 1
    case 'iban':
      return ibanValid(c)
    case 'serial':
      return c.length >= 5 && d >= 2
    default:
      // order, ticket, tracking, reference, account
      if (/^(?:19|20)\d\d$/.test(c)) return false
      return c.length >= 4 && d >= 2
  }
}

function readUser(text: string, pos: number, cueText: string): Read | undefined {
  const window = text.slice(0, Math.min(text.length, pos + 60))
  SKIP.lastIndex = pos
  SKIP.exec(window)
  const p = SKIP.lastIndex
  const between = window.slice(pos, p)
  USER_TOKEN.lastIndex = p
  const m = USER_TOKEN.exec(window)
  if (!m) return undefined
  const value = m[0].replace(/[.\-]+$/, '')
  const bare = value.replace(/^@/, '').toLowerCase()
  if (USER_STOP.has(bare.replace(/['’]/g, '')) || bare.length < 3) return undefined
  // A plain word needs an explicit "is" / ":" ("username is frosty", "Ember ID: frosty").
  const strong = !/^(?:login|ign|psn)$/i.test(cueText.trim())
  const explicit = /[:=]/.test(between) || (strong && (/\bis\b/i.test(between) || /\bis$/i.test(cueText.trim())))
  if (!/[\d_.@]/.test(value) && !explicit) return undefined
  if (/^\d+$/.test(bare) && bare.length < 5) return undefined
  return { value, start: m.index, end: m.index + value.length }
}

const NAME_LEAD = /^[\s:：\-–—=]*(?:(?:is|هو)[\s:：\-–—]+)?/i
const NAME_WORD = /^([A-Za-z\u00C0-\u024F\u0621-\u064A][A-Za-z\u00C0-\u024F\u0621-\u064A'’.\-]{0,24})/
const NAME_STOP = new Set(
  'and but or i i\'m im my me from with the a an not is was on in at for to of it this that so also just please pls and thanks thank hi hello و من في على عن مع انا أنا هو هي بس لكن و'.split(' ')
)

/** A person's name after "my name is", «اسمي»: one to four words, up to punctuation. */
function readName(text: string, pos: number): Read | undefined {
  const window = text.slice(pos, Math.min(text.length, pos + 80))
  let p = NAME_LEAD.exec(window)![0].length
  const start = pos + p
  const words: string[] = []
  while (words.length < 4) {
    const m = NAME_WORD.exec(window.slice(p))
    if (!m) break
    const w = m[1]!.replace(/[.\-]+$/, '')
    if (NAME_STOP.has(w.toLowerCase()) || /^و?(?:رقم|جوال|ايميل|إيميل|عنوان|موبايل|تلفون|هاتف|حساب|طلب|حجز)/.test(w)) break
    words.push(w)
    p += m[1]!.length
    const gap = /^[ \t]+/.exec(window.slice(p))
    if (!gap) break
    p += gap[0].length
  }
  if (words.length === 0 || words.join('').length < 3) return undefined
  const value = words.join(' ')
  const from = text.indexOf(words[0]!, start)
  return { value, start: from, end: from + value.length }
}

const STREET_WORD =
  /\b(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|boulevard|blvd|way|place|pl|crescent|cres|close|terrace|highway|hwy|parkway|pkwy|apt|apartment|suite|unit|flat|floor|building|block|p\.?o\.? box)\b|شارع|طريق|حي|عمارة|بناية|بناء|مبنى|فيلا|شقة|بلوك|منطقة|مجمع|حارة|زقاق|ص\.ب|الدور|طابق|كرب|قرب|جنب|مقابل|محافظة|مدينة/i

function readAddress(text: string, pos: number): Read | undefined {
  const window = text.slice(pos, Math.min(text.length, pos + 120))
  const lead = /^[\s:：\-–—=]*(?:(?:is|was|هو|واضح|كالتالي|الجديد|تبعي|مالي)[\s:：\-–—]*)?/i.exec(window)![0].length
  const rest = window.slice(lead)
  const stop = rest.search(/[.!?؟\n]|(?:\s(?:and|but|و?لكن|بس)\s)/)
  const value = (stop >= 0 ? rest.slice(0, stop) : rest).replace(/[\s,،]+$/u, '')
  if (value.length < 6) return undefined
  if (/^(?:on|for|in|of|to|at|is|was|the|that|and|but|with|from|has|have|so|change|changed|update|updated|wrong|correct|old|new)\b/i.test(value)) return undefined
  const commas = (value.match(/[,،]/g) ?? []).length
  if (!STREET_WORD.test(value) && !(/\d/.test(value) && commas >= 1) && commas < 2) return undefined
  return { value, start: pos + lead, end: pos + lead + value.length }
}

// ---------------------------------------------------------------- formats

const EMAIL = /^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$/
const PLACEHOLDER_EMAIL = /__email__/g
const PHONE = /(?<![A-Za-z0-9\u0621-\u064A+\-/.#])(?:\+|00)?\d[\d \-().]{5,20}\d(?![0-9\-/]|\.\d)/g
const TOLL_FREE = /^(?:1)?8(?:00|88|77|66|55|44|33)\d{7}$|^0?800\d{4,8}$|^9200\d{5}$|^1800\d{6,7}$|^19\d{3,4}$/
const MOBILE: RegExp[] = [
  /^(?:966|00966|0)?5\d{8}$/, // Saudi Arabia, UAE (05x xxx xxxx)
  /^(?:971|00971)5\d{8}$/,
  /^(?:20|0020)?01[0125]\d{8}$/, // Egypt
  /^(?:20|0020)1[0125]\d{8}$/,
  /^(?:964|00964)?07[3-9]\d{8}$/, // Iraq
  /^(?:964|00964)7[3-9]\d{8}$/,
  /^(?:962|00962|0)7[789]\d{7}$/, // Jordan
  /^(?:965|974|973|968|00965|00974|00973|00968)\d{8}$/, // Kuwait, Qatar, Bahrain, Oman
  /^(?:961|00961)(?:3|7[01689]|81)\d{6}$/, // Lebanon
  /^(?:212|00212|0)[67]\d{8}$/, // Morocco
  /^(?:213|00213|0)[567]\d{8}$/, // Algeria
  /^(?:216|00216)\d{8}$/, // Tunisia
  /^(?:61|0061|0)4\d{8}$/, // Australia
  /^(?:44|0044|0)7\d{9}$/ // United Kingdom
]
const US_PHONE = /^(?:\+?1[ .\-]?)?\(?[2-9]\d{2}\)?[ .\-]?[2-9]\d{2}[ .\-]\d{4}$/
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g
const WORDS_BEFORE_STREET =
  "(?:[ \\t]+(?!(?:in|the|a|an|of|on|at|for|to|my|your|and|or|with|is|was|from|by|this|that|it|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times?|people|items?|kids|pcs|dollars|bucks|steps|calls?)\\b)[A-Za-z][A-Za-z'’.\\-]*){1,3}?"
const STREET = new RegExp(
  `\\b\\d{1,6}[A-Za-z]?${WORDS_BEFORE_STREET}[ \\t]+(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|boulevard|blvd|way|place|pl|crescent|cres|close|terrace|ter|highway|hwy|parkway|pkwy|circle|cir|square|sq|trail|trl|mews|grove)\\b\\.?`,
  'gi'
)
const AR_ADDRESS_PART = /(?<![\u0621-\u064A])(?:شارع|طريق|حي|عمارة|بناية|مبنى|فيلا|شقة|بلوك|مجمع|حارة|زقاق)\s+[^\s،,.]{1,20}/g
const ZIP_AFTER = /^[^.\n]{0,30}?\b(\d{5}(?:-\d{4})?)\b/
const ZIP_BARE = /\b(?:in|at|near|around|area)\s+(\d{5})(?:-\d{4})?\b/gi
const PLATFORM = /(?<![A-Za-z0-9@#_])(?:ps[345]|playstation[ ]?[345]?|xbox(?:[ ]?(?:one|series[ ]?[xs]|360))?|nintendo switch|steam deck|pc|stadia|ps vita)(?![A-Za-z0-9])/gi
const DEVICE =
  /(?<![A-Za-z0-9])(?:iphone[ ]?(?:\d{1,2}(?:[ ]?(?:pro(?:[ ]?max)?|plus|mini|max))?|x[rs]?|se)|ipad[ ]?(?:pro|air|mini)?[ ]?\d{0,2}|galaxy[ ]?(?:s|a|note|z[ ]?(?:fold|flip)|tab[ ]?s?)[ ]?\d{1,3}\+?(?:[ ]?(?:ultra|plus|fe))?|pixel[ ]?\d{1,2}[a]?(?:[ ]?pro)?|(?:huawei|xiaomi|redmi|oppo|oneplus|nokia|moto)[ ]?[a-z]{0,6}[ ]?\d{1,3}[a-z]?|(?:officejet|laserjet|deskjet|envy|photosmart|pavilion|thinkpad|macbook|surface)(?:[ ]?(?:pro|air))?[ ]?[a-z]?\d{1,5}[a-z]?)(?![A-Za-z0-9])/gi
const PROFILE_URL = /^(?:https?:\/\/)?(?:www\.|m\.)?(?:youtube\.com\/(?:user|channel|c)\/|youtube\.com\/@|twitch\.tv\/|instagram\.com\/|tiktok\.com\/@|facebook\.com\/|twitter\.com\/|x\.com\/|linkedin\.com\/in\/|steamcommunity\.com\/(?:id|profiles)\/)\S+/i
const SERIAL_FORMAT = /(?<![A-Za-z0-9])S\/?N[:\-]?([A-Z0-9]{6,20})(?![A-Za-z0-9])/g

export function ibanValid(raw: string): boolean {
  const s = raw.replace(/\s+/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false
  const moved = s.slice(4) + s.slice(0, 4)
  let rem = 0
  for (const ch of moved) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch
    for (const digit of v) rem = (rem * 10 + Number(digit)) % 97
  }
  return rem === 1
}

function isMobile(candidate: string): boolean {
  const plus = candidate.trim().startsWith('+')
  const digits = candidate.replace(/\D/g, '')
  if (digits.length < 8 || digits.length > 15) return false
  if (TOLL_FREE.test(digits)) return false
  if (MOBILE.some((r) => r.test(digits))) return true
  if (US_PHONE.test(candidate.trim())) return true
  // Any other number written in international form: +<country> …
  return plus && digits.length >= 9
}

// ---------------------------------------------------------------- extract

const CAPS_WORD_BEFORE = /(?:^|[^\p{L}\p{N}'’])(\p{Lu}[\p{Lu}'’]*)[ \t,]+$/u
const CAPS_WORD_AFTER = /^[ \t,]+(\p{Lu}[\p{Lu}'’]*)(?![\p{L}\p{N}])/u
/**
 * A word in capitals among other words in capitals is shouting ("I DIDN'T CHOOSE A SEAT"), not a six-letter
 * booking code: a neighbour of two letters or more in capitals, or one-letter capitals on both sides.
 */
function inShouting(text: string, start: number, end: number): boolean {
  const before = CAPS_WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1]
  const after = CAPS_WORD_AFTER.exec(text.slice(end, end + 40))?.[1]
  const long = (w: string | undefined) => w !== undefined && w.replace(/['’]/g, '').length >= 2
  return long(before) || long(after) || (before !== undefined && after !== undefined)
}

/** Kinds a bare answer can be read as, when the agent just asked for them. */
const BARE_KINDS: ReadonlySet<Kind> = new Set(['order', 'booking', 'ticket', 'tracking', 'reference', 'account', 'phone', 'serial', 'model', 'zip', 'nationalId', 'plate'])
const BARE_TOKEN = /#?[A-Za-z0-9][A-Za-z0-9\-/._]{2,39}/g

/**
 * Everything the customer gave in one turn, by kind. `asked` lists the kinds
 * the agent asked for just before: then a bare answer ("HP-77120", "0412 555 918")
 * counts as that kind.
 */
export function extractGiven(raw: string, turn = 0, asked: readonly Kind[] = []): Given[] {
  const text = foldDigits(blankQuoted(raw.length > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw))
  const found: Given[] = []
  const add = (kind: Kind, r: Read, cue: boolean) => found.push({ kind, value: r.value.trim(), turn, start: r.start, end: r.end, cue })

  // E-mail addresses and profile links, token by token (no scanning regex over long runs).
  const TOKEN = /\S+/g
  let t: RegExpExecArray | null
  while ((t = TOKEN.exec(text))) {
    const tok = t[0]
    if (tok.length > 320) continue
    if (tok.includes('@')) {
      const lead = /^[<("'«“‘\[]*/.exec(tok)![0].length
      const core = tok.slice(lead).replace(/[>)"'»”’\].,;:!?؟،]+$/u, '')
      if (EMAIL.test(core)) add('email', { value: core, start: t.index + lead, end: t.index + lead + core.length }, false)
    }
    if (PROFILE_URL.test(tok)) {
      const core = tok.replace(/[)"'»”’\].,;:!?؟،]+$/u, '')
      add('url', { value: core, start: t.index, end: t.index + core.length }, false)
    }
  }
  for (const m of text.matchAll(PLACEHOLDER_EMAIL)) add('email', { value: m[0], start: m.index, end: m.index + m[0].length }, false)

  // Cue words and the value after them.
  for (const c of CUES.find(text)) {
    const kind = c.entry.id
    if (!kind || !isKind(kind)) continue
    if (kind === 'address') {
      const r = readAddress(text, c.end)
      if (r) add('address', r, true)
      continue
    }
    if (kind === 'name') {
      const r = readName(text, c.end)
      if (r) add('name', r, true)
      continue
    }
    if (kind === 'username') {
      const r = readUser(text, c.end, text.slice(c.start, c.end))
      if (r) {
        if (EMAIL.test(r.value)) add('email', r, true)
        else add('username', r, true)
      }
      continue
    }
    const r = kind === 'phone' ? readPhone(text, c.end) : readCode(text, c.end)
    if (r && validCode(kind, r, text)) add(kind, r, true)
  }

  // Formats.
  for (const m of text.matchAll(IBAN)) if (ibanValid(m[0])) add('iban', { value: m[0], start: m.index, end: m.index + m[0].length }, false)
  for (const m of text.matchAll(PHONE)) {
    const value = m[0].replace(/[\s\-(.]+$/, '')
    if (isMobile(value)) add('phone', { value, start: m.index, end: m.index + value.length }, false)
  }
  for (const m of text.matchAll(STREET)) {
    let end = m.index + m[0].length
    const city = /^,[ \t]*[A-Za-z][A-Za-z .]{1,25}?(?=[,.\n]|$)/.exec(text.slice(end, end + 40))
    if (city) end += city[0].length
    add('address', { value: text.slice(m.index, end), start: m.index, end }, false)
    const zip = ZIP_AFTER.exec(text.slice(end, end + 40))
    if (zip) {
      const zs = end + zip[0].length - zip[1]!.length
      add('zip', { value: zip[1]!, start: zs, end: zs + zip[1]!.length }, false)
    }
  }
  const arParts = [...text.matchAll(AR_ADDRESS_PART)]
  if (arParts.length >= 2 || arParts.some((m) => /\d/.test(m[0]))) {
    const first = arParts[0]!
    const last = arParts[arParts.length - 1]!
    if (last.index + last[0].length - first.index < 200) {
      add('address', { value: text.slice(first.index, last.index + last[0].length), start: first.index, end: last.index + last[0].length }, false)
    }
  }
  for (const m of text.matchAll(ZIP_BARE)) {
    if (UNIT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue
    const zs = m.index + m[0].indexOf(m[1]!)
    add('zip', { value: m[1]!, start: zs, end: zs + m[1]!.length }, false)
  }
  for (const m of text.matchAll(PLATFORM)) {
    // "switch" alone is a verb; "PC" inside "PC World" style names is rare enough.
    add('platform', { value: m[0], start: m.index, end: m.index + m[0].length }, false)
  }
  for (const m of text.matchAll(DEVICE)) add('model', { value: m[0], start: m.index, end: m.index + m[0].length }, false)
  for (const m of text.matchAll(SERIAL_FORMAT)) add('serial', { value: m[0], start: m.index, end: m.index + m[0].length }, false)

  // A bare answer to the agent's question.
  const bare = asked.filter((k) => BARE_KINDS.has(k))
  if (bare.length) {
    const taken = (start: number, end: number) => found.some((g) => g.start < end && start < g.end)
    for (const m of text.matchAll(BARE_TOKEN)) {
      const token = m[0].replace(/^#/, '').replace(/[\-/._]+$/, '')
      const start = m.index + (m[0].startsWith('#') ? 1 : 0)
      const end = start + token.length
      if (taken(start, end) || /[@]/.test(text.slice(Math.max(0, start - 1), end + 1)) || /\/\/|www\./.test(text.slice(Math.max(0, start - 12), end))) continue
      if (digitCount(token) < 3 && !/^[A-Z0-9]{6}$/.test(token)) continue
      if (digitCount(token) === 0 && inShouting(text, start, end)) continue
      const read: Read = { value: token, start, end }
      for (const kind of bare) {
        if (kind === 'phone') continue
        if (validCode(kind, read, text)) add(kind, read, false)
      }
    }
    if (bare.includes('phone')) {
      for (const m of text.matchAll(PHONE)) {
        const value = m[0].replace(/[\s\-(.]+$/, '')
        const digits = digitCount(value)
        if (digits >= 7 && digits <= 15 && !taken(m.index, m.index + value.length)) add('phone', { value, start: m.index, end: m.index + value.length }, false)
      }
    }
  }

  return dedupe(found).filter((g) => !describedAsOld(text, g.start))
}

/** "old", «القديم» … in the clause before a value: the customer's former detail, which a request for the current one does not repeat. */
const OLD_BEFORE = /(?:\b(?:old|previous|former|expired|outdated)\b|(?<![\u0621-\u064A])(?:القديم|القديمة|القديمه|السابق|السابقة|السابقه|اللي\s+قبل)(?![\u0621-\u064A])|\b(?:el|l)[\s-]?(?:2adim|2adeem|9dim|qadim|kdim)\b)/iu
const CLAUSE_END = /[.,;:!?؟،؛\n]/g

/** Whether the value at `at` is introduced as the customer's old one ("my old email jo@old.com", «رقم جوالي القديم 0551234567»). */
function describedAsOld(text: string, at: number): boolean {
  let from = Math.max(0, at - 40)
  const lead = text.slice(from, at)
  CLAUSE_END.lastIndex = 0
  let cut = -1
  for (let m: RegExpExecArray | null; (m = CLAUSE_END.exec(lead)); ) if (m.index < lead.length - 1) cut = m.index
  if (cut >= 0) from += cut + 1
  return OLD_BEFORE.test(text.slice(from, at))
}

/** Keep one item per span: cue-introduced values win over bare formats, then longer spans. */
function dedupe(items: Given[]): Given[] {
  const sorted = [...items].sort((a, b) => Number(b.cue) - Number(a.cue) || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Given[] = []
  const clash = (a: Given, b: Given) => {
    if (!(a.start < b.end && b.start < a.end)) return false
    // An address may hold a ZIP code or sit beside other details; other kinds exclude each other.
    if (a.kind === b.kind) return true
    return a.kind !== 'address' && b.kind !== 'address'
  }
  for (const g of sorted) if (!kept.some((k) => clash(k, g))) kept.push(g)
  return kept.sort((a, b) => a.start - b.start)
}
