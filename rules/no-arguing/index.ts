import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'

export default defineRule({
  meta: { id: 'no-arguing', description: 'no-arguing (not implemented yet)', recommended: 'warn', url: docsUrl('no-arguing') },
  check() {}
})
