/** The shared per-turn analysis: computed lazily, once per turn, for all rules. */
import type { Transcript, TurnAnalysis } from '../types.js'
import { detectScript } from './script.js'
import { ownWords } from './own-words.js'
import { splitSentences } from './sentences.js'

class LazyTurnAnalysis implements TurnAnalysis {
  #ownText?: string
  #script?: TurnAnalysis['script']
  #sentences?: TurnAnalysis['sentences']

  constructor(
    readonly index: number,
    readonly turn: Transcript['turns'][number]
  ) {}

  get text(): string {
    return this.turn.text
  }

  get ownText(): string {
    return (this.#ownText ??= this.turn.role === 'customer' ? this.turn.text : ownWords(this.turn.text))
  }

  get script(): TurnAnalysis['script'] {
    return (this.#script ??= detectScript(this.ownText))
  }

  get sentences(): TurnAnalysis['sentences'] {
    return (this.#sentences ??= splitSentences(this.ownText))
  }
}

/** Per-conversation cache of turn analyses. */
export function createAnalyser(transcript: Transcript): (i: number) => TurnAnalysis {
  const cache: Array<TurnAnalysis | undefined> = []
  return (i: number) => {
    const turn = transcript.turns[i]
    if (!turn) throw new RangeError(`No turn ${i} in conversation ${transcript.id}`)
    return (cache[i] ??= new LazyTurnAnalysis(i, turn))
  }
}
