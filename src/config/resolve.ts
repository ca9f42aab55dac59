/**
 * Resolve a configuration: expand `extends`, merge rule settings, validate
 * severities and options. Browser-safe: plugins arrive already loaded.
 */
import { CHANNELS, ROLES, type ActiveRule, type Channel, type ConfigObject, type Plugin, type Role, type Rule, type RuleSetting, type Severity } from '../types.js'
import { validateOptions } from './validate-options.js'
import { validateInputConfig } from '../formats/config.js'

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export interface ResolvedConfig {
  rules: ActiveRule[]
  /** The effective settings, as they would be written in a config file. */
  settings: Record<string, [Severity | 'off', Record<string, unknown>]>
  minConfidence: number
  roles?: Partial<Record<Role, string[]>>
  channel?: Channel
  ignorePatterns: string[]
  locale?: string
  /** Export readers' settings (see docs/formats.md). */
  agents?: ConfigObject['agents']
  timeZone?: string
  dateOrder?: ConfigObject['dateOrder']
  csv?: ConfigObject['csv']
}

const SEVERITIES: Record<string, Severity | 'off'> = { off: 'off', warn: 'warn', warning: 'warn', error: 'error', info: 'info', 0: 'off', 1: 'warn', 2: 'error' }

export function parseSeverity(value: unknown, where: string): Severity | 'off' {
  const s = SEVERITIES[String(value)]
  if (s === undefined || (typeof value !== 'string' && typeof value !== 'number')) {
    throw new ConfigError(`${where}: severity must be "off", "info", "warn" or "error" (or 0, 1, 2), got ${JSON.stringify(value)}`)
  }
  return s
}

function normaliseSetting(setting: RuleSetting, where: string): { severity: Severity | 'off'; options?: Record<string, unknown> } {
  if (Array.isArray(setting)) {
    if ((setting as unknown[]).length === 0 || setting.length > 2) throw new ConfigError(`${where}: expected a severity or [severity, options]`)
    const severity = parseSeverity(setting[0], where)
    const options = setting[1]
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
      throw new ConfigError(`${where}: options must be an object, got ${JSON.stringify(options)}`)
    }
    return { severity, options: options as Record<string, unknown> | undefined }
  }
  return { severity: parseSeverity(setting, where) }
}

export interface ResolveInput {
  config: ConfigObject
  /** Loaded plugins, the built-in one first. */
  plugins: Plugin[]
  /** Extra rule settings applied last (e.g. from `--rule`). */
  overrides?: Record<string, RuleSetting>
}

export function resolveConfig({ config, plugins, overrides }: ResolveInput): ResolvedConfig {
  const rulesById = new Map<string, Rule<any>>()
  for (const plugin of plugins) {
    for (const [key, rule] of Object.entries(plugin.rules)) {
      const id = rule.meta?.id ?? key
      const existing = rulesById.get(id)
      if (existing && existing !== rule) throw new ConfigError(`Rule "${id}" is defined twice (plugin "${plugin.name}")`)
      rulesById.set(id, rule)
    }
  }

  const merged: Record<string, { severity: Severity | 'off'; options?: Record<string, unknown> }> = {}
  const seen = new Set<ConfigObject>()
  const apply = (cfg: ConfigObject, where: string) => {
    if (seen.has(cfg)) throw new ConfigError(`${where}: circular "extends"`)
    seen.add(cfg)
    const ext = cfg.extends === undefined ? [] : Array.isArray(cfg.extends) ? cfg.extends : [cfg.extends]
    for (const name of ext) apply(findPreset(name, plugins, where), `preset "${name}"`)
    for (const [id, setting] of Object.entries(cfg.rules ?? {})) {
      if (!rulesById.has(id)) throw new ConfigError(`${where}: unknown rule "${id}"${suggest(id, [...rulesById.keys()])}`)
      const next = normaliseSetting(setting, `${where}: rules["${id}"]`)
      const prev = merged[id]
      // Like ESLint: a bare severity keeps options set earlier.
      merged[id] = { severity: next.severity, options: next.options ?? prev?.options }
    }
    seen.delete(cfg)
  }
  apply(config, 'config')
  if (overrides) apply({ rules: overrides }, 'command line')

  if (config.minConfidence !== undefined && (typeof config.minConfidence !== 'number' || config.minConfidence < 0 || config.minConfidence > 1)) {
    throw new ConfigError(`config: minConfidence must be a number from 0 to 1, got ${JSON.stringify(config.minConfidence)}`)
  }
  if (config.channel !== undefined && !(CHANNELS as readonly string[]).includes(config.channel)) {
    throw new ConfigError(`config: channel must be one of ${CHANNELS.join(', ')}, got ${JSON.stringify(config.channel)}`)
  }
  if (config.roles !== undefined) validateRoles(config.roles)
  if (config.locale !== undefined && config.locale !== 'en' && config.locale !== 'ar') {
    throw new ConfigError(`config: locale must be "en" or "ar", got ${JSON.stringify(config.locale)}`)
  }
  if (config.ignorePatterns !== undefined && (!Array.isArray(config.ignorePatterns) || config.ignorePatterns.some((p) => typeof p !== 'string'))) {
    throw new ConfigError('config: ignorePatterns must be an array of glob strings')
  }
  const inputErrors = validateInputConfig(config)
  if (inputErrors.length > 0) throw new ConfigError(`config: ${inputErrors.join('; ')}`)

  const active: ActiveRule[] = []
  const settings: ResolvedConfig['settings'] = {}
  for (const id of [...Object.keys(merged)].sort()) {
    const { severity, options } = merged[id]!
    const rule = rulesById.get(id)!
    const full = { ...(rule.meta.defaultOptions ?? {}), ...(options ?? {}) }
    if (rule.meta.schema) {
      const errors = validateOptions(full, rule.meta.schema, `rules["${id}"][1]`)
      if (errors.length > 0) throw new ConfigError(`Invalid options for rule "${id}":\n  ${errors.join('\n  ')}`)
    } else if (options && Object.keys(options).length > 0) {
      throw new ConfigError(`Rule "${id}" takes no options, got ${JSON.stringify(options)}`)
    }
    settings[id] = [severity, full]
    if (severity !== 'off') active.push({ rule, severity, options: full })
  }
  const resolved: ResolvedConfig = {
    rules: active,
    settings,
    minConfidence: config.minConfidence ?? 0,
    ignorePatterns: config.ignorePatterns ?? []
  }
  if (config.roles) resolved.roles = config.roles
  if (config.channel) resolved.channel = config.channel
  if (config.locale) resolved.locale = config.locale
  for (const key of ['agents', 'timeZone', 'dateOrder', 'csv'] as const) if (config[key] !== undefined) (resolved as unknown as Record<string, unknown>)[key] = config[key]
  return resolved
}

function validateRoles(roles: unknown) {
  if (typeof roles !== 'object' || roles === null || Array.isArray(roles)) throw new ConfigError('config: roles must be an object such as {"agent": ["Sara", "Support*"]}')
  for (const [role, names] of Object.entries(roles)) {
    if (!(ROLES as readonly string[]).includes(role)) throw new ConfigError(`config: roles.${role}: unknown role (use ${ROLES.join(', ')})`)
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) throw new ConfigError(`config: roles.${role} must be an array of names or patterns`)
  }
}

function findPreset(name: string, plugins: Plugin[], where: string): ConfigObject {
  const slash = name.indexOf('/')
  if (slash === -1) {
    for (const plugin of plugins) {
      const preset = plugin.configs?.[name]
      if (preset) return preset
    }
  } else {
    const plugin = plugins.find((p) => p.name === name.slice(0, slash))
    const preset = plugin?.configs?.[name.slice(slash + 1)]
    if (preset) return preset
  }
  const known = plugins.flatMap((p, i) => Object.keys(p.configs ?? {}).map((c) => (i === 0 ? c : `${p.name}/${c}`)))
  throw new ConfigError(`${where}: unknown preset "${name}" in "extends" (known: ${known.join(', ') || 'none'})`)
}

function suggest(id: string, known: string[]): string {
  const close = known.filter((k) => k.includes(id) || id.includes(k) || distance(k, id) <= 3)
  return close.length > 0 ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : ''
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return row[b.length]!
}
