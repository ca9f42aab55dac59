import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, resolveConfig } from '../src/config/resolve.js'
import { builtinPlugin } from '../src/index.js'
import { createNodeLinter, findConfigFile } from '../src/node/index.js'
import { wordPlugin } from './helpers/word-rule.js'

const plugins = [builtinPlugin, wordPlugin]

describe('resolveConfig', () => {
  it('expands presets and applies severities and options', () => {
    const r = resolveConfig({ config: { extends: 'recommended', rules: { 'slow-reply': ['error', { limits: { chat: '5m' } }], 'no-reply': 'off' } }, plugins })
    expect(r.settings['slow-reply']![0]).toBe('error')
    expect((r.settings['slow-reply']![1] as { limits: { chat: string } }).limits.chat).toBe('5m')
    expect(r.rules.map((a) => a.rule.meta.id)).not.toContain('no-reply')
  })

  it('keeps earlier options when only the severity changes', () => {
    const r = resolveConfig({ config: { rules: { 'test-word': ['warn', { word: 'kiwi' }] } }, plugins, overrides: { 'test-word': 'error' } })
    expect(r.rules[0]).toMatchObject({ severity: 'error', options: { word: 'kiwi' } })
  })

  it('accepts ESLint-style numbers and info', () => {
    const r = resolveConfig({ config: { rules: { 'slow-reply': 2, 'no-reply': 'info', 'test-word': 0 } }, plugins })
    expect(r.rules.map((a) => [a.rule.meta.id, a.severity])).toEqual([['no-reply', 'info'], ['slow-reply', 'error']])
  })

  it('explains mistakes', () => {
    expect(() => resolveConfig({ config: { rules: { 'slow-replies': 'warn' } }, plugins })).toThrow(/unknown rule "slow-replies" \(did you mean "slow-reply"\?\)/)
    expect(() => resolveConfig({ config: { rules: { 'slow-reply': 'loud' as never } }, plugins })).toThrow(/severity must be/)
    expect(() => resolveConfig({ config: { extends: 'strict' }, plugins })).toThrow(/unknown preset "strict".*recommended, all/)
    expect(() => resolveConfig({ config: { rules: { 'test-word': ['warn', { word: 3 }] } }, plugins })).toThrow(/rules\["test-word"\]\[1\]\.word: expected string, got integer 3/)
    expect(() => resolveConfig({ config: { minConfidence: 3 }, plugins })).toThrow(ConfigError)
  })
})

describe('config files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coachlint-config-'))

  it('finds .coachlintrc.json upward and package.json#coachlint', async () => {
    const a = join(dir, 'a')
    mkdirSync(join(a, 'deep', 'er'), { recursive: true })
    writeFileSync(join(a, '.coachlintrc.json'), JSON.stringify({ extends: 'recommended', rules: { 'slow-reply': 'error' } }))
    expect(findConfigFile(join(a, 'deep', 'er'))).toBe(join(a, '.coachlintrc.json'))
    const b = join(dir, 'b')
    mkdirSync(b)
    writeFileSync(join(b, 'package.json'), JSON.stringify({ name: 'x', coachlint: { rules: { 'no-reply': 'error' } } }))
    const { linter, configPath } = await createNodeLinter({ cwd: b })
    expect(configPath).toBe(join(b, 'package.json'))
    expect(linter.config.rules.map((r) => r.rule.meta.id)).toEqual(['no-reply'])
  })

  it('loads a JS config with a local rule plugin', async () => {
    const c = join(dir, 'c')
    mkdirSync(c)
    writeFileSync(
      join(c, 'my-rule.mjs'),
      `export default { meta: { id: 'no-banana', description: 'x', recommended: 'warn' }, check(ctx) { ctx.transcript.turns.forEach((t, i) => { if (t.text.includes('banana')) ctx.report({ turn: i, reason: 'banana' }) }) } }`
    )
    writeFileSync(join(c, 'coachlint.config.mjs'), `export default { plugins: ['./my-rule.mjs'], rules: { 'no-banana': 'error' } }`)
    const { linter } = await createNodeLinter({ cwd: c })
    const file = linter.lintTranscript({ id: 'x', channel: 'chat', turns: [{ role: 'agent', text: 'a banana' }] })
    expect(file.messages.map((m) => [m.ruleId, m.fatal])).toEqual([['no-banana', true]])
  })

  it('locates JSON syntax errors in config files and rejects unknown keys', async () => {
    const d = join(dir, 'd')
    mkdirSync(d)
    writeFileSync(join(d, '.coachlintrc.json'), '{\n  "rules": {\n    "slow-reply": "warn",\n  }\n}')
    await expect(createNodeLinter({ cwd: d })).rejects.toThrow(/\.coachlintrc\.json:4:3/)
    writeFileSync(join(d, '.coachlintrc.json'), '{"rulez": {}}')
    await expect(createNodeLinter({ cwd: d })).rejects.toThrow(/unknown config key "rulez"/)
  })
})
