import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'

export default defineRule({
  meta: { id: 'no-rudeness', description: 'no-rudeness (not implemented yet)', recommended: 'warn', url: docsUrl('no-rudeness') },
  check() {}
})
