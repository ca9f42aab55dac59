import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'

export default defineRule({
  meta: { id: 'unkept-promise', description: 'unkept-promise (not implemented yet)', recommended: 'warn', url: docsUrl('unkept-promise') },
  check() {}
})
