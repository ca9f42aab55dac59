import { splitSentences } from './sentences.js'
import { normaliseArabic } from './arabic/normalise.js'
import { arabicBody, ARABIC_LETTER, isRegexEntry, latinBody, phraseBoundaries, regexEntryParts } from './phrase-syntax.js'
import { compilePhrases, type PhraseEntry, type PhraseMatch } from './phrases.js'

const spans = (ms: PhraseMatch[], text: string) => ms.map((m) => `${text.slice(m.start, m.end)}@${m.start}:${m.entry.phrase}`)

/**
 * What a matcher must mean: one regular expression per kind of entry, run
 * over the text, as the module comment says. Slow, but plainly right.
 */
function reference(list: string[]): (text: string) => PhraseMatch[] {
  const entries: PhraseEntry[] = list.map((phrase) => ({ phrase }))
  const latin = entries.filter((e) => !isRegexEntry(e.phrase) && !ARABIC_LETTER.test(e.phrase)).sort((a, b) => b.phrase.length - a.phrase.length)
  const arabic = entries.filter((e) => !isRegexEntry(e.phrase) && ARABIC_LETTER.test(e.phrase)).sort((a, b) => b.phrase.length - a.phrase.length)
  type Group = { arabic: boolean; longest: boolean; alts: Array<{ entry: PhraseEntry; source: string; flags: string }> }
  const groups: Group[] = []
  for (const [list, ar] of [[latin, false], [arabic, true]] as const) {
    const byKind = new Map<string, Group>()
    for (const entry of list) {
      const c = ar ? arabicBody(entry.phrase) : latinBody(entry.phrase)
      const words = (entry.phrase.replace(/^\*|\*$/g, '').match(/[\p{L}\p{N}'’‘`]+/gu) ?? []).map((w) => w.replace(/['’‘`]/g, ''))
      if (c.open) words.shift()
      if (c.close) words.pop()
      const key = `${c.open}${c.close}${words.some((w) => w) ? 'f' : 'u'}`
      let g = byKind.get(key)
      if (!g) byKind.set(key, (g = { arabic: ar, longest: false, alts: [] }))
      const [start, end] = phraseBoundaries(c, ar)
      g.alts.push({ entry, source: `${start}(?:${c.body})${end}`, flags: 'giu' })
    }
    groups.push(...byKind.values())
  }
  const byFlags = new Map<string, Group>()
  for (const entry of entries.filter((e) => isRegexEntry(e.phrase))) {
    const r = regexEntryParts(entry.phrase)
    let g = byFlags.get(r.flags + r.arabic)
    if (!g) byFlags.set(r.flags + r.arabic, (g = { arabic: r.arabic, longest: true, alts: [] }))
    g.alts.push({ entry, source: r.src, flags: r.flags })
  }
  groups.push(...byFlags.values())
  return (text) => {
    const out: PhraseMatch[] = []
    const norm = normaliseArabic(text)
    for (const g of groups) {
      if (g.arabic && !ARABIC_LETTER.test(text)) continue
      const hay = g.arabic ? norm.text : text
      const re = new RegExp(g.alts.map((a) => `(${a.source})`).join('|'), g.alts[0]!.flags)
      let m: RegExpExecArray | null
      while ((m = re.exec(hay))) {
        if (m[0].length === 0) {
          re.lastIndex++
          continue
        }
        let k = m.slice(1).findIndex((x) => x !== undefined)
        let length = m[0].length
        if (g.longest) {
          g.alts.forEach((a, i) => {
            const sticky = new RegExp(a.source, a.flags.replace('g', '') + 'y')
            sticky.lastIndex = m!.index
            const s = sticky.exec(hay)
            if (s && s[0].length > length) {
              length = s[0].length
              k = i
            }
          })
          re.lastIndex = m.index + length
        }
        let start = m.index
        let end = m.index + length
        if (g.arabic) {
          start = norm.map[start]!
          end = norm.map[end - 1]! + 1
          while (end < text.length && (/[\u0640\u064B-\u065F\u0670\u200B-\u200F]/.test(text[end]!) || text[end] === text[end - 1])) end++
        }
        out.push({ start, end, entry: g.alts[k]!.entry })
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end)
  }
}

describe('compilePhrases', () => {
  it('matches whole words, case-insensitively, with either apostrophe and flexible spacing', () => {
    const m = compilePhrases(["I don't know", 'e-mail', 'know'])
    const text = "Honestly I DON’T  know, I dont-know. No e-mail. Unknown; knows"
    expect(spans(m.find(text), text)).toEqual([
      'I DON’T  know@9:I don\'t know',
      'I dont-know@24:I don\'t know',
      'e-mail@40:e-mail'
    ])
    expect(m.test('unknowable')).toBe(false)
    expect(m.test('I know')).toBe(true)
  })

  it('lets a word end at an apostrophe, as a word boundary does', () => {
    const m = compilePhrases(['account', 'let'])
    expect(spans(m.find("your account's email"), "your account's email")).toEqual(["account@5:account"])
  })

  it('supports wildcard ends', () => {
    const m = compilePhrases(['guarantee*', '*كلمك', 'أوعد*'])
    const text = 'We guaranteed it. نكلمك بكرة و أوعدك'
    expect(spans(m.find(text), text)).toEqual(['guaranteed@3:guarantee*', 'نكلمك@18:*كلمك', 'أوعدك@31:أوعد*'])
  })

  it('matches Arabic on normalised text, with an optional و/ف, and points at the original characters', () => {
    const m = compilePhrases(['ما أدري', 'إن شاء الله'])
    const text = 'والله مَا أدْري، فإن شاء اللـه'
    const found = m.find(text)
    expect(spans(found, text)).toEqual(['مَا أدْري@6:ما أدري', 'فإن شاء اللـه@17:إن شاء الله'])
  })

  it('prefers the longest phrase at a place and does not overlap within a kind of entry', () => {
    const m = compilePhrases(['sorry', 'so sorry', 'very sorry', 'very'])
    const text = 'I am so sorry, very very sorry'
    expect(spans(m.find(text), text)).toEqual(['so sorry@5:so sorry', 'very@15:very', 'very sorry@20:very sorry'])
  })

  it('reports the longest regular-expression entry at a place', () => {
    const m = compilePhrases(['/\\bcan\\b/i', '/\\bcan(?:no|\')t\\b/i'])
    expect(spans(m.find('I cannot'), 'I cannot')).toEqual(['cannot@2:/\\bcan(?:no|\')t\\b/i'])
  })

  it('matches emoji and punctuation phrases', () => {
    const m = compilePhrases(['😂', ':(', 'lol'])
    const text = 'lol 😂 :('
    expect(spans(m.find(text), text)).toEqual(['lol@0:lol', '😂@4:😂', ':(@7::('])
  })

  it('gives the same answers for small matchers and for large ones sharing the process-wide index', () => {
    const words = Array.from({ length: 60 }, (_, i) => `filler${i} word`)
    const small = compilePhrases(["can't help", 'refund'])
    const large = compilePhrases(["can't help", 'refund', ...words])
    const text = "We can't help with a refund, filler7 word"
    expect(spans(large.find(text), text).filter((s) => !s.includes('filler'))).toEqual(spans(small.find(text), text))
    expect(spans(large.find(text), text)).toContain('filler7 word@29:filler7 word')
  })

  it('means what one expression per kind of entry means, on generated texts', () => {
    const phrases = [
      'not', 'not working', 'not work*', "won't", 'wont work', 'work', 'it is', "it's", 'is not', '*ing',
      'sorry', 'so sorry', 'a.m.', 'e-mail', 'lol', ':(', '😂', "'cause", 'ma3lesh', 'ok*',
      'ما', 'ما اعرف', 'اعرف*', 'والله', 'الله', '*عرف', 'إن شاء الله', 'شكرا',
      '/\\b(?:no|nope)\\b/i', '/\\bworks?\\b/i', '/ما\\s+(?:في|فيه)/', '/\\d+\\s*(?:min|mins|minutes)/i'
    ]
    const vocabulary = [
      'not', 'Not', 'working', 'work', 'works', "won't", 'wont', 'it', "it's", 'its', 'is', 'sorry', 'so', 'a.m.', 'e-mail', 'email',
      'lol', 'LOL', ':(', '😂', "'cause", 'cause', 'ma3lesh', 'ok', 'okay', 'nope', 'no', '5', 'min', '10mins',
      'ما', 'وما', 'اعرف', 'أعرف', 'يعرف', 'والله', 'الله', 'فالله', 'إن', 'شاء', 'شكراً', 'شكرااا', 'في', 'فيه', 'ok-ish', 'x'
    ]
    const separators = [' ', '  ', '-', ', ', '. ', "'", '’', '', '\n']
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const expected = reference(phrases)
    const matcher = compilePhrases(phrases)
    for (let t = 0; t < 1500; t++) {
      let text = ''
      const n = 1 + random(9)
      for (let w = 0; w < n; w++) text += vocabulary[random(vocabulary.length)]! + separators[random(separators.length)]!
      expect(spans(matcher.find(text), text), text).toEqual(spans(expected(text), text))
      expect(matcher.test(text), text).toBe(expected(text).length > 0)
      // Every window (sentences and clean cuts share the text's facts; others are texts of their own).
      for (let k = 0; k < 4; k++) {
        const a = random(text.length + 1)
        const b = a + random(text.length - a + 1)
        const part = text.slice(a, b)
        expect(spans(matcher.findIn(text, a, b), part), `${JSON.stringify(text)} ${a}–${b}`).toEqual(spans(matcher.find(part), part))
        expect(matcher.testIn(text, a, b)).toBe(matcher.find(part).length > 0)
      }
      for (const s of splitSentences(text)) expect(spans(matcher.findIn(text, s.start, s.end), s.text)).toEqual(spans(matcher.find(s.text), s.text))
    }
  })

  it('refuses a window that is not in the text', () => {
    const m = compilePhrases(['sorry'])
    expect(() => m.findIn('so sorry', 3, 20)).toThrow(RangeError)
    expect(() => m.findIn('so sorry', 5, 3)).toThrow(RangeError)
    expect(m.findIn('so sorry. Really sorry', 10, 22)).toEqual([{ start: 7, end: 12, entry: { phrase: 'sorry' } }])
  })
})

describe('matchers with an index of their own', () => {
  it('find what the same lexicon finds in the shared index', () => {
    const lexicon = ["I don't know", 'no idea', 'guarantee*', 'refund', 'ما ادري', 'مش عارف', '*كلمك', '/\\bnot\\s+sure\\b/i', 'zqvx wibble']
    const shared = compilePhrases(lexicon)
    const own = compilePhrases(lexicon, { shared: false })
    const texts = [
      "Honestly I don't know, no idea. We guaranteed a refund!",
      'i dont know — I’m not sure; guarantees, REFUNDS, refund.',
      'والله ما ادري، مش عارفة، راح نكلمك بكرة',
      'zqvx wibble and zqvx  wibble, not sure',
      ''
    ]
    for (const text of texts) {
      expect(own.find(text)).toEqual(shared.find(text))
      expect(own.test(text)).toBe(shared.test(text))
    }
    expect(own.find(texts[0]!).length).toBeGreaterThan(2)
  })
})

describe('texts with many candidate places', () => {
  it('find every match when a key occurs many times, for several phrases that share it', () => {
    const lexicon = ['thank you', 'thank you so much', 'you are', 'thanks*']
    const text = 'thank you so much. '.repeat(30) + 'thank you, you are great, thanks again. ' + 'thank  you you are '.repeat(30)
    for (const m of [compilePhrases(lexicon), compilePhrases(lexicon, { shared: false })]) {
      const found = m.find(text).map((x) => text.slice(x.start, x.end))
      expect(found.filter((f) => f === 'thank you so much')).toHaveLength(30)
      expect(found.filter((f) => /^thank +you$/.test(f))).toHaveLength(31)
      expect(found.filter((f) => f === 'you are')).toHaveLength(31)
      expect(found.filter((f) => f === 'thanks')).toHaveLength(1)
      // In text order, without overlaps.
      const spans = m.find(text)
      for (let k = 1; k < spans.length; k++) expect(spans[k]!.start).toBeGreaterThanOrEqual(spans[k - 1]!.end)
    }
  })

  it('keep each matcher to its own phrases when their keys interleave in a long text', () => {
    const first = compilePhrases(['you are', 'are great'])
    const second = compilePhrases(['thank you', 'great news'])
    const text = 'thank you, you are great news. '.repeat(40)
    expect(first.find(text).map((m) => text.slice(m.start, m.end))).toEqual(Array(40).fill('you are'))
    expect(second.find(text).map((m) => text.slice(m.start, m.end))).toEqual(Array(40).fill(['thank you', 'great news']).flat())
    const short = 'thank you, you are great news.'
    expect(first.find(short).map((m) => short.slice(m.start, m.end))).toEqual(['you are'])
    expect(second.find(short).map((m) => short.slice(m.start, m.end))).toEqual(['thank you', 'great news'])
  })
})
