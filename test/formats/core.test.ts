import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { detectFormat, readInput, INPUT_FORMATS } from '../../src/formats/index.js'
import { htmlToText } from '../../src/formats/html.js'
import { compose, removeChars, sliceMapped, sourceOf, verbatim, MappedBuilder } from '../../src/formats/mapped.js'
import { parseJson } from '../../src/model/json-source.js'
import { resolveConfig, ConfigError } from '../../src/config/resolve.js'
import { loadConfigFile } from '../../src/node/config-loader.js'
import { runConvert } from '../../src/cli/convert.js'
import { fixture } from './helpers.js'

describe('the export readers stay browser-safe', () => {
  it('src/formats imports no Node built-ins and uses no Buffer or process', () => {
    const dir = new URL('../../src/formats/', import.meta.url)
    for (const name of readdirSync(dir)) {
      const source = readFileSync(new URL(name, dir), 'utf8')
      expect([name, /from 'node:|require\(|\bBuffer\b|\bprocess\./.test(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))]).toEqual([name, false])
    }
    expect(readFileSync(new URL('csv.ts', dir), 'utf8')).toContain("from 'csv-parse/browser/esm/sync'")
  })
})

describe('mapped text', () => {
  it('HTML to text keeps each copied character at its place in the markup', () => {
    const html = '<div><p>Hello&nbsp;<b>Dana</b> &amp; co,</p><br>\n  see   <a href="x">this</a><blockquote>old</blockquote></div>'
    const m = htmlToText(html)
    expect(m.text).toBe('Hello Dana & co,\n\nsee this\n> old')
    for (const [i, ch] of [...m.text].entries()) if (/[a-z]/i.test(ch)) expect(html[sourceOf(m, i)]).toBe(ch)
    expect(html.slice(sourceOf(m, m.text.indexOf('&')), sourceOf(m, m.text.indexOf('&')) + 5)).toBe('&amp;')
  })

  it('compose chains a map through a JSON string with escapes', () => {
    const json = '"<p>caf\\u00e9 &amp; \\"tea\\"</p>"'
    const node = parseJson(json) as Extract<ReturnType<typeof parseJson>, { kind: 'string' }>
    const m = compose(htmlToText(node.value), node.map, node.value.length)
    expect(m.text).toBe('café & "tea"')
    expect(json.slice(sourceOf(m, 3), sourceOf(m, 3) + 6)).toBe('\\u00e9')
    expect(json[sourceOf(m, m.text.indexOf('tea'))]).toBe('t')
    expect(json.slice(sourceOf(m, m.text.indexOf('"')), sourceOf(m, m.text.indexOf('"')) + 2)).toBe('\\"')
  })

  it('removing invisible marks and slicing keep the map', () => {
    const src = 'xx\u200fab\u200ecd'
    const m = removeChars(verbatim(src, 2, src.length), (c) => c === '\u200e' || c === '\u200f')
    expect(m.text).toBe('abcd')
    expect([0, 1, 2, 3].map((i) => src[sourceOf(m, i)])).toEqual(['a', 'b', 'c', 'd'])
    const s = sliceMapped(m, 1, 3)
    expect(s.text).toBe('bc')
    expect(src[sourceOf(s, 1)]).toBe('c')
    const b = new MappedBuilder().copy('ab', 10).copy('cd', 12).put('\n', 20).copy('e', 30).build()
    expect(b.map).toEqual({ textStarts: [0, 4, 5], sourceStarts: [10, 20, 30], sourceEnd: 31 })
  })
})

describe('format detection and the --input-format override', () => {
  it('lists every format for --input-format', () => {
    expect(INPUT_FORMATS).toEqual(['json', 'jsonl', 'text', 'whatsapp', 'email', 'helpdesk', 'slack', 'csv'])
  })

  it('detects each fixture', () => {
    const expected: Record<string, string> = {
      'whatsapp/ios-ar.txt': 'whatsapp',
      'email/thread.mbox': 'email',
      'email/arabic-base64.eml': 'email',
      'helpdesk/intercom.json': 'helpdesk',
      'slack/export/support/2025-02-03.json': 'slack',
      'csv/twcs-sample.csv': 'csv'
    }
    for (const [file, format] of Object.entries(expected)) expect([file, detectFormat(file, readFileSync(fixture(file), 'utf8'))]).toEqual([file, format])
  })

  it('the override wins over the extension', () => {
    const text = readFileSync(fixture('whatsapp/android-en-gb.txt'), 'utf8')
    expect(readInput(text, { name: 'chat.log', format: 'whatsapp', roles: { agent: ['Acme Support'] } }).conversations[0]!.transcript.channel).toBe('messaging')
    expect(readInput(text, { name: 'chat.txt', format: 'text' }).format).toBe('text')
  })

  it('content that fits nothing gets an error naming the formats', () => {
    const r = readInput('just some words\nand more words\n', { name: 'notes' })
    expect(r.conversations).toEqual([])
    expect(r.problems[0]!.reason).toMatch(/coachlint reads canonical JSON .* WhatsApp chat exports .* e-mail \(\.eml, \.mbox\), helpdesk JSON exports .* Slack exports .* CSV .* --input-format json\|jsonl\|text\|whatsapp\|email\|helpdesk\|slack\|csv/)
  })
})

describe('config keys for the export readers', () => {
  const resolve = (config: object) => resolveConfig({ config: config as never, plugins: [] })

  it('are validated with messages naming the key', () => {
    expect(() => resolve({ agents: { email: ['x'] } })).toThrow(/agents\.email: unknown key/)
    expect(() => resolve({ agents: { domains: 'acme.com' } })).toThrow(/agents\.domains must be an array/)
    expect(() => resolve({ timeZone: 'Mars/Base' })).toThrow(/timeZone must be an IANA time zone/)
    expect(() => resolve({ dateOrder: 'DM' })).toThrow(/dateOrder must be "DMY", "MDY" or "YMD"/)
    expect(() => resolve({ csv: { columns: { txt: 'a' } } })).toThrow(/csv\.columns\.txt: unknown column key/)
    expect(() => resolve({ csv: { roleValues: { boss: ['x'] } } })).toThrow(ConfigError)
  })

  it('are resolved and accepted in config files', async () => {
    const config = { agents: { emails: ['support@acme.com'], domains: ['acme.com'] }, timeZone: 'Asia/Riyadh', dateOrder: 'DMY', csv: { columns: { text: 'body' }, delimiter: ';' } }
    expect(resolve(config)).toMatchObject(config)
    const dir = mkdtempSync(join(tmpdir(), 'coachlint-cfg-'))
    writeFileSync(join(dir, '.coachlintrc.json'), JSON.stringify(config))
    expect((await loadConfigFile(join(dir, '.coachlintrc.json'))).config).toEqual(config)
  })
})

describe('coachlint convert', () => {
  async function convert(paths: string[], flags: Partial<Parameters<typeof runConvert>[1]> = {}) {
    let stdout = ''
    let stderr = ''
    const out = process.stdout.write
    const err = process.stderr.write
    process.stdout.write = ((s: string) => ((stdout += s), true)) as never
    process.stderr.write = ((s: string) => ((stderr += s), true)) as never
    try {
      const code = await runConvert(paths, { to: 'jsonl', config: false, ...flags })
      return { code, stdout, stderr }
    } finally {
      process.stdout.write = out
      process.stderr.write = err
    }
  }

  it('prints canonical JSON Lines that read back as the same transcripts', async () => {
    const { code, stdout, stderr } = await convert([fixture('email/thread.mbox')])
    expect(code).toBe(0)
    expect(stderr).toMatch(/thread\.mbox:2:1: warning: No support addresses are configured/)
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => [l.id, l.channel, l.turns.length])).toEqual([
      ['m1.dana@example.com', 'email', 3],
      ['t1@example.org', 'email', 2]
    ])
    expect(lines[0].turns[1]).toEqual({ role: 'agent', author: 'Sara Ali', at: '2025-01-07T11:30:00Z', text: expect.stringContaining('café-side') })
    const back = readInput(stdout, { name: 'x.jsonl' })
    expect(back.problems).toEqual([])
    expect(back.conversations.map((c) => c.transcript.turns.map((t) => t.text))).toEqual(lines.map((l) => l.turns.map((t: { text: string }) => t.text)))
  })

  it('--to json prints an array; problems go to stderr with line:column; exit 1 when a part was skipped', async () => {
    const { code, stdout, stderr } = await convert([fixture('csv/malformed.csv')], { to: 'json' })
    expect(code).toBe(1)
    expect(JSON.parse(stdout).map((c: { id: string }) => c.id)).toEqual(['c-1', 'c-2'])
    expect(stderr).toMatch(/malformed\.csv:3:26: error: CSV line 3: role "manager"/)
    expect(stderr).toMatch(/malformed\.csv:5:1: error: CSV line 5:/)
  })

  it('exits 2 when nothing could be read', async () => {
    expect((await convert([fixture('helpdesk/unknown-shape.json')])).code).toBe(2)
    expect((await convert([])).code).toBe(2)
  })
})
