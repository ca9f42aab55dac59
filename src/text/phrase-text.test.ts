import { compilePhrases } from './phrases.js'
import { arabicKeys, factsFor, latinKeys, withTextScope, type KeyIndex } from './phrase-text.js'
import { Vocabulary } from './vocabulary.js'

/**
 * latinKeys as its comment says it, with strings and regular expressions: the words (a letter or
 * digit that does not follow one, on over letters, digits and apostrophes), their keys, cuts and
 * first letters looked up one by one, and each word's pairs found by searching the word list.
 */
function latinKeysAsSaid(lower: string, words: Vocabulary, prefixes: Vocabulary): Omit<KeyIndex, 'version'> {
  const letter = /^[\p{L}\p{N}]$/u
  const apostrophe = /['\u2018\u2019`]/g
  // A unit of a surrogate pair is what the pair is.
  const at = (i: number) => {
    const pairedLow = i > 0 && /[\uDC00-\uDFFF]/.test(lower[i]!) && /[\uD800-\uDBFF]/.test(lower[i - 1]!)
    return String.fromCodePoint(lower.codePointAt(pairedLow ? i - 1 : i)!)
  }
  const isLetter = (i: number) => i >= 0 && i < lower.length && letter.test(at(i))
  const list: { start: number; end: number; id: number; prefix: number; cuts: number[] }[] = []
  for (let i = 0; i < lower.length; i++) {
    if (!isLetter(i) || isLetter(i - 1)) continue
    let end = i
    while (end < lower.length && (isLetter(end) || /['\u2018\u2019`]/.test(lower[end]!))) end++
    if (/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(lower[i]!)) continue
    const key = lower.slice(i, end).replace(apostrophe, '')
    const cuts: number[] = []
    for (let a = i; a < end; a++) {
      if (!/['\u2018\u2019`]/.test(lower[a]!)) continue
      const cut = lower.slice(i, a).replace(apostrophe, '')
      if (cut.length !== key.length) cuts.push(words.idOf(cut))
    }
    const prefix = key.length >= 3 ? prefixes.idOf(key.slice(0, 3)) : -1
    list.push({ start: i, end, id: words.idOf(key), prefix, cuts })
  }
  const index = { ids: [] as number[], starts: [] as number[], prefixIds: [] as number[], pairFirst: [] as number[], pairSecond: [] as number[], pairStarts: [] as number[] }
  for (const w of list) {
    if (w.id >= 0 || w.prefix >= 0) {
      index.ids.push(w.id)
      index.starts.push(w.start)
      index.prefixIds.push(w.prefix)
    }
    for (const cut of w.cuts.filter((c) => c >= 0)) {
      index.ids.push(cut)
      index.starts.push(w.start)
      index.prefixIds.push(-1)
    }
    const gap = /^[\s-]+/.exec(lower.slice(w.end))
    const next = gap && w.end + gap[0].length < lower.length ? list.find((v) => v.start === w.end + gap[0].length) : undefined
    if (w.id < 0 || !next) continue
    for (const second of [next.id, ...next.cuts].filter((c) => c >= 0)) {
      index.pairFirst.push(w.id)
      index.pairSecond.push(second)
      index.pairStarts.push(w.start)
    }
  }
  return index
}

describe('text facts', () => {
  it('are kept for the whole of a scope (one conversation), and not after it', () => {
    const others = Array.from({ length: 200 }, (_, i) => `other text ${i}`)
    let kept: unknown
    withTextScope(() => {
      kept = factsFor('the agent turn')
      for (const t of others) factsFor(t)
      expect(factsFor('the agent turn')).toBe(kept)
    })
    for (const t of others) factsFor(t)
    expect(factsFor('the agent turn')).not.toBe(kept)
  })

  it('index words by key, pairs of words and apostrophe cuts', () => {
    const words = new Vocabulary()
    const prefixes = new Vocabulary()
    for (const k of ['i', 'dont', 'don', 'know', 'thats', 'that', 'e', 'mail', 'rocknroll', 'rock', 'roll']) words.add(k)
    prefixes.add('kno')
    const index = latinKeys("i don’t know. that's e-mail, unknown rock'n'roll", { words, prefixes })
    const at = (key: string) => index.ids.flatMap((id, i) => (id >= 0 && words.keyOf(id) === key ? [index.starts[i]] : []))
    const pairAt = (a: string, b: string) =>
      index.pairFirst.flatMap((id, i) => (words.keyOf(id) === a && words.keyOf(index.pairSecond[i]!) === b ? [index.pairStarts[i]] : []))
    expect(at('dont')).toEqual([2])
    expect(at('don')).toEqual([2])
    expect(pairAt('i', 'dont')).toEqual([0])
    expect(pairAt('i', 'don')).toEqual([0])
    // Words after a full stop are not a pair.
    expect(pairAt('know', 'thats')).toEqual([])
    expect(at('that')).toEqual([14])
    expect(pairAt('e', 'mail')).toEqual([21])
    // Every letter after a non-letter starts a word; apostrophe cuts are keys too.
    expect(at('rocknroll')).toEqual([37])
    expect(at('rock')).toEqual([37])
    expect(at('roll')).toEqual([44])
    // Whole words offer their first letters; cuts do not.
    expect(index.prefixIds[index.ids.indexOf(words.idOf('know'))]).toBe(prefixes.idOf('kno'))
    expect(index.prefixIds[index.ids.indexOf(words.idOf('don'))]).toBe(-1)
    // A word no lexicon has is left out, unless its first letters are a prefix.
    expect(index.ids.filter((id) => id < 0)).toEqual([])
    // Keys come in text order.
    expect([...index.starts].sort((a, b) => a - b)).toEqual(index.starts)
  })

  it('index the words, cuts, first letters and pairs their description says, on generated texts', () => {
    let seed = 7
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    // Letters of several scripts (one outside the Basic Multilingual Plane), digits, the four
    // apostrophes, hyphens, spaces, a lone surrogate, marks and signs that are not letters.
    const pieces = [
      ...'abcdeimnost', ...'abcdeimnost', 'A', 'Z', '0', '7', "'", "'", '\u2019', '\u2018', '`', '-', ' ', ' ', ' ', '\u00a0', '\t',
      '.', ',', 'é', 'ß', 'ı', 'σ', 'ж', '\u0301', '\u2026', '😂', '𝐀', '\ud835', '\udc00', 'ع', 'و', '\u0663', '\ufeff', '\u00b2'
    ]
    const make = (n: number) => Array.from({ length: n }, () => pieces[random(pieces.length)]).join('')
    const texts = [
      "rock'n'roll don't'' '' it's`s e-mail e - mail e -",
      "a'b'c'd x’y‘z don't-know i'm ok'",
      'عabc abcع ع\'s x\'ع ok-ع 𝐀𝐀 b𝐀 😂a a😂',
      ...Array.from({ length: 400 }, () => make(random(40)))
    ]
    const words = new Vocabulary()
    const prefixes = new Vocabulary()
    // Keys from the texts themselves, so that many words, cuts and pairs are found.
    for (const text of texts.slice(0, 200))
      for (const w of text.split(/[^\p{L}\p{N}]+/u)) {
        if (w && random(2) === 0) words.add(w)
        if (w.length >= 3 && random(4) === 0) prefixes.add(w.slice(0, 3))
      }
    for (const text of texts) {
      const { version: _, ...index } = latinKeys(text, { words, prefixes })
      expect({ ...index }, JSON.stringify(text)).toEqual(latinKeysAsSaid(text, words, prefixes))
    }
    // Texts longer than the scratch lists first hold.
    const long = texts.join(' ').repeat(4)
    const { version: _, ...index } = latinKeys(long, { words, prefixes })
    expect({ ...index }).toEqual(latinKeysAsSaid(long, words, prefixes))
  })

  it('index Arabic words with and without a leading و or ف, and their pairs', () => {
    const words = new Vocabulary()
    const prefixes = new Vocabulary()
    for (const k of ['والله', 'الله', 'ما', 'اعرف']) words.add(k)
    prefixes.add('اعر')
    const index = arabicKeys('والله ما اعرفش', { words, prefixes })
    const keys = index.ids.map((id) => (id >= 0 ? words.keyOf(id) : null))
    expect(keys).toEqual(['والله', 'الله', 'ما', null])
    expect(index.prefixIds).toEqual([-1, -1, -1, prefixes.idOf('اعر')])
    const pairs = index.pairFirst.map((id, i) => `${words.keyOf(id)} ${words.keyOf(index.pairSecond[i]!)}`)
    expect(pairs).toEqual(['والله ما', 'الله ما'])
  })

  it('are worked out again when a lexicon adds a key after they were made', () => {
    withTextScope(() => {
      const text = 'the zqxwv widget broke'
      expect(compilePhrases(['widget']).find(text)).toHaveLength(1)
      // The facts of this text are made; a new lexicon with a word no other has must still see it.
      const late = compilePhrases(['zqxwv widget'])
      expect(late.find(text).map((m) => text.slice(m.start, m.end))).toEqual(['zqxwv widget'])
      expect(compilePhrases(['zqx*']).find(text).map((m) => text.slice(m.start, m.end))).toEqual(['zqxwv'])
    })
  })
})
