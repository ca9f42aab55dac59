/**
 * Which of many literal strings a text holds, found in one pass over the text
 * (Aho–Corasick). Literals are registered once, as matchers are compiled; the
 * automaton is built on the first scan after a registration.
 */
export class LiteralSet {
  readonly #ids = new Map<string, number>()
  #literals: string[] = []
  #built = 0
  /** Transitions: state × alphabet size + letter → state (small integer keys). */
  #next = new Map<number, number>()
  /** Character code → its letter in the literals' alphabet, plus one (0: in no literal). */
  #letter = new Uint16Array(65536)
  #alphabet = 1
  #fail = new Int32Array(1)
  /** For each state, the literals ending there (directly). */
  #out: Array<number[] | undefined> = []
  /** For each state, the nearest state down its failure links that has an output (0: none). */
  #dict = new Int32Array(1)

  /** The id of a literal (lower case), registering it if new. */
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
    const next = new Map<number, number>()
    const out: Array<number[] | undefined> = [undefined]
    let states = 1
    this.#literals.forEach((literal, id) => {
      let s = 0
      for (let i = 0; i < literal.length; i++) {
        const key = s * alphabet + letter[literal.charCodeAt(i)]!
        let t = next.get(key)
        if (t === undefined) {
          t = states++
          next.set(key, t)
          out.push(undefined)
        }
        s = t
      }
      ;(out[s] ??= []).push(id)
    })
    // Children of each state, for the breadth-first pass.
    const children: Array<Array<[number, number]>> = Array.from({ length: states }, () => [])
    for (const [key, t] of next) children[Math.floor(key / alphabet)]!.push([key % alphabet, t])
    const fail = new Int32Array(states)
    const dict = new Int32Array(states)
    const queue: number[] = []
    for (const [, t] of children[0]!) queue.push(t)
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!
      for (const [c, t] of children[s]!) {
        let f = fail[s]!
        let to: number | undefined
        for (;;) {
          to = next.get(f * alphabet + c)
          if (to !== undefined || f === 0) break
          f = fail[f]!
        }
        fail[t] = to !== undefined && to !== t ? to : 0
        dict[t] = out[fail[t]!] ? fail[t]! : dict[fail[t]!]!
        queue.push(t)
      }
    }
    this.#next = next
    this.#letter = letter
    this.#alphabet = alphabet
    this.#fail = fail
    this.#out = out
    this.#dict = dict
    this.#built = this.#literals.length
  }

  /** Marks (1) the literals the text holds, by id. */
  scan(text: string): Uint8Array {
    const found = new Uint8Array(this.#literals.length)
    this.each(text, (id) => (found[id] = 1))
    return found
  }

  /** Calls `visit` with the id of each literal occurrence in the text (a literal may come more than once). */
  each(text: string, visit: (id: number) => void): void {
    if (this.#built !== this.#literals.length) this.#build()
    const next = this.#next
    const fail = this.#fail
    const out = this.#out
    const dict = this.#dict
    const letter = this.#letter
    const alphabet = this.#alphabet
    let s = 0
    for (let i = 0; i < text.length; i++) {
      const c = letter[text.charCodeAt(i)]!
      if (c === 0) {
        // A character no literal has: every match starts afresh.
        s = 0
        continue
      }
      for (;;) {
        const t = next.get(s * alphabet + c)
        if (t !== undefined) {
          s = t
          break
        }
        if (s === 0) break
        s = fail[s]!
      }
      for (let d = out[s] ? s : dict[s]!; d !== 0; d = dict[d]!) for (const id of out[d]!) visit(id)
    }
  }
}
