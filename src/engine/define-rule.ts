import type { Rule } from '../types.js'

/** Identity helper that types a rule: `export default defineRule({ meta, check })`. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  if (!rule || typeof rule.check !== 'function' || !rule.meta || typeof rule.meta.id !== 'string') {
    throw new TypeError('defineRule expects { meta: { id, description, recommended }, check(context) }')
  }
  return rule
}
