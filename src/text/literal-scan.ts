/**
 * Which of many literal strings a text holds, found in one pass over the text
 * (Aho–Corasick, with every failure transition worked out in advance, so a
 * character costs one table read). Literals are registered as matchers are
 * compiled; the automaton is rebuilt on the first scan after a registration.
 */
export class LiteralSet {
  readonly #ids = new Map<string, number>()
  #literals: string[] = []
  #built = -1
  /** Character code → its letter in the literals' alphabet (0: in no literal). */
  #letter = new Uint16Array(65536)
  #alphabet = 1
  /** state × alphabet + letter → next state (16 bits while the states fit: half the memory a scan walks). */
  #delta: Uint16Array | Int32Array = new Uint16Array(1)
  /** Literals ending at each state (directly). */
  #out: Array<number[] | undefined> = []
  /** For each state, the nearest state down its failure links that has an output (0: none). */
  #dict = new Int32Array(1)
  /** Whether a state or one down its failure links has an output. */
  #emits = new Uint8Array(1)
  /** Literals already visited in the current scan (by round). */
  #seen = new Int32Array(0)
  #round = 0
  /** Where found() gathers ids before copying them out. */
  #scratch = new Int32Array(64)

  /** The id of a literal, registering it if new. */
  id(literal: string): number {
    let id = this.#ids.get(literal)
    if (id === undefined) {
      id = this.#literals.length
      this.#ids.set(literal, id)
      this.#literals.push(literal)
    }
    return id
  }

  get size(): number {
    return this.#literals.length
  }

  #build(): void {
    const letter = new Uint16Array(65536)
    let alphabet = 1
    for (const literal of this.#literals) for (let i = 0; i < literal.length; i++) if (!letter[literal.charCodeAt(i)]) letter[literal.charCodeAt(i)] = alphabet++
    // The trie.
    const goto = new Map<number, number>()
    const out: Array<number[] | undefined> = [undefined]
    let states = 1
    this.#literals.forEach((literal, id) => {
      let s = 0
      for (let i = 0; i < literal.length; i++) {
        const key = s * alphabet + letter[literal.charCodeAt(i)]!
        let t = goto.get(key)
        if (t === undefined) {
          t = states++
          goto.set(key, t)
          out.push(undefined)
        }
        s = t
      }
      ;(out[s] ??= []).push(id)
    })
    const children: Array<Array<[number, number]>> = Array.from({ length: states }, () => [])
    for (const [key, t] of goto) children[Math.floor(key / alphabet)]!.push([key % alphabet, t])
    // Breadth first: a state's failure state is shallower, so its row is complete when the state's is filled.
    const delta = new Int32Array(states * alphabet)
    const fail = new Int32Array(states)
    const dict = new Int32Array(states)
    const emits = new Uint8Array(states)
    const queue: number[] = []
    for (const [c, t] of children[0]!) {
      delta[c] = t
      queue.push(t)
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!
      const f = fail[s]!
      delta.copyWithin(s * alphabet, f * alphabet, f * alphabet + alphabet)
      for (const [c, t] of children[s]!) {
        delta[s * alphabet + c] = t
        fail[t] = delta[f * alphabet + c]!
        queue.push(t)
      }
      dict[s] = out[f] ? f : dict[f]!
      emits[s] = out[s] || dict[s] ? 1 : 0
    }
    // Number the states breadth first: the shallow ones, where a scan spends most of its time, share a few
    // cache lines of the table.
    const order = new Int32Array(states)
    queue.forEach((s, k) => (order[s] = k + 1))
    const moved = states <= 0xffff ? new Uint16Array(states * alphabet) : new Int32Array(states * alphabet)
    const movedOut: Array<number[] | undefined> = new Array(states).fill(undefined)
    const movedDict = new Int32Array(states)
    const movedEmits = new Uint8Array(states)
    for (let s = 0; s < states; s++) {
      const to = order[s]!
      for (let c = 0; c < alphabet; c++) moved[to * alphabet + c] = order[delta[s * alphabet + c]!]!
      movedOut[to] = out[s]
      movedDict[to] = order[dict[s]!]!
      movedEmits[to] = emits[s]!
    }
    this.#letter = letter
    this.#alphabet = alphabet
    this.#delta = moved
    this.#out = movedOut
    this.#dict = movedDict
    this.#emits = movedEmits
    this.#built = this.#literals.length
  }

  /** Marks (1) the literals the text holds, by id. */
  scan(text: string): Uint8Array {
    const found = new Uint8Array(this.#literals.length)
    this.each(text, (id) => (found[id] = 1))
    return found
  }

  /** The ids of the literals the text holds, in the order they are first seen. */
  found(text: string): Int32Array {
    let count = 0
    let into = this.#scratch
    this.each(text, (id) => {
      if (count === into.length) {
        const grown = new Int32Array(into.length * 2)
        grown.set(into)
        into = this.#scratch = grown
      }
      into[count++] = id
    })
    return into.slice(0, count)
  }

  /** Calls `visit` once with the id of each literal the text holds. */
  each(text: string, visit: (id: number) => void): void {
    if (this.#built !== this.#literals.length) this.#build()
    if (this.#seen.length < this.#literals.length) this.#seen = new Int32Array(this.#literals.length)
    const seen = this.#seen
    const round = (this.#round = (this.#round + 1) | 0 || 1)
    const { letter, delta, out, dict, emits } = { letter: this.#letter, delta: this.#delta, out: this.#out, dict: this.#dict, emits: this.#emits }
    const alphabet = this.#alphabet
    let s = 0
    for (let i = 0; i < text.length; i++) {
      s = delta[s * alphabet + letter[text.charCodeAt(i)]!]!
      if (!emits[s]) continue
      for (let d = out[s] ? s : dict[s]!; d !== 0; d = dict[d]!) {
        for (const id of out[d]!) {
          if (seen[id] === round) continue
          seen[id] = round
          visit(id)
        }
      }
    }
  }
}
