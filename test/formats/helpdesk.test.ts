import { readInput, detectFormat } from '../../src/formats/index.js'
import { found, read, rows, spots, whereIs } from './helpers.js'

describe('helpdesk exports: conversion (detected by shape inside .json)', () => {
  it('Zendesk: users sideload decides roles; private notes skipped; JSON escapes decoded', () => {
    const r = read('helpdesk/zendesk.json')
    expect([r.format, r.dialect]).toEqual(['helpdesk', 'zendesk'])
    expect(r.problems).toEqual([])
    expect(r.conversations.map((c) => [c.transcript.id, c.transcript.channel, c.transcript.extra?.subject])).toEqual([['35436', 'email', 'Charged twice']])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2025-02-03T09:00:00Z', 'Hi, I was charged twice for order 4411.\nPlease fix it.'],
      ['agent', 'Sara Ali', '2025-02-03T09:20:00Z', 'Hello Dana,\n\n"Charged twice" is fixed: the café refund is on its way. Calm down, it takes 3 days.']
    ])
  })

  it('Zendesk without users: author_id against requester_id', () => {
    const text = '{"ticket": {"id": 7, "requester_id": 1}, "comments": [{"author_id": 1, "public": true, "body": "help"}, {"author_id": 2, "public": true, "body": "on it"}]}'
    const r = readInput(text, { name: 't.json' })
    expect(r.conversations[0]!.transcript.turns.map((t) => [t.author, t.role])).toEqual([['1', 'customer'], ['2', 'agent']])
  })

  it('Intercom: source message plus parts; admin/user/bot; notes and bodiless parts skipped; HTML to text', () => {
    const r = read('helpdesk/intercom.json')
    expect(r.dialect).toBe('intercom')
    expect(r.problems).toEqual([])
    expect(r.conversations[0]!.transcript).toMatchObject({ id: '1911149811', channel: 'chat' })
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2025-02-03T09:00:00Z', 'My app crashes on login'],
      ['bot', 'Operator', '2025-02-03T09:01:10Z', 'Thanks for waiting! Our team will reply soon.'],
      ['agent', 'Sara Ali', '2025-02-03T09:05:00Z', 'Hi Dana & team,\n\nPlease calm down – reinstall the app.']
    ])
  })

  it('Freshdesk: description first; incoming = customer; private skipped', () => {
    const r = read('helpdesk/freshdesk.json')
    expect(r.dialect).toBe('freshdesk')
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2025-02-03T09:00:00Z', 'Where is my refund?'],
      ['agent', 'support@acme.freshdesk.com', '2025-02-03T10:00:00Z', 'It was sent. Calm down please.'],
      ['customer', 'dana@example.com', '2025-02-03T11:00:00Z', 'Got it, thanks']
    ])
  })

  it('Front: messages sorted by time; is_inbound = customer; drafts skipped', () => {
    const r = read('helpdesk/front.json')
    expect(r.dialect).toBe('front')
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2025-02-03T09:00:00Z', 'Where is my order?'],
      ['agent', 'Sara Ali', '2025-02-03T10:00:00.500Z', 'Hi Dana, please calm down: it ships today.']
    ])
  })

  it('Help Scout: threads newest-first put in order; customer/message; notes skipped; <br> to line breaks', () => {
    const r = read('helpdesk/helpscout.json')
    expect(r.dialect).toBe('helpscout')
    expect(r.conversations[0]!.transcript.id).toBe('4411')
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2025-02-03T09:00:00Z', 'I cannot log in'],
      ['agent', 'Sara Ali', '2025-02-03T09:30:00Z', 'Hi Dana,\n\nCalm down, I reset your password.']
    ])
  })

  it('LiveChat: users decide roles; agent-only events skipped; system messages kept as system', () => {
    const r = read('helpdesk/livechat.json')
    expect(r.dialect).toBe('livechat')
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['system', null, '2025-02-03T09:00:00Z', 'Chat started'],
      ['customer', 'Dana Reyes', '2025-02-03T09:00:05Z', 'Hello, my card was declined'],
      ['agent', 'Sara Ali', '2025-02-03T09:01:00Z', 'Hi Dana! Calm down, let me check.']
    ])
  })
})

describe('helpdesk exports: findings land inside the JSON string', () => {
  it.each([
    ['helpdesk/zendesk.json', 'Calm down', 'Calm down'],
    ['helpdesk/zendesk.json', 'café refund', 'caf\\u00e9 refund'],
    ['helpdesk/intercom.json', 'Dana & team', 'Dana &amp; team'],
    ['helpdesk/intercom.json', 'calm down – reinstall', 'calm down</b> &ndash; reinstall'],
    ['helpdesk/freshdesk.json', 'Calm down', 'Calm down please."'],
    ['helpdesk/front.json', 'calm down', 'calm down: it ships today."'],
    ['helpdesk/helpscout.json', 'Calm down', 'Calm down'],
    ['helpdesk/livechat.json', 'Calm down', 'Calm down']
  ])('%s: "%s"', (file, word, sourceText) => {
    const s = found(spots(file, word))
    expect(s).toHaveLength(1)
    expect(s[0]!.at).toBe(whereIs(file, sourceText))
    expect(s[0]!.text).toBe(sourceText.replace(/ please\."$|: it ships today\."$/, ''))
  })

  it('a quote escaped in the JSON maps to its backslash', () => {
    const s = found(spots('helpdesk/zendesk.json', '"Charged twice"'))
    expect(s[0]).toMatchObject({ at: whereIs('helpdesk/zendesk.json', '\\"Charged twice\\"'), text: '\\"Charged twice\\"' })
  })
})

describe('helpdesk exports: malformed', () => {
  it('reports bad fields where they are and lints the rest', () => {
    const r = read('helpdesk/zendesk-malformed.json')
    const where = (o: number) => {
      const b = r.text.slice(0, o)
      return `${b.split('\n').length}:${o - b.lastIndexOf('\n')}`
    }
    expect(r.problems.map((p) => [where(p.start), p.fatal, p.reason])).toEqual([
      ['5:96', false, 'Comment "body" must be a string, got number; the comment is skipped (conversation 1)'],
      ['4:64', false, '"yesterday" is not a time (ISO 8601 or Unix seconds); the time is ignored (conversation 1)'],
      ['8:5', true, 'Zendesk conversation 2 has no public message with text; it is skipped (conversation 2)']
    ])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', '10', null, 'Help me'],
      ['agent', '20', '2025-02-03T09:21:00Z', 'Please calm down']
    ])
  })

  it('a syntax error is located', () => {
    const r = read('helpdesk/broken.json')
    expect(r.conversations).toEqual([])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.reason).toMatch(/^Invalid JSON: Unexpected '\]'/)
    expect(r.text.slice(r.problems[0]!.start, r.problems[0]!.start + 1)).toBe(']')
  })

  it('JSON of no known shape gets an error that names the formats', () => {
    const r = read('helpdesk/unknown-shape.json')
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.reason).toMatch(/neither a coachlint transcript .* nor a helpdesk export coachlint knows \(Zendesk, Intercom, Freshdesk, Front, Help Scout, LiveChat\)/)
  })

  it('canonical JSON is still canonical, and keeps its own messages', () => {
    expect(detectFormat('x.json', '{"id": "a", "channel": "chat", "turns": []}')).toBe('json')
    const r = readInput('{"id": "m1", "channel": "chat"}', { name: 'x.json' })
    expect(r.problems[0]!.reason).toMatch(/Missing field "turns"/)
  })
})
