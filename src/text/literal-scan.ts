import { grown } from './grown.js'

/**
 * Which of many literal strings a text holds, found in one pass over the text
 * (Aho–Corasick). Literals are registered as matchers are compiled; the
 * automaton is rebuilt on the first scan after a registration.
 *
 * The automaton is kept small, because a scan reads it at random and a large
 * table costs a cache miss per character: the shallow states, where a scan
 * spends most of its time, have full rows (every failure transition worked out
 * in advance, one table read per character); the deeper ones keep only their
 * own edges and a failure link.
 */
export class LiteralSet {
  readonly #ids = new Map<string, number>()
  #literals: string[] = []
  #built = -1
  /** How many table bytes the full rows may take. */
  readonly #denseBytes: number
  /** Character code → its letter in the literals' alphabet (0: in no literal). */
  #letter = new Uint16Array(65536)
  #alphabet = 1
  /** States numbered breadth first; the first #dense have full rows here: state × alphabet + letter → next state. */
  #rows: Uint16Array | Int32Array = new Uint16Array(1)
  #dense = 1
  /** The deeper states' own edges (state − #dense → edges from edgeStart[k] to edgeStart[k + 1]), and failure links. */
  #edgeStart = new Int32Array(1)
  #edgeLetter = new Uint16Array(0)
  #edgeTarget = new Int32Array(0)
  #fail = new Int32Array(1)
  /** Literals ending at each state (directly): state s's are #outIds from #outStart[s] to #outStart[s + 1]. */
  #outStart = new Int32Array(2)
  #outIds = new Int32Array(0)
  /** For each state, the nearest state down its failure links that has an output (0: none). */
  #dict = new Int32Array(1)
  /** For each state, the first state whose outputs a scan there visits: itself when it has outputs, else its #dict (0: none). */
  #emit = new Int32Array(1)
  /**
   * States whose outputs the current scan has visited (by round). A state's
   * outputs and those down its dictionary links are visited once per scan: a
   * literal ends at one state only, so each is visited once.
   */
  #seen = new Int32Array(0)
  #round = 0
  /** Where found() gathers ids before copying them out. */
  #scratch = new Int32Array(64)

  /** `denseBytes`: the budget of the full rows (tests make it tiny to exercise the deeper states). */
  constructor(options: { denseBytes?: number } = {}) {
    this.#denseBytes = options.denseBytes ?? 96 * 1024
  }

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
    // Breadth first: a state's failure state is shallower, so its transitions are known when the state's are made.
    const fail = new Int32Array(states)
    const dict = new Int32Array(states)
    const emits = new Uint8Array(states)
    const queue: number[] = [0]
    const own = (s: number, c: number) => {
      for (const [x, t] of children[s]!) if (x === c) return t
      return -1
    }
    /** The full transition, through the failure links (the states on the way are done: they are shallower). */
    const step = (s: number, c: number): number => {
      for (;;) {
        const t = own(s, c)
        if (t >= 0) return t
        if (s === 0) return 0
        s = fail[s]!
      }
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!
      for (const [c, t] of children[s]!) {
        fail[t] = s === 0 ? 0 : step(fail[s]!, c)
        queue.push(t)
      }
      if (s === 0) continue
      const f = fail[s]!
      dict[s] = out[f] ? f : dict[f]!
      emits[s] = out[s] || dict[s] ? 1 : 0
    }
    // Number the states breadth first: the shallow ones get the full rows.
    const order = new Int32Array(states)
    queue.forEach((s, k) => (order[s] = k))
    const dense = Math.max(1, Math.min(states, Math.floor(this.#denseBytes / (2 * alphabet))))
    const rows = states <= 0xffff ? new Uint16Array(dense * alphabet) : new Int32Array(dense * alphabet)
    for (let k = 0; k < dense; k++) {
      const s = queue[k]!
      for (let c = 1; c < alphabet; c++) rows[k * alphabet + c] = order[step(s, c)]!
    }
    const deep = states - dense
    const edgeStart = new Int32Array(deep + 1)
    let edges = 0
    for (let k = dense; k < states; k++) edges += children[queue[k]!]!.length
    const edgeLetter = new Uint16Array(edges)
    const edgeTarget = new Int32Array(edges)
    edges = 0
    for (let k = dense; k < states; k++) {
      edgeStart[k - dense] = edges
      for (const [c, t] of children[queue[k]!]!) {
        edgeLetter[edges] = c
        edgeTarget[edges++] = order[t]!
      }
    }
    edgeStart[deep] = edges
    const movedFail = new Int32Array(states)
    const movedDict = new Int32Array(states)
    const movedEmit = new Int32Array(states)
    const outStart = new Int32Array(states + 1)
    for (let s = 0; s < states; s++) {
      const to = order[s]!
      movedFail[to] = order[fail[s]!]!
      movedDict[to] = order[dict[s]!]!
      movedEmit[to] = out[s] ? to : emits[s] ? order[dict[s]!]! : 0
      outStart[to + 1] = out[s]?.length ?? 0
    }
    for (let s = 0; s < states; s++) outStart[s + 1] += outStart[s]!
    const outIds = new Int32Array(outStart[states]!)
    for (let s = 0; s < states; s++) {
      const ids = out[s]
      if (ids) outIds.set(ids, outStart[order[s]!]!)
    }
    this.#letter = letter
    this.#alphabet = alphabet
    this.#rows = rows
    this.#dense = dense
    this.#edgeStart = edgeStart
    this.#edgeLetter = edgeLetter
    this.#edgeTarget = edgeTarget
    this.#fail = movedFail
    this.#outStart = outStart
    this.#outIds = outIds
    this.#dict = movedDict
    this.#emit = movedEmit
    this.#built = this.#literals.length
  }

  /** Marks (1) the literals the text holds, by id. */
  scan(text: string): Uint8Array {
    const found = new Uint8Array(this.#literals.length)
    const count = this.#collect(text)
    const ids = this.#scratch
    for (let k = 0; k < count; k++) found[ids[k]!] = 1
    return found
  }

  /** The ids of the literals the text holds, in the order they are first seen. */
  found(text: string): number[] {
    const count = this.#collect(text)
    // A plain list: the engine makes it on its heap (a typed copy of more than a few ids is an allocation outside it).
    const ids = this.#scratch
    const out = new Array<number>(count)
    for (let k = 0; k < count; k++) out[k] = ids[k]!
    return out
  }

  /** Puts the ids of the literals the text holds in #scratch (which it may replace), in the order they are first seen; how many. */
  #collect(text: string): number {
    if (this.#built !== this.#literals.length) this.#build()
    if (this.#seen.length !== this.#emit.length) this.#seen = new Int32Array(this.#emit.length)
    const seen = this.#seen
    const round = (this.#round = (this.#round + 1) | 0 || 1)
    const letter = this.#letter
    const rows = this.#rows
    const dense = this.#dense
    const edgeStart = this.#edgeStart
    const edgeLetter = this.#edgeLetter
    const edgeTarget = this.#edgeTarget
    const fail = this.#fail
    const outStart = this.#outStart
    const outIds = this.#outIds
    const dict = this.#dict
    const emit = this.#emit
    const alphabet = this.#alphabet
    let into = this.#scratch
    let count = 0
    let s = 0
    for (let i = 0; i < text.length; i++) {
      const c = letter[text.charCodeAt(i)]!
      if (c === 0) {
        s = 0
        continue
      }
      // A deep state: its own edge, or down its failure links until one has it or has a full row.
      let next = -1
      while (s >= dense) {
        const k = s - dense
        for (let e = edgeStart[k]!, end = edgeStart[k + 1]!; e < end; e++) {
          if (edgeLetter[e] === c) {
            next = edgeTarget[e]!
            break
          }
        }
        if (next >= 0) break
        s = fail[s]!
      }
      s = next >= 0 ? next : rows[s * alphabet + c]!
      for (let d = emit[s]!; d !== 0 && seen[d] !== round; d = dict[d]!) {
        // Once a state is visited, so is everything down its dictionary links.
        seen[d] = round
        for (let o = outStart[d]!, end = outStart[d + 1]!; o < end; o++) {
          if (count === into.length) into = this.#scratch = grown(into)
          into[count++] = outIds[o]!
        }
      }
    }
    return count
  }
}
