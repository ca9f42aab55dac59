import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'

export default defineRule({
  meta: { id: 'no-overpromise', description: 'no-overpromise (not implemented yet)', recommended: 'warn', url: docsUrl('no-overpromise') },
  check() {}
})
