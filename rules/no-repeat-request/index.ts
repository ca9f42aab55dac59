import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'

export default defineRule({
  meta: { id: 'no-repeat-request', description: 'no-repeat-request (not implemented yet)', recommended: 'warn', url: docsUrl('no-repeat-request') },
  check() {}
})
