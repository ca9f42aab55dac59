import { readInput, detectFormat } from '../../src/formats/index.js'
import { found, read, rows, spots, whereIs } from './helpers.js'

const agentIsAcme = { roles: { agent: ['Acme Support', 'خدمة عملاء أكمي'] } }

describe('WhatsApp exports: conversion', () => {
  it('Android en-US: M/D/YY, 12-hour clock with U+202F before PM, multi-line messages, system and media lines', () => {
    const r = read('whatsapp/android-en-us.txt', agentIsAcme)
    expect(r.format).toBe('whatsapp')
    expect(r.problems).toEqual([])
    const [c] = r.conversations
    expect(c!.transcript).toMatchObject({ id: 'whatsapp/android-en-us.txt', channel: 'messaging' })
    expect(rows(c!.transcript.turns)).toEqual([
      ['system', null, '2024-12-31T20:58:00Z', 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.'],
      ['customer', 'Dana Reyes', '2024-12-31T21:05:00Z', 'Hi, my order #4411 has not arrived yet'],
      ['system', 'Dana Reyes', '2024-12-31T21:06:00Z', '<Media omitted>'],
      ['agent', 'Acme Support', '2024-12-31T21:21:00Z', 'Sorry for the wait, Dana!\nI checked the tracking: it is at the depot.\nAs I said, calm down, it will come tomorrow.'],
      ['system', 'Dana Reyes', '2025-01-02T10:15:00Z', 'This message was deleted'],
      ['customer', 'Dana Reyes', '2025-01-02T10:16:00Z', 'It did not come. 13/13 fail']
    ])
    expect(c!.transcript.turns[1]!.time).toBe(Date.parse('2024-12-31T21:05:00Z'))
  })

  it('Android en-GB: D/M/YYYY, 24-hour clock (the day over 12 decides the order)', () => {
    const r = read('whatsapp/android-en-gb.txt', agentIsAcme)
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2024-12-31T21:05:00Z', 'Hello, I was charged twice'],
      ['agent', 'Acme Support', '2024-12-31T21:09:00Z', 'Sorry about that. Calm down, we will refund it.'],
      ['customer', 'Dana Reyes', '2025-01-01T09:00:00Z', 'Thanks']
    ])
  })

  it('iOS en: [D/M/YYYY, H:M:S], LRM marks, "image omitted", the encryption notice under the chat name', () => {
    const r = read('whatsapp/ios-en.txt', agentIsAcme)
    expect(r.problems).toEqual([])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['system', 'Acme Support', '2024-12-31T21:05:33Z', 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.'],
      ['customer', 'Dana Reyes', '2024-12-31T21:05:40Z', 'Hi, the app keeps crashing'],
      ['system', 'Dana Reyes', '2024-12-31T21:06:02Z', 'image omitted'],
      ['agent', 'Acme Support', '2024-12-31T21:07:15Z', 'Thanks Dana. Please calm down and reinstall it.\nThen log in again.'],
      ['system', 'Dana Reyes', '2024-12-31T21:08:00Z', 'This message was deleted.']
    ])
  })

  it('Android ar: Arabic-Indic digits, RLM marks, the Arabic comma, ص/م, «‏<تم استبعاد الوسائط>»', () => {
    const r = read('whatsapp/android-ar.txt', agentIsAcme)
    expect(r.problems).toEqual([])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['system', null, '2024-12-31T21:00:00Z', 'الرسائل والمكالمات مشفرة تمامًا بين الطرفين. لا أحد خارج هذه الدردشة، حتى واتساب، يمكنه قراءتها أو الاستماع إليها. انقر لمعرفة المزيد.'],
      ['customer', 'سارة', '2024-12-31T21:05:00Z', 'مرحبا، طلبي رقم ٤٤١١ لم يصل'],
      ['system', 'سارة', '2024-12-31T21:06:00Z', '<تم استبعاد الوسائط>'],
      ['agent', 'خدمة عملاء أكمي', '2024-12-31T21:20:00Z', 'نعتذر عن التأخير يا سارة.\nاهدأ من فضلك، سيصل الطلب غدا.'],
      ['system', 'سارة', '2025-01-01T10:15:00Z', 'تم حذف هذه الرسالة'],
      ['customer', 'سارة', '2025-01-01T10:16:00Z', 'شكرا']
    ])
  })

  it('iOS ar: [٣١‏/١٢‏/٢٠٢٤، ٩:٠٥:٣٣ م], media placeholder, continuation lines', () => {
    const r = read('whatsapp/ios-ar.txt', agentIsAcme)
    expect(r.problems).toEqual([])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['system', 'خدمة عملاء أكمي', '2024-12-31T21:00:00Z', 'الرسائل والمكالمات مشفرة تمامًا بين الطرفين. لا أحد خارج هذه الدردشة، حتى واتساب، يمكنه قراءتها أو الاستماع إليها.'],
      ['customer', 'سارة', '2024-12-31T21:05:33Z', 'مرحبا، التطبيق لا يعمل'],
      ['system', 'سارة', '2024-12-31T21:06:01Z', 'تم استبعاد الصورة'],
      ['agent', 'خدمة عملاء أكمي', '2024-12-31T21:10:00Z', 'أهلا سارة، اهدأ من فضلك وأعد تثبيت التطبيق.\nثم سجّل الدخول مرة أخرى.'],
      ['customer', 'سارة', '2025-01-01T08:00:00Z', 'شكرا جزيلا']
    ])
  })

  it('reads times in the configured time zone and writes them with its offset', () => {
    const r = read('whatsapp/android-en-gb.txt', { ...agentIsAcme, timeZone: 'Asia/Riyadh' })
    const t = r.conversations[0]!.transcript.turns[0]!
    expect(t.at).toBe('2024-12-31T21:05:00+03:00')
    expect(t.time).toBe(Date.parse('2024-12-31T18:05:00Z'))
  })
})

describe('WhatsApp exports: roles and date order', () => {
  it('announces the fallback when no agent is configured (a business-looking name), and never guesses silently', () => {
    const r = read('whatsapp/android-ar.txt')
    expect(r.conversations[0]!.transcript.turns.map((t) => t.role)).toEqual(['system', 'customer', 'system', 'agent', 'system', 'customer'])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatchObject({ fatal: false })
    expect(r.problems[0]!.reason).toMatch(/No agent is named under "roles".*took "خدمة عملاء أكمي" as the agent \(business-looking name\)/)
  })

  it('in a two-person chat with plain names, takes whoever did not open the chat as the agent, and says so', () => {
    const r = read('whatsapp/ambiguous-dates.txt')
    expect(r.conversations[0]!.transcript.turns.map((t) => [t.author, t.role])).toEqual([['Dana', 'customer'], ['Sam from Acme', 'agent']])
    expect(r.problems.map((p) => p.reason).join('\n')).toMatch(/took "Sam from Acme" as the agent \(the participant who did not open the chat\)/)
  })

  it('configured patterns decide; everyone else is a customer', () => {
    const r = read('whatsapp/android-en-us.txt', { roles: { agent: ['/^Acme/'] } })
    expect(r.problems).toEqual([])
    expect(r.conversations[0]!.transcript.turns[3]!.role).toBe('agent')
  })

  it('warns when every date reads both ways, and the dateOrder key settles it', () => {
    const guessed = read('whatsapp/ambiguous-dates.txt', { roles: { agent: ['Sam from Acme'] } })
    expect(guessed.problems).toHaveLength(1)
    expect(guessed.problems[0]!.reason).toMatch(/reads both ways .* took them as day\/month \(DMY\)\. Set "dateOrder"/)
    expect(guessed.problems[0]).toMatchObject({ start: 0, end: '03/04/2024, 10:00'.length, fatal: false })
    expect(guessed.conversations[0]!.transcript.turns[0]!.at).toBe('2024-04-03T10:00:00Z')
    const mdy = read('whatsapp/ambiguous-dates.txt', { roles: { agent: ['Sam from Acme'] }, dateOrder: 'MDY' })
    expect(mdy.problems).toEqual([])
    expect(mdy.conversations[0]!.transcript.turns[0]!.at).toBe('2024-03-04T10:00:00Z')
  })

  it('infers the order from dates that only go forward one way', () => {
    const text = '1/12/24, 10:00 - Dana: hi\n1/13/24, 10:00 - Acme Support: hello\n2/1/24, 10:00 - Dana: thanks\n'
    const r = readInput(text, { name: 'x.txt', roles: { agent: ['Acme Support'] } })
    expect(r.conversations[0]!.transcript.turns.map((t) => t.at)).toEqual(['2024-01-12T10:00:00Z', '2024-01-13T10:00:00Z', '2024-02-01T10:00:00Z'])
    const forward = '2/1/24, 10:00 - Dana: hi\n3/1/24, 10:00 - Acme Support: hello\n1/2/24, 10:00 - Dana: thanks\n'
    // 2 Jan, 3 Jan, 1 Feb (D/M) goes forward; 1 Feb, 1 Mar, 2 Jan (M/D) goes back.
    expect(readInput(forward, { name: 'x.txt', roles: { agent: ['Acme Support'] } }).conversations[0]!.transcript.turns.map((t) => t.at)).toEqual([
      '2024-01-02T10:00:00Z',
      '2024-01-03T10:00:00Z',
      '2024-02-01T10:00:00Z'
    ])
  })
})

describe('WhatsApp exports: malformed lines', () => {
  it('reports each bad line where it is and keeps the rest', () => {
    const r = read('whatsapp/malformed.txt', agentIsAcme)
    const reasons = r.problems.map((p) => [whereFor(r.text, p.start), p.fatal, p.reason])
    expect(reasons).toEqual([
      ['1:1', false, 'Line 1: text before the first WhatsApp message line is ignored'],
      ['5:1', false, 'Line 5: starts like a WhatsApp message but its date or time cannot be read; kept as part of the previous message'],
      ['3:1', false, 'Line 3: "31/02/2024, 21:06" is not a valid date and time (read as DMY); the time is ignored'],
      ['4:1', false, 'Line 4: "31/12/2024, 25:99" is not a valid date and time (read as DMY); the time is ignored']
    ])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2024-12-31T21:05:00Z', 'Hello'],
      ['customer', 'Dana Reyes', null, 'This date does not exist'],
      ['agent', 'Acme Support', null, 'Bad clock, calm down\n31/12/2024, 9:5 - half a header line'],
      ['agent', 'Acme Support', '2024-12-31T21:10:00Z', 'Please calm down, we are on it']
    ])
  })

  it('says what it expected when nothing is a WhatsApp line', () => {
    const r = readInput('hello\nworld\n', { name: 'x.txt', format: 'whatsapp' })
    expect(r.conversations).toEqual([])
    expect(r.problems[0]).toMatchObject({ fatal: true, start: 0 })
    expect(r.problems[0]!.reason).toMatch(/No WhatsApp message lines found/)
  })
})

describe('WhatsApp exports: findings land on the phrase in the export', () => {
  it.each([
    ['whatsapp/android-en-us.txt', 'calm down', 1],
    ['whatsapp/android-en-gb.txt', 'Calm down', 1],
    ['whatsapp/ios-en.txt', 'calm down', 1],
    ['whatsapp/malformed.txt', 'calm down', 1]
  ])('%s', (file, word, nth) => {
    const s = found(spots(file, word, agentIsAcme))
    expect(s[0]).toMatchObject({ at: whereIs(file, word, nth), text: word })
  })

  it('in Arabic exports, past RLM marks and Arabic-Indic digits, on continuation lines', () => {
    for (const file of ['whatsapp/android-ar.txt', 'whatsapp/ios-ar.txt']) {
      const s = found(spots(file, 'اهدأ من فضلك', agentIsAcme))
      expect(s).toHaveLength(1)
      expect(s[0]).toMatchObject({ at: whereIs(file, 'اهدأ من فضلك'), text: 'اهدأ من فضلك' })
    }
  })

  it('the timestamp of a turn points at the stamp on its line', () => {
    const r = read('whatsapp/ios-ar.txt', agentIsAcme)
    const at = r.conversations[0]!.source!.turns[1]!.at!
    expect(r.text.slice(at.start, at.end)).toBe('٣١‏/١٢‏/٢٠٢٤، ٩:٠٥:٣٣ م')
  })
})

describe('WhatsApp detection', () => {
  it('tells WhatsApp exports from plain-text logs by content', () => {
    expect(detectFormat('chat.txt', '12/31/24, 9:05 PM - Dana: hi\n')).toBe('whatsapp')
    expect(detectFormat('chat.txt', '[31/12/2024, 21:05:33] Dana: hi\n')).toBe('whatsapp')
    expect(detectFormat('chat.txt', '[2025-02-05 14:00] Customer Dana: Hi\n')).toBe('text')
    expect(detectFormat('chat', '‏٣١‏/١٢‏/٢٠٢٤، ٩:٠٥ م - سارة: مرحبا\n')).toBe('whatsapp')
  })
})

function whereFor(text: string, offset: number): string {
  const before = text.slice(0, offset)
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`
}
