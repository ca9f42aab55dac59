/**
 * slow-reply: the customer waited longer than the channel allows for an answer.
 * The diagnostic sits on the late agent (or bot) turn, at its timestamp.
 */
import { defineRule } from '../../src/engine/define-rule.js'
import type { Channel, OptionSchema } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import { messageLanguage } from '../../src/text/language.js'
import { businessMillis, isValidTimeZone, type BusinessHours } from './business-time.js'

type Limit = number | string | false | null

export interface SlowReplyOptions {
  /** Per channel: seconds (number), a duration ("90s", "2m", "1h", "1d"), or false for never. */
  limits: Partial<Record<Channel, Limit>>
  /** Count only time inside business hours. */
  businessHours?: BusinessHours
}

const CHANNEL_AR: Record<Channel, string> = {
  chat: 'المحادثة المباشرة',
  messaging: 'تطبيقات المراسلة',
  social: 'وسائل التواصل الاجتماعي',
  email: 'البريد الإلكتروني',
  voice: 'المكالمات'
}

export const DEFAULT_LIMITS: Record<Channel, Limit> = {
  chat: '2m',
  messaging: '15m',
  social: '60m',
  email: '24h',
  voice: false
}

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\s*$/i

/** A limit in milliseconds, or undefined when the channel is never judged. */
export function limitMillis(limit: Limit | undefined): number | undefined {
  if (limit === false || limit === null || limit === undefined) return undefined
  if (typeof limit === 'number') return limit * 1000
  const m = DURATION.exec(limit)
  if (!m) return undefined
  const n = Number(m[1])
  const unit = m[2]!.toLowerCase()[0]
  return n * (unit === 's' ? 1000 : unit === 'm' ? 60_000 : unit === 'h' ? 3_600_000 : 86_400_000)
}

/** "1 h 42 min", "3 min 5 s", "2 days 4 h". */
export function formatDuration(ms: number, arabic = false): string {
  const s = Math.round(ms / 1000)
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const parts: string[] = []
  if (arabic) {
    if (d) parts.push(`${d} يوم`)
    if (h) parts.push(`${h} ساعة`)
    if (m && !d) parts.push(`${m} دقيقة`)
    if (sec && !d && !h) parts.push(`${sec} ثانية`)
    return parts.join(' و') || '0 ثانية'
  }
  if (d) parts.push(`${d} day${d > 1 ? 's' : ''}`)
  if (h) parts.push(`${h} h`)
  if (m && !d) parts.push(`${m} min`)
  if (sec && !d && !h) parts.push(`${sec} s`)
  return parts.join(' ') || '0 s'
}

const limitSchema: OptionSchema = {
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: DURATION.source },
    { type: 'boolean', enum: [false] }
  ]
}

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: { chat: limitSchema, messaging: limitSchema, social: limitSchema, email: limitSchema, voice: limitSchema }
    },
    businessHours: {
      type: 'object',
      additionalProperties: false,
      required: ['days', 'start', 'end', 'timeZone'],
      properties: {
        days: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 6 } },
        start: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
        end: { type: 'string', pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' },
        timeZone: { type: 'string' }
      }
    }
  }
}

export default defineRule<SlowReplyOptions>({
  meta: {
    id: 'slow-reply',
    description: 'The customer waited longer than the channel allows (chat 2 min, messaging 15 min, social 60 min, e-mail 24 h)',
    recommended: 'warn',
    url: docsUrl('slow-reply'),
    schema,
    defaultOptions: { limits: DEFAULT_LIMITS },
    judges: ['agent', 'bot'],
    languages: ['*']
  },
  check(context) {
    const { transcript, options } = context
    const limits = { ...DEFAULT_LIMITS, ...options.limits }
    const limit = limitMillis(limits[transcript.channel])
    if (limit === undefined) return
    const hours = options.businessHours
    if (hours && !isValidTimeZone(hours.timeZone)) {
      throw new RangeError(`slow-reply: unknown time zone ${JSON.stringify(hours.timeZone)}`)
    }

    // Index of the first customer turn still waiting for an answer.
    let waiting: number | undefined
    transcript.turns.forEach((turn, i) => {
      if (turn.role === 'customer') {
        waiting ??= i
        return
      }
      if (turn.role !== 'agent' && turn.role !== 'bot') return
      const first = waiting
      waiting = undefined
      // Replies before `since` are judged already.
      if (first === undefined || i < context.since) return
      const from = transcript.turns[first]!.time
      const to = turn.time
      if (from === undefined || to === undefined) return
      const waited = hours ? businessMillis(from, to, hours) : to - from
      if (waited <= limit) return

      const arabic = messageLanguage(context, context.analyse(i).script) === 'ar'
      const over = formatDuration(waited, arabic)
      const max = formatDuration(limit, arabic)
      context.report({
        turn: i,
        target: 'time',
        reason: arabic
          ? `انتظر العميل ${over} قبل هذا الرد (الحد في ${CHANNEL_AR[transcript.channel]}: ${max})`
          : `The customer waited ${over} for this reply (the limit for ${transcript.channel} is ${max})`,
        note: arabic
          ? 'الرد السريع جزء من الخدمة: أكثر من نصف العملاء على وسائل التواصل يتوقعون ردًا خلال ساعة. إن احتجت وقتًا فأرسل ردًا قصيرًا يطمئن العميل أنك تعمل على طلبه.'
          : 'Speed is part of the answer: on social media about half of customers expect a reply within the hour, and most complainers do. If you need time, send a short holding reply first so the customer knows someone is on it.',
        expected: arabic
          ? ['نعتذر عن التأخير في الرد، وشكرًا لصبرك.', 'وصلتنا رسالتك ونعمل عليها الآن، وسنعود إليك خلال دقائق.']
          : ['Sorry for the wait, and thank you for your patience.', "Thanks for your message — I'm looking into it now and will update you within a few minutes."],
        confidence: 1
      })
    })
  }
})
