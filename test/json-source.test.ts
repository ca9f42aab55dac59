import { JsonSyntaxError, mapOffset, parseJson, toValue } from '../src/model/json-source.js'

describe('parseJson', () => {
  it('parses the same values as JSON.parse', () => {
    const samples = ['{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"d"}}', '[]', '{}', '"x\\u00e9\\n"', ' 0 ']
    for (const s of samples) expect(toValue(parseJson(s))).toEqual(JSON.parse(s))
  })

  it('maps every character of a string with escapes back to the source', () => {
    const source = '{"text": "a\\"b\\nc\\u00e9 d\\\\e 😂f"}'
    const node = parseJson(source)
    if (node.kind !== 'object') throw new Error('object expected')
    const text = node.entries.get('text')!.value
    if (text.kind !== 'string') throw new Error('string expected')
    expect(text.value).toBe('a"b\ncé d\\e 😂f')
    for (const ch of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const i = text.value.indexOf(ch)
      expect(source[mapOffset(text.map, i, text.value.length)]).toBe(ch)
    }
    // The escaped quote maps to its backslash; the end maps to the closing quote.
    expect(source[mapOffset(text.map, 1, text.value.length)]).toBe('\\')
    expect(source[mapOffset(text.map, text.value.length, text.value.length)]).toBe('"')
  })

  it('reports syntax errors with their offset', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['{"a": 1,, "b": 2}', 8, /expected a string key/],
      ['{"a": tru}', 6, /expected a value/],
      ['{"a": "x}', 6, /Unterminated string/],
      ['{"a": 1} x', 9, /end of input/],
      ['{"a": "\\q"}', 7, /Invalid escape/]
    ]
    for (const [source, offset, message] of cases) {
      try {
        parseJson(source)
        throw new Error(`no error for ${source}`)
      } catch (error) {
        expect(error).toBeInstanceOf(JsonSyntaxError)
        expect((error as JsonSyntaxError).offset).toBe(offset)
        expect((error as Error).message).toMatch(message)
      }
    }
  })

  it('refuses hostile nesting without overflowing the stack', () => {
    expect(() => parseJson('['.repeat(100_000))).toThrow(/Nesting deeper/)
  })
})
