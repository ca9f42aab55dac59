import { sortSmall } from './sort-small.js'

describe('sortSmall', () => {
  it('sorts as Array.prototype.sort does, stably, short lists and long ones', () => {
    let seed = 5
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    for (const length of [0, 1, 2, 7, 32, 33, 100]) {
      const list = Array.from({ length }, (_, i) => ({ key: random(5), i }))
      const compare = (a: { key: number }, b: { key: number }) => a.key - b.key
      expect(sortSmall(list.slice(), compare)).toEqual(list.slice().sort(compare))
    }
  })
})
