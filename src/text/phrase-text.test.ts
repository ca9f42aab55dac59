import { factsFor, latinKeys, withTextScope } from './phrase-text.js'

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
    const index = latinKeys("i don't know. that's e-mail")
    const at = (key: string) => index.keys.flatMap((k, i) => (k === key ? [index.starts[i]] : []))
    const pairAt = (a: string, b: string) => index.pairFirst.flatMap((k, i) => (k === a && index.pairSecond[i] === b ? [index.pairStarts[i]] : []))
    expect(at('dont')).toEqual([2])
    expect(at('don')).toEqual([2])
    expect(index.whole[index.keys.indexOf('don')]).toBe(0)
    expect(pairAt('i', 'dont')).toEqual([0])
    expect(pairAt('i', 'don')).toEqual([0])
    // Words after a full stop are not a pair.
    expect(pairAt('know', 'thats')).toEqual([])
    expect(at('that')).toEqual([14])
    expect(pairAt('e', 'mail')).toEqual([21])
    // Keys come in text order.
    expect([...index.starts].sort((a, b) => a - b)).toEqual(index.starts)
  })
})
