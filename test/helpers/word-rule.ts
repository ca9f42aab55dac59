/** A tiny rule for engine tests: reports every occurrence of a word in agent turns. */
import { defineRule } from '../../src/engine/define-rule.js'

export const wordRule = defineRule<{ word: string }>({
  meta: {
    id: 'test-word',
    description: 'reports a word',
    recommended: 'warn',
    schema: { type: 'object', additionalProperties: false, properties: { word: { type: 'string' } } },
    defaultOptions: { word: 'banana' }
  },
  check(context) {
    context.transcript.turns.forEach((turn, i) => {
      if (turn.role !== 'agent') return
      let from = 0
      for (;;) {
        const at = turn.text.indexOf(context.options.word, from)
        if (at === -1) break
        context.report({ turn: i, start: at, end: at + context.options.word.length, reason: `found ${context.options.word}`, note: 'a tip', expected: ['apple'], confidence: 0.8 })
        from = at + 1
      }
    })
  }
})

export const wordPlugin = { name: 'test', rules: { 'test-word': wordRule } }
