import PostalMime from 'postal-mime'
import { readInput, detectFormat } from '../../src/formats/index.js'
import { htmlToText } from '../../src/formats/html.js'
import { parseEmailDate } from '../../src/formats/email.js'
import { bytesOf, found, read, rows, spots, whereIs } from './helpers.js'

const acme = { agents: { domains: ['acme.com'] } }

describe('e-mail: threads from an mbox', () => {
  const r = read('email/thread.mbox', acme)

  it('rebuilds two threads from Message-ID / In-Reply-To / References, in Date order', () => {
    expect(r.format).toBe('email')
    expect(r.problems).toEqual([])
    expect(r.conversations.map((c) => [c.transcript.id, c.transcript.channel, c.transcript.extra?.subject])).toEqual([
      ['m1.dana@example.com', 'email', 'Order 4411 has not arrived'],
      ['t1@example.org', 'email', 'Refund']
    ])
  })

  it('gives every message its author, role, time and text (quoted-printable and HTML decoded)', () => {
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2025-01-07T10:02:00Z', 'Hello,\n\nMy order 4411 has not arrived and the tracking page shows nothing.\n\nDana'],
      [
        'agent',
        'Sara Ali',
        '2025-01-07T11:30:00Z',
        'Hi Dana,\n\nSorry about the delay. Please calm down: the parcel left our café-side depot this morning and will reach you tomorrow.\n\nOn Tue, 7 Jan 2025 at 10:02, Dana Reyes <dana@example.com> wrote:\n> Hello,\n> My order 4411 has not arrived. Calm down is what you always say.\n\n-- \nSara\nAcme Support'
      ],
      ['customer', 'Dana Reyes', '2025-01-08T09:00:00Z', 'It arrived, thank you!']
    ])
    expect(rows(r.conversations[1]!.transcript.turns)).toEqual([
      ['customer', 'Tom', '2025-01-09T08:00:00Z', 'Where is my refund?'],
      ['agent', 'Lee, Acme Support', '2025-01-09T08:45:00Z', 'Hi Tom,\n\nYour refund & the fee were sent. Calm down, it takes 3–5 days.\n\n> Where is my refund?']
    ])
  })

  it('decodes bodies like postal-mime does', async () => {
    const text = bytesOf('email/thread.mbox').toString('utf8')
    const messages = text.split(/^From \S+ .*\n/m).filter((m) => m.trim() !== '')
    const ours = r.conversations.flatMap((c) => c.transcript.turns.map((t) => t.text))
    for (const raw of messages) {
      const parsed = await PostalMime.parse(raw)
      const expected = parsed.text ? parsed.text.replace(/\r/g, '').trim() : htmlToText(parsed.html!).text
      expect(ours).toContain(expected)
    }
  })
})

describe('e-mail: the support side', () => {
  it('comes from configured addresses (exact or pattern) as well as domains', () => {
    const r = read('email/thread.mbox', { agents: { emails: ['sara@acme.com', '*@acme.com'] } })
    expect(r.problems).toEqual([])
    expect(r.conversations[0]!.transcript.turns.map((t) => t.role)).toEqual(['customer', 'agent', 'customer'])
  })

  it('without configuration, a warning names the fallback (a support-looking address)', () => {
    const r = read('email/thread.mbox')
    expect(r.conversations[1]!.transcript.turns.map((t) => t.role)).toEqual(['customer', 'agent'])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.reason).toMatch(/No support addresses are configured \("agents" in the config\): took the domain "acme.com" as the support side \("support@acme.com" looks like a support address\)/)
  })

  it('without any clue, says that nothing is judged', () => {
    const eml = 'From: a@example.com\nTo: b@example.org\nSubject: hi\nDate: Mon, 6 Jan 2025 10:00:00 +0000\n\nhello\n'
    const r = readInput(eml, { name: 'x.eml' })
    expect(r.conversations[0]!.transcript.turns[0]!.role).toBe('customer')
    expect(r.problems[0]!.reason).toMatch(/the domain "example.org"/)
  })
})

describe('e-mail: findings land on the body line in the file', () => {
  it('in a quoted-printable body, on the phrase (an escape maps to its "=")', () => {
    const s = found(spots('email/thread.mbox', 'café-side', acme))
    expect(s).toEqual([expect.objectContaining({ at: whereIs('email/thread.mbox', 'caf=C3=A9-side'), text: 'caf=C3=A9-side', turn: 1 })])
    const calm = found(spots('email/thread.mbox', 'calm down', acme))
    expect(calm[0]).toMatchObject({ at: whereIs('email/thread.mbox', 'calm down'), text: 'calm down' })
  })

  it('quoted history and signatures are cut from judgement: own-text rules skip "> …" lines', () => {
    const all = found(spots('email/thread.mbox', 'Calm down', acme)).map((s) => s.at)
    expect(all).toContain(whereIs('email/thread.mbox', 'Calm down is what'))
    const own = found(spots('email/thread.mbox', 'calm down', acme, true)).map((s) => [s.at, s.text])
    expect(own).toEqual([
      [whereIs('email/thread.mbox', 'calm down'), 'calm down'],
      [whereIs('email/thread.mbox', 'Calm&nbsp;down'), 'Calm&nbsp;down']
    ])
  })

  it('in an HTML body, on the markup (entities included)', () => {
    const s = found(spots('email/thread.mbox', 'refund & the fee', acme))
    expect(s[0]).toMatchObject({ at: whereIs('email/thread.mbox', 'refund &amp; the fee'), text: 'refund &amp; the fee' })
  })

  it('in a base64 body, on the base64 characters that encode the phrase', () => {
    const file = 'email/arabic-base64.eml'
    const text = bytesOf(file).toString('utf8')
    const r = read(file, acme)
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([['agent', 'خدمة العملاء', '2025-01-05T09:00:00Z', 'مرحبا سارة،\n\nنعتذر عن التأخير. اهدأ من فضلك، سيصل الطلب غدا.']])
    expect(r.conversations[0]!.transcript.extra?.subject).toBe('طلبك رقم 4411')
    // Where the phrase's first byte sits in the base64 text.
    const bodyStart = text.indexOf('\n\n', text.indexOf('Content-Transfer-Encoding: base64')) + 2
    const bodyEnd = text.indexOf('\n--outer', bodyStart)
    const b64 = text.slice(bodyStart, bodyEnd)
    const html = Buffer.from(b64.replace(/\n/g, ''), 'base64')
    const byte = html.indexOf(Buffer.from('اهدأ'))
    let char = Math.floor(byte / 3) * 4 + (byte % 3)
    let offset = bodyStart
    for (let i = 0; ; offset++) {
      if (text[offset] === '\n') continue
      if (i++ === char) break
    }
    const s = found(spots(file, 'اهدأ', acme))
    expect(s).toHaveLength(1)
    const before = text.slice(0, offset)
    expect(s[0]!.at).toBe(`${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`)
  })

  it('reads an 8-bit windows-1256 body byte for byte (columns count bytes) and decodes it', () => {
    const r = read('email/windows-1256.eml', acme)
    expect(r.problems).toEqual([])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([['agent', 'Acme Support', '2025-01-05T10:00:00Z', 'مرحبا سارة\nاهدأ من فضلك، سيصل الطلب غدا.']])
    const s = found(spots('email/windows-1256.eml', 'من فضلك', acme))
    expect(s).toHaveLength(1)
    expect(s[0]!.at).toBe('11:6') // line 11 is the body's second line; 'اهدأ ' is five bytes
    expect(new TextDecoder('windows-1256').decode(Uint8Array.from(s[0]!.text, (c) => c.charCodeAt(0)))).toBe('من فضلك')
  })

  it('points a slow reply at the Date header', () => {
    const r = read('email/thread.mbox', acme)
    const at = r.conversations[0]!.source!.turns[1]!.at!
    expect(r.text.slice(at.start, at.end)).toBe('Tue, 07 Jan 2025 14:30:00 +0300')
  })
})

describe('e-mail: malformed messages', () => {
  it('reports each problem at its place and still reads the good messages', () => {
    const r = read('email/malformed.mbox', acme)
    const where = (p: { start: number }) => {
      const before = r.text.slice(0, p.start)
      return `${before.split('\n').length}:${p.start - before.lastIndexOf('\n')}`
    }
    expect(r.problems.map((p) => [where(p), p.fatal, p.reason])).toEqual([
      ['7:1', false, 'This line is not a header field and no empty line separates the header from the body; the body is read from here'],
      ['10:1', true, 'Message 2 has no header fields (expected "From:", "Date:", "Subject:" …); it is skipped'],
      ['19:1', false, 'The multipart/alternative boundary "never" never appears in the body; no text was read from it'],
      ['13:1', false, 'Message 3 ("Re: No blank line") has no text body; it is skipped'],
      ['27:7', false, '"Date: the sixth of January" is not an RFC 5322 date; the time is ignored']
    ])
    expect(rows(r.conversations[0]!.transcript.turns)).toEqual([
      ['customer', 'Dana Reyes', '2025-01-06T10:00:00Z', 'this body line comes right after the header'],
      ['agent', 'Sara Ali', null, 'Sorry Dana, please calm down.']
    ])
    expect(found(spots('email/malformed.mbox', 'calm down', acme))[0]).toMatchObject({ at: whereIs('email/malformed.mbox', 'calm down'), text: 'calm down' })
  })
})

describe('e-mail: detection and dates', () => {
  it('by extension and by content', () => {
    expect(detectFormat('x.eml', '')).toBe('email')
    expect(detectFormat('x.mbox', '')).toBe('email')
    expect(detectFormat('message', 'From: a@b.c\nSubject: x\nDate: Mon, 6 Jan 2025 10:00:00 +0000\n\nhi')).toBe('email')
    expect(detectFormat('archive', 'From a@b.c Mon Jan  6 10:00:00 2025\nFrom: a@b.c\n\nhi')).toBe('email')
  })

  it('parses RFC 5322 dates with offsets and zone names', () => {
    expect(parseEmailDate('Tue, 07 Jan 2025 14:30:00 +0300')).toBe(Date.parse('2025-01-07T11:30:00Z'))
    expect(parseEmailDate('7 Jan 2025 09:30 EST')).toBe(Date.parse('2025-01-07T14:30:00Z'))
    expect(parseEmailDate('31 Feb 2025 09:30 +0000')).toBeUndefined()
  })
})
