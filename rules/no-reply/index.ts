// placeholder replaced by the no-reply implementation
import { defineRule } from '../../src/engine/define-rule.js'
import { docsUrl } from '../docs-url.js'
export default defineRule({ meta: { id: 'no-reply', description: 'The customer’s last message was never answered', recommended: 'warn', url: docsUrl('no-reply') }, check() {} })
