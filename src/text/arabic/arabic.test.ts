import { normaliseArabic } from './normalise.js'
import { findLaughter, futureMarker, isNegation, tokenizeArabic } from './tokens.js'
import { compilePhrases } from '../phrases.js'
import { splitSentences } from '../sentences.js'

describe('Arabic normalisation', () => {
  it('strips diacritics, tatweel and bidi marks, folds letters and digits', () => {
    expect(normaliseArabic('مَشْكُـــور').text).toBe('مشكور')
    expect(normaliseArabic('\u200fإن شاء الله\u200e').text).toBe('ان شاء الله')
    expect(normaliseArabic('مستشفى المدينة').text).toBe('مستشفي المدينه')
    expect(normaliseArabic('رقم ١٢٣ و ۴۵').text).toBe('رقم 123 و 45')
    expect(normaliseArabic('كيف؟ تمام، شكراً؛').text).toBe('كيف? تمام, شكرا;')
    expect(normaliseArabic('شكراااااا').text).toBe('شكرا')
    expect(normaliseArabic('الله').text).toBe('الله') // a doubled letter is not a repeat run
  })

  it('expands presentation-form ligatures but keeps ﷼ and ﷽', () => {
    expect(normaliseArabic('\uFEFB').text).toBe('لا')
    expect(normaliseArabic('100 \uFDFC').text).toBe('100 \uFDFC')
  })

  it('maps every normalised character back to its original', () => {
    const original = 'أُوعِدُكَ ١٠٠٪ بـكـرة'
    const { text, map } = normaliseArabic(original)
    expect(text).toBe('اوعدك 100% بكره')
    for (let i = 0; i < text.length; i++) {
      const o = original[map[i]!]!
      expect(normaliseArabic(o).text || o).toBe(text[i])
    }
  })

  it('folds the letters of Persian and dialect spelling to the Arabic letter they stand for', () => {
    // Iraqi and Gulf چ and گ are the k sound; Maghrebi ڨ is q; ڤ, پ and ژ are foreign v, p and zh.
    expect(normaliseArabic('باچر أگدر').text).toBe('باكر اكدر')
    expect(normaliseArabic('ڨال ڤيزا پيتزا ژاكيت').text).toBe('قال فيزا بيتزا زاكيت')
  })

  it('keeps a word with چ whole, so a phrase spelt with ك finds it', () => {
    const talk = compilePhrases(['لا تحكي'])
    const text = 'روح اقرا الشروط قبل لا تحچي'
    const [m] = talk.find(text)
    expect(text.slice(m!.start, m!.end)).toBe('لا تحچي')
    // Spelt with چ in the lexicon, it matches either spelling.
    expect(compilePhrases(['هيچ']).test('ليش هيك صار')).toBe(true)
  })

  it('does not turn هلأ ("now") into the greeting هلا', () => {
    const greeting = compilePhrases(['هلا'])
    expect(greeting.test('هلا والله')).toBe(true)
    expect(greeting.test('هلأ بشوف طلبك')).toBe(false)
  })
})

describe('phrase matching on Arabic', () => {
  const deadEnd = compilePhrases(['مدري', 'ما أعرف', 'ما أدري'])

  it('points at the original characters through diacritics, tatweel and digits', () => {
    const text = 'والله مـــا أَدري ١٠٠٪'
    const [m] = deadEnd.find(text)
    expect(text.slice(m!.start, m!.end)).toBe('مـــا أَدري')
  })

  it('does not match مدري inside مدريد', () => {
    expect(deadEnd.test('رحت مدريد الصيف')).toBe(false)
    expect(deadEnd.test('مدري والله')).toBe(true)
  })

  it('does not read ما أعرفه ("what I know") as ما أعرف', () => {
    expect(deadEnd.test('هذا ما أعرفه عن الطلب')).toBe(false)
    expect(deadEnd.test('والله ما أعرف')).toBe(true)
  })

  it('allows a و/ف proclitic', () => {
    expect(deadEnd.test('وما أدري وين راح')).toBe(true)
  })
})

describe('Arabic tokens', () => {
  it('peels proclitics and pronoun suffixes but leaves lexical words alone', () => {
    const [a, b, c] = tokenizeArabic('وبالطلب كتبته الله')
    expect(a).toMatchObject({ stem: 'طلب', proclitics: ['و', 'بال'] })
    expect(b).toMatchObject({ stem: 'كتبت', enclitic: 'ه' })
    expect(c).toMatchObject({ stem: 'الله', proclitics: [] })
  })

  it('knows the negation particles of MSA and the dialects', () => {
    for (const word of ['لا', 'ما', 'مش', 'مو', 'مب', 'ليس', 'لم', 'لن', 'mesh']) {
      expect(isNegation(tokenizeArabic(word)[0]!)).toBe(true)
    }
    expect(isNegation(tokenizeArabic('معرفش')[0]!)).toBe(true)
    expect(isNegation(tokenizeArabic('طلب')[0]!)).toBe(false)
  })

  it('finds future markers per dialect, not سأل/سنة/ستة', () => {
    const at = (s: string, d?: Parameters<typeof futureMarker>[2]) => futureMarker(tokenizeArabic(s), 0, d)
    expect(at('سنتواصل معك')).toBe('سـ')
    expect(at('سوف نتصل')).toBe('سوف')
    expect(at('راح نرجع لك')).toBe('راح')
    expect(at('سألت الفريق')).toBeUndefined()
    expect(at('سنة كاملة')).toBeUndefined()
    expect(at('ستة أيام')).toBeUndefined()
    // Gulf بـ is future; Egyptian/Levantine بـ is the present tense.
    expect(at('بنتواصل معك', 'GLF')).toBe('بـ')
    expect(at('بنتواصل معك', 'EGY')).toBeUndefined()
    expect(at('هنكلمك بكرة', 'EGY')).toBe('هـ')
  })

  it('finds laughter before collapsing repeats, and not in stretched words', () => {
    const found = (s: string) => findLaughter(s).map((l) => l.text)
    expect(found('هههههه والله')).toEqual(['هههههه'])
    expect(found('خخخخ')).toEqual(['خخخخ'])
    expect(found('lol ok hahaha 😂')).toEqual(['lol', 'hahaha', '😂'])
    expect(found('5555 ya 3ammi')).toEqual(['5555'])
    expect(found('مشكـــور')).toEqual([])
    expect(found('وجهه مبتسم')).toEqual([])
  })

  it('ends sentences at ؟ ؛ ! . and newlines', () => {
    expect(splitSentences('مرحبا! كيف أساعدك؟ تم الطلب؛ شكرا\nمع السلامة').map((s) => s.text)).toEqual(['مرحبا!', 'كيف أساعدك؟', 'تم الطلب؛', 'شكرا', 'مع السلامة'])
  })
})

describe('phrase prefilter', () => {
  it('still finds phrases that start with emoji, punctuation or a wildcard', () => {
    const m = compilePhrases(['😉', 'gotcha, it is', '*كلمك', 'wait*'])
    expect(m.find('ok 😉').length).toBe(1)
    expect(m.find('Gotcha, it is done').length).toBe(1)
    expect(m.find('بكلمك بكرة').length).toBe(1)
    expect(m.find('waiting').length).toBe(1)
    expect(m.find('nothing here').length).toBe(0)
  })
})

describe('Arabic regex entries', () => {
  it('are normalised like the text they run on', () => {
    const m = compilePhrases(['/مستشفى\\s+المدينة/', '/(?:لا|ما)\\s+أعرف/'])
    expect(m.test('رحت مستشفى المدينة')).toBe(true)
    expect(m.test('والله ما أعرف')).toBe(true)
  })

  it('fold گ and چ in the expression as in the text', () => {
    const m = compilePhrases(['/(?<![\\u0621-\\u064A])(?:تگدر|أگدر)\\s+تدز/'])
    expect(m.test('تكدر تدزلي الصورة')).toBe(true)
    expect(m.test('تگدر تدزلي الصورة')).toBe(true)
    expect(compilePhrases(['/باچر\\s+الصبح/']).test('باكر الصبح')).toBe(true)
  })
})
