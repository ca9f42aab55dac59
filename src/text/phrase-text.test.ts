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
    const { keys } = latinKeys("i don't know. that's e-mail")
    expect(keys.get('dont')).toEqual([2])
    expect(keys.get('i dont')).toEqual([0])
    expect(keys.get('that')).toEqual([14])
    expect(keys.get('e mail')).toEqual([21])
  })
})
