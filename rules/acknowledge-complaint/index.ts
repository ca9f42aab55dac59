import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'

export default defineRule({
  meta: { id: 'acknowledge-complaint', description: 'acknowledge-complaint (not implemented yet)', recommended: 'warn', url: docsUrl('acknowledge-complaint') },
  check() {}
})
