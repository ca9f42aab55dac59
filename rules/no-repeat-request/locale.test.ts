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

const en: TestConversation = { turns: [{ role: 'customer', text: 'Hi, order 55120 arrived with a cracked lid.' }, { role: 'agent', text: 'Could you send me your order number?' }] }
const ar: TestConversation = { turns: [{ role: 'customer', text: 'رقم الحجز HX42P9' }, { role: 'agent', text: 'شو رقم الحجز؟' }] }
const arabic = /[\u0600-\u06FF]/
const bare = (r: Report) => ({ ...r, reason: '', note: '', expected: [] })

describe('no-repeat-request honours a forced message language', () => {
  it('writes Arabic coaching for an English request when the locale is ar', () => {
    const [plain] = run(en)
    const [f] = run(en, 'ar')
    expect(plain!.note).not.toMatch(arabic)
    expect(f!.note).toMatch(arabic)
    expect(f!.expected!.join(' ')).toMatch(arabic)
    expect(bare(f!)).toEqual(bare(plain!))
  })

  it('writes English coaching for an Arabic request when the locale is en', () => {
    const [plain] = run(ar)
    const [f] = run(ar, 'en')
    expect(plain!.note).toMatch(arabic)
    expect(f!.note).not.toMatch(arabic)
    expect(f!.reason).toMatch(/^Asks /)
    expect(bare(f!)).toEqual(bare(plain!))
  })
})
