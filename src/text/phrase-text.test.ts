import { compilePhrases } from './phrases.js'
import { arabicKeys, factsFor, latinKeys, withTextScope } from './phrase-text.js'
import { Vocabulary } from './vocabulary.js'

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
