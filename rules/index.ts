/**
 * coachlint's built-in rules, as a plugin with the `recommended` and `all`
 * presets. The engine knows no rule by name: it receives this plugin like any other.
 */
import type { ConfigObject, Plugin, Rule, RuleSetting } from '../src/types.js'
import noReply from './no-reply/index.js'
import slowReply from './slow-reply/index.js'

export const rules: Rule<any>[] = [slowReply, noReply]

const byId = Object.fromEntries(rules.map((r) => [r.meta.id, r]))

const recommended: ConfigObject = {
  rules: Object.fromEntries(rules.filter((r) => r.meta.recommended !== 'off').map((r) => [r.meta.id, r.meta.recommended as RuleSetting]))
}

const all: ConfigObject = {
  rules: Object.fromEntries(rules.map((r) => [r.meta.id, (r.meta.recommended === 'off' ? 'warn' : r.meta.recommended) as RuleSetting]))
}

export const builtinPlugin: Plugin = {
  name: 'coachlint',
  rules: byId,
  configs: { recommended, all }
}

export default builtinPlugin
