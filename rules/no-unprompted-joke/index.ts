import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'

export default defineRule({
  meta: { id: 'no-unprompted-joke', description: 'no-unprompted-joke (not implemented yet)', recommended: 'warn', url: docsUrl('no-unprompted-joke') },
  check() {}
})
