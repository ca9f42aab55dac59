import { describe, expect, it } from 'vitest'
import { createAnalyser } from '../../src/text/analysis.js'
import { toTranscript, type TestConversation } from '../../src/testing/rule-tester.js'
import type { Report } from '../../src/types.js'
import rule from './index.js'

function run(conversation: TestConversation, locale?: 'en' | 'ar'): Report[] {
  const transcript = toTranscript(conversation)
  const out: Report[] = []
  rule.check({ transcript, options: rule.meta.defaultOptions as never, analyse: createAnalyser(transcript), report: (r) => out.push(r), locale, since: 0 })
  return out
}

const en: TestConversation = {
  channel: 'chat',
  turns: [
    { role: 'customer', at: '2024-03-04T09:14:00-05:00', text: 'none of my invoices have gone out' },
    { role: 'agent', at: '2024-03-04T09:16:00-05:00', text: "I'll update you in 10 minutes." },
    { role: 'customer', at: '2024-03-04T09:34:00-05:00', text: 'hello?? still waiting' }
  ]
}
const ar: TestConversation = {
  channel: 'messaging',
  turns: [
    { role: 'customer', at: '2024-07-19T16:00:00+03:00', text: 'ليش انخصم مني؟' },
    { role: 'agent', at: '2024-07-19T16:40:00+03:00', text: 'منرد عليك خلال نص ساعة.' },
    { role: 'customer', at: '2024-07-19T18:00:00+03:00', text: 'وينكم؟ ما حدا رد' }
  ]
}
const arabic = /[\u0600-\u06FF]/

describe('unkept-promise honours a forced message language', () => {
  it('writes Arabic coaching for an English promise when the locale is ar', () => {
    const [plain] = run(en)
    const [f] = run(en, 'ar')
    expect(plain!.note).not.toMatch(arabic)
    expect(f!.note).toMatch(arabic)
    expect(f!.expected!.join(' ')).toMatch(arabic)
    expect({ ...f, reason: '', note: '', expected: [] }).toEqual({ ...plain, reason: '', note: '', expected: [] })
  })

  it('writes English coaching for an Arabic promise when the locale is en', () => {
    const [plain] = run(ar)
    const [f] = run(ar, 'en')
    expect(plain!.note).toMatch(/^تابع العميل/)
    // The note quotes the customer's own (Arabic) words; the coaching around them is English.
    expect(f!.note).toMatch(/^The customer chased it/)
    expect(f!.reason).toMatch(/^Promise not kept/)
    expect(f!.expected!.join(' ')).not.toMatch(arabic)
    expect({ ...f, reason: '', note: '', expected: [] }).toEqual({ ...plain, reason: '', note: '', expected: [] })
  })
})
