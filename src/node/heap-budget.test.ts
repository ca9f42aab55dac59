import { getHeapStatistics } from 'node:v8'
import { heapBudget } from './heap-budget.js'

describe('heapBudget', () => {
  it('does nothing when turned off or under budget', () => {
    expect(() => heapBudget(0)()).not.toThrow()
    expect(() => heapBudget(1 << 20)()).not.toThrow()
  })

  it('collects garbage once the used heap is past the budget', () => {
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item ${i}` }))
    const before = getHeapStatistics().used_heap_size
    expect(garbage.length).toBe(200_000)
    garbage = undefined
    heapBudget(1)()
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before)
  })
})
