/**
 * coachlint's built-in rules, as a plugin with the `recommended` and `all`
 * presets. The engine knows no rule by name: it receives this plugin like any other.
 */
import type { ConfigObject, Plugin, Rule, RuleSetting } from '../src/types.js'
import acknowledgeComplaint from './acknowledge-complaint/index.js'
import confirmUnderstanding from './confirm-understanding/index.js'
import noArguing from './no-arguing/index.js'
import noDeadEnd from './no-dead-end/index.js'
import noOverpromise from './no-overpromise/index.js'
import noRepeatRequest from './no-repeat-request/index.js'
import noReply from './no-reply/index.js'
import noRudeness from './no-rudeness/index.js'
import noUnpromptedJoke from './no-unprompted-joke/index.js'
import slowReply from './slow-reply/index.js'
import unkeptPromise from './unkept-promise/index.js'

export const rules: Rule<any>[] = [
  slowReply,
  noReply,
  noArguing,
  noRudeness,
  noDeadEnd,
  noOverpromise,
  unkeptPromise,
  noUnpromptedJoke,
  confirmUnderstanding,
  noRepeatRequest,
  acknowledgeComplaint
]

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
