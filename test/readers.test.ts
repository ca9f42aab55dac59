import { readInput, detectFormat } from '../src/formats/index.js'
import { decodeBytes } from '../src/formats/decode.js'

const conv = (id: string, extra = '') =>
  `{"id": "${id}", "channel": "chat", "turns": [{"role": "customer", "text": "hi", "at": "2025-01-01T10:00:00Z"}, {"role": "agent", "text": "hello"${extra}}]}`

describe('JSON Lines', () => {
  it('reads every good line and reports a bad one with its line', () => {
    const text = [conv('a'), '{"id": "b", "channel": "chat", "turns": [', conv('c')].join('\n')
    const read = readInput(text, { name: 'x.jsonl' })
    expect(read.conversations.map((c) => c.transcript.id)).toEqual(['a', 'c'])
    expect(read.problems).toHaveLength(1)
    expect(read.problems[0]!.reason).toMatch(/line 2/)
    expect(read.problems[0]!.fatal).toBe(true)
  })

  it('reports missing fields, unknown roles and bad channels per conversation', () => {
    const text = [
      '{"id": "m1", "channel": "chat"}',
      '{"id": "m2", "channel": "chat", "turns": [{"role": "manager", "text": "hi"}]}',
      '{"id": "m3", "channel": "fax", "turns": []}',
      '{"id": "m4", "channel": "chat", "turns": [{"role": "agent"}]}',
      conv('ok')
    ].join('\n')
    const read = readInput(text, { name: 'x.jsonl' })
    expect(read.conversations.map((c) => c.transcript.id)).toEqual(['ok'])
    const reasons = read.problems.map((p) => p.reason).join('\n')
    expect(reasons).toMatch(/Missing field "turns".*m1/)
    expect(reasons).toMatch(/turns\[0\]\.role must be one of customer, agent, bot, system, got "manager".*m2/)
    expect(reasons).toMatch(/"channel" must be one of .* got "fax"/)
    expect(reasons).toMatch(/turns\[0\] is missing "text".*m4/)
  })

  it('keeps conversations with missing timestamps, and warns on invalid ones', () => {
    const text = [conv('no-time'), conv('bad-time', ', "at": "yesterday"')].join('\n')
    const read = readInput(text, { name: 'x.jsonl' })
    expect(read.conversations).toHaveLength(2)
    expect(read.conversations[1]!.transcript.turns[1]!.time).toBeUndefined()
    expect(read.problems).toHaveLength(1)
    expect(read.problems[0]).toMatchObject({ fatal: false, conversation: 'bad-time', turn: 1 })
    expect(read.problems[0]!.reason).toMatch(/not an ISO 8601 date-time/)
  })

  it('drops only the conversation that holds invalid UTF-8', () => {
    const enc = new TextEncoder()
    const [before, after] = conv('b').split('hello') as [string, string]
    const bytes = new Uint8Array([...enc.encode(conv('a') + '\n' + before + 'hel'), 0xff, ...enc.encode('lo' + after + '\n' + conv('c'))])
    const read = readInput(bytes, { name: 'x.jsonl' })
    expect(read.conversations.map((c) => c.transcript.id)).toEqual(['a', 'c'])
    expect(read.problems.some((p) => /Invalid UTF-8 byte 0xFF/.test(p.reason))).toBe(true)
  })

  it('reports an empty file', () => {
    const read = readInput('  \n', { name: 'x.jsonl' })
    expect(read.conversations).toHaveLength(0)
    expect(read.problems[0]!.reason).toMatch(/Empty input/)
  })
})

describe('encodings', () => {
  it('decodes UTF-16 with a BOM and strips a UTF-8 BOM', () => {
    const s = 'مرحبا hello'
    const le = new Uint8Array(2 + s.length * 2)
    le[0] = 0xff
    le[1] = 0xfe
    for (let i = 0; i < s.length; i++) {
      le[2 + i * 2] = s.charCodeAt(i) & 0xff
      le[3 + i * 2] = s.charCodeAt(i) >> 8
    }
    expect(decodeBytes(le).text).toBe(s)
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a')
  })
})

describe('JSON files', () => {
  it('reads one object or an array', () => {
    expect(readInput(conv('solo'), { name: 'x.json' }).conversations).toHaveLength(1)
    expect(readInput(`[${conv('a')}, ${conv('b')}]`, { name: 'x.json' }).conversations).toHaveLength(2)
  })
  it('locates a syntax error', () => {
    const read = readInput('[\n  {"id": 1,\n  oops}]', { name: 'x.json' })
    expect(read.conversations).toHaveLength(0)
    expect(read.problems[0]!.start).toBe('[\n  {"id": 1,\n  '.length)
  })
})

describe('plain-text chat logs', () => {
  const log = [
    '# id: t-1',
    '# channel: messaging',
    '[2025-02-05 14:00] Customer Dana: Hi, I was charged twice.',
    '[2025-02-05 14:06] Agent Sara: Sorry about that!',
    'I have refunded the second payment.',
    'Note: it takes 3 days.',
    '---',
    'Customer: second conversation',
    'Bot: hello'
  ].join('\n')

  it('reads turns, continuation lines, headers and separators', () => {
    const read = readInput(log, { name: 'log.txt' })
    expect(read.problems).toEqual([])
    expect(read.conversations).toHaveLength(2)
    const [first, second] = read.conversations.map((c) => c.transcript)
    expect(first).toMatchObject({ id: 't-1', channel: 'messaging' })
    expect(first!.turns[1]).toMatchObject({ role: 'agent', author: 'Sara', text: 'Sorry about that!\nI have refunded the second payment.\nNote: it takes 3 days.' })
    expect(first!.turns[0]!.time).toBe(Date.parse('2025-02-05T14:00:00Z'))
    expect(second!.turns.map((t) => t.role)).toEqual(['customer', 'bot'])
  })

  it('uses configured speaker names and says when a speaker is unknown', () => {
    const text = '[2025-02-05 14:00] Dana: hi\n[2025-02-05 14:01] Sara: hello\n[2025-02-05 14:02] Mystery: boo'
    const read = readInput(text, { name: 'x.txt', roles: { customer: ['Dana'], agent: ['/^Sa/'] } })
    expect(read.conversations[0]!.transcript.turns.map((t) => t.role)).toEqual(['customer', 'agent'])
    expect(read.problems[0]!.reason).toMatch(/unknown speaker "Mystery"/)
  })
})

describe('format detection', () => {
  it('sniffs content when the extension says nothing', () => {
    expect(detectFormat('stdin', `${conv('a')}\n${conv('b')}`)).toBe('jsonl')
    expect(detectFormat('stdin', `[${conv('a')}]`)).toBe('json')
    expect(detectFormat('stdin', '[2025-01-01 10:00] Agent: hi')).toBe('text')
  })
})
