/** Validation of the config keys the export readers use (browser-safe; the caller raises ConfigError). */
import { CHANNELS, ROLES, type ConfigObject } from '../types.js'
import { isTimeZone } from './wall-time.js'

const isStringArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** Mistakes in `agents`, `timeZone`, `dateOrder` and `csv`, each naming the key. */
export function validateInputConfig(config: ConfigObject): string[] {
  const errors: string[] = []
  const { agents, timeZone, dateOrder, csv } = config as Record<string, any>
  if (agents !== undefined) {
    if (typeof agents !== 'object' || agents === null || Array.isArray(agents)) errors.push('agents must be an object such as {"emails": ["support@acme.com"], "domains": ["acme.com"]}')
    else {
      for (const key of Object.keys(agents)) if (key !== 'emails' && key !== 'domains') errors.push(`agents.${key}: unknown key (use emails, domains)`)
      if (agents.emails !== undefined && !isStringArray(agents.emails)) errors.push('agents.emails must be an array of addresses or patterns')
      if (agents.domains !== undefined && !isStringArray(agents.domains)) errors.push('agents.domains must be an array of domains such as "acme.com"')
    }
  }
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isTimeZone(timeZone))) errors.push(`timeZone must be an IANA time zone such as "Asia/Riyadh", got ${JSON.stringify(timeZone)}`)
  if (dateOrder !== undefined && !['DMY', 'MDY', 'YMD'].includes(dateOrder)) errors.push(`dateOrder must be "DMY", "MDY" or "YMD", got ${JSON.stringify(dateOrder)}`)
  if (csv !== undefined) {
    if (typeof csv !== 'object' || csv === null || Array.isArray(csv)) errors.push('csv must be an object such as {"columns": {"text": "message", "role": "sender_type"}}')
    else {
      for (const key of Object.keys(csv)) if (!['columns', 'roleValues', 'delimiter', 'channel'].includes(key)) errors.push(`csv.${key}: unknown key (use columns, roleValues, delimiter, channel)`)
      if (csv.columns !== undefined) {
        if (typeof csv.columns !== 'object' || csv.columns === null) errors.push('csv.columns must be an object')
        else
          for (const [key, value] of Object.entries(csv.columns)) {
            if (!['conversation', 'time', 'role', 'author', 'text'].includes(key)) errors.push(`csv.columns.${key}: unknown column key (use conversation, time, role, author, text)`)
            else if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) errors.push(`csv.columns.${key} must be a header name or a 0-based column number`)
          }
      }
      if (csv.roleValues !== undefined) {
        if (typeof csv.roleValues !== 'object' || csv.roleValues === null) errors.push('csv.roleValues must be an object such as {"agent": ["staff"]}')
        else
          for (const [role, values] of Object.entries(csv.roleValues)) {
            if (!(ROLES as readonly string[]).includes(role)) errors.push(`csv.roleValues.${role}: unknown role (use ${ROLES.join(', ')})`)
            else if (!isStringArray(values)) errors.push(`csv.roleValues.${role} must be an array of strings`)
          }
      }
      if (csv.delimiter !== undefined && (typeof csv.delimiter !== 'string' || csv.delimiter.length === 0)) errors.push('csv.delimiter must be a non-empty string')
      if (csv.channel !== undefined && !(CHANNELS as readonly string[]).includes(csv.channel)) errors.push(`csv.channel must be one of ${CHANNELS.join(', ')}`)
    }
  }
  return errors
}
