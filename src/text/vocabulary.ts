/**
 * Small integer ids for the word keys lexicons are indexed by, so that a
 * text's words are looked up once, straight from its characters, and the
 * lexicon tables are indexed by number.
 *
 * An open-addressing table over flat typed arrays: a look-up hashes the
 * characters where they are (no string is made), usually touches one slot,
 * and compares characters only when the hashes agree. A text has far more
 * words than any lexicon knows: most look-ups miss, and a miss is one slot.
 */

const EMPTY = 0

/**
 * FNV-1a over UTF-16 code units, step by step (start with HASH_START), kept
 * to 30 bits: a small integer to the engine, never a boxed number when it is
 * passed around.
 */
export const HASH_START = 0x011c9dc5
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619) & 0x3fffffff
}

/** The hash of a whole key. */
export function hashOf(key: string): number {
  let h = HASH_START
  for (let i = 0; i < key.length; i++) h = hashStep(h, key.charCodeAt(i))
  return h
}

/** Characters a key leaves out (apostrophes: `don't` has the key `dont`). */
export type Skip = (c: number) => boolean

export class Vocabulary {
  /**
   * Slots of two numbers: the key's id + 1 (0: empty), and its hash, to pass
   * over slots of other keys without reading characters (one cache line).
   */
  #slots = new Int32Array(2048)
  #mask = 1023
  /** Characters of every key, one after the other; where each starts and its length, by id. */
  #chars = new Uint16Array(4096)
  #charLength = 0
  #start: number[] = []
  #length: number[] = []
  /** Grows whenever a key is added: what was looked up before may now have an id. */
  version = 0

  get size(): number {
    return this.#start.length
  }

  /** The id of `key`, added when new. */
  add(key: string): number {
    const h = hashOf(key)
    const found = this.find(h, key, 0, key.length)
    if (found >= 0) return found
    const id = this.#start.length
    if (this.#charLength + key.length > this.#chars.length) {
      const grown = new Uint16Array(Math.max(this.#chars.length * 2, this.#charLength + key.length))
      grown.set(this.#chars)
      this.#chars = grown
    }
    for (let i = 0; i < key.length; i++) this.#chars[this.#charLength + i] = key.charCodeAt(i)
    this.#start.push(this.#charLength)
    this.#length.push(key.length)
    this.#charLength += key.length
    if ((id + 1) * 2 > this.#mask + 1) this.#grow()
    this.#place(id, h)
    this.version++
    return id
  }

  /** The id of `key`, or -1. */
  idOf(key: string): number {
    return this.find(hashOf(key), key, 0, key.length)
  }

  /** The key of an id (for messages and tests). */
  keyOf(id: number): string {
    return String.fromCharCode(...this.#chars.subarray(this.#start[id]!, this.#start[id]! + this.#length[id]!))
  }

  /**
   * The id of the key made of `text` from `from` to `to` without the
   * characters `skip` leaves out, given that key's hash; or -1.
   */
  find(hash: number, text: string, from: number, to: number, skip?: Skip): number {
    const slots = this.#slots
    const mask = this.#mask
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = slots[2 * s]!
      if (entry === EMPTY) return -1
      if (slots[2 * s + 1] === hash && this.#same(entry - 1, text, from, to, skip)) return entry - 1
    }
  }

  /** The id of the key made of the first `length` characters of `key`, given that key's hash; or -1. */
  findChars(hash: number, key: Uint16Array, length: number): number {
    const slots = this.#slots
    const mask = this.#mask
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = slots[2 * s]!
      if (entry === EMPTY) return -1
      if (slots[2 * s + 1] === hash && this.#sameChars(entry - 1, key, length)) return entry - 1
    }
  }

  #same(id: number, text: string, from: number, to: number, skip: Skip | undefined): boolean {
    const chars = this.#chars
    let k = this.#start[id]!
    const end = k + this.#length[id]!
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i)
      if (skip !== undefined && skip(c)) continue
      if (k === end || chars[k] !== c) return false
      k++
    }
    return k === end
  }

  #sameChars(id: number, key: Uint16Array, length: number): boolean {
    if (this.#length[id] !== length) return false
    const chars = this.#chars
    const start = this.#start[id]!
    for (let i = 0; i < length; i++) if (chars[start + i] !== key[i]) return false
    return true
  }

  #place(id: number, hash: number): void {
    const mask = this.#mask
    let s = hash & mask
    while (this.#slots[2 * s] !== EMPTY) s = (s + 1) & mask
    this.#slots[2 * s] = id + 1
    this.#slots[2 * s + 1] = hash
  }

  #grow(): void {
    const size = (this.#mask + 1) * 2
    this.#slots = new Int32Array(2 * size)
    this.#mask = size - 1
    for (let id = 0; id < this.#start.length; id++) {
      let h = HASH_START
      const start = this.#start[id]!
      for (let i = start, end = start + this.#length[id]!; i < end; i++) h = hashStep(h, this.#chars[i]!)
      this.#place(id, h)
    }
  }
}
