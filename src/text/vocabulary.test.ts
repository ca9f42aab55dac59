import { HASH_START, hashStep, Vocabulary } from './vocabulary.js'
import { isApostrophe } from './phrase-text.js'

const hashOf = (s: string, skip?: (c: number) => boolean) => {
  let h = HASH_START
  for (let i = 0; i < s.length; i++) if (!skip?.(s.charCodeAt(i))) h = hashStep(h, s.charCodeAt(i))
  return h
}

describe('Vocabulary', () => {
  it('gives each key one id, and finds keys in place in a text', () => {
    const v = new Vocabulary()
    const a = v.add('dont')
    expect(v.add('dont')).toBe(a)
    const b = v.add('don')
    expect(b).not.toBe(a)
    expect(v.idOf('dont')).toBe(a)
    expect(v.idOf('do')).toBe(-1)
    expect(v.keyOf(b)).toBe('don')
    const text = "well, i don't"
    expect(v.find(hashOf("don't", isApostrophe), text, 8, 13, isApostrophe)).toBe(a)
    expect(v.find(hashOf('don'), text, 8, 11)).toBe(b)
    // Without skipping, the apostrophe is a character of its own.
    expect(v.find(hashOf("don't"), text, 8, 13)).toBe(-1)
  })

  it('keeps every key as it grows, and tells a look-up that is not there', () => {
    const v = new Vocabulary()
    const keys = Array.from({ length: 20000 }, (_, i) => `w${(i * 7919).toString(36)}`)
    const ids = keys.map((k) => v.add(k))
    expect(new Set(ids).size).toBe(keys.length)
    expect(v.size).toBe(keys.length)
    keys.forEach((k, i) => expect(v.idOf(k)).toBe(ids[i]))
    for (let i = 0; i < 2000; i++) expect(v.idOf(`x${i}`)).toBe(-1)
    // The empty key and keys outside the Basic Multilingual Plane are keys too.
    expect(v.idOf('')).toBe(-1)
    const empty = v.add('')
    expect(v.idOf('')).toBe(empty)
    const emoji = v.add('😂ok')
    expect(v.idOf('😂ok')).toBe(emoji)
  })

  it('changes its version only when a key is added', () => {
    const v = new Vocabulary()
    v.add('a')
    const version = v.version
    v.add('a')
    v.idOf('b')
    expect(v.version).toBe(version)
    v.add('b')
    expect(v.version).toBeGreaterThan(version)
  })
})
