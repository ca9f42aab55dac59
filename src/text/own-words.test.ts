import { blankQuotedCustomerWords, ownWords } from './own-words.js'

describe('own words', () => {
  it('blanks e-mail quoted history and keeps offsets', () => {
    const text = 'Sorry Dana, refunded.\n\nOn Mon, 3 Mar 2025, Dana <d@x.co> wrote:\n> you are useless, I don\'t know why I bother\n'
    const own = ownWords(text)
    expect(own.length).toBe(text.length)
    expect(own).toContain('Sorry Dana, refunded.')
    expect(own).not.toContain('useless')
  })

  it('blanks > lines and signatures', () => {
    const text = 'Fixed now.\n> I don\'t know\nThanks for waiting\n-- \nSam | I don\'t know support'
    const own = ownWords(text)
    expect(own).toContain('Fixed now.')
    expect(own).toContain('Thanks for waiting')
    expect(own).not.toMatch(/I don't know/)
  })

  it('blanks the customer’s words quoted back, not other quotes', () => {
    const customer = 'this is a scam and you know it'
    const text = 'I understand you feel “this is a scam”, and the "Refund" button is under Orders.'
    const own = blankQuotedCustomerWords(text, customer)
    expect(own).not.toContain('scam')
    expect(own).toContain('"Refund"')
    expect(own.length).toBe(text.length)
  })
})
