import { LiteralSet } from './literal-scan.js'

describe('LiteralSet', () => {
  it('finds every registered literal a text holds, overlapping and nested ones included', () => {
    const set = new LiteralSet()
    const words = ['he', 'she', 'his', 'hers', 'charged', 'char', 'ما', 'اعرف', 'x']
    const ids = words.map((w) => set.id(w))
    expect(set.id('she')).toBe(ids[1])
    const found = set.scan('ushers were charged; ما اعرفش')
    const held = words.filter((_, k) => found[ids[k]!])
    expect(held).toEqual(['he', 'she', 'hers', 'charged', 'char', 'ما', 'اعرف'])
  })

  it('finds more literals than its scratch list first holds', () => {
    const set = new LiteralSet()
    const words = Array.from({ length: 300 }, (_, k) => `w${k}x`)
    for (const w of words) set.id(w)
    const text = words.join(' ')
    expect([...set.found(text)].sort((a, b) => a - b)).toEqual(words.map((w) => set.id(w)))
    expect(set.scan(text).every((x) => x === 1)).toBe(true)
  })

  it.each([
    ['full rows for every state', undefined],
    ['full rows for the root only', 1],
    ['full rows for a few shallow states', 40]
  ])('agrees with includes() on generated texts, and picks up literals added after a scan (%s)', (_, denseBytes) => {
    const set = new LiteralSet({ denseBytes })
    const alphabet = 'abcab '
    let seed = 3
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    const make = (n: number, from = alphabet) => Array.from({ length: n }, () => from[random(from.length)]).join('')
    const literals = Array.from({ length: 40 }, () => make(1 + random(6)))
    for (const l of literals.slice(0, 20)) set.id(l)
    for (let round = 0; round < 2; round++) {
      if (round === 1) for (const l of literals.slice(20)) set.id(l)
      for (let t = 0; t < 200; t++) {
        // Texts also hold a letter no literal has.
        const text = make(random(30), `${alphabet}x`)
        const found = set.scan(text)
        for (const l of literals.slice(0, round === 0 ? 20 : 40)) expect(Boolean(found[set.id(l)]), `${l} in ${text}`).toBe(text.includes(l))
      }
    }
  })
})
