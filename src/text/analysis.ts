/** The shared per-turn analysis: computed lazily, once per turn, for all rules. */
import type { Transcript, Turn, TurnAnalysis } from '../types.js'
import { findLaughter, tokenizeArabic, type ArabicToken, type Laughter } from './arabic/tokens.js'
import { analyseEnglish, type EnglishSentence } from './english.js'
import { blankQuotedCustomerWords, ownWords } from './own-words.js'
import { detectScript } from './script.js'
import { splitSentences } from './sentences.js'

/** The full analysis object rules receive (a superset of the public TurnAnalysis). */
export interface FullTurnAnalysis extends TurnAnalysis {
  /** Words with script and (for Arabic) clitics peeled; offsets in the turn text. */
  readonly tokens: readonly ArabicToken[]
  /** Laughter (هههه, lol, 😂 …) in the writer's own words. */
  readonly laughter: readonly Laughter[]
  /** wink-nlp sentences of the own text (English); computed on first access. */
  readonly english: readonly EnglishSentence[]
}

class LazyTurnAnalysis implements FullTurnAnalysis {
  #ownText?: string
  #script?: TurnAnalysis['script']
  #sentences?: TurnAnalysis['sentences']
  #tokens?: readonly ArabicToken[]
  #laughter?: readonly Laughter[]
  #english?: readonly EnglishSentence[]

  constructor(
    readonly index: number,
    readonly turn: Turn,
    private readonly earlierCustomerText: () => string
  ) {}

  get text(): string {
    return this.turn.text
  }

  get ownText(): string {
    if (this.#ownText === undefined) {
      if (this.turn.role === 'customer') this.#ownText = this.turn.text
      else this.#ownText = blankQuotedCustomerWords(ownWords(this.turn.text), this.earlierCustomerText())
    }
    return this.#ownText
  }

  get script(): TurnAnalysis['script'] {
    return (this.#script ??= detectScript(this.ownText))
  }

  get sentences(): TurnAnalysis['sentences'] {
    return (this.#sentences ??= splitSentences(this.ownText))
  }

  get tokens(): readonly ArabicToken[] {
    return (this.#tokens ??= tokenizeArabic(this.ownText))
  }

  get laughter(): readonly Laughter[] {
    return (this.#laughter ??= findLaughter(this.ownText))
  }

  get english(): readonly EnglishSentence[] {
    return (this.#english ??= analyseEnglish(this.ownText))
  }
}

/** Per-conversation cache of turn analyses. */
export function createAnalyser(transcript: Transcript): (i: number) => FullTurnAnalysis {
  const cache: Array<FullTurnAnalysis | undefined> = []
  const customerBefore = (i: number) =>
    transcript.turns
      .slice(0, i)
      .filter((t) => t.role === 'customer')
      .map((t) => t.text)
      .join('\n')
  return (i: number) => {
    const turn = transcript.turns[i]
    if (!turn) throw new RangeError(`No turn ${i} in conversation ${transcript.id}`)
    return (cache[i] ??= new LazyTurnAnalysis(i, turn, () => customerBefore(i)))
  }
}
