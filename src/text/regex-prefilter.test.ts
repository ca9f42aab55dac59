import { LiteralIndex, requiredClauses, skeleton } from './regex-prefilter.js'
import { normaliseArabic } from './arabic/normalise.js'
import { factsFor, withTextScope } from './phrase-text.js'

/** Expressions of the shapes lexicons use: alternations, optional parts, classes, lookarounds, Arabic. */
const SOURCES = [
  String.raw`\b(?:I|we)\s+(?:really\s+)?(?:can't|cannot)\s+help\b`,
  String.raw`\bnot\s+(?:our|my)\s+(?:fault|problem)\b`,
  String.raw`(?<![\p{L}\p{N}])(?:order|booking)\s+(?:number|no\.?|#)`,
  String.raw`\b(?:ha){2,}\b`,
  String.raw`\byou(?:'ll|\s+will)\s+(?:definitely\s+)?(?:love|get)\b`,
  String.raw`\b[A-Z][a-z]{2,8} ID\b`,
  String.raw`(?:^|[.!?]\s*)calm\s+down`,
  String.raw`\d{3,}`,
  String.raw`(?:وف)?ما\s*(?:اعرف|ادري)`,
  String.raw`\b(?:sorry|apolog(?:y|ies|ise|ize))\b|\bmy\s+bad\b`,
  String.raw`\b(?:wrong|mistaken)\b(?!\s+number)`,
  String.raw`\bsend\s+(?:us\s+)?(?:a\s+)?(?:DM|PM|message)\b`
]

const WORDS = [
  'I', 'we', 'really', "can't", 'cannot', 'help', 'not', 'our', 'my', 'fault', 'problem', 'order', 'booking', 'number', 'no.', '#',
  'ha', 'haha', 'hahaha', "you'll", 'you', 'will', 'definitely', 'love', 'get', 'Player', 'ID', 'calm', 'down', '.', '!', '123', '4567',
  'ما', 'اعرف', 'ادري', 'وما', 'sorry', 'apologies', 'bad', 'wrong', 'mistaken', 'send', 'us', 'a', 'DM', 'message', 'the', 'SORRY', 'Order'
]

describe('LiteralIndex', () => {
  it('never rules out an expression that matches, and answers alike unit by unit and all at once', () => {
    const index = new LiteralIndex('raw')
    const units = SOURCES.map((source) => ({ source, unit: index.add(requiredClauses(source)), regex: new RegExp(source, 'iu') }))
    let seed = 11
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    let ruledOut = 0
    for (let t = 0; t < 3000; t++) {
      const text = Array.from({ length: 1 + random(9) }, () => WORDS[random(WORDS.length)]).join(random(4) === 0 ? '  ' : ' ')
      withTextScope(() => {
        const all = new Set(index.scan(text))
        const one = index.unitsOf(text)
        for (const { source, unit, regex } of units) {
          expect(one.may(unit), `${source} on ${text}`).toBe(all.has(unit))
          if (regex.test(text)) expect(all.has(unit), `${source} matches ${text}`).toBe(true)
          else if (!all.has(unit)) ruledOut++
        }
        expect(factsFor(text).text).toBe(text)
      })
    }
    // The filter does rule things out (a filter that lets everything through passes the checks above).
    expect(ruledOut).toBeGreaterThan(10_000)
  })
})

describe('the prefilter skeleton', () => {
  it('folds every letter of the Arabic block as normalisation does, so literals of normalised text are found', () => {
    // Two tables fold letters (normalise.ts and the skeleton's): a letter normalisation folds that the skeleton
    // kept would hide the literals of expressions that run on normalised text.
    const differ: string[] = []
    for (let c = 0x0600; c <= 0x06ff; c++) {
      const text = `ب${String.fromCharCode(c)}ب`
      if (skeleton(normaliseArabic(text).text, 'arabic') !== skeleton(text, 'arabic')) differ.push(String.fromCharCode(c))
    }
    expect(differ).toEqual([])
  })
})
