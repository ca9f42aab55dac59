import type { PhraseMatcher } from '../phrases.js'

/**
 * A leading و/ف conjunction («وكان لازم…») is not part of the phrase found:
 * moves the span's start past it when the matcher that found the phrase finds
 * it without the conjunction too.
 */
export function skipLeadingConjunction(span: { start: number; end: number; matcher?: PhraseMatcher }, text: string): void {
  if (!span.matcher || !/^[وف][\u0621-\u064A]/.test(text.slice(span.start, span.end))) return
  const rest = text.slice(span.start + 1, span.end)
  if (span.matcher.find(rest).some((r) => r.start === 0 && r.end === rest.length)) span.start += 1
}
