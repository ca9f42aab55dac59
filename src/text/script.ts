/** Which script a text is written in: Arabic letters, Latin letters, both, or neither. */
export type Script = 'ar' | 'en' | 'mixed' | 'other'

function isArabic(c: number): boolean {
  return (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)
}

function isLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
}

export function detectScript(text: string): Script {
  const n = Math.min(text.length, 4000)
  let ar = 0
  let latin = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x41) continue
    if (isLatin(c)) latin++
    else if (isArabic(c)) ar++
  }
  if (ar === 0 && latin === 0) return 'other'
  if (ar === 0) return 'en'
  if (latin === 0) return 'ar'
  const share = ar / (ar + latin)
  if (share > 0.85) return 'ar'
  if (share < 0.15) return 'en'
  return 'mixed'
}
