// Every `/regex/flags` entry of the rules' lexicons compiles the way the phrase matcher compiles
// it (global, Unicode), so a broken pattern fails here rather than on the first text that reaches it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const RULES = join(import.meta.dirname, '..', 'rules')
const PATTERN = /^\/([\s\S]+)\/([a-z]*)$/

function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value
  else if (Array.isArray(value)) for (const v of value) yield* stringsOf(v)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* stringsOf(v)
}

const lexicons = readdirSync(RULES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(RULES, d.name)).filter((f) => /^lexicon\..*\.json$/.test(f)).map((f) => join(d.name, f)))

describe('lexicon patterns', () => {
  it('finds the lexicons', () => {
    expect(lexicons.length).toBeGreaterThan(15)
  })
  for (const file of lexicons) {
    it(`${file}: every pattern compiles as the matcher compiles it`, () => {
      const data: unknown = JSON.parse(readFileSync(join(RULES, file), 'utf8'))
      const broken: string[] = []
      for (const s of stringsOf(data)) {
        const m = PATTERN.exec(s)
        if (!m) continue
        const [, source, flags] = m as unknown as [string, string, string]
        const all = [...new Set(`${flags}gu`)].join('')
        try {
          new RegExp(source, all)
        } catch (e) {
          broken.push(`${s.slice(0, 80)}…: ${(e as Error).message}`)
          continue
        }
        // A doubled backslash before a class ("\\p{L}", "\\s") matches a backslash, never what was meant.
        if (/\\\\(?:p\{|[sdwb](?![\\]))/.test(source)) broken.push(`${s.slice(0, 80)}…: doubled backslash`)
      }
      expect(broken).toEqual([])
    })
  }
})
