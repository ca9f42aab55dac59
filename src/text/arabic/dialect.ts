/**
 * Which Arabic dialect a turn is in, cheaply, for picking a natural suggested
 * phrasing: a few marker words per dialect (MSA when none stands out), and the
 * dialect named by a lexicon entry's tag.
 */
export type Dialect = 'MSA' | 'EGY' | 'GLF' | 'LEV' | 'MAG' | 'IRQ'

const DIALECT_MARKERS: Array<[Dialect, RegExp]> = [
  ['EGY', /(?:^|[\s،,.!؟?])(?:ده|دي|دلوقتي|حضرتك|عايز|عاوز|كده|بتاع|بتاعت|إزاي|ازاي|ليه|فندم|امبارح|هنبعت|بنبعت|معلش|خالص|مش|زي|مفيش|ايه|إيه|بقى|لسه|اوي|أوي|عشان|علشان|شوية)(?=$|[\s،,.!؟?])/g],
  ['GLF', /(?:^|[\s،,.!؟?])(?:وش|ايش|إيش|الحين|أبي|ابي|تبي|أبغى|ابغى|زين|مو|هلا|وايد|أبشر|ليش|حيل|يبي|ابشر|حق|يطلع|خلني|مب)(?=$|[\s،,.!؟?])/g],
  ['LEV', /(?:^|[\s،,.!؟?])(?:هلق|هلأ|شو|بدي|بدك|هيك|كتير|منيح|فيك|فيني|عم|هيدا|هيدي|هاد|هاي|لحتى|منعتذر|عنا|إلك)(?=$|[\s،,.!؟?])/g],
  ['MAG', /(?:^|[\s،,.!؟?])(?:دابا|ديال|بزاف|واش|شنو|خويا|باش|غادي|كيفاش|راه|صافي|نتا|توا|برشا|ياسر|متاع|نجم|علاش|هادشي|ماشي|ليا|ليك)(?=$|[\s،,.!؟?])/g],
  ['IRQ', /(?:^|[\s،,.!؟?])(?:شلون|هواي|اكو|ماكو|شكو|هسه|باچر|لعد|مالتك|كلش|دزلي|أگدر|اگدر|چان)(?=$|[\s،,.!؟?])/g]
]

export function guessDialect(text: string): Dialect {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text
  let best: Dialect = 'MSA'
  let bestCount = 0
  for (const [dialect, re] of DIALECT_MARKERS) {
    const n = sample.match(re)?.length ?? 0
    if (n > bestCount) {
      best = dialect
      bestCount = n
    }
  }
  return best
}

/** Dialect of a lexicon entry tag such as `EGY`, `MAG-MA`, `LEV-arabizi`; undefined for pan-Arab / MSA. */
export function dialectOfTag(tag: string | undefined): Dialect | undefined {
  if (!tag) return undefined
  const head = tag.split('-')[0]!.toUpperCase()
  return head === 'EGY' || head === 'GLF' || head === 'LEV' || head === 'MAG' || head === 'IRQ' ? head : undefined
}
