/**
 * Wall-clock times without an offset (WhatsApp, many CSVs): read in an IANA
 * time zone through Intl (browser-safe), or as UTC when none is configured.
 */

import { zoneOffsetMillis } from '../model/time-zone.js'

export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

export { isTimeZone } from '../model/time-zone.js'

/** Offset of `timeZone` from UTC at instant `t`, in minutes. */
function offsetAt(t: number, timeZone: string): number {
  return Math.round(zoneOffsetMillis(timeZone, t) / 60_000)
}

/** Calendar check: undefined for impossible dates such as 31/02. */
export function validWallTime(w: WallTime): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDate() === w.day
}

/** Epoch milliseconds and an ISO 8601 string with offset for a wall-clock time. */
export function wallTimeToInstant(w: WallTime, timeZone?: string): { time: number; iso: string } {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  if (!timeZone || timeZone === 'UTC') return { time: naive, iso: new Date(naive).toISOString().replace('.000Z', 'Z') }
  let offset = offsetAt(naive, timeZone)
  let time = naive - offset * 60_000
  const again = offsetAt(time, timeZone)
  if (again !== offset) {
    offset = again
    time = naive - offset * 60_000
  }
  const pad = (n: number, l = 2) => String(n).padStart(l, '0')
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const iso = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  return { time, iso }
}

/** ISO 8601 (UTC, `Z`) for epoch milliseconds, without needless milliseconds. */
export function isoUtc(time: number): string {
  return new Date(time).toISOString().replace('.000Z', 'Z')
}
