import { readInput, detectFormat } from '../../src/formats/index.js'
import { parseCsvTime } from '../../src/formats/csv.js'
import { found, read, rows, spots, whereIs } from './helpers.js'

describe('CSV: columns found by name', () => {
  it('reads conversations, roles, authors, times and quoted multi-line cells with doubled quotes', () => {
    const r = read('csv/chats.csv')
    expect(r.format).toBe('csv')
    expect(r.problems).toEqual([])
    expect(r.conversations.map((c) => [c.transcript.id, c.transcript.channel])).toEqual([
      ['c-1', 'chat'],
      ['c-2', 'chat']
    ])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana', '2025-02-03T09:00:00Z', 'Hi, my order "4411" is late'],
      ['agent', 'Sara', '2025-02-03T09:04:00Z', 'Sorry Dana! "Late" is on us.\nPlease calm down, it ships today.']
    ])
    expect(rows(r.conversations[1]!.transcript.turns)).toEqual([
      ['customer', 'Tom', '2025-02-03T10:00:00Z', 'Where is my refund?'],
      ['agent', 'Lee', '2025-02-03T10:30:00Z', 'Calm down; it was sent']
    ])
  })

  it('places findings on the cell, past doubled quotes and inside multi-line cells', () => {
    expect(found(spots('csv/chats.csv', '"Late" is on us', {}))[0]).toMatchObject({ at: whereIs('csv/chats.csv', '""Late"" is on us'), text: '""Late"" is on us' })
    expect(found(spots('csv/chats.csv', 'calm down', {}))[0]).toMatchObject({ at: whereIs('csv/chats.csv', 'calm down'), text: 'calm down' })
    expect(found(spots('csv/chats.csv', 'Calm down', {}))[0]).toMatchObject({ at: whereIs('csv/chats.csv', 'Calm down'), text: 'Calm down' })
  })
})

describe('CSV: configured columns', () => {
  const csv = { columns: { conversation: 'ticket', time: 'when', author: 'from', role: 'sender_kind', text: 'body' }, roleValues: { customer: ['client'], agent: ['staff'] } }

  it('maps columns and role values from the config; TSV by extension; local times in timeZone', () => {
    const r = read('csv/custom.tsv', { csv, timeZone: 'Asia/Riyadh' })
    expect(r.problems).toEqual([])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana', '2025-02-03T09:00:00Z', 'My card was declined'],
      ['agent', 'Sara', '2025-02-03T09:05:00Z', 'Please calm down and try again']
    ])
    expect(found(spots('csv/custom.tsv', 'calm down', { csv }))[0]).toMatchObject({ at: whereIs('csv/custom.tsv', 'calm down'), text: 'calm down' })
  })

  it('without a role column, authors are matched against roles (and the fallback is announced)', () => {
    const noRole = { columns: { conversation: 'ticket', time: 'when', author: 'from', text: 'body' } }
    const named = read('csv/custom.tsv', { csv: noRole, roles: { agent: ['Sara'] } })
    expect(named.conversations[0]!.transcript.turns.map((t) => t.role)).toEqual(['customer', 'agent'])
    const unnamed = read('csv/custom.tsv', { csv: noRole })
    expect(unnamed.conversations[0]!.transcript.turns.map((t) => t.role)).toEqual(['customer', 'customer'])
    expect(unnamed.problems[0]!.reason).toMatch(/No role column and no agent named/)
  })

  it('a configured column that is not in the header is an error naming the header', () => {
    const r = read('csv/custom.tsv', { csv: { columns: { text: 'message' } } })
    expect(r.problems[0]!.reason).toBe('csv.columns.text: no column "message" in the header ("ticket", "when", "from", "sender_kind", "body")')
    expect(r.conversations).toEqual([])
  })
})

describe('CSV: Customer Support on Twitter', () => {
  it('rebuilds threads from reply links; inbound True = customer; channel social', () => {
    const r = read('csv/twcs-sample.csv')
    expect(r.problems).toEqual([])
    expect(r.conversations.map((c) => [c.transcript.id, c.transcript.channel])).toEqual([
      ['tweet-119237', 'social'],
      ['tweet-8', 'social']
    ])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', '105834', '2017-10-11T06:55:44Z', '@AppleSupport causing the reply to be disregarded and the tapped notification under the keyboard is opened😡😡😡'],
      ['agent', 'AppleSupport', '2017-10-11T13:25:49Z', '@105834 We want to help, calm down. Which version of iOS are you running? "Settings > General > About"'],
      ['customer', '105834', '2017-10-11T13:40:12Z', '@AppleSupport 11.0.2']
    ])
    expect(rows(r.conversations[1]!.transcript.turns).map((t) => t.slice(0, 3))).toEqual([
      ['customer', '115712', '2017-10-31T21:45:10Z'],
      ['agent', 'sprintcare', '2017-10-31T21:46:24Z']
    ])
  })

  it('places findings in the tweet cell', () => {
    expect(found(spots('csv/twcs-sample.csv', '"Settings > General', {}))[0]).toMatchObject({ at: whereIs('csv/twcs-sample.csv', '""Settings > General'), text: '""Settings > General' })
  })
})

describe('CSV: malformed rows', () => {
  it('reports each bad row at its cell or line and reads the rows after it', () => {
    const r = read('csv/malformed.csv')
    expect(r.problems.map((p) => [r.text.slice(p.start, p.end), p.fatal, p.reason.replace(/:.*?;/, ':…;')])).toEqual([
      ['c-1,2025-02-03T09:03:00Z,agent,Sara,"unclosed "quote here', true, 'CSV line 5:…; this row is skipped'],
      ['manager', true, 'CSV line 3:…; map it with {"csv": {"roleValues": {"agent": ["manager"]}}}; the row is skipped'],
      ['not a time', false, 'CSV line 4:…; the time is ignored']
    ])
    expect(r.conversations.map((c) => rows(c.transcript.turns))).toEqual([
      [
        ['customer', 'Dana', '2025-02-03T09:00:00Z', 'Hello'],
        ['agent', 'Sara', null, 'Please calm down']
      ],
      [['agent', 'Sara', '2025-02-03T09:04:00Z', 'calm down, "she" said']]
    ])
    const s = found(spots('csv/malformed.csv', 'calm down', {}))
    expect(s.map((x) => x.at)).toEqual([whereIs('csv/malformed.csv', 'calm down', 1), whereIs('csv/malformed.csv', 'calm down', 2)])
  })

  it('a CSV without a text column names the config key', () => {
    const r = readInput('a,b,c\n1,2,3\n', { name: 'x.csv' })
    expect(r.problems[0]!.reason).toMatch(/No text column in this CSV header \("a", "b", "c"\).*"csv": \{"columns"/)
  })
})

describe('CSV: detection and times', () => {
  it('by extension, and by a header row naming a text column', () => {
    expect(detectFormat('x.csv', '')).toBe('csv')
    expect(detectFormat('x.tsv', '')).toBe('csv')
    expect(detectFormat('export', 'id,role,message\n1,agent,hi\n')).toBe('csv')
  })
  it('parses ISO, Unix seconds and Twitter dates', () => {
    expect(parseCsvTime('2025-02-03T09:00:00+03:00')).toBe(Date.parse('2025-02-03T06:00:00Z'))
    expect(parseCsvTime('1738573200')).toBe(Date.parse('2025-02-03T09:00:00Z'))
    expect(parseCsvTime('Tue Oct 31 22:10:47 +0000 2017')).toBe(Date.parse('2017-10-31T22:10:47Z'))
    expect(parseCsvTime('2025-02-03 12:00', 'Asia/Riyadh')).toBe(Date.parse('2025-02-03T09:00:00Z'))
    expect(parseCsvTime('soon')).toBeUndefined()
  })
})
