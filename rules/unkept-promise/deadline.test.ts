import { formatDuration, formatLocal, parseDeadline, utcOffsetMinutes } from './deadline.js'

/** Parse `text` as written at the ISO time `at`, returning the deadline as local ISO (same offset) or 'none'. */
function due(text: string, at: string, options: { weekend?: number[] } = {}): string {
  const now = Date.parse(at)
  const offset = utcOffsetMinutes(at) ?? 0
  const d = parseDeadline(text, now, { offsetMinutes: offset, ...options })
  if (!d) return 'none'
  const local = new Date(d.at + offset * 60_000).toISOString().slice(0, 16)
  return d.vague ? `${local} (vague)` : local
}

describe('utcOffsetMinutes', () => {
  it.each([
    ['2024-03-04T09:14:07-05:00', -300],
    ['2024-03-04T09:14:07+0530', 330],
    ['2024-03-04T09:14:07Z', 0],
    ['2024-03-04T09:14:07', 0],
    ['', undefined],
    [undefined, undefined]
  ])('%s → %s', (at, expected) => expect(utcOffsetMinutes(at)).toBe(expected))
})

describe('parseDeadline — English relative times', () => {
  const at = '2024-03-04T09:16:00-05:00' // a Monday
  it.each([
    ["I'll update you in 10 minutes", '2024-03-04T09:26'],
    ["I'll ring you at 12am", '2024-03-05T00:00'],
    ['I will call you back within the hour.', '2024-03-04T10:16'],
    ['within the next hour', '2024-03-04T10:16'],
    ['within half an hour', '2024-03-04T09:46'],
    ["you'll hear from us within 24 hours", '2024-03-05T09:16'],
    ['we will reply in 24-48 hours', '2024-03-06T09:16'],
    ['in 2 hrs', '2024-03-04T11:16'],
    ['I’ll be back in two minutes', '2024-03-04T09:18'],
    ['in a few minutes', '2024-03-04T09:31'],
    ['within 3 days', '2024-03-07T23:59'],
    ['in a day or two', '2024-03-06T23:59'],
    ['within a week', '2024-03-11T23:59'],
    ['3 hours from now', '2024-03-04T12:16']
  ])('%s', (text, expected) => expect(due(text, at)).toBe(expected))

  it('counts business days over a weekend', () => {
    // Thursday + 2 business days = Monday (Sat/Sun skipped).
    expect(due('a revised bill within 2 business days', '2024-07-25T08:50:00-07:00')).toBe('2024-07-29T23:59')
    // Wednesday + 2: Friday with a Sat/Sun weekend, Sunday with a Fri/Sat one.
    expect(due('within 2 working days', '2024-07-24T08:50:00+03:00')).toBe('2024-07-26T23:59')
    expect(due('within 2 working days', '2024-07-24T08:50:00+03:00', { weekend: [5, 6] })).toBe('2024-07-28T23:59')
  })
})

describe('parseDeadline — English day words and clock times', () => {
  const at = '2024-05-07T16:05:00+01:00' // a Tuesday
  it.each([
    ['by end of day', '2024-05-07T23:59'],
    ['later today', '2024-05-07T23:59'],
    ['tonight', '2024-05-07T23:59'],
    ['by EOD', '2024-05-07T23:59'],
    ['tomorrow', '2024-05-08T23:59'],
    ['tomorrow morning', '2024-05-08T12:00'],
    ['the day after tomorrow', '2024-05-09T23:59'],
    ['tomorrow, 8 May, between 8am and 12pm', '2024-05-08T12:00'],
    ['by 6pm today', '2024-05-07T18:00'],
    ['by 5 pm', '2024-05-07T17:00'],
    ['at 9:30 am', '2024-05-08T09:30'],
    ['by 11:00 AM Pacific', '2024-05-08T11:00'],
    ['by noon tomorrow', '2024-05-08T12:00'],
    ['tomorrow between 9 and 11', '2024-05-08T11:00'],
    ['on Friday from 2 to 4', '2024-05-10T16:00'],
    ['by Friday', '2024-05-10T23:59'],
    ['on Tuesday', '2024-05-14T23:59'],
    ['next Friday', '2024-05-17T23:59'],
    ['by Thursday, May 9', '2024-05-09T23:59'],
    ['next week', '2024-05-19T23:59'],
    ['by the end of the week', '2024-05-12T23:59'],
    ['by the end of the month', '2024-05-31T23:59'],
    ['by the 10th', '2024-05-10T23:59'],
    ['on the 3rd', '2024-06-03T23:59'],
    ['before the 7th', '2024-05-07T23:59'],
    ['by end of play', '2024-05-07T23:59'],
    ['by lunchtime', '2024-05-08T14:00'],
    ['by lunch tomorrow', '2024-05-08T14:00']
  ])('%s', (text, expected) => expect(due(text, at)).toBe(expected))

  it('reads a bare hour as the next time it comes round', () => {
    expect(due("I'll ring you by 6", '2024-05-07T10:00:00+01:00')).toBe('2024-05-07T18:00')
    expect(due("I'll ring you by 9", '2024-05-07T08:00:00+01:00')).toBe('2024-05-07T09:00')
  })

  it('resolves day words in the writer’s own offset', () => {
    // 23:30 on Monday in New York is already Tuesday in UTC; "tomorrow" is still Tuesday there.
    expect(due('I will call you tomorrow', '2024-03-04T23:30:00-05:00')).toBe('2024-03-05T23:59')
    // The same instant written from Tokyo: "tomorrow" is Wednesday there.
    expect(due('I will call you tomorrow', '2024-03-05T13:30:00+09:00')).toBe('2024-03-06T23:59')
  })

  it('rolls a past date into next year', () => {
    expect(due('by 5 Jan', '2024-12-28T10:00:00Z')).toBe('2025-01-05T23:59')
  })
})

describe('parseDeadline — vague promises', () => {
  const at = '2024-03-04T10:00:00Z'
  it.each([
    ["we'll be with you shortly", '2024-03-04T10:15 (vague)'],
    ['I will get back to you soon', '2024-03-05T10:00 (vague)'],
    ['as soon as possible', '2024-03-05T10:00 (vague)'],
    ['in a moment', '2024-03-04T10:15 (vague)'],
    ['in a minute', '2024-03-04T10:15 (vague)']
  ])('%s', (text, expected) => expect(due(text, at)).toBe(expected))

  it('uses the windows it is given', () => {
    const d = parseDeadline('soon', Date.parse(at), { soonMs: 3_600_000 })
    expect(d?.at).toBe(Date.parse(at) + 3_600_000)
    expect(d?.vagueKind).toBe('soon')
  })

  it('prefers a stated time to a vague word', () => {
    expect(due("I'll get back to you as soon as possible, within 2 hours", at)).toBe('2024-03-04T12:00')
  })
})

describe('parseDeadline — Arabic and Arabizi', () => {
  const at = '2024-03-09T17:31:00+02:00' // a Saturday
  it.each([
    ['هرد عليك خلال ١٠ دقايق', '2024-03-09T17:41'],
    ['رح يجيك فني بكرا بين ١٠ و ١٢ الصبح', '2024-03-10T12:00'],
    ['سنتواصل معك خلال ٢٤ ساعة', '2024-03-10T17:31'],
    ['ومنرد عليك خلال نص ساعة', '2024-03-09T18:01'],
    ['رح توصلك رسالة خلال ساعتين', '2024-03-09T19:31'],
    ['خلال ربع ساعة', '2024-03-09T17:46'],
    ['هكلم حضرتك بكرة الساعة ١٢ الضهر', '2024-03-10T12:00'],
    ['بكره الصبح', '2024-03-10T12:00'],
    ['بكرا', '2024-03-10T23:59'],
    ['باكر', '2024-03-10T23:59'],
    ['بعد بكرة', '2024-03-11T23:59'],
    ['اليوم', '2024-03-09T23:59'],
    ['قبل نهاية الدوام', '2024-03-09T23:59'],
    ['الليلة', '2024-03-09T23:59'],
    ['يوم الثلاثاء ١٢ مارس بين الساعة العاشرة والثانية عشرة ظهراً', '2024-03-12T12:00'],
    ['الخميس الجاي', '2024-03-21T23:59'],
    ['الأسبوع الجاي', '2024-03-17T23:59'],
    ['قبل الساعة ٦ المسا', '2024-03-09T18:00'],
    ['بكرة من ١٢ لـ ٣', '2024-03-10T15:00'],
    ['بعد يومين', '2024-03-11T23:59'],
    ['خلال ثلاثة أيام', '2024-03-12T23:59']
  ])('%s', (text, expected) => expect(due(text, at)).toBe(expected))

  it('reads a plural with no number as a few', () => {
    expect(due('خلال دقايق بيوصلك الرابط', '2024-05-07T10:05:00+03:00')).toBe('2024-05-07T10:20')
    expect(due('خلال ساعات', '2024-05-07T10:05:00+03:00')).toBe('2024-05-07T13:05')
  })

  it('counts working days with the weekend it is given', () => {
    // Sunday + 3 working days with a Fri/Sat weekend = Wednesday.
    expect(due('خلال ثلاثة أيام عمل', '2024-04-14T16:00:00+03:00', { weekend: [5, 6] })).toBe('2024-04-17T23:59')
  })

  it.each([
    ['hayewsal 5elal 20 de2i2a', '2024-03-09T17:51'],
    ['nrje3 lik lyoum 9bel 6 d l3chiya', '2024-03-09T18:00'],
    ['w ba3ad sa3a ma ykoon aku ay mushkila', '2024-03-09T18:31'],
    ['inshallah bokra', '2024-03-10T23:59'],
    ['5elal sa3tein', '2024-03-09T19:31']
  ])('%s', (text, expected) => expect(due(text, at)).toBe(expected))

  it.each([
    ['بعد شوي بكلمك', '2024-03-09T17:46 (vague)'],
    ['سيتواصل معك أحد موظفينا قريباً', '2024-03-10T17:31 (vague)'],
    ['رح نحكيك هلأ', '2024-03-09T17:46 (vague)']
  ])('vague: %s', (text, expected) => expect(due(text, at)).toBe(expected))

  it('does not read the Gulf greeting «هلا» as "now"', () => {
    expect(due('هلا والله، كيف أقدر أساعدك', at)).toBe('none')
  })

  it('does not take an amount or a count of days for a clock time', () => {
    expect(due('قبل 30 يوم', at)).toBe('none')
    expect(due('المبلغ قبل 50 ريال', at)).toBe('none')
  })
})

describe('parseDeadline — no deadline', () => {
  it.each([
    "I'll look into it",
    'Thanks for your patience',
    'We have 24/7 support',
    'Order 12345 has 3 items',
    'it usually takes from 2 to 4 days',
    'سنتواصل معك',
    '',
    'المبلغ ١٥٠ ريال',
    'Your room is on the 3rd floor',
    'It worked on the 2nd try'
  ])('%s', (text) => expect(due(text, '2024-03-04T10:00:00Z')).toBe('none'))

  it('returns the span of the time expression in the original text', () => {
    const text = 'Thanks Dana. I’ll update you in 10 minutes with where it stands.'
    const d = parseDeadline(text, Date.parse('2024-03-04T09:16:00-05:00'))!
    expect(text.slice(d.start, d.end)).toBe('in 10 minutes')
    const ar = 'وهبعتلك تحديث هنا خلال ساعة بالظبط'
    const e = parseDeadline(ar, Date.parse('2024-12-05T09:19:00+02:00'))!
    expect(ar.slice(e.start, e.end)).toBe('خلال ساعة')
  })

  // A hang fails on the test timeout; none of it is a deadline.
  it('finishes on hostile input', () => {
    const hostile = 'in '.repeat(20_000) + 'within '.repeat(10_000) + '١'.repeat(10_000) + 'بعد '.repeat(10_000)
    expect(parseDeadline(hostile, Date.now())).toBeUndefined()
  })
})

describe('formatting', () => {
  it('formats durations', () => {
    expect(formatDuration(18 * 60_000)).toBe('18 min')
    expect(formatDuration(3 * 3_600_000 + 10 * 60_000)).toBe('3 h 10 min')
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000)).toBe('2 days 4 h')
    expect(formatDuration(2 * 3_600_000, true)).toBe('ساعتين')
    expect(formatDuration(17 * 3_600_000 + 23 * 60_000, true)).toBe('17 ساعة و23 دقيقة')
    expect(formatDuration(5 * 86_400_000, true)).toBe('5 أيام')
  })
  it('formats local times', () => {
    const from = Date.parse('2024-03-04T09:16:00-05:00')
    expect(formatLocal(from + 10 * 60_000, from, -300)).toBe('09:26')
    expect(formatLocal(from + 86_400_000, from, -300)).toBe('Tue 5/3 09:16')
  })
})
