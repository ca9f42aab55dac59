import { readFileSync } from 'node:fs'
import { rules } from '../rules/index.js'
import { BATCH_CHARS, BATCH_CONVERSATIONS, BATCH_TURNS } from '../src/engine/run-rules.js'

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

  it('lists every rule with its current description and default severity (npm run docs -- --write)', () => {
    for (const rule of rules) {
      expect(readme).toContain(`| [\`${rule.meta.id}\`](rules/${rule.meta.id}/README.md) | ${rule.meta.recommended} | ${rule.meta.description.replace(/\|/g, '\\|')} |`)
    }
  })

  it('keeps the quick-start commands true', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(readme).toContain('npm install')
    expect(readme).toContain('npm test')
    expect(readme).toContain('npm run demo')
    expect(pkg.scripts.demo).toContain('fixtures/examples')
  })

  it('gives the batch bounds the engine uses', () => {
    expect(readme.replace(/\s+/g, ' ')).toContain(`(${BATCH_CONVERSATIONS} conversations, ${BATCH_TURNS} turns, ${BATCH_CHARS >> 10} kB)`)
  })
})
