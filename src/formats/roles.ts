/** Who is the agent: configured names, patterns, addresses and domains, and announced fallbacks. */
import type { AgentsConfig, Role } from '../types.js'
import { matchesPattern } from './plain-text.js'

/** The role a configured `roles` entry gives this name, if any. */
export function configuredRole(name: string | undefined, roles: Partial<Record<Role, string[]>> | undefined): Role | undefined {
  if (!name || !roles) return undefined
  for (const role of ['agent', 'bot', 'customer', 'system'] as const) {
    for (const pattern of roles[role] ?? []) if (matchesPattern(name.trim(), pattern)) return role
  }
  return undefined
}

/** True when the config names anyone as an agent or bot. */
export function hasAgentConfig(roles: Partial<Record<Role, string[]>> | undefined, agents?: AgentsConfig): boolean {
  return (roles?.agent?.length ?? 0) + (roles?.bot?.length ?? 0) + (agents?.emails?.length ?? 0) + (agents?.domains?.length ?? 0) > 0
}

/** Does this e-mail address belong to the support side according to `agents`? */
export function isAgentAddress(address: string | undefined, agents: AgentsConfig | undefined): boolean {
  if (!address || !agents) return false
  const addr = address.trim().toLowerCase()
  for (const e of agents.emails ?? []) {
    if (e.includes('*') || e.startsWith('/')) {
      if (matchesPattern(addr, e)) return true
    } else if (e.toLowerCase() === addr) return true
  }
  const domain = addr.slice(addr.lastIndexOf('@') + 1)
  for (const d of agents.domains ?? []) {
    const want = d.toLowerCase().replace(/^@/, '')
    if (domain === want || domain.endsWith('.' + want)) return true
  }
  return false
}

const BUSINESS_WORDS =
  /\b(?:support|help ?desk|helpdesk|help|customer ?care|care|service|services|team|official|store|shop|bank|airlines?|telecom|inc|ltd|llc|gmbh|co|company|agent|concierge|assistant|sales|billing)\b|(?:دعم|خدمة|العملاء|فريق|شركة|متجر|بنك|مصرف|الرسمي|مساعد)/i

/** A display name that reads like a business or a support desk ("Acme Support", «خدمة العملاء»). */
export function looksLikeBusiness(name: string): boolean {
  return BUSINESS_WORDS.test(name)
}

const SUPPORT_LOCAL_PARTS = /^(?:support|help|helpdesk|service|services|care|customercare|customerservice|customer-service|customer\.service|team|hello|contact|billing|sales|info|cs|noreply|no-reply|do-not-reply|donotreply)(?:[+.\-_].*)?$/i

/** An address whose local part reads like a support desk (support@, help@, care@ …). */
export function looksLikeSupportAddress(address: string): boolean {
  const at = address.lastIndexOf('@')
  return at > 0 && SUPPORT_LOCAL_PARTS.test(address.slice(0, at))
}

export const quoteList = (names: string[]) => names.map((n) => JSON.stringify(n)).join(', ')
