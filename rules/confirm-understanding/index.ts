import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'

export default defineRule({
  meta: { id: 'confirm-understanding', description: 'confirm-understanding (not implemented yet)', recommended: 'warn', url: docsUrl('confirm-understanding') },
  check() {}
})
