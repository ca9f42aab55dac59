import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'

export default defineRule({
  meta: { id: 'no-dead-end', description: 'no-dead-end (not implemented yet)', recommended: 'warn', url: docsUrl('no-dead-end') },
  check() {}
})
