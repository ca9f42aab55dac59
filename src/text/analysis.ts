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
  /**
   * Work a rule does on this turn, computed once and kept with the analysis:
   * `memo('unkept-promise:promises', () => …)`. Pre-send checks keep the
   * analyses of the conversation's turns while only the draft changes, so what
   * is memoised here is not redone on every keystroke. The value must depend only
   * on this turn, the turns before it and the rule's options — never on later
   * turns. Prefix keys with the rule id.
   */
  memo<T>(key: string, compute: () => T): T
}

class LazyTurnAnalysis implements FullTurnAnalysis {
  #ownText?: string
  #script?: TurnAnalysis['script']
  #sentences?: TurnAnalysis['sentences']
  #tokens?: readonly ArabicToken[]
  #laughter?: readonly Laughter[]
  #english?: readonly EnglishSentence[]
  #memo?: Map<string, unknown>

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
      else this.#ownText = blankQuotedCustomerWords(ownWords(this.turn.text), this.earlierCustomerText)
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

  memo<T>(key: string, compute: () => T): T {
    const memo = (this.#memo ??= new Map())
    const known = memo.get(key)
    if (known !== undefined || memo.has(key)) return known as T
    const value = compute()
    memo.set(key, value)
    return value
  }
}

/**
 * Per-conversation cache of turn analyses. `cache` may be shared between runs
 * over the same leading turns (a pre-send check keeps the conversation's
 * analyses while only the draft changes): an entry is reused only for the very
 * turn object it was made for, at the same index, so the caller must keep the
 * turns before it unchanged.
 */
export function createAnalyser(transcript: Transcript, cache: Array<FullTurnAnalysis | undefined> = []): (i: number) => FullTurnAnalysis {
  // Customer text before each turn, built once in one pass (not once per turn).
  let prefixes: string[] | undefined
  const customerBefore = (i: number) => {
    if (!prefixes) {
      prefixes = [''] as string[]
      let acc = ''
      transcript.turns.forEach((t, k) => {
        if (t.role === 'customer') acc = acc ? `${acc}\n${t.text}` : t.text
        prefixes![k + 1] = acc
      })
    }
    return prefixes[Math.min(i, transcript.turns.length)] ?? ''
  }
  return (i: number) => {
    const turn = transcript.turns[i]
    if (!turn) throw new RangeError(`No turn ${i} in conversation ${transcript.id}`)
    const hit = cache[i]
    if (hit && hit.turn === turn) return hit
    return (cache[i] = new LazyTurnAnalysis(i, turn, () => customerBefore(i)))
  }
}
