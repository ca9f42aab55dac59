/**
 * Find and load configuration files, and load plugins they name.
 * Looked for from the working directory upward, first match wins:
 * coachlint.config.js, coachlint.config.mjs, coachlint.config.json,
 * .coachlintrc.json, package.json#coachlint.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ConfigError } from '../config/resolve.js'
import { JsonSyntaxError, parseJson, toValue } from '../model/json-source.js'
import type { ConfigObject, Plugin, Rule } from '../types.js'

export const CONFIG_FILES = ['coachlint.config.js', 'coachlint.config.mjs', 'coachlint.config.json', '.coachlintrc.json', 'package.json']

export interface LoadedConfig {
  config: ConfigObject
  /** The file it came from; undefined for the built-in default. */
  path?: string
}

/** Find the nearest config file at or above `cwd`. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd)
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(dir, name)
      if (!existsSync(candidate)) continue
      if (name === 'package.json') {
        try {
          const pkg = JSON.parse(readFileSync(candidate, 'utf8'))
          if (pkg && typeof pkg === 'object' && 'coachlint' in pkg) return candidate
        } catch {
          // An unreadable package.json is not ours to report.
        }
        continue
      }
      return candidate
    }
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `${line}:${column}`
}

function readJsonConfig(path: string): unknown {
  const text = readFileSync(path, 'utf8')
  try {
    return toValue(parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text))
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new ConfigError(`${path}:${lineColumn(text, error.offset)}: ${error.message}`)
    throw error
  }
}

export async function loadConfigFile(path: string): Promise<LoadedConfig> {
  const abs = resolve(path)
  if (!existsSync(abs)) throw new ConfigError(`Config file not found: ${path}`)
  let value: unknown
  if (/\.(c|m)?js$/.test(abs)) {
    try {
      const mod = await import(pathToFileURL(abs).href)
      value = mod.default ?? mod
    } catch (error) {
      throw new ConfigError(`${path}: cannot load: ${(error as Error).message}`)
    }
  } else {
    value = readJsonConfig(abs)
    if (abs.endsWith('package.json')) value = (value as Record<string, unknown>)?.coachlint
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${path}: a config must be an object such as {"extends": "recommended", "rules": {...}}`)
  }
  checkKeys(value as Record<string, unknown>, path)
  return { config: value as ConfigObject, path: abs }
}

const CONFIG_KEYS = ['extends', 'plugins', 'rules', 'minConfidence', 'roles', 'channel', 'ignorePatterns', 'locale', 'agents', 'timeZone', 'dateOrder', 'csv', '$schema']

function checkKeys(config: Record<string, unknown>, path: string) {
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.includes(key)) throw new ConfigError(`${path}: unknown config key "${key}" (known: ${CONFIG_KEYS.filter((k) => k !== '$schema').join(', ')})`)
  }
  if (config.rules !== undefined && (typeof config.rules !== 'object' || config.rules === null || Array.isArray(config.rules))) {
    throw new ConfigError(`${path}: "rules" must be an object of rule id → severity or [severity, options]`)
  }
  if (config.plugins !== undefined && !Array.isArray(config.plugins)) throw new ConfigError(`${path}: "plugins" must be an array`)
}

function isRule(value: unknown): value is Rule<any> {
  return typeof value === 'object' && value !== null && 'meta' in value && 'check' in value && typeof (value as Rule).check === 'function'
}

/** Accept a plugin object, a single rule, an array of rules, or `{ rules: [...] }`. */
export function toPlugin(value: unknown, name: string): Plugin {
  if (isRule(value)) return { name, rules: { [value.meta.id]: value } }
  if (Array.isArray(value) && value.every(isRule)) return { name, rules: Object.fromEntries(value.map((r) => [r.meta.id, r])) }
  if (typeof value === 'object' && value !== null && 'rules' in value) {
    const p = value as { name?: string; rules: unknown; configs?: Plugin['configs'] }
    const rules = Array.isArray(p.rules) ? Object.fromEntries(p.rules.filter(isRule).map((r) => [r.meta.id, r])) : p.rules
    if (typeof rules === 'object' && rules !== null && Object.values(rules).every(isRule)) {
      return { name: p.name ?? name, rules: rules as Plugin['rules'], configs: p.configs }
    }
  }
  throw new ConfigError(`Plugin "${name}" must export a rule, an array of rules, or { rules, configs }`)
}

/** Load the plugins a config names, relative to the config file's folder. */
export async function loadPlugins(config: ConfigObject, base: string): Promise<Plugin[]> {
  const out: Plugin[] = []
  for (const entry of config.plugins ?? []) {
    if (typeof entry !== 'string') {
      out.push(toPlugin(entry, (entry as Plugin).name ?? 'inline'))
      continue
    }
    let url: string
    if (entry.startsWith('.') || isAbsolute(entry)) {
      const abs = resolve(base, entry)
      if (!existsSync(abs)) throw new ConfigError(`Plugin file not found: ${entry} (resolved to ${abs})`)
      url = pathToFileURL(abs).href
    } else {
      try {
        url = pathToFileURL(createRequire(join(base, 'noop.js')).resolve(entry)).href
      } catch {
        throw new ConfigError(`Plugin package "${entry}" is not installed (looked from ${base}); run npm install ${entry}`)
      }
    }
    let mod: Record<string, unknown>
    try {
      mod = await import(url)
    } catch (error) {
      throw new ConfigError(`Plugin "${entry}" failed to load: ${(error as Error).message}`)
    }
    out.push(toPlugin(mod.default ?? mod, entry))
  }
  return out
}
