import rule, { formatDuration, limitMillis } from './index.js'
import { businessMillis } from './business-time.js'
import { RuleTester, runRule } from '../../src/testing/rule-tester.js'

const at = (hhmmss: string, day = '2025-02-03', zone = 'Z') => `${day}T${hhmmss}${zone}`

new RuleTester().run('slow-reply', rule, {
  valid: [
    {
      name: 'chat answered within two minutes',
      conversation: { channel: 'chat', turns: [{ role: 'customer', text: 'Hi, my order is late', at: at('09:00:00') }, { role: 'agent', text: 'Sorry to hear that!', at: at('09:02:00') }] }
    },
    {
      name: 'voice is never judged',
      conversation: { channel: 'voice', turns: [{ role: 'customer', text: 'hello', at: at('09:00:00') }, { role: 'agent', text: 'hi', at: at('12:00:00') }] }
    },
    {
      name: 'missing timestamps are not judged',
      conversation: { channel: 'chat', turns: [{ role: 'customer', text: 'hello' }, { role: 'agent', text: 'hi', at: at('12:00:00') }] }
    },
    {
      name: 'the wait is measured from the first waiting message, and a quick reply to it is fine',
      conversation: {
        channel: 'chat',
        turns: [
          { role: 'customer', text: 'hello', at: at('09:00:00') },
          { role: 'agent', text: 'hi, how can I help?', at: at('09:00:30') },
          { role: 'customer', text: 'my invoice', at: at('09:10:00') },
          { role: 'system', text: 'Chat transferred', at: at('09:10:30') },
          { role: 'agent', text: 'Let me look', at: at('09:11:00') }
        ]
      }
    },
    {
      name: 'a configured longer limit',
      options: { limits: { chat: '10m' } },
      conversation: { channel: 'chat', turns: [{ role: 'customer', text: 'hello', at: at('09:00:00') }, { role: 'agent', text: 'hi', at: at('09:07:00') }] }
    },
    {
      name: 'a wait outside business hours does not count',
      options: { businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Asia/Riyadh' } },
      conversation: {
        channel: 'messaging',
        // 23:00 Riyadh on Monday → 09:05 Riyadh on Tuesday: 5 business minutes.
        turns: [{ role: 'customer', text: 'مرحبا', at: '2025-02-03T23:00:00+03:00' }, { role: 'agent', text: 'أهلاً', at: '2025-02-04T09:05:00+03:00' }]
      }
    }
  ],
  invalid: [
    {
      name: 'chat answered after three minutes',
      conversation: { channel: 'chat', turns: [{ role: 'customer', text: 'hello?', at: at('09:00:00') }, { role: 'agent', text: 'hi', at: at('09:03:00') }] },
      errors: [{ turn: 1, reason: '3 min' }]
    },
    {
      name: 'several customer messages: measured from the first still waiting',
      conversation: {
        channel: 'messaging',
        turns: [
          { role: 'customer', text: 'is anyone there', at: at('09:00:00') },
          { role: 'customer', text: 'hello??', at: at('09:14:00') },
          { role: 'bot', text: 'An agent will be with you shortly', at: at('09:16:00') }
        ]
      },
      errors: [{ turn: 2, reason: '16 min' }]
    },
    {
      name: 'Arabic reply gets an Arabic message',
      conversation: { channel: 'social', turns: [{ role: 'customer', text: 'وين طلبي؟', at: at('09:00:00') }, { role: 'agent', text: 'نعتذر عن التأخير', at: at('11:00:00') }] },
      errors: [{ turn: 1, reason: 'انتظر العميل' }]
    },
    {
      name: 'business hours: a long wait inside them',
      options: { businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/London' } },
      conversation: { channel: 'email', turns: [{ role: 'customer', text: 'Refund?', at: '2025-02-03T10:00:00Z' }, { role: 'agent', text: 'Done', at: '2025-02-07T10:00:00Z' }] },
      errors: [{ turn: 1 }]
    }
  ]
})

describe('slow-reply messages', () => {
  it('follow a forced locale', async () => {
    const { runRules } = await import('../../src/engine/run-rules.js')
    const { toTranscript } = await import('../../src/testing/rule-tester.js')
    const t = toTranscript({ channel: 'chat', turns: [{ role: 'customer', text: 'hello?', at: at('09:00:00') }, { role: 'agent', text: 'hi', at: at('09:03:00') }] })
    const active = [{ rule, severity: 'warn' as const, options: rule.meta.defaultOptions ?? {} }]
    expect(runRules(t, active, { locale: 'ar' })[0]!.reason).toMatch(/انتظر العميل .* المحادثة المباشرة/)
    expect(runRules(t, active)[0]!.reason).toMatch(/The customer waited/)
  })
})

describe('slow-reply helpers', () => {
  it('reads durations', () => {
    expect(limitMillis('2m')).toBe(120_000)
    expect(limitMillis('24h')).toBe(86_400_000)
    expect(limitMillis(90)).toBe(90_000)
    expect(limitMillis(false)).toBeUndefined()
  })
  it('formats durations', () => {
    expect(formatDuration(6_300_000)).toBe('1 h 45 min')
    expect(formatDuration(455_000)).toBe('7 min 35 s')
  })
  it('counts business time across a weekend and a DST change', () => {
    // Friday 16:00 → Monday 10:00 in London (Mon–Fri 09–17): 1 h + 1 h.
    expect(businessMillis(Date.parse('2025-03-28T16:00:00Z'), Date.parse('2025-03-31T09:00:00Z'), { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/London' })).toBe(2 * 3_600_000)
  })
  it('rejects bad options with a clear message', () => {
    expect(() => runRule(rule, { turns: [] }, { limits: { chat: '2 fortnights' } })).toThrow(/limits\.chat/)
    expect(() => runRule(rule, { turns: [] }, { speed: 1 })).toThrow(/unknown option "speed"/)
  })
})
