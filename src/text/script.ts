/** Which script a text is written in: Arabic letters, Latin letters, both, or neither. */
export type Script = 'ar' | 'en' | 'mixed' | 'other'

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g
const LATIN = /[A-Za-z\u00C0-\u024F]/g

export function detectScript(text: string): Script {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text
  const ar = sample.match(ARABIC)?.length ?? 0
  const latin = sample.match(LATIN)?.length ?? 0
  if (ar === 0 && latin === 0) return 'other'
  if (ar === 0) return 'en'
  if (latin === 0) return 'ar'
  const share = ar / (ar + latin)
  if (share > 0.85) return 'ar'
  if (share < 0.15) return 'en'
  return 'mixed'
}
