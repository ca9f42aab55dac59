/**
 * Deadline parsing for unkept-promise: finds the time expression in a promise
 * ("in 10 minutes", "within 2 business days", "by 5 pm today", "tomorrow
 * morning", "by Friday", «خلال ساعتين», «بكرة الساعة ١٢ الضهر», "5elal 20 de2i2a")
 * and resolves it to an instant, against the time the promise was written and
 * in that turn's own UTC offset (day words such as "today" or «بكرة» mean the
 * writer's local day).
 *
 * Resolution is deliberately lenient: when a phrase allows an earlier and a
 * later reading, the later one wins ("tomorrow morning" = noon, "this afternoon"
 * = 18:00, "by Friday" = the end of Friday), so that a promise is never called
 * broken before the customer could reasonably have expected it.
 *
 * Browser-safe; no regular expression here nests quantifiers over overlapping
 * classes, and input is capped, so hostile text cannot make it hang.
 */
import { normalise } from './normalise.js'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const MAX_INPUT = 2_000

export type VagueKind = 'short' | 'soon'

export interface DeadlineOptions {
  /** The writer's UTC offset in minutes east of UTC (from the turn's `at`); 0 when unknown. */
  offsetMinutes?: number
  /** Days skipped when counting business/working days (0 = Sunday … 6 = Saturday). Default Saturday and Sunday. */
  weekend?: readonly number[]
  /** How long "in a moment", "shortly", «بعد شوي» may take (ms). Default 15 min. */
  shortMs?: number
  /** How long "soon", "ASAP", «قريباً» may take (ms). Default 24 h. */
  soonMs?: number
}

export interface Deadline {
  /** The resolved deadline, epoch milliseconds. */
  at: number
  /** What the deadline rests on: a stated wait, a day (with or without a clock time), a week or month, or a vague word. */
  basis: 'duration' | 'day' | 'clock' | 'period' | 'vague'
  /** For a day-based deadline: how many local days ahead (0 today, 1 tomorrow …). */
  dayOffset?: number
  /** True for "soon", "shortly", «بعد شوي»: no time was actually stated. */
  vague: boolean
  /** Which vague window was applied. */
  vagueKind?: VagueKind
  /** Span of the time expression in the input text (original indices). */
  start: number
  end: number
  /** The time expression as written. */
  text: string
}

/** The UTC offset (minutes east) written in an ISO 8601 time; 0 when it has none (read as UTC); undefined when absent. */
export function utcOffsetMinutes(at: string | undefined): number | undefined {
  if (!at) return undefined
  const m = /(Z|[+-]\d{2}:?\d{2})\s*$/i.exec(at.trim())
  if (!m) return /\d{2}:\d{2}/.test(at) ? 0 : undefined
  const zone = m[1]!
  if (zone.toUpperCase() === 'Z') return 0
  const digits = zone.slice(1).replace(':', '')
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))
  return zone[0] === '-' ? -minutes : minutes
}

// ---------------------------------------------------------------------------
// Number words

const EN_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, 'twenty-four': 24, 'twenty four': 24, thirty: 30,
  forty: 40, 'forty-five': 45, 'forty five': 45, 'forty-eight': 48, 'forty eight': 48, fifty: 50,
  sixty: 60, ninety: 90, couple: 2, 'a couple of': 2, 'a couple': 2, 'a few': 3, few: 3, several: 3,
  'half an': 0.5, 'half a': 0.5
}
const EN_NUM = String.raw`\d{1,3}(?:\.\d)?|a\s+couple(?:\s+of)?|a\s+few|half\s+an?|twenty[-\s]four|forty[-\s]five|forty[-\s]eight|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|couple|few|several|an|a`

/** Arabic number words on normalised text (ة→ه, أ→ا), plus Arabizi. */
const AR_NUMBERS: Record<string, number> = {
  واحد: 1, واحده: 1, اثنين: 2, اتنين: 2, تنين: 2, ثنين: 2, اثنتين: 2, ثنتين: 2,
  ثلاث: 3, ثلاثه: 3, تلات: 3, تلاته: 3, تلت: 3, اربع: 4, اربعه: 4, خمس: 5, خمسه: 5,
  ست: 6, سته: 6, سبع: 7, سبعه: 7, ثمان: 8, ثماني: 8, ثمانيه: 8, تمن: 8, تمانيه: 8, تمنيه: 8,
  تسع: 9, تسعه: 9, عشر: 10, عشره: 10, حداشر: 11, احدعش: 11, اتناشر: 12, اطنعش: 12, ثنعش: 12,
  ربعطعش: 14, خمستاشر: 15, خمسطعش: 15, عشرين: 20, عشرون: 20, ثلاثين: 30, تلاتين: 30, ثلاثون: 30,
  اربعين: 40, خمسين: 50, ستين: 60, كم: 3, كام: 3, نص: 0.5, نصف: 0.5, ربع: 0.25,
  wa7ed: 1, wa7da: 1, etnein: 2, etnen: 2, itnein: 2, itnen: 2, tnin: 2, tnen: 2, talata: 3, tlata: 3, tlat: 3,
  arba3a: 4, arb3a: 4, '5amsa': 5, khamsa: 5, '5ams': 5, sitta: 6, setta: 6, sab3a: 7, tamanya: 8, tamania: 8,
  tis3a: 9, '3ashra': 10, '3achra': 10, '3ashar': 10, '3eshreen': 20, '3ishrin': 20, '3echrin': 20,
  talateen: 30, tlatin: 30, noss: 0.5, nos: 0.5, nus: 0.5, nu9: 0.5, nss: 0.5, rob3: 0.25
}
const AR_NUM_WORDS = Object.keys(AR_NUMBERS)
  .filter((w) => /[\u0621-\u064A]/.test(w))
  .sort((a, b) => b.length - a.length)
  .join('|')
const AZ_NUM_WORDS = Object.keys(AR_NUMBERS)
  .filter((w) => !/[\u0621-\u064A]/.test(w))
  .sort((a, b) => b.length - a.length)
  .join('|')

function number(word: string | undefined): number | undefined {
  if (word === undefined) return undefined
  const w = word.trim().replace(/\s+/g, ' ')
  if (/^\d/.test(w)) return Number(w)
  return EN_NUMBERS[w] ?? AR_NUMBERS[w]
}

// ---------------------------------------------------------------------------
// Units

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'businessDay' | 'week' | 'month'

function enUnit(u: string): { unit: Unit; plural: boolean } {
  const plural = /s$/.test(u) && !/^business|^working|^work/.test(u) ? true : /days$/.test(u)
  if (/^(?:business|working|work)/.test(u)) return { unit: 'businessDay', plural }
  if (/^sec/.test(u)) return { unit: 'second', plural }
  if (/^min/.test(u)) return { unit: 'minute', plural }
  if (/^(?:h|hr|hour)/.test(u)) return { unit: 'hour', plural }
  if (/^day/.test(u)) return { unit: 'day', plural }
  if (/^week/.test(u)) return { unit: 'week', plural }
  return { unit: 'month', plural }
}

/** Arabic units (normalised) and Arabizi units; the dual forms carry their own count. */
function arUnit(u: string): { unit: Unit; count?: number } | undefined {
  const t = u.replace(/\s+/g, ' ')
  if (/^(?:دقيقتين|دقيقتان)$/.test(t)) return { unit: 'minute', count: 2 }
  if (/^(?:ساعتين|ساعتان|sa3tein|sa3ten|sa3tain|sa3teen|se3tein|se3ten)$/.test(t)) return { unit: 'hour', count: 2 }
  if (/^(?:يومين|يومان|yomein|yomen|youmein|yoomen)$/.test(t)) return { unit: 'day', count: 2 }
  if (/^(?:اسبوعين|اسبوعان)$/.test(t)) return { unit: 'week', count: 2 }
  if (/^(?:شهرين|شهران)$/.test(t)) return { unit: 'month', count: 2 }
  if (/^(?:دقيق|دقاي|دقائ|de2|d2|da2|dqi|dqa|d9|min)/.test(t)) return { unit: 'minute' }
  if (/^(?:ثاني|ثوان|sec)/.test(t)) return { unit: 'second' }
  if (/^(?:ساع|sa3|se3)/.test(t)) return { unit: 'hour' }
  if (/^(?:يوم|ايام|yom|you|yoo|nhar|ayam|ayyam|iyam|jour)/.test(t)) return { unit: 'day' }
  if (/^(?:اسبوع|اسابيع|osbo|esbo|osboo|semana)/.test(t)) return { unit: 'week' }
  if (/^(?:شهر|اشهر|شهور)/.test(t)) return { unit: 'month' }
  return undefined
}

// ---------------------------------------------------------------------------
// Local calendar helpers (all in the writer's offset)

interface Clock {
  now: number
  offset: number
}

function localParts(c: Clock): { y: number; m: number; d: number; dow: number; h: number; min: number } {
  const t = new Date(c.now + c.offset * MIN)
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate(), dow: t.getUTCDay(), h: t.getUTCHours(), min: t.getUTCMinutes() }
}

/** Epoch ms of local hh:mm on the day `plus` days from today. */
function atLocal(c: Clock, plus: number, hour: number, minute = 0): number {
  const p = localParts(c)
  return Date.UTC(p.y, p.m, p.d + plus, hour, minute) - c.offset * MIN
}

function endOfLocalDay(c: Clock, plus: number): number {
  return atLocal(c, plus + 1, 0) - 1
}

function addBusinessDays(c: Clock, n: number, weekend: readonly number[]): number {
  const p = localParts(c)
  let plus = 0
  let left = Math.max(1, Math.ceil(n))
  // A guard against a weekend of all seven days.
  for (let guard = 0; left > 0 && guard < 400; guard++) {
    plus++
    const dow = (p.dow + plus) % 7
    if (!weekend.includes(dow)) left--
  }
  return endOfLocalDay(c, plus)
}

function durationDeadline(c: Clock, n: number, unit: Unit, weekend: readonly number[]): number {
  switch (unit) {
    case 'second':
      return c.now + n * 1000
    case 'minute':
      return c.now + n * MIN
    case 'hour':
      return c.now + n * HOUR
    case 'day':
      // "within 24 hours" is exact; "within 2 days" runs to the end of that day.
      return endOfLocalDay(c, Math.ceil(n))
    case 'businessDay':
      return addBusinessDays(c, n, weekend)
    case 'week':
      return endOfLocalDay(c, Math.ceil(n * 7))
    case 'month':
      return endOfLocalDay(c, Math.ceil(n * 31))
  }
}

type Part = 'morning' | 'noon' | 'afternoon' | 'evening'

const PART_END: Record<Part, number> = { morning: 12, noon: 14, afternoon: 18, evening: 24 }

// ---------------------------------------------------------------------------
// What a scan collects

interface Hit {
  start: number
  end: number
}
interface DurationHit extends Hit {
  n: number
  unit: Unit
  vague?: VagueKind
}
interface DayHit extends Hit {
  plus: number
}
interface AbsoluteHit extends Hit {
  at: number
}
interface ClockHit extends Hit {
  h: number
  m: number
  mer?: 'am' | 'pm'
}

interface Scan {
  durations: DurationHit[]
  days: DayHit[]
  absolutes: AbsoluteHit[]
  clocks: ClockHit[]
  parts: Array<Hit & { part: Part }>
  vague: Array<Hit & { kind: VagueKind }>
}

const WEEKDAYS_EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const WEEKDAY_ABBR: Record<string, number> = { sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6 }
const MONTHS_EN: Record<string, number> = {
  jan: 0, january: 0, feb: 1, february: 1, mar: 2, march: 2, apr: 3, april: 3, may: 4, jun: 5, june: 5,
  jul: 6, july: 6, aug: 7, august: 7, sep: 8, sept: 8, september: 8, oct: 9, october: 9, nov: 10, november: 10,
  dec: 11, december: 11
}
/** Arabic weekday stems after ال (normalised). */
const WEEKDAYS_AR: Record<string, number> = {
  احد: 0, اثنين: 1, اتنين: 1, ثنين: 1, ثلاثاء: 2, ثلاثا: 2, تلات: 2, تلاتاء: 2, اربعاء: 3, اربع: 3, خميس: 4, جمعه: 5, سبت: 6
}
const MONTHS_AR: Record<string, number> = {
  يناير: 0, فبراير: 1, مارس: 2, ابريل: 3, مايو: 4, يونيو: 5, يوليو: 6, اغسطس: 7, سبتمبر: 8, اكتوبر: 9, نوفمبر: 10, ديسمبر: 11,
  جانفي: 0, فيفري: 1, افريل: 3, ماي: 4, جوان: 5, جويليه: 6, جويلية: 6, اوت: 7,
  'كانون الثاني': 0, شباط: 1, اذار: 2, نيسان: 3, ايار: 4, حزيران: 5, تموز: 6, اب: 7, ايلول: 8,
  'تشرين الاول': 9, 'تشرين الثاني': 10, 'كانون الاول': 11
}
const AR_ORDINAL_HOURS: Record<string, number> = {
  'الحاديه عشره': 11, 'الحاديه عشر': 11, 'الثانيه عشره': 12, 'الثانيه عشر': 12, الواحده: 1, الثانيه: 2, الثالثه: 3,
  الرابعه: 4, الخامسه: 5, السادسه: 6, السابعه: 7, الثامنه: 8, التاسعه: 9, العاشره: 10,
  واحده: 1, اتنين: 2, اثنين: 2, تنتين: 2, ثنتين: 2, تلاته: 3, ثلاثه: 3, اربعه: 4, خمسه: 5, سته: 6, سبعه: 7,
  تمانيه: 8, ثمانيه: 8, تسعه: 9, عشره: 10, حداشر: 11, اتناشر: 12
}
const AR_HOUR_WORDS = Object.keys(AR_ORDINAL_HOURS)
  .sort((a, b) => b.length - a.length)
  .join('|')

const A = '[\\u0621-\\u064A]'
/**
 * A word with a digit standing for a letter (sa3a, ra7, 5elal, 7ad): the text is Arabizi.
 * Not 3pm, 2nd, 4G, 10x, mp3, ps4 (a final digit counts only after a vowel).
 */
export const ARABIZI_WORD =
  /(?<![\p{L}\p{N}])(?:[a-z]+[2-9][a-z]+|[b-df-hj-np-tv-z]*[aeiou][a-z]*[2-9]|[2-9](?!(?:am|pm|st|nd|rd|th|g|gb|mb|k|x|h|hr|hrs|d|s|min|mins|ms|kg|km|pcs)(?![a-z]))[a-z]{2,})(?![\p{L}\p{N}])/iu
/** Arabic "word start": not after an Arabic letter, allowing a و/ف/ب/ل conjunction or preposition. */
const AS = `(?<!${A})(?:[وفبل])?`
const AE = `(?!${A})`

function dateDiffDays(c: Clock, month: number, day: number): number | undefined {
  if (day < 1 || day > 31) return undefined
  const p = localParts(c)
  const today = Date.UTC(p.y, p.m, p.d)
  let target = Date.UTC(p.y, month, day)
  if (new Date(target).getUTCDate() !== day) return undefined
  if (target < today) {
    // "5 Jan" written on 28 Dec is next year's; "3 March" written on 4 March is a past date, not a deadline.
    if (target >= today - 180 * DAY) return undefined
    target = Date.UTC(p.y + 1, month, day)
  }
  return Math.round((target - today) / DAY)
}

/** Days until the next `day` of a month: this month's when it has not passed, else next month's (undefined: no such day then). */
function dayOfMonthPlus(c: Clock, day: number): number | undefined {
  const p = localParts(c)
  return dateDiffDays(c, day >= p.d ? p.m : p.m + 1, day)
}

function weekdayPlus(c: Clock, target: number, next: boolean): number {
  const p = localParts(c)
  let plus = (target - p.dow + 7) % 7
  // "by Friday" written on a Friday, and any "next Friday", read as the later one.
  if (plus === 0) plus = 7
  else if (next) plus += 7
  return plus
}

function endOfWeekPlus(c: Clock, weeks: number): number {
  const p = localParts(c)
  // Weeks end on Sunday: the lenient reading in every region.
  const toSunday = (7 - p.dow) % 7
  return toSunday + 7 * weeks
}

function endOfMonth(c: Clock, months: number): number {
  const p = localParts(c)
  return Date.UTC(p.y, p.m + months + 1, 1) - c.offset * MIN - 1
}

// Patterns compiled once at module load (the scans below reset lastIndex before each use).
const EN_short = /\b(?:in\s+(?:just\s+)?a\s+(?:moment|minute|min|sec|second|bit|jiffy|little\s+while|short\s+while|few\s+(?:moments|mins?|minutes))|momentarily|shortly|right\s+away|right\s+now|straight\s+away|immediately|in\s+no\s+time|(?:in\s+)?the\s+next\s+few\s+(?:minutes|mins|moments))\b/g
const EN_soon = /\b(?:soon|asap|as\s+soon\s+as\s+(?:possible|we\s+can|i\s+can|we\s+have|i\s+have|we\s+hear|i\s+hear)|at\s+the\s+earliest|in\s+due\s+course|later\s+on|in\s+a\s+while)\b/g
const EN_UNIT = String.raw`business\s+days?|working\s+days?|work\s+days?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|seconds?|secs?`
const EN_dur = new RegExp(
  String.raw`\b(?:in|within|inside|under|in\s+under|in\s+less\s+than|no\s+more\s+than|over\s+the\s+next|over\s+the\s+coming)\s+(?:the\s+)?(?:(?:next|coming)\s+)?(?:(?:about|around|approximately|approx|roughly|another|just)\s+)?(?:(${EN_NUM})\s*(?:(?:-|–|to|or)\s*(${EN_NUM})\s*)?)?(${EN_UNIT})\b(?:\s+or\s+(${EN_NUM})\b)?`,
  'g'
)
const EN_fromNow = new RegExp(String.raw`\b(${EN_NUM})\s+(${EN_UNIT})\s+from\s+now\b`, 'g')
/** "Give me two minutes", "bear with me 5 mins": the agent names its own wait. */
const EN_giveMe = new RegExp(String.raw`\b(?:give|allow)\s+(?:me|us)\s+(?:(?:another|about|around|just)\s+)?(${EN_NUM})\s+(?:more\s+)?(minutes?|mins?|seconds?|secs?|hours?|hrs?)\b|\bbear\s+with\s+(?:me|us)\s+(?:for\s+)?(?:(?:another|about|around|just)\s+)?(${EN_NUM})\s+(?:more\s+)?(minutes?|mins?|seconds?|secs?)\b`, 'gi')
const EN_today = /\b(?:later\s+today|today|tonight|this\s+(morning|afternoon|evening)|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|today|business(?:\s+day)?|(?:the\s+)?working\s+day|play)|eod|eop|cob|close\s+of\s+(?:business|play))\b/g
const EN_tomorrow = /\b(?:(?:the\s+)?day\s+after\s+(tomorrow)|tomorrow)(?:\s+(morning|afternoon|evening|night|noon|midday))?\b/g
const EN_weekday = /\b(?:(next|this|on|by|until|till|before|coming|this\s+coming)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b(?:\s+(morning|afternoon|evening|night))?/g
/** "First thing (Monday / tomorrow / in the morning)": the start of the working day, read as the morning. */
const EN_firstThing = /\bfirst\s+thing(?:\s+in\s+the\s+morning\b|(?=\s+(?:on\s+|next\s+)?(?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))/g
const EN_abbr = /\b(on|by|before|until|next|this)\s+(sun|mon|tues|tue|wed|thurs|thur|thu|fri|sat)\b\.?/g
const EN_week = /\b(?:(early\s+|later\s+|by\s+|end\s+of\s+|the\s+end\s+of\s+)?(next|this|the|the\s+coming)\s+week(?:end)?|by\s+the\s+weekend|this\s+weekend)\b/g
const EN_month = /\b(?:(?:by\s+|before\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+month|this\s+month|(next)\s+month)\b/g
const EN_MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec'
const EN_dm = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${EN_MONTH})\b\.?`, 'g')
const EN_md = new RegExp(String.raw`\b(${EN_MONTH})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`, 'g')
/** A day of the month without the month, after a word that makes it a deadline: "by the 10th", "on the 3rd" (not "the 3rd floor"). */
const EN_dayOfMonth = new RegExp(
  String.raw`\b(?:by|before|on|until|till|no\s+later\s+than)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:${EN_MONTH})\b)(?!\s+(?:floor|time|attempt|try|call|day|week|month|item|line|option|one|person|party|step|page|place|row|edition|generation|gen|quarter|year|instal?lment|payment|reminder)s?\b)`,
  'g'
)
const EN_ampm = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/g
const EN_h24 = /\b([01]?\d|2[0-3]):([0-5]\d)\b(?!\s*(?:a\.?m|p\.?m))/g
const EN_range = /\b(?:between|from)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:and|to|-|–)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?![\d:])(?!\s*(?:business|working|days?|hours?|hrs?|weeks?|months?|minutes?|mins?|%|items?|times?|people|percent))/g
const EN_named = /\b(noon|midday|midnight)\b/g
/** "By lunchtime": lunch is over by two (the later reading). */
const EN_lunch = /\b(?:by|before|at|around)\s+lunch(?:\s*time)?\b/g
const EN_oclock = /\b(\d{1,2})\s*o['’]?\s*clock\b/g
const EN_bare = /\b(?:by|before|until|till|around|no\s+later\s+than)\s+(\d{1,2})(?=\s*(?:$|[,;!)]|\.(?!\d)|\s+(?:today|tonight|tomorrow|this|on|local|pacific|eastern|central|mountain|gmt|utc|bst|cet|est|edt|pst|pdt|uk|your|our|at)\b))/g
const AR_UNIT_AR = 'دقيقتين|دقيقتان|دقيقه|دقايق|دقائق|ساعتين|ساعتان|ساعات|ساعه|يومين|يومان|ايام|يوم|اسبوعين|اسبوعان|اسابيع|اسبوع|شهرين|شهران|شهور|اشهر|شهر|ثواني|ثانيه'
const AR_NUM = `\\d{1,3}|${AR_NUM_WORDS}`
const AR_PREP = 'خلال|في\\s+خلال|غضون|في\\s+غضون|بعد|ظرف|في\\s+ظرف|قبل\\s+مرور|في\\s+مده\\s+اقصاها|في\\s+مده|بحدود|اقل\\s+من|في\\s+اقل\\s+من'
const AR_short = new RegExp(
  `${AS}(?:بعد\\s+(?:شوي|شويه|شويا|شوية|قليل|لحظات|لحظه|دقايق|دقائق)|خلال\\s+(?:لحظات|دقايق|دقائق|دقائق\\s+معدوده)|حالا|فورا|على\\s+طول|دلوقتي|دلوقت|الحين|هلق|هلء|توا|دابا|بعد\\s+كم\\s+دقيقه)${AE}`,
  'g'
)
const AR_soon = new RegExp(`${AS}(?:قريبا|قريب|عن\\s+قريب|في\\s+اقرب\\s+وقت|اقرب\\s+وقت|في\\s+اسرع\\s+وقت|اسرع\\s+وقت|باسرع\\s+وقت|بعدين|لاحقا|في\\s+وقت\\s+لاحق)${AE}`, 'g')
const AR_shortAz = /\b(?:ba3d\s+(?:shwaya|shwaia|shwya|shway|chwiya|chwia|shwai|shwayya)|daba|tawa|delwa2ti|delwa2ty|dlw2ty|dlwa2ty|7alan|halan|fawran|f\s*l7in|fel\s*7al|el7in|hala2)\b/g
const AR_soonAz = /\b(?:2orayeban|orayeb|9rib|qrib|3an\s+2arib|mn\s+ba3d|men\s+ba3d|ba3den|ba3dain|ba3dein)\b/g
const AR_frac = new RegExp(`${AS}(?:${AR_PREP})\\s+(نص|نصف|ربع)\\s+ساعه${AE}|${AS}(?:${AR_PREP})\\s+ساعه\\s+(ونص|ونصف|الا\\s+ربع)${AE}`, 'g')
const AR_dur = new RegExp(
  `${AS}(?:${AR_PREP})\\s+(?:(?:حوالي|تقريبا)\\s+)?(?:(${AR_NUM})(?:\\s+و\\s*(${AR_NUM}))?\\s*(?:(?:-|–|الى|الي|او|ل)\\s*(${AR_NUM})\\s*)?)?(${AR_UNIT_AR})(?:\\s+(عمل|شغل|عمل\\s+رسمي))?${AE}`,
  'g'
)
const AR_UNIT_AZ = 'se3tein|se3ten|se3at|se3a|de2i2a|de2ee2a|d2i2a|d2ee2a|de2aye2|da2aye2|da2ayi2|d2aye2|d2ay2|dqiqa|dqayeq|d9i9a|d9aye9|minutes|minute|mins|min|sa3tein|sa3ten|sa3tain|sa3teen|sa3aat|sa3at|sa3a|yomein|yomen|youmein|yoomen|youm|yoom|yom|nhar|ayyam|ayam|iyam|jours|jour|osbo3|osboo3|esbou3|esbo3|semana'
const AR_dAz = new RegExp(
  `\\b(?:5elal|5lal|5ilal|5elel|5ilel|khelal|khlal|khilal|khelel|ba3d|ba3ad|b3d|f|fi|fe)\\s+(?:(\\d{1,3}|${AZ_NUM_WORDS})\\s*(?:(?:-|to|l|wala|aw)\\s*(\\d{1,3}|${AZ_NUM_WORDS})\\s*)?)?(${AR_UNIT_AZ})\\b`,
  'g'
)
const AR_today = new RegExp(
  `${AS}(?:اليوم|النهارده|النهاردا|هاليوم|الليله|هالليله|الليله\\s+دي|(?:اخر|نهايه)\\s+(?:اليوم|النهار|الدوام|دوام\\s+اليوم)|قبل\\s+ما\\s+يخلص\\s+الدوام)${AE}|\\b(?:lyoum|lyouma|el\\s*yom|el\\s*youm|elyoum|ennaharda|el\\s*naharda|el\\s*nharda|nharda|ennhar\\s+da|el\\s*leila|elleila|el\\s*lela)\\b`,
  'g'
)
const AR_dayAfter = new RegExp(`${AS}بعد\\s+(?:بكره|بكرا|باكر|غد|الغد|باجر)${AE}|\\bba3d\\s+(?:bokra|bukra|bkra|boukra|bachir|bacher|ghedwa|ghodwa)\\b`, 'g')
const AR_tomorrow = new RegExp(
  `${AS}(?:بكره|بكرا|باكر|باجر|بجره|غدا|الغد|غدوه|غدوا)${AE}|\\b(?:bokra|bukra|bokrah|bukrah|bkra|boukra|bachir|bacher|baker|bakir|ghedwa|ghodwa|ghdwa|ghadwa|ghudwa|ghedoua)\\b`,
  'g'
)
const AR_wd = new RegExp(`${AS}(?:يوم\\s+)?ال(احد|اثنين|اتنين|ثنين|ثلاثاء|ثلاثا|تلاتاء|تلات|اربعاء|اربع|خميس|جمعه|سبت)(?:\\s+(الجاي|القادم|المقبل|الجايه|الياي|الجاييه))?${AE}`, 'g')
const AR_week = new RegExp(
  `${AS}(?:(?:ال)?اسبوع\\s+(الجاي|القادم|المقبل|الياي|الجاييه)|(?:نهايه|اخر|خلال)\\s+(?:هذا\\s+)?الاسبوع|هالاسبوع|هذا\\s+الاسبوع|الاسبوع\\s+(?:ده|هذا|هاد))${AE}|\\b(?:(semana|l?osbo3|el\\s+osbo3|l'osbo3)\\s+(?:jaya|jay|el\\s*gay|el\\s*jay|ljaya))\\b`,
  'g'
)
const AR_month = new RegExp(`${AS}(?:(?:ال)?شهر\\s+(الجاي|القادم|المقبل|الياي)|(?:نهايه|اخر)\\s+(?:هذا\\s+)?الشهر|هالشهر)${AE}`, 'g')
const AR_MONTH_AR = Object.keys(MONTHS_AR)
  .sort((a, b) => b.length - a.length)
  .join('|')
const AR_date = new RegExp(`(?<![\\d])(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?(${AR_MONTH_AR})${AE}`, 'g')
const AR_clockWord = `(?:(\\d{1,2})(?::(\\d{2}))?|(${AR_HOUR_WORDS}))`
const AR_clock = new RegExp(`${AS}(?:ال)?ساعه\\s+${AR_clockWord}(?:\\s*(و\\s*نص|ونصف|و\\s*ربع|الا\\s*ربع))?${AE}`, 'g')
const AR_rangeEnd = new RegExp(
  `(?:ساعه\\s+${AR_clockWord}|(?:من|بين)\\s+(?:ال)?(?:\\d{1,2}|${AR_HOUR_WORDS}))\\s*(?:و|الى|لحد|لغايه|حتى|ل|-|–)\\s*(?:ال)?(?:ساعه\\s+)?(?:(\\d{1,2})(?::(\\d{2}))?|(${AR_HOUR_WORDS}))${AE}(?!\\s*(?:${AR_UNIT_AR}))`,
  'g'
)
const AR_before = new RegExp(`${AS}(?:قبل|لحد|لغايه|حتى)\\s+(?:ال)?(\\d{1,2})(?::(\\d{2}))?(?![\\d%])(?!\\s*(?:${AR_UNIT_AR}|%|ريال|جنيه|دينار|درهم|دولار))`, 'g')
const AR_beforeAz = /\b(?:9bel|qbel|gbel|9bal|2abl|abl|gabl|l7ad|le7ad)\s+(?:el\s+|l\s*)?(?:sa3a\s+)?(\d{1,2})(?::(\d{2}))?\b/g
const AR_atAz = /\b(?:el\s*|l\s*)?sa3a\s+(\d{1,2})(?::(\d{2}))?\b/g

const AR_PARTS: Array<[RegExp, Part]> = [
  [new RegExp(`${AS}(?:الصبح|صباحا|الصباح|الصبحيه|sba7|sbah|s-sba7|sob7|el\\s*sob7|fel\\s*sob7|el\\s*sobh)${AE}`, 'g'), 'morning'],
  [new RegExp(`${AS}(?:الظهر|الضهر|ظهرا|ضهرا|الضهريه|الظهيره)${AE}|\\b(?:d-dohr|dohr|do7r|el\\s*dohr|ddohr)\\b`, 'g'), 'noon'],
  [new RegExp(`${AS}(?:العصر|بعد\\s+الظهر|بعد\\s+الضهر)${AE}|\\b(?:l3sar|el\\s*3asr|la3chia)\\b`, 'g'), 'afternoon'],
  [new RegExp(`${AS}(?:المسا|المساء|مساء|مساءا|مسا|بالليل|الليل|المغرب|العشا|العشاء|العشيه)${AE}|\\b(?:l3chiya|l3ashiya|l3chia|l3echiya|el\\s*masa|bel\\s*leil|bellil|el\\s*leil|fel\\s*leil|masa2an)\\b`, 'g'), 'evening']
]

function scanEnglish(s: string, c: Clock, out: Scan, arabizi: boolean, latin: boolean, digits: boolean): void {
  let m: RegExpExecArray | null
  // Every pattern here needs a Latin letter except the 24-hour clock, which needs a digit.
  if (!latin) {
    if (!digits) return
    EN_h24.lastIndex = 0
    while ((m = EN_h24.exec(s))) out.clocks.push({ start: m.index, end: m.index + m[0].length, h: Number(m[1]), m: Number(m[2]) })
    return
  }
  // Vague short: "in a moment", "in a minute", "shortly", "right away".
  EN_short.lastIndex = 0
  while ((m = EN_short.exec(s))) out.vague.push({ start: m.index, end: m.index + m[0].length, kind: 'short' })
  EN_soon.lastIndex = 0
  while ((m = EN_soon.exec(s))) out.vague.push({ start: m.index, end: m.index + m[0].length, kind: 'soon' })

  // Durations: "in 10 minutes", "within the hour", "within 2 business days", "in 24-48 hours", "in a day or two".
  EN_dur.lastIndex = 0
  while ((m = EN_dur.exec(s))) {
    const [all, a, b, unitWord, orN] = m
    const { unit, plural } = enUnit(unitWord!)
    let n = number(b) ?? number(a)
    if (orN !== undefined && number(orN) !== undefined) n = Math.max(n ?? 1, number(orN)!)
    let vague: VagueKind | undefined
    if (n === undefined) {
      if (plural) {
        // "in minutes", "within hours": a vague promise.
        vague = unit === 'minute' || unit === 'second' ? 'short' : 'soon'
        n = unit === 'minute' ? 15 : 3
      } else n = 1
    }
    if ((a === 'a' || a === 'an') && (unit === 'minute' || unit === 'second') && b === undefined) {
      vague = 'short'
    }
    if (/^(?:a few|few|several)$/.test((a ?? '').replace(/\s+/g, ' ')) && unit === 'minute') n = 15
    // "half an hour": the number word already holds the half.
    out.durations.push({ start: m.index, end: m.index + all!.length, n, unit, ...(vague ? { vague } : {}) })
  }
  EN_fromNow.lastIndex = 0
  while ((m = EN_fromNow.exec(s))) {
    const { unit } = enUnit(m[2]!)
    out.durations.push({ start: m.index, end: m.index + m[0].length, n: number(m[1]) ?? 1, unit })
  }
  EN_giveMe.lastIndex = 0
  while ((m = EN_giveMe.exec(s))) {
    const { unit } = enUnit((m[2] ?? m[4])!)
    out.durations.push({ start: m.index, end: m.index + m[0].length, n: number(m[1] ?? m[3]) ?? 1, unit })
  }

  // Days.
  EN_today.lastIndex = 0
  while ((m = EN_today.exec(s))) {
    out.days.push({ start: m.index, end: m.index + m[0].length, plus: 0 })
    const part = m[1] as Part | undefined
    if (part) out.parts.push({ start: m.index, end: m.index + m[0].length, part })
    if (/tonight/.test(m[0])) out.parts.push({ start: m.index, end: m.index + m[0].length, part: 'evening' })
  }
  EN_tomorrow.lastIndex = 0
  while ((m = EN_tomorrow.exec(s))) {
    out.days.push({ start: m.index, end: m.index + m[0].length, plus: m[1] ? 2 : 1 })
    const w = m[2]
    if (w) out.parts.push({ start: m.index, end: m.index + m[0].length, part: w === 'night' ? 'evening' : w === 'midday' ? 'noon' : (w as Part) })
  }
  EN_weekday.lastIndex = 0
  while ((m = EN_weekday.exec(s))) {
    const plus = weekdayPlus(c, WEEKDAYS_EN.indexOf(m[2]!), m[1] === 'next')
    out.days.push({ start: m.index, end: m.index + m[0].length, plus })
    const w = m[3]
    if (w) out.parts.push({ start: m.index, end: m.index + m[0].length, part: w === 'night' ? 'evening' : (w as Part) })
  }
  EN_firstThing.lastIndex = 0
  while ((m = EN_firstThing.exec(s))) out.parts.push({ start: m.index, end: m.index + m[0].length, part: 'morning' })
  EN_abbr.lastIndex = 0
  while ((m = EN_abbr.exec(s))) {
    out.days.push({ start: m.index, end: m.index + m[0].length, plus: weekdayPlus(c, WEEKDAY_ABBR[m[2]!]!, m[1] === 'next') })
  }
  EN_week.lastIndex = 0
  while ((m = EN_week.exec(s))) {
    const next = m[2] === 'next' || m[2] === 'the coming'
    const plus = endOfWeekPlus(c, next ? 1 : 0)
    out.absolutes.push({ start: m.index, end: m.index + m[0].length, at: endOfLocalDay(c, plus) })
  }
  EN_month.lastIndex = 0
  while ((m = EN_month.exec(s))) out.absolutes.push({ start: m.index, end: m.index + m[0].length, at: endOfMonth(c, m[1] ? 1 : 0) })

  // Dates: "8 May", "May 8th", "Oct 10".
  EN_dm.lastIndex = 0
  while ((m = EN_dm.exec(s))) {
    const plus = dateDiffDays(c, MONTHS_EN[m[2]!]!, Number(m[1]))
    if (plus !== undefined) out.days.push({ start: m.index, end: m.index + m[0].length, plus })
  }
  EN_md.lastIndex = 0
  while ((m = EN_md.exec(s))) {
    if (m[1] === 'may' && !/\d/.test(m[2]!)) continue
    const plus = dateDiffDays(c, MONTHS_EN[m[1]!]!, Number(m[2]))
    if (plus !== undefined) out.days.push({ start: m.index, end: m.index + m[0].length, plus })
  }

  EN_dayOfMonth.lastIndex = 0
  while ((m = EN_dayOfMonth.exec(s))) {
    const plus = dayOfMonthPlus(c, Number(m[1]))
    if (plus !== undefined) out.days.push({ start: m.index, end: m.index + m[0].length, plus })
  }

  // Clock times.
  EN_ampm.lastIndex = 0
  while ((m = EN_ampm.exec(s))) {
    const h = Number(m[1])
    if (h < 1 || h > 12) continue
    // In Arabizi "3am" is the Levantine progressive particle «عم», not three in the morning.
    if (arabizi && /^\dam$/.test(m[0])) continue
    out.clocks.push({ start: m.index, end: m.index + m[0].length, h, m: Number(m[2] ?? 0), mer: m[3]!.startsWith('a') ? 'am' : 'pm' })
  }
  EN_h24.lastIndex = 0
  while ((m = EN_h24.exec(s))) out.clocks.push({ start: m.index, end: m.index + m[0].length, h: Number(m[1]), m: Number(m[2]) })
  // "between 9 and 11", "from 2 to 4pm": the later hour is the limit.
  EN_range.lastIndex = 0
  while ((m = EN_range.exec(s))) {
    const h = Number(m[3])
    if (h < 1 || h > 24 || m[5]) continue // with am/pm the clock pattern above already has it
    out.clocks.push({ start: m.index, end: m.index + m[0].length, h, m: Number(m[4] ?? 0) })
  }
  EN_named.lastIndex = 0
  while ((m = EN_named.exec(s))) {
    if (m[1] === 'midnight') out.parts.push({ start: m.index, end: m.index + m[0].length, part: 'evening' })
    else out.clocks.push({ start: m.index, end: m.index + m[0].length, h: 12, m: 0, mer: 'pm' })
  }
  EN_lunch.lastIndex = 0
  while ((m = EN_lunch.exec(s))) out.clocks.push({ start: m.index, end: m.index + m[0].length, h: 2, m: 0, mer: 'pm' })
  EN_oclock.lastIndex = 0
  while ((m = EN_oclock.exec(s))) out.clocks.push({ start: m.index, end: m.index + m[0].length, h: Number(m[1]), m: 0 })
  EN_bare.lastIndex = 0
  while ((m = EN_bare.exec(s))) {
    const h = Number(m[1])
    if (h >= 1 && h <= 12) out.clocks.push({ start: m.index, end: m.index + m[0].length, h, m: 0 })
  }
}

function scanArabic(s: string, c: Clock, out: Scan, latin: boolean, arabic: boolean): void {
  if (!latin && !arabic) return
  // «هلأ» (now) normalises to هلء (a word-final أ keeps its hamza), so the Gulf greeting «هلا» is never read as "now".
  let m: RegExpExecArray | null

  // Vague.
  if (arabic) {
    AR_short.lastIndex = 0
    while ((m = AR_short.exec(s))) {
      out.vague.push({ start: m.index, end: m.index + m[0].length, kind: 'short' })
    }
  }
  if (arabic) {
    AR_soon.lastIndex = 0
    while ((m = AR_soon.exec(s))) out.vague.push({ start: m.index, end: m.index + m[0].length, kind: 'soon' })
  }
  if (latin) {
    AR_shortAz.lastIndex = 0
    while ((m = AR_shortAz.exec(s))) out.vague.push({ start: m.index, end: m.index + m[0].length, kind: 'short' })
  }
  if (latin) {
    AR_soonAz.lastIndex = 0
    while ((m = AR_soonAz.exec(s))) out.vague.push({ start: m.index, end: m.index + m[0].length, kind: 'soon' })
  }

  // Fractions of an hour.
  if (arabic) {
    AR_frac.lastIndex = 0
    while ((m = AR_frac.exec(s))) {
      const minutes = m[1] === 'ربع' ? 15 : m[1] ? 30 : m[2] === 'الا ربع' || /الا/.test(m[2] ?? '') ? 45 : 90
      out.durations.push({ start: m.index, end: m.index + m[0].length, n: minutes, unit: 'minute' })
    }
  }
  // "خلال ٢٤ ساعة", "خلال ساعتين", "خلال ثلاثة أيام عمل", "خلال ٣-٥ أيام".
  if (arabic) {
    AR_dur.lastIndex = 0
    while ((m = AR_dur.exec(s))) {
      const [all, a, plusWord, b, unitWord, work] = m
      const u = arUnit(unitWord!)
      if (!u) continue
      let n = u.count ?? 1
      if (a !== undefined) n = (number(a) ?? 1) + (number(plusWord) ?? 0)
      if (b !== undefined) n = Math.max(n, number(b) ?? n)
      if (/^(?:كم|كام)$/.test(a ?? '') && u.unit === 'minute') n = 10
      // A plural with no number ("within minutes", «خلال دقايق», «خلال أيام») is a few, as "a few minutes" is.
      if (a === undefined && u.count === undefined && /^(?:دقاي|دقائ|ساعات|ايام|اسابيع|اشهر|شهور|ثوان)/.test(unitWord!)) n = u.unit === 'minute' ? 15 : 3
      const unit: Unit = work && u.unit === 'day' ? 'businessDay' : u.unit
      out.durations.push({ start: m.index, end: m.index + all!.length, n, unit })
    }
  }
  // Arabizi: "5elal 20 de2i2a", "ba3ad sa3a", "khilal yomein".
  if (latin) {
    AR_dAz.lastIndex = 0
    while ((m = AR_dAz.exec(s))) {
      const u = arUnit(m[3]!)
      if (!u) continue
      // A bare "f sa3a" is "at (the) hour", not a duration.
      if (/^(?:f|fi|fe)\s/.test(m[0]) && m[1] === undefined) continue
      let n = u.count ?? 1
      if (m[1] !== undefined) n = number(m[1]) ?? 1
      if (m[2] !== undefined) n = Math.max(n, number(m[2]) ?? n)
      if (n === 0.5 && u.unit === 'hour') out.durations.push({ start: m.index, end: m.index + m[0].length, n: 30, unit: 'minute' })
      else out.durations.push({ start: m.index, end: m.index + m[0].length, n, unit: u.unit })
    }
  }

  // Day words.
  AR_today.lastIndex = 0
  while ((m = AR_today.exec(s))) {
    out.days.push({ start: m.index, end: m.index + m[0].length, plus: 0 })
    if (/ليل|leil|lela/.test(m[0])) out.parts.push({ start: m.index, end: m.index + m[0].length, part: 'evening' })
  }
  const afterSpans: Hit[] = []
  AR_dayAfter.lastIndex = 0
  while ((m = AR_dayAfter.exec(s))) {
    out.days.push({ start: m.index, end: m.index + m[0].length, plus: 2 })
    afterSpans.push({ start: m.index, end: m.index + m[0].length })
  }
  AR_tomorrow.lastIndex = 0
  while ((m = AR_tomorrow.exec(s))) {
    const at = m.index
    if (afterSpans.some((h) => at >= h.start && at < h.end)) continue
    out.days.push({ start: m.index, end: m.index + m[0].length, plus: 1 })
  }
  if (arabic) {
    AR_wd.lastIndex = 0
    while ((m = AR_wd.exec(s))) {
      out.days.push({ start: m.index, end: m.index + m[0].length, plus: weekdayPlus(c, WEEKDAYS_AR[m[1]!]!, m[2] !== undefined) })
    }
  }
  AR_week.lastIndex = 0
  while ((m = AR_week.exec(s))) {
    const next = m[1] !== undefined || m[2] !== undefined
    out.absolutes.push({ start: m.index, end: m.index + m[0].length, at: endOfLocalDay(c, endOfWeekPlus(c, next ? 1 : 0)) })
  }
  if (arabic) {
    AR_month.lastIndex = 0
    while ((m = AR_month.exec(s))) out.absolutes.push({ start: m.index, end: m.index + m[0].length, at: endOfMonth(c, m[1] ? 1 : 0) })
  }
  if (arabic) {
    AR_date.lastIndex = 0
    while ((m = AR_date.exec(s))) {
      const plus = dateDiffDays(c, MONTHS_AR[m[2]!]!, Number(m[1]))
      if (plus !== undefined) out.days.push({ start: m.index, end: m.index + m[0].length, plus })
    }
  }

  // Parts of the day.
  for (const [re, part] of AR_PARTS) {
    re.lastIndex = 0
    while ((m = re.exec(s))) out.parts.push({ start: m.index, end: m.index + m[0].length, part })
  }

  // Clock times: «الساعة ١٢», «الساعة العاشرة», «قبل ٦», «من ١٢ لـ ٣», «بين الساعة العاشرة والثانية عشرة».
  const pushClock = (start: number, end: number, digits?: string, mins?: string, word?: string, extra?: string) => {
    let h = digits !== undefined ? Number(digits) : AR_ORDINAL_HOURS[word ?? '']
    if (h === undefined || h > 24) return
    let min = Number(mins ?? 0)
    if (extra) {
      if (/نص/.test(extra)) min = 30
      else if (/الا/.test(extra)) {
        h = h - 1
        min = 45
      } else if (/ربع/.test(extra)) min = 15
    }
    out.clocks.push({ start, end, h, m: min })
  }
  if (arabic) {
    AR_clock.lastIndex = 0
    while ((m = AR_clock.exec(s))) pushClock(m.index, m.index + m[0].length, m[1], m[2], m[3], m[4])
  }
  // The second hour of a range: "… و(ال)ثانية عشرة", "… لـ ٣", "… الى ٥".
  if (arabic) {
    AR_rangeEnd.lastIndex = 0
    while ((m = AR_rangeEnd.exec(s))) pushClock(m.index, m.index + m[0].length, m[4], m[5], m[6])
  }
  if (arabic) {
    AR_before.lastIndex = 0
    while ((m = AR_before.exec(s))) pushClock(m.index, m.index + m[0].length, m[1], m[2])
  }
  if (latin) {
    AR_beforeAz.lastIndex = 0
    while ((m = AR_beforeAz.exec(s))) pushClock(m.index, m.index + m[0].length, m[1], m[2])
  }
  if (latin) {
    AR_atAz.lastIndex = 0
    while ((m = AR_atAz.exec(s))) pushClock(m.index, m.index + m[0].length, m[1], m[2])
  }
}

/** Resolve an hour without am/pm: the hint from a part of the day, else the first reading after now. */
function resolveClock(c: Clock, plus: number, clock: ClockHit, part: Part | undefined, anchored: boolean): number {
  let h = clock.h
  const mer = clock.mer ?? (part === 'afternoon' || part === 'evening' ? 'pm' : part === 'morning' ? 'am' : part === 'noon' ? (h < 7 || h === 12 ? 'pm' : 'am') : undefined)
  if (mer === 'pm' && h < 12) h += 12
  // "12am" is midnight; "12 in the morning" («١٢ الصبح», the end of "10 to 12 in the morning") is noon.
  else if (clock.mer === 'am' && h === 12) h = 0
  if (mer !== undefined || h > 12) {
    let t = atLocal(c, plus, h, clock.m)
    if (!anchored && t <= c.now) t += DAY
    return t
  }
  // Bare hour 1–12: on a later day, office hours (before 7 means afternoon);
  // today, whichever of h and h+12 comes next.
  if (anchored && plus > 0) return atLocal(c, plus, h < 7 ? h + 12 : h, clock.m)
  const morning = atLocal(c, plus, h === 12 ? 12 : h, clock.m)
  if (morning > c.now && h >= 7) return morning
  const evening = atLocal(c, plus, h === 12 ? 24 : h + 12, clock.m)
  if (evening > c.now) return evening
  return anchored ? evening : morning + DAY
}

/**
 * Find and resolve the deadline in a promise sentence.
 * `now` is the epoch time the promise was written.
 */
export function parseDeadline(text: string, now: number, options: DeadlineOptions = {}): Deadline | undefined {
  if (!text || !Number.isFinite(now)) return undefined
  const input = text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text
  const c: Clock = { now, offset: options.offsetMinutes ?? 0 }
  const weekend = options.weekend ?? [0, 6]
  const shortMs = options.shortMs ?? 15 * MIN
  const soonMs = options.soonMs ?? DAY

  const norm = normalise(input)
  // Lower-case ASCII only, so indices stay one-to-one with the normalised text.
  const s = norm.text.replace(/[A-Z]/g, (ch) => ch.toLowerCase())
  const scan: Scan = { durations: [], days: [], absolutes: [], clocks: [], parts: [], vague: [] }
  // Cheap character checks decide which families of patterns can match at all.
  const latin = /[a-z]/.test(s)
  const arabicLetters = /[\u0621-\u064A]/.test(s)
  const digits = /\d/.test(s)
  scanEnglish(s, c, scan, latin && /[2-9]/.test(s) && ARABIZI_WORD.test(s), latin, digits)
  // Arabic and Arabizi ("bokra", "5elal sa3a") share one pass.
  scanArabic(s, c, scan, latin, arabicLetters)

  const used: Hit[] = []
  let at: number | undefined
  let vague: VagueKind | undefined
  let basis: Deadline['basis'] = 'vague'
  let dayOffset: number | undefined
  const exact = scan.durations.filter((d) => !d.vague)
  if (exact.length > 0) {
    // Several durations ("in 2 hours … within 24 hours"): the latest is the promise's limit.
    basis = 'duration'
    for (const d of exact) {
      const t = durationDeadline(c, d.n, d.unit, weekend)
      if (at === undefined || t > at) at = t
      used.push(d)
    }
  } else if (scan.days.length > 0 || scan.absolutes.length > 0 || scan.clocks.length > 0 || scan.parts.length > 0) {
    const anchored = scan.days.length > 0
    const plus = anchored ? Math.max(...scan.days.map((d) => d.plus)) : 0
    basis = anchored ? 'day' : scan.clocks.length > 0 ? 'clock' : 'period'
    if (anchored) dayOffset = plus
    used.push(...scan.days)
    const part = scan.parts.length > 0 ? scan.parts[scan.parts.length - 1]!.part : undefined
    if (scan.clocks.length > 0) {
      for (const clock of scan.clocks) {
        const t = resolveClock(c, plus, clock, part, anchored)
        if (at === undefined || t > at) at = t
        used.push(clock)
      }
      // "12 noon", «١٢ الضهر», "6 in the evening": the part of the day belongs to the phrase.
      if (part !== undefined) used.push(...scan.parts)
    } else if (part !== undefined && (anchored || scan.absolutes.length === 0)) {
      at = PART_END[part] >= 24 ? endOfLocalDay(c, plus) : atLocal(c, plus, PART_END[part])
      // "this morning" written in the afternoon: the day's end at least.
      if (at <= now) at = endOfLocalDay(c, plus)
      used.push(...scan.parts)
    } else if (anchored) {
      at = endOfLocalDay(c, plus)
    }
    for (const a of scan.absolutes) {
      if (at === undefined || (!anchored && a.at > at)) at = a.at
      used.push(a)
    }
  } else if (scan.durations.length > 0 || scan.vague.length > 0) {
    const v = [...scan.durations, ...scan.vague].sort((x, y) => x.start - y.start)[0]!
    vague = 'kind' in v ? (v as { kind: VagueKind }).kind : (v as DurationHit).vague ?? 'soon'
    at = now + (vague === 'short' ? shortMs : soonMs)
    used.push(v)
  }
  // A time already past is a report ("today at 9am we called you"), not a deadline.
  if (at === undefined || used.length === 0 || at <= now) return undefined
  const start = norm.map[Math.min(...used.map((u) => u.start))]!
  const endNorm = Math.max(...used.map((u) => u.end))
  let end = endNorm >= norm.text.length ? input.length : norm.map[endNorm - 1]! + 1
  // Take along the marks normalising dropped (ظهراً).
  while (end < input.length && /[\u064B-\u065F\u0670\u0640]/.test(input[end]!)) end++
  return { at, basis, ...(dayOffset !== undefined ? { dayOffset } : {}), vague: vague !== undefined, ...(vague ? { vagueKind: vague } : {}), start, end, text: input.slice(start, end) }
}

// ---------------------------------------------------------------------------
// Formatting for messages

/** "18 min", "3 h 10 min", "2 days 4 h" (or Arabic). */
export function formatDuration(ms: number, arabic = false): string {
  const totalMin = Math.max(0, Math.round(ms / MIN))
  const d = Math.floor(totalMin / (24 * 60))
  const h = Math.floor((totalMin % (24 * 60)) / 60)
  const m = totalMin % 60
  const parts: string[] = []
  if (arabic) {
    // Arabic counted nouns: 1 and 2 have their own forms, 3–10 take the plural, 11 and up the singular.
    const counted = (n: number, one: string, two: string, plural: string) =>
      n === 1 ? one : n === 2 ? two : n <= 10 ? `${n} ${plural}` : `${n} ${one}`
    if (d) parts.push(counted(d, 'يوم', 'يومين', 'أيام'))
    if (h) parts.push(counted(h, 'ساعة', 'ساعتين', 'ساعات'))
    if (m && !d) parts.push(counted(m, 'دقيقة', 'دقيقتين', 'دقائق'))
    return parts.join(' و') || 'أقل من دقيقة'
  }
  if (d) parts.push(`${d} day${d > 1 ? 's' : ''}`)
  if (h) parts.push(`${h} h`)
  if (m && !d) parts.push(`${m} min`)
  return parts.join(' ') || 'under a minute'
}

const DAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const DAYS_AR = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت']

/** A deadline in the writer's local time: "17:00", or "Fri 23:59" when on another day. */
export function formatLocal(at: number, from: number, offsetMinutes: number, arabic = false): string {
  const c: Clock = { now: at, offset: offsetMinutes }
  const p = localParts(c)
  const q = localParts({ now: from, offset: offsetMinutes })
  const time = `${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`
  const sameDay = p.y === q.y && p.m === q.m && p.d === q.d
  if (sameDay) return time
  const date = `${p.d}/${p.m + 1}`
  return arabic ? `${DAYS_AR[p.dow]} ${date} ${time}` : `${DAYS_SHORT[p.dow]} ${date} ${time}`
}
