/**
 * Score findings against labels, per (conversation, turn, rule): a finding on
 * another turn or with another rule is both a false positive and a miss.
 */

export interface Label {
  conversation: string
  turn: number
  rule: string
  language: string
}

export interface Counts {
  gold: number
  predicted: number
  truePositives: number
  precision: number
  recall: number
  f1: number
}

export interface Scores {
  /** rule → language → counts (language "all" sums the languages). */
  byRule: Record<string, Record<string, Counts>>
  /** language → micro-averaged counts over the scored rules ("all" for everything). */
  micro: Record<string, Counts>
  falsePositives: Label[]
  misses: Label[]
}

export function counts(gold: number, predicted: number, truePositives: number): Counts {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : truePositives / predicted
  const recall = gold === 0 ? 1 : truePositives / gold
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { gold, predicted, truePositives, precision, recall, f1 }
}

const key = (l: Label) => `${l.conversation}\u0000${l.turn}\u0000${l.rule}`

/** `rules`: the rule ids that ran; labels of other rules are left out of the scores. */
export function score(gold: Label[], predicted: Label[], rules: string[]): Scores {
  const ran = new Set(rules)
  const g = new Map(gold.filter((l) => ran.has(l.rule)).map((l) => [key(l), l]))
  const p = new Map(predicted.map((l) => [key(l), l]))
  const tally = new Map<string, { gold: number; predicted: number; tp: number }>()
  const bump = (rule: string, language: string, field: 'gold' | 'predicted' | 'tp') => {
    for (const k of [`${rule}\u0000${language}`, `${rule}\u0000all`, `*\u0000${language}`, `*\u0000all`]) {
      const t = tally.get(k) ?? { gold: 0, predicted: 0, tp: 0 }
      t[field]++
      tally.set(k, t)
    }
  }
  for (const l of g.values()) bump(l.rule, l.language, 'gold')
  for (const l of p.values()) {
    bump(l.rule, l.language, 'predicted')
    if (g.has(key(l))) bump(l.rule, l.language, 'tp')
  }
  const byRule: Scores['byRule'] = {}
  const micro: Scores['micro'] = {}
  for (const rule of [...ran].sort()) byRule[rule] = { all: counts(0, 0, 0) }
  for (const [k, t] of tally) {
    const [rule, language] = k.split('\u0000') as [string, string]
    const c = counts(t.gold, t.predicted, t.tp)
    if (rule === '*') micro[language] = c
    else (byRule[rule] ??= {})[language] = c
  }
  micro.all ??= counts(0, 0, 0)
  return {
    byRule,
    micro,
    falsePositives: [...p.values()].filter((l) => !g.has(key(l))),
    misses: [...g.values()].filter((l) => !p.has(key(l)))
  }
}
