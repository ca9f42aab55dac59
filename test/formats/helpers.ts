/** Shared helpers for the export-format tests. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineRule } from '../../src/engine/define-rule.js'
import { createLinter } from '../../src/index.js'
import { readInput, type ReadOptions } from '../../src/formats/index.js'
import type { CoachlintMessage } from '../../src/engine/messages.js'
import type { ConfigObject, Turn } from '../../src/types.js'
import { wordPlugin } from '../helpers/word-rule.js'

export const fixture = (rel: string) => fileURLToPath(new URL(`../../fixtures/exports/${rel}`, import.meta.url))
export const bytesOf = (rel: string) => readFileSync(fixture(rel))

/** Read a fixture with the given options (name defaults to the fixture path). */
export function read(rel: string, options: Partial<ReadOptions> = {}) {
  return readInput(bytesOf(rel), { name: rel, ...options })
}

/** Turns as [role, author, at, text] rows, for whole-conversation assertions. */
export const rows = (turns: Turn[]) => turns.map((t) => [t.role, t.author ?? null, t.at ?? null, t.text])

/** Like test-word, but searches the analysis layer's ownText (quoted history and signatures blanked). */
const ownWordRule = defineRule<{ word: string }>({
  meta: { id: 'test-own-word', description: 'reports a word in own text', recommended: 'warn', schema: { type: 'object', properties: { word: { type: 'string' } } }, defaultOptions: { word: 'banana' } },
  check(context) {
    context.transcript.turns.forEach((turn, i) => {
      if (turn.role !== 'agent') return
      const own = context.analyse(i).ownText.toLowerCase()
      const word = context.options.word.toLowerCase()
      for (let at = own.indexOf(word); at !== -1; at = own.indexOf(word, at + 1)) context.report({ turn: i, start: at, end: at + word.length, reason: `found ${word}` })
    })
  }
})

export interface Spot {
  /** `line:column` of the start. */
  at: string
  /** The source text between start and end (as decoded). */
  text: string
  rule: string | null
  turn?: number
  conversation?: string
}

/**
 * Lint a fixture with only the test rules on, looking for `word`; return where
 * each finding and input problem lands in the source.
 */
export function spots(rel: string, word: string, config: ConfigObject = {}, own = false): Spot[] {
  const plugin = { name: 'test', rules: { ...wordPlugin.rules, 'test-own-word': ownWordRule } }
  const rule = own ? 'test-own-word' : 'test-word'
  const linter = createLinter({ noBuiltins: true, plugins: [plugin], config: { ...config, rules: { [rule]: ['warn', { word }] } } })
  const file = linter.lintSource(bytesOf(rel), { path: rel })
  const text = (file.data as { coachlintText: string }).coachlintText
  return (file.messages as CoachlintMessage[]).map((m) => {
    const place = m.place as { start: { line: number; column: number; offset: number }; end: { offset: number } }
    return { at: `${place.start.line}:${place.start.column}`, text: text.slice(place.start.offset, place.end.offset), rule: m.ruleId ?? null, turn: m.turn, conversation: m.conversation }
  })
}

/** Only the findings of the test rule. */
export const found = (s: Spot[]) => s.filter((x) => x.rule !== null)

/** 1-based line:column of the n-th occurrence of `needle` in a fixture's decoded text. */
export function whereIs(rel: string, needle: string, nth = 1): string {
  const text = read(rel).text
  let at = -1
  for (let k = 0; k < nth; k++) at = text.indexOf(needle, at + 1)
  if (at < 0) throw new Error(`${needle} not in ${rel}`)
  const before = text.slice(0, at)
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`
}
