/** Validate rule options against the small JSON-schema subset rules declare. */
import type { OptionSchema } from '../types.js'

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (Number.isInteger(value)) return 'integer'
  return typeof value
}

function show(value: unknown): string {
  const s = JSON.stringify(value)
  return s === undefined ? String(value) : s.length > 60 ? s.slice(0, 57) + '...' : s
}

/** Returns a list of readable errors, each starting with the path of the bad value. */
export function validateOptions(value: unknown, schema: OptionSchema, path: string): string[] {
  const errors: string[] = []
  if (schema.anyOf) {
    const all = schema.anyOf.map((s) => validateOptions(value, s, path))
    if (all.some((e) => e.length === 0)) return []
    return [`${path}: ${show(value)} matches none of the allowed forms (${all.map((e) => e[0]).join('; or ')})`]
  }
  const actual = typeOf(value)
  if (schema.type) {
    const ok = schema.type === 'number' ? actual === 'number' || actual === 'integer' : actual === schema.type
    if (!ok) return [`${path}: expected ${schema.type}, got ${actual} ${show(value)}`]
  }
  if (schema.enum && !schema.enum.some((v) => v === value)) {
    errors.push(`${path}: expected one of ${schema.enum.map(show).join(', ')}, got ${show(value)}`)
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: must be ≥ ${schema.minimum}, got ${value}`)
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: must be ≤ ${schema.maximum}, got ${value}`)
  }
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value)) {
    errors.push(`${path}: ${show(value)} does not match ${schema.pattern}`)
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => errors.push(...validateOptions(item, schema.items!, `${path}[${i}]`)))
  }
  if (actual === 'object' && (schema.properties || schema.additionalProperties !== undefined || schema.required)) {
    const object = value as Record<string, unknown>
    for (const key of schema.required ?? []) {
      if (!(key in object)) errors.push(`${path}: missing required option "${key}"`)
    }
    for (const [key, v] of Object.entries(object)) {
      const sub = schema.properties?.[key]
      if (sub) errors.push(...validateOptions(v, sub, `${path}.${key}`))
      else if (schema.additionalProperties === false) {
        const known = Object.keys(schema.properties ?? {})
        errors.push(`${path}: unknown option "${key}"${known.length ? ` (known: ${known.join(', ')})` : ''}`)
      } else if (typeof schema.additionalProperties === 'object') {
        errors.push(...validateOptions(v, schema.additionalProperties, `${path}.${key}`))
      }
    }
  }
  return errors
}
