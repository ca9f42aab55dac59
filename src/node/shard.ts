/** Deterministic sharding: `--shard 2/8` keeps the conversations whose key hashes to shard 2 of 8. */

export interface Shard {
  /** 1-based index. */
  index: number
  count: number
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim())
  const index = m ? Number(m[1]) : NaN
  const count = m ? Number(m[2]) : NaN
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard expects i/n with 1 ≤ i ≤ n, e.g. --shard 2/8; got ${JSON.stringify(value)}`)
  return { index, count }
}

/** FNV-1a over a string: stable across runs, machines and Node versions. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Does the unit named `key` (a file path, or `path:line` for one JSONL line) belong to the shard? */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || fnv1a(key) % shard.count === shard.index - 1
}
