import { createLinter } from '../src/index.js'
import type { CoachlintMessage } from '../src/engine/messages.js'

/** The source text between a message's start and end (single line). */
function spanText(source: string, m: CoachlintMessage): string {
  const place = m.place as { start: { line: number; column: number }; end: { line: number; column: number } }
  const line = source.split('\n')[place.start.line - 1]!
  return line.slice(place.start.column - 1, place.end.column - 1)
}

describe('Arabic diagnostics point at the original characters', () => {
  const linter = createLinter({ config: { rules: { 'no-overpromise': 'warn', 'no-dead-end': 'warn' } } })

  it('through diacritics, tatweel and Arabic-Indic digits in a JSON Lines file', () => {
    const turns = [
      { role: 'customer', text: 'متى توصل الشحنة؟ الطلب رقم ٤٥٢١٨' },
      { role: 'agent', text: 'أُوعِدُكَ ١٠٠٪ بـتـوصـلـك بُكرة الصبح' },
      { role: 'customer', text: 'وإذا ما وصلت؟' },
      { role: 'agent', text: 'والله مـــا أَدْري.' }
    ]
    const source = JSON.stringify({ id: 'ar-pos', channel: 'messaging', language: 'ar', turns }) + '\n'
    const file = linter.lintSource(source, { path: 'ar.jsonl' })
    const byRule = new Map((file.messages as CoachlintMessage[]).map((m) => [m.ruleId, m]))
    const over = byRule.get('no-overpromise')
    const dead = byRule.get('no-dead-end')
    expect(over, 'no-overpromise finding').toBeDefined()
    expect(dead, 'no-dead-end finding').toBeDefined()
    const overText = spanText(source, over!)
    const deadText = spanText(source, dead!)
    // The spans are exact substrings of the original turn, starting and ending on whole characters.
    expect(turns[1]!.text).toContain(overText)
    expect(overText).toMatch(/^(أُوعِدُكَ|١٠٠٪)/)
    expect(turns[3]!.text).toContain(deadText)
    expect(deadText.startsWith('مـــا')).toBe(true)
    expect(deadText).toContain('أَدْري')
  })

  it('inside JSON strings written with \\u escapes', () => {
    const text = 'والله مـــا أَدْري.'
    const escaped = [...text].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('')
    const source = `{"id": "esc", "channel": "chat", "turns": [{"role": "customer", "text": "\\u0648\\u064a\\u0646 \\u0637\\u0644\\u0628\\u064a\\u061f"}, {"role": "agent", "text": "${escaped}"}]}\n`
    const file = linter.lintSource(source, { path: 'esc.jsonl' })
    const dead = (file.messages as CoachlintMessage[]).find((m) => m.ruleId === 'no-dead-end')
    expect(dead).toBeDefined()
    const raw = spanText(source, dead!)
    expect(JSON.parse(`"${raw}"`)).toMatch(/^مـــا أَدْري/)
    expect(raw.startsWith('\\u0645')).toBe(true)
  })
})
