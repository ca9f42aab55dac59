import { analyseEnglish, hasNegatedLemma, addressesCustomer } from './english.js'

describe('English analysis', () => {
  it('gives sentences with token offsets, lemmas and negation', () => {
    const text = "I don't know where it is. You're wrong."
    const [first, second] = analyseEnglish(text)
    expect(text.slice(first!.start, first!.end)).toBe("I don't know where it is.")
    const know = first!.tokens.find((t) => t.text === 'know')!
    expect(text.slice(know.start, know.end)).toBe('know')
    expect(know.negated).toBe(true)
    expect(hasNegatedLemma(first!, ['know'])).toBe(true)
    expect(addressesCustomer(second!)).toBe(true)
  })

  it('shifts offsets by a base', () => {
    const [s] = analyseEnglish('No idea.', 10)
    expect(s!.start).toBe(10)
  })

  it('does not read thanks as not knowing', () => {
    const [s] = analyseEnglish('I know how to thank you enough.')
    expect(hasNegatedLemma(s!, ['know'])).toBe(false)
  })
})
