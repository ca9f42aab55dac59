import { describe, expect, it } from 'vitest'
import { countWords } from './processor.js'

describe('countWords', () => {
  it('counts what /\\S+/g finds, for every kind of JavaScript space', () => {
    const spaces = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
    const texts = ['', ' ', 'one', ' one  two ', 'a\u200bb', 'مرحبا بك', '😂 ok', ...spaces.map((s) => `x${s}y${s}${s}z`)]
    for (const text of texts) expect(countWords(text), JSON.stringify(text)).toBe((text.match(/\S+/g) ?? []).length)
  })

  it('agrees with /\\S+/g on random texts', () => {
    const alphabet = ['a', 'ب', ' ', '\n', '\u00a0', '\u2009', '\u200b', '.', '\ufeff', '\ud83d\ude02']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
    for (let k = 0; k < 500; k++) {
      let text = ''
      for (let n = next() % 40; n > 0; n--) text += alphabet[next() % alphabet.length]
      expect(countWords(text)).toBe((text.match(/\S+/g) ?? []).length)
    }
  })
})
