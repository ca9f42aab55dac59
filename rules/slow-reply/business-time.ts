/**
 * Elapsed time that counts: all of it, or only the part inside business hours
 * in a given time zone (e.g. Mon–Fri 09:00–17:00 Europe/London).
 */

import { isTimeZone, zoneOffsetMillis } from '../../src/model/time-zone.js'

export interface BusinessHours {
  /** Days of the week that are open, 0 = Sunday … 6 = Saturday. */
  days: number[]
  /** Opening and closing wall-clock times, "HH:MM". */
  start: string
  end: string
  /** IANA time zone, e.g. "Asia/Riyadh". */
  timeZone: string
}

const DAY = 86_400_000

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return h! * 60 + (m ?? 0)
}

const zoneOffset = zoneOffsetMillis

/** The UTC instant at which the wall clock in `timeZone` shows local midnight of `localDay` + `minutes`. */
function zonedInstant(timeZone: string, localDayUtc: number, minutes: number): number {
  const wall = localDayUtc + minutes * 60_000
  const guess = wall - zoneOffset(timeZone, wall)
  return wall - zoneOffset(timeZone, guess)
}

export const isValidTimeZone = isTimeZone

/** Milliseconds of business time between `from` and `to` (to > from). */
export function businessMillis(from: number, to: number, hours: BusinessHours): number {
  if (to <= from) return 0
  const open = minutesOf(hours.start)
  const close = minutesOf(hours.end)
  if (close <= open) return 0
  // Walk local calendar days from the day of `from` to the day of `to`.
  const firstLocal = from + zoneOffset(hours.timeZone, from)
  let day = Math.floor(firstLocal / DAY) * DAY
  const lastLocal = to + zoneOffset(hours.timeZone, to)
  let total = 0
  // Bounded: very long waits are capped at one year of days.
  for (let n = 0; day <= lastLocal && n < 400; n++, day += DAY) {
    const weekday = new Date(day).getUTCDay()
    if (!hours.days.includes(weekday)) continue
    const windowStart = zonedInstant(hours.timeZone, day, open)
    const windowEnd = zonedInstant(hours.timeZone, day, close)
    const s = Math.max(from, windowStart)
    const e = Math.min(to, windowEnd)
    if (e > s) total += e - s
  }
  return total
}
