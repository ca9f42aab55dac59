import { applySuggestion, createLinter, defineRule, DraftInputError, lintDraft, verdictOf, type DraftConversation, type DraftMessage } from '../../src/index.js'

const T0 = Date.parse('2025-03-03T10:00:00Z')
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString()

const complaint: DraftConversation = {
  id: 'c-1',
  channel: 'chat',
  turns: [
    { role: 'customer', author: 'Dana', at: at(0), text: 'Hi, my parcel for order 44113 has not arrived and it was due on Monday.' },
    { role: 'agent', author: 'Sara', at: at(1), text: "I'm sorry about the delay, Dana. Let me look into it." },
    { role: 'customer', author: 'Dana', at: at(2), text: 'Thanks. Where is it?' }
  ]
}

const ids = (messages: DraftMessage[]) => messages.map((m) => m.ruleId)

describe('lintDraft', () => {
  it('finds a dead end in the draft, with offsets, line and column in the draft', () => {
    const draft = "Thanks for waiting.\nHonestly, I don't know."
    const result = lintDraft({ conversation: complaint, draft, at: at(3), author: 'Sara' })
    expect(result.turn).toBe(3)
    const m = result.messages.find((x) => x.ruleId === 'no-dead-end')!
    expect(m).toBeDefined()
    expect(m.onDraft).toBe(true)
    expect(draft.slice(m.start, m.end)).toBe("I don't know")
    expect(m.excerpt).toBe("I don't know")
    expect([m.line, m.column, m.endLine, m.endColumn]).toEqual([2, 11, 2, 23])
    expect(m.severity).toBe('warn')
    expect(m.confidence).toBeGreaterThan(0.5)
    expect(m.url).toMatch(/no-dead-end/)
    expect(m.fix).toEqual({ kind: 'replace', start: 30, end: 42, text: "I don't know" })
    expect(result.verdict).toBe('review')
    // Each suggestion comes with the corrected draft.
    const s = result.suggestions.find((x) => x.ruleId === 'no-dead-end')!
    expect(s.result).toBe(applySuggestion(draft, m, s.index))
    expect(s.result.startsWith('Thanks for waiting.\nHonestly, ')).toBe(true)
    expect(s.result).not.toContain("I don't know")
  })

  it('a draft with nothing wrong is sendable', () => {
    const result = lintDraft({ conversation: complaint, draft: "I've checked with the courier: it's out for delivery and will reach you by 6 pm today. I'll message you here if anything changes.", at: at(3) })
    expect(result.messages).toEqual([])
    expect(result.suggestions).toEqual([])
    expect(result.verdict).toBe('send')
  })

  it('judges a joke by the context: fine after the customer joked, flagged when unprompted', () => {
    const draft = 'haha cats are the best 😂 let me check the parcel now.'
    const joked: DraftConversation = { channel: 'chat', turns: [{ role: 'customer', at: at(0), text: 'lol my cat walked on the keyboard haha, anyway where is my parcel?' }] }
    expect(ids(lintDraft({ conversation: joked, draft, at: at(1) }).messages)).not.toContain('no-unprompted-joke')
    const plain: DraftConversation = { channel: 'chat', turns: [{ role: 'customer', at: at(0), text: 'Where is my parcel?' }] }
    const flagged = lintDraft({ conversation: plain, draft, at: at(1) }).messages.find((m) => m.ruleId === 'no-unprompted-joke')
    expect(flagged?.onDraft).toBe(true)
  })

  it('catches a request for what the customer already gave', () => {
    const conversation: DraftConversation = { channel: 'chat', turns: [{ role: 'customer', at: at(0), text: 'My email is dana@example.com, can you check my account?' }] }
    const m = lintDraft({ conversation, draft: 'Sure! Could you send me your email address please?', at: at(1) }).messages.find((x) => x.ruleId === 'no-repeat-request')
    expect(m?.reason).toContain('dana@example.com')
    expect(m?.excerpt).toMatch(/email/)
  })

  it('finds a detail given turns before the draft, on every draft a long-lived linter checks', () => {
    const linter = createLinter()
    const conversation: DraftConversation = {
      channel: 'chat',
      turns: [
        { role: 'customer', at: at(0), text: 'My email is dana@example.com and I cannot log in.' },
        { role: 'agent', at: at(1), text: 'Thanks Dana, I am looking at the login service now.' },
        { role: 'customer', at: at(2), text: 'Still nothing on my side.' }
      ]
    }
    for (const draft of ['Could you send me your email address please?', 'Sorry, could you send me your email address?']) {
      const m = linter.lintDraft({ conversation, draft, at: at(3) }).messages.find((x) => x.ruleId === 'no-repeat-request')
      expect(m?.reason).toContain('dana@example.com')
    }
    expect(ids(linter.lintDraft({ conversation, draft: 'I have reset the login for dana@example.com.', at: at(3) }).messages)).not.toContain('no-repeat-request')
  })

  it('lets a draft joke when a customer joked turns before it, however many drafts are checked', () => {
    const linter = createLinter()
    const turns = (first: string): DraftConversation => ({
      channel: 'chat',
      turns: [
        { role: 'customer', at: at(0), text: first },
        { role: 'agent', at: at(1), text: 'Let me check the parcel for you.' },
        { role: 'customer', at: at(2), text: 'Thanks, it was due on Monday.' }
      ]
    })
    const draft = 'haha I know the feeling 😂 it is out for delivery today.'
    for (let k = 0; k < 2; k++) {
      expect(ids(linter.lintDraft({ conversation: turns('lol my cat ate the last parcel haha, where is this one?'), draft, at: at(3) }).messages)).not.toContain('no-unprompted-joke')
      expect(ids(linter.lintDraft({ conversation: turns('Where is my parcel?'), draft, at: at(3) }).messages)).toContain('no-unprompted-joke')
    }
  })

  it('surfaces an earlier promise that the draft, sent now, shows was not kept', () => {
    const conversation: DraftConversation = {
      channel: 'chat',
      turns: [
        { role: 'customer', at: at(0), text: 'My refund has not arrived.' },
        { role: 'agent', at: at(1), text: "I'll check with billing and update you in 10 minutes." },
        { role: 'customer', at: at(2), text: 'ok thanks' }
      ]
    }
    const late = lintDraft({ conversation, draft: 'Hello, is there anything else?', at: at(90) })
    const promise = late.messages.find((m) => m.ruleId === 'unkept-promise')!
    expect(promise).toMatchObject({ turn: 1, onDraft: false, role: 'agent', target: 'text' })
    expect(promise.start).toBeUndefined()
    expect(promise.line).toBeUndefined()
    expect(promise.excerpt).toMatch(/update you in 10 minutes/)
    expect(promise.fix).toEqual({ kind: 'prepend' })
    // Draft findings come first, earlier turns after.
    expect(late.messages.findIndex((m) => !m.onDraft)).toBeGreaterThan(late.messages.findIndex((m) => m.onDraft))
    // Sent within the promised time, the same draft surfaces nothing on earlier turns.
    expect(lintDraft({ conversation, draft: 'Hello, is there anything else?', at: at(3) }).messages.filter((m) => !m.onDraft)).toEqual([])
    // …and `earlier: false` leaves them out.
    expect(lintDraft({ conversation, draft: 'Hello, is there anything else?', at: at(90) }, { earlier: false }).messages.filter((m) => !m.onDraft)).toEqual([])
  })

  it('counts the wait so far for slow-reply: the draft is sent at `at`', () => {
    const quick = lintDraft({ conversation: complaint, draft: 'It is out for delivery and will reach you today by 6 pm.', at: at(3) })
    expect(ids(quick.messages)).not.toContain('slow-reply')
    const slow = lintDraft({ conversation: complaint, draft: 'It is out for delivery and will reach you today by 6 pm.', at: at(20) })
    const m = slow.messages.find((x) => x.ruleId === 'slow-reply')!
    expect(m).toMatchObject({ onDraft: true, target: 'time', start: 0, end: 0, line: 1, column: 1, fix: { kind: 'prepend' } })
    expect(m.reason).toMatch(/18 min/)
    const fixed = applySuggestion('It is out for delivery.', m, 0)
    expect(fixed).toBe(`${m.expected![0]} It is out for delivery.`)
  })

  it('uses now when no time is given', () => {
    const recent: DraftConversation = { channel: 'chat', turns: [{ role: 'customer', at: new Date(Date.now() - 30 * 60_000).toISOString(), text: 'Where is my parcel?' }] }
    expect(ids(lintDraft({ conversation: recent, draft: 'It is out for delivery and arrives today by 6 pm.' }).messages)).toContain('slow-reply')
  })

  it("drops no-reply on the customer's last turn: a reply is being drafted", () => {
    const linter = createLinter()
    const conversation: DraftConversation = { channel: 'chat', turns: [{ role: 'customer', at: at(0), text: 'Can you tell me when the refund will show on my card?' }] }
    // Without the draft, the question is unanswered.
    expect(linter.lintTranscript(conversation).messages.map((m) => m.ruleId)).toContain('no-reply')
    for (const draft of ['ok', 'Within 5 working days; I will confirm by e-mail once it is sent.']) {
      expect(ids(linter.lintDraft({ conversation, draft, at: at(1) }).messages)).not.toContain('no-reply')
    }
  })

  it('checks Arabic drafts', () => {
    const conversation: DraftConversation = { channel: 'chat', turns: [{ role: 'customer', at: at(0), text: 'وين طلبي؟ صار له أسبوع ما وصل' }] }
    const m = lintDraft({ conversation, draft: 'والله ما أدري.', at: at(1) }).messages.find((x) => x.ruleId === 'no-dead-end')
    expect(m?.excerpt).toBe('ما أدري')
    expect(m?.expected?.some((e) => /[\u0600-\u06FF]/.test(e))).toBe(true)
  })

  it('accepts a canonical transcript object with extra fields, and a Date or epoch milliseconds for `at`', () => {
    const conversation = { ...complaint, language: 'en', expect: [{ turn: 1, rule: 'x' }] }
    const a = lintDraft({ conversation, draft: "I don't know", at: new Date(T0 + 3 * 60_000) })
    const b = lintDraft({ conversation, draft: "I don't know", at: T0 + 3 * 60_000 })
    expect(ids(a.messages)).toEqual(ids(b.messages))
    expect(ids(a.messages)).toContain('no-dead-end')
  })
})

describe('verdicts', () => {
  const draft = "I don't know"
  it('reviews warnings and blocks confident errors by default', () => {
    expect(lintDraft({ conversation: complaint, draft, at: at(3) }).verdict).toBe('review')
    const strict = createLinter({ config: { extends: 'recommended', rules: { 'no-dead-end': 'error' } } })
    const result = strict.lintDraft({ conversation: complaint, draft, at: at(3) })
    const m = result.messages.find((x) => x.ruleId === 'no-dead-end')!
    expect(m.severity).toBe('error')
    expect(m.confidence).toBeGreaterThanOrEqual(0.8)
    expect(result.verdict).toBe('block')
    // A higher bar lets it through to review.
    expect(strict.lintDraft({ conversation: complaint, draft, at: at(3) }, { thresholds: { block: { severity: 'error', minConfidence: 0.99 } } }).verdict).toBe('review')
    expect(strict.lintDraft({ conversation: complaint, draft, at: at(3) }, { thresholds: { block: false } }).verdict).toBe('review')
  })

  it('takes custom thresholds', () => {
    expect(lintDraft({ conversation: complaint, draft, at: at(3) }, { thresholds: { block: { severity: 'warn' } } }).verdict).toBe('block')
    expect(lintDraft({ conversation: complaint, draft, at: at(3) }, { thresholds: { review: false } }).verdict).toBe('send')
    expect(verdictOf([{ severity: 'info', confidence: 1 }])).toBe('send')
    expect(verdictOf([{ severity: 'info', confidence: 1 }], { block: false, review: { severity: 'info' } })).toBe('review')
    expect(() => lintDraft({ conversation: complaint, draft }, { thresholds: { block: { severity: 'fatal' as never } } })).toThrow(DraftInputError)
    expect(() => lintDraft({ conversation: complaint, draft }, { thresholds: { review: { severity: 'warn', minConfidence: 2 } } })).toThrow(/minConfidence/)
  })
})

describe('bad input', () => {
  it('says what is wrong', () => {
    expect(() => lintDraft({ conversation: { turns: [] } as never, draft: 'x' })).toThrow(/channel/)
    expect(() => lintDraft({ conversation: { channel: 'chat', turns: [{ role: 'boss', text: 'x' }] } as never, draft: 'x' })).toThrow(/turns\[0\]\.role/)
    expect(() => lintDraft({ conversation: complaint, draft: 42 as never })).toThrow(/"draft" must be a string/)
    expect(() => lintDraft({ conversation: complaint, draft: 'x', at: 'yesterday' })).toThrow(/"at" must be/)
    expect(() => lintDraft({ conversation: null as never, draft: 'x' })).toThrow(DraftInputError)
    const error = (() => {
      try {
        lintDraft({ conversation: { channel: 'fax', turns: [] } as never, draft: 'x' })
      } catch (e) {
        return e as DraftInputError
      }
    })()
    expect(error?.problems[0]).toMatch(/channel/)
  })

  it('keeps non-fatal problems as warnings', () => {
    const conversation = { channel: 'chat', turns: [{ role: 'customer', at: 'last tuesday', text: 'Where is my parcel?' }] } as DraftConversation
    expect(lintDraft({ conversation, draft: 'It arrives today.', at: at(1) }).warnings[0]).toMatch(/not an ISO 8601/)
  })
})

describe('caching', () => {
  it('sees changes to a conversation object it has checked before', () => {
    const linter = createLinter()
    const conversation = { channel: 'chat' as const, turns: [{ role: 'customer' as const, at: at(0), text: 'Where is my parcel?' }] }
    expect(linter.lintDraft({ conversation, draft: 'It arrives today by 6 pm.', at: at(1) }).turn).toBe(1)
    conversation.turns.push({ role: 'customer', at: at(1), text: 'My email is dana@example.com by the way.' })
    const after = linter.lintDraft({ conversation, draft: 'Could you send me your email address?', at: at(2) })
    expect(after.turn).toBe(2)
    expect(ids(after.messages)).toContain('no-repeat-request')
    conversation.turns[1]!.text = 'Thanks.'
    expect(ids(linter.lintDraft({ conversation, draft: 'Could you send me your email address?', at: at(2) }).messages)).not.toContain('no-repeat-request')
  })

  it('gives the same answers from a warm cache as from a fresh linter', () => {
    const warm = createLinter()
    const drafts = ["I don't know", 'haha 😂', 'Calm down, obviously you clicked the wrong button.', 'It arrives today by 6 pm.']
    for (let round = 0; round < 3; round++) {
      for (const draft of drafts) {
        const fresh = createLinter().lintDraft({ conversation: complaint, draft, at: at(3) })
        expect(warm.lintDraft({ conversation: complaint, draft, at: at(3) })).toEqual(fresh)
      }
    }
  })
})

describe('applySuggestion', () => {
  const message = (over: Partial<DraftMessage>): DraftMessage => ({
    ruleId: 'x',
    severity: 'warn',
    reason: 'r',
    confidence: 1,
    turn: 1,
    onDraft: true,
    target: 'text',
    fix: { kind: 'replace' },
    ...over
  })

  it('replaces the span, tidying doubled punctuation', () => {
    const m = message({ start: 10, end: 22, excerpt: "I don't know", fix: { kind: 'replace', start: 10, end: 22, text: "I don't know" }, expected: ['Let me find out for you.'] })
    expect(applySuggestion("Honestly, I don't know.", m)).toBe('Honestly, Let me find out for you.')
  })

  it('finds the words again when the draft changed since the check, and leaves it alone when they are gone', () => {
    const m = message({ start: 0, end: 12, excerpt: "I don't know", fix: { kind: 'replace', start: 0, end: 12, text: "I don't know" }, expected: ['Let me check'] })
    expect(applySuggestion("Hi Dana! I don't know where it is", m)).toBe('Hi Dana! Let me check where it is')
    expect(applySuggestion('Hi Dana! It is on its way', m)).toBe('Hi Dana! It is on its way')
  })

  it('prepends once, and derives the kind when a message has no fix', () => {
    const m = message({ fix: { kind: 'prepend' }, expected: ['Sorry for the wait.'] })
    expect(applySuggestion('  It is on its way.', m)).toBe('Sorry for the wait. It is on its way.')
    expect(applySuggestion('Sorry for the wait. It is on its way.', m)).toBe('Sorry for the wait. It is on its way.')
    expect(applySuggestion('', m)).toBe('Sorry for the wait.')
    expect(applySuggestion('abc def', { expected: ['xyz'], start: 4, end: 7 })).toBe('abc xyz')
    expect(applySuggestion('abc def', { expected: ['xyz'], onDraft: false, start: 4, end: 7 })).toBe('xyz abc def')
    expect(applySuggestion('abc def', { expected: ['xyz'], target: 'time' })).toBe('xyz abc def')
    expect(() => applySuggestion('abc', m, 3)).toThrow(RangeError)
  })
})

describe('fix hints from rules', () => {
  const hinted = defineRule({
    meta: { id: 'test-hints', description: 'reports with fix hints', recommended: 'warn' },
    check(context) {
      const last = context.transcript.turns.length - 1
      const text = context.transcript.turns[last]!.text
      if (context.transcript.turns[last]!.role !== 'agent') return
      const at = text.indexOf('ASAP')
      if (at >= 0) context.report({ turn: last, start: at, end: at + 4, reason: 'vague', expected: ['by 5 pm'] })
      context.report({ turn: last, start: 0, end: 2, reason: 'open warmly', expected: ['Hello!'], fix: { kind: 'prepend' } })
      context.report({ turn: last, start: 0, end: 1, reason: 'rewrite', expected: ['All new.'], fix: { kind: 'replace', start: 0, end: text.length } })
    }
  })
  const linter = createLinter({ noBuiltins: true, plugins: [{ name: 'test', rules: { 'test-hints': hinted } }], config: { rules: { 'test-hints': 'warn' } } })

  it('carries `fix` onto the messages and applies it', () => {
    const draft = 'Hi, it will ship ASAP.'
    const result = linter.lintDraft({ conversation: { channel: 'chat', turns: [{ role: 'customer', text: 'When?' }] }, draft })
    const by = Object.fromEntries(result.messages.map((m) => [m.reason, m]))
    expect(by['vague']!.fix).toEqual({ kind: 'replace', start: 17, end: 21, text: 'ASAP' })
    expect(by['open warmly']!.fix).toEqual({ kind: 'prepend' })
    expect(by['rewrite']!.fix).toEqual({ kind: 'replace', start: 0, end: draft.length, text: draft })
    const results = Object.fromEntries(result.suggestions.map((s) => [result.messages[s.message]!.reason, s.result]))
    expect(results).toEqual({ vague: 'Hi, it will ship by 5 pm.', 'open warmly': 'Hello! Hi, it will ship ASAP.', rewrite: 'All new.' })
  })
})
