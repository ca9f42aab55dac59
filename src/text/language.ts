/** Which language a finding's messages are written in. */
import type { RuleContext } from '../types.js'

/**
 * The configured `locale` wins; otherwise Arabic-script turns get Arabic
 * messages and everything else English. Rules that know better for a mixed
 * turn (the trigger was Arabic) pass `'ar'` as the script.
 */
export function messageLanguage(context: Pick<RuleContext<unknown>, 'locale'>, script: string): 'en' | 'ar' {
  if (context.locale) return context.locale
  return script === 'ar' ? 'ar' : 'en'
}

export const LOCALES = ['en', 'ar'] as const
