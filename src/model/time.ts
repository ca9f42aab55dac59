/** Timestamps: strict-enough ISO 8601 parsing (a time zone offset or Z is required for exactness). */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * Parse an ISO 8601 date-time to epoch milliseconds. A value without an offset
 * is read as UTC (documented). Returns undefined for anything else.
 */
export function parseTime(value: string): number | undefined {
  const m = ISO.exec(value.trim())
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, frac, zone] = m
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = s ? Number(s) : 0
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0
  let t = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms)
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))
    t -= sign * offset * 60_000
  }
  // Reject impossible calendar dates such as 2024-02-31.
  const check = new Date(Date.UTC(Number(y), month - 1, day))
  if (check.getUTCDate() !== day) return undefined
  return Number.isFinite(t) ? t : undefined
}
