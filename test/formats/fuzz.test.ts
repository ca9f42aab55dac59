// Every reader on damaged copies of the export fixtures: lines dropped, repeated thousands of
// times, cut in the middle, spliced with hostile text. A reader may report problems, never throw;
// every place it reports lies inside the input; and linting the damaged file keeps every rule
// running.
import { readFileSync, readdirSync } from 'node:fs'
import { createLinter, readInput, type InputFormat } from '../../src/index.js'

const root = new URL('../../fixtures/', import.meta.url)
const FIXTURES: Array<{ name: string; format: InputFormat; text: string }> = []
const add = (dir: string, format: InputFormat) => {
  for (const name of readdirSync(new URL(dir, root))) FIXTURES.push({ name, format, text: readFileSync(new URL(`${dir}${name}`, root), 'latin1') })
}
add('exports/whatsapp/', 'whatsapp')
add('exports/csv/', 'csv')
add('exports/email/', 'email')
add('exports/helpdesk/', 'helpdesk')
FIXTURES.push(
  { name: 'helpdesk-chat.txt', format: 'text', text: readFileSync(new URL('examples/helpdesk-chat.txt', root), 'latin1') },
  { name: 'support-chats.jsonl', format: 'jsonl', text: readFileSync(new URL('examples/support-chats.jsonl', root), 'latin1') },
  { name: 'whatsapp-ar.jsonl', format: 'jsonl', text: readFileSync(new URL('examples/whatsapp-ar.jsonl', root), 'latin1') }
)

const HOSTILE = [
  '', '\u0000', '\ufeff', '\r', '\r\n\r\n', '"', '""', '\\', '{', '}', '[', ']', ',', ':', '>', '> > >', '=?utf-8?B?', '=?utf-8?Q?=E2=80', '--boundary',
  'Content-Type: multipart/mixed; boundary="x"', 'Content-Transfer-Encoding: base64', 'From: a@b.c', 'Date: not a date', '12/31/99, 25:61 - ',
  '[31/12/2024, 23:59:59] ', '‎', '\u200e[1/1/24 9:00 AM] Ali: ', 'Customer:', 'Agent (Sam):', '؟؟؟', 'ههههه', '😂'.repeat(50), '\ud800', '\udfff',
  'a'.repeat(5000), ' '.repeat(3000), '\n'.repeat(500), '"a""b"', '\t\t\t', 'null', 'true', '1e999', '-0', '"\\u12"', '\\ud83d\\ude02'
]

function mutator(seed: number) {
  // mulberry32
  const random = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) % n
  }
  return (text: string): string => {
    let lines = text.split('\n')
    const steps = 1 + random(4)
    for (let s = 0; s < steps; s++) {
      const at = random(lines.length + 1)
      switch (random(6)) {
        case 0: // drop some lines
          lines.splice(at, 1 + random(5))
          break
        case 1: // repeat a line many times
          if (lines[at] !== undefined) lines.splice(at, 0, ...Array.from({ length: 50 + random(400) }, () => lines[at]!))
          break
        case 2: // cut a line in the middle
          if (lines[at] !== undefined) lines[at] = lines[at]!.slice(0, random(lines[at]!.length + 1))
          break
        case 3: // hostile text inside a line
          if (lines[at] !== undefined) {
            const line = lines[at]!
            const cut = random(line.length + 1)
            lines[at] = line.slice(0, cut) + HOSTILE[random(HOSTILE.length)] + line.slice(cut)
          }
          break
        case 4: // hostile lines
          lines.splice(at, 0, ...Array.from({ length: 1 + random(5) }, () => HOSTILE[random(HOSTILE.length)]!))
          break
        default: // the file ends early
          lines = lines.slice(0, Math.max(1, at))
      }
    }
    return lines.join(random(5) === 0 ? '\r\n' : '\n')
  }
}

describe('readers on damaged exports', () => {
  const linter = createLinter({ config: { extends: 'all' } })
  const mutate = mutator(424242)

  it('report problems inside the input instead of throwing, and every rule still runs', () => {
    let read = 0
    let problems = 0
    for (const fixture of FIXTURES) {
      for (let k = 0; k < 8; k++) {
        const text = mutate(fixture.text)
        const bytes = new Uint8Array(Buffer.from(text, 'latin1'))
        const where = `${fixture.name} #${k}`
        const result = readInput(bytes, { name: fixture.name, format: fixture.format })
        const n = result.text.length
        for (const p of result.problems) {
          problems++
          expect(0 <= p.start && p.start <= p.end && p.end <= n, `${where}: ${p.reason} at ${p.start}-${p.end} of ${n}`).toBe(true)
        }
        for (const c of result.conversations) {
          read++
          for (const turn of c.source?.turns ?? []) expect(0 <= turn.start && turn.start <= turn.end && turn.end <= n, where).toBe(true)
        }
        const file = linter.lintSource(bytes, { path: fixture.name, format: fixture.format })
        expect(file.messages.filter((m) => /^Rule "/.test(m.reason)).map((m) => m.reason), where).toEqual([])
      }
    }
    // The damage leaves most conversations readable, and is reported.
    expect(read).toBeGreaterThan(FIXTURES.length * 4)
    expect(problems).toBeGreaterThan(FIXTURES.length)
  })
})
