/**
 * Keeps a long run's heap near what it actually holds. Linting a stream
 * allocates fast, and V8 then lets the heap grow to several times its live
 * data before a full collection: a stream of a million conversations would
 * peak far above the few tens of megabytes it needs. After each chunk, when
 * the used heap is past the budget, a full collection runs.
 *
 * The collector comes from V8's `--expose-gc` flag, reached through a fresh
 * context; where that is not possible, nothing is done (V8's own schedule).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let collector: (() => void) | null | undefined

function collect(): (() => void) | null {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      const gc = runInNewContext('gc') as unknown
      collector = typeof gc === 'function' ? (gc as () => void) : null
    } catch {
      collector = null
    }
  }
  return collector
}

/** Default budget for the used heap, in MiB (COACHLINT_HEAP_BUDGET_MB overrides; 0 turns it off). */
export const DEFAULT_HEAP_BUDGET_MB = (() => {
  const env = typeof process !== 'undefined' ? process.env.COACHLINT_HEAP_BUDGET_MB : undefined
  const n = env === undefined || env === '' ? NaN : Number(env)
  return Number.isFinite(n) && n >= 0 ? n : 96
})()

/** A check to call between chunks: collects when the used heap is past `mb` MiB. */
export function heapBudget(mb = DEFAULT_HEAP_BUDGET_MB): () => void {
  if (mb <= 0) return () => {}
  const limit = mb * 1024 * 1024
  return () => {
    if (getHeapStatistics().used_heap_size < limit) return
    collect()?.()
  }
}
