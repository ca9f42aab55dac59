import { findRequests } from './requests.js'
import type { RequestKind } from './kinds.js'

const asks = (text: string) => findRequests(text).filter((r) => !r.different).map((r) => `${r.kind}: ${text.slice(r.start, r.end)}`)
const asked = (text: string, kind: RequestKind, span: string) => expect(asks(text)).toContain(`${kind}: ${span}`)
const notAsked = (text: string) => expect(asks(text)).toEqual([])

describe('findRequests — English request forms', () => {
  it('modal + verb', () => {
    asked('Could you please send me your order number so I can check?', 'order', 'Could you please send me your order number')
    asked('Can you confirm the email address on the account?', 'email', 'Can you confirm the email address')
    asked('Would you mind sharing your tracking number?', 'tracking', 'Would you mind sharing your tracking number')
    asked('So I can set that up, can you read me the console serial number?', 'serial', 'can you read me the console serial number')
  })

  it('imperatives at the start of a clause, DM requests and lists', () => {
    asked('@bri_t Hi there! Please DM us your order number and we will look.', 'order', 'Please DM us your order number')
    asked('Send us a DM with your full name, service address and phone number.', 'phone', 'Send us a DM with your full name, service address and phone number')
    asked('Send us a DM with your full name, service address and phone number.', 'address', 'Send us a DM with your full name, service address')
    asked('Sorry about that. Follow and DM us your account number.', 'account', 'DM us your account number')
    asked('In order to investigate, please reply with the payment reference and the amount.', 'reference', 'please reply with the payment reference')
    asked('Just drop us a DM with the booking reference.', 'booking', 'drop us a DM with the booking reference')
  })

  it('self-sufficient frames', () => {
    asked('Hi, this is Leon. Can I get the service address, please?', 'address', 'Can I get the service address')
    asked("We'll need your account number to go further.", 'account', "We'll need your account number")
    asked('Please let us know the platform you are playing on.', 'platform', 'let us know the platform')
  })

  it('question words', () => {
    asked("Thanks! Last thing: what's the mobile number you're trying to activate?", 'phone', "what's the mobile number")
    asked('Which email address is the account under?', 'email', 'Which email address')
    asked("What's the account number?", 'account', "What's the account number")
    asked('Which platform are you on?', 'platform', 'Which platform')
  })

  it('tails and bare questions', () => {
    asked('Booking reference, please?', 'booking', 'Booking reference, please')
    asked('And your email?', 'email', 'And your email')
  })

  it('a resend to a private channel', () => {
    asked('You have posted your address publicly, please delete the post and resend in a DM.', 'address', 'resend')
  })

  it('wider requests: contact and account details', () => {
    asked("Hi Stephen, follow and DM us more info along with your mum's contact details.", 'contact', "DM us more info along with your mum's contact details")
  })

  it('is not fooled by the agent giving details or asking something else', () => {
    notAsked("We'll send you your tracking number by e-mail.")
    notAsked('Your order number is KT-40012.')
    notAsked('Please check your email for the reset link.')
    notAsked('Please send us an email at help@example.com and we will assist.')
    notAsked('Please DM us so we can check your order number.')
    notAsked("What's the SIM card number printed on the card?")
    notAsked('I can confirm your order number is in our system.')
    notAsked('Thanks for sending your order number!')
    notAsked('We will address your concern today.')
    notAsked('Please call our phone number 800 555 0100.')
    notAsked('Can you send us a photo of the serial number sticker?')
    asked('Could you send a photo of the receipt and the order number?', 'order', 'Could you send a photo of the receipt and the order number')
    asked('ممكن تبعتلي صورة من الفاتورة ورقم الطلب؟', 'order', 'ممكن تبعتلي صورة من الفاتورة ورقم الطلب')
    notAsked("What's going on with your order number?")
  })

  it('negated requests are not requests', () => {
    notAsked("Please don't share your account number here.")
    notAsked('There is no need to send your order number again.')
    const list = asks('Please DM us your full name and phone number, without mentioning any account number.')
    expect(list.some((x) => x.startsWith('phone'))).toBe(true)
    expect(list.some((x) => x.startsWith('account'))).toBe(false)
  })

  it('marks a request for a different one', () => {
    const r = findRequests('Could you send the order number for the other parcel?')
    expect(r.map((x) => [x.kind, x.different])).toEqual([['order', true]])
    expect(findRequests('Could you send your other email address?')[0]?.different).toBe(true)
    // The given one was wrong: asking for the correct one is not a repeat.
    expect(findRequests('That one bounced; could you send the correct email address?')[0]?.different).toBe(true)
    expect(findRequests('ممكن رقم الجوال الصحيح؟')[0]?.different).toBe(true)
  })
})

describe('findRequests — Arabic, dialects, Arabizi, code-switching', () => {
  it('Gulf', () => {
    asked('وعليكم السلام، ممكن رقم الجوال المسجل عشان نتحقق؟', 'phone', 'ممكن رقم الجوال')
    asked('عطني رقم الحجز الله يخليك', 'booking', 'عطني رقم الحجز')
    asked('وش رقم الطلب؟', 'order', 'وش رقم الطلب')
  })

  it('MSA', () => {
    asked('نرجو تزويدنا برقم الحساب التجاري حتى نتمكن من المراجعة.', 'account', 'نرجو تزويدنا برقم الحساب')
    asked('برجاء إرسال الرقم القومي ورقم الموبايل الجديد.', 'nationalId', 'برجاء إرسال الرقم القومي')
    asked('برجاء إرسال الرقم القومي ورقم الموبايل الجديد.', 'phone', 'برجاء إرسال الرقم القومي ورقم الموبايل')
    asked('أرسل لي رقم الطلب من فضلك.', 'order', 'أرسل لي رقم الطلب')
  })

  it('Egyptian, Levantine, Iraqi, Maghrebi', () => {
    asked('ممكن تبعتلي الإيميل بتاع الحساب؟', 'email', 'ممكن تبعتلي الإيميل')
    asked('شو رقم الحجز؟', 'booking', 'شو رقم الحجز')
    asked('هلا بيج، دزيلي رقمج ورقم المستلم حتى نتابع.', 'phone', 'دزيلي رقمج')
    asked('ابعثلي النومرو متاعك باش نثبت.', 'phone', 'ابعثلي النومرو')
  })

  it('Arabizi and code-switched', () => {
    asked('Hello! akid. shu esm el passenger w ra2m el 7ajez please?', 'booking', 'shu esm el passenger w ra2m el 7ajez')
    asked('momken ra2m el talab?', 'order', 'momken ra2m el talab')
    asked('تمام، ممكن ترسل لي الـ IBAN حق المستفيد؟', 'iban', 'ممكن ترسل لي الـ IBAN')
    asked('ممكن الـ order number؟', 'order', 'ممكن الـ order number')
  })

  it('does not take the agent giving, or negated requests', () => {
    notAsked('أرسلنا لك رقم الطلب على الجوال.')
    notAsked('لا داعي ترسل رقم الطلب مرة ثانية.')
    notAsked('رقم خدمة العملاء 920000000.')
  })

  it('marks a request for another one', () => {
    expect(findRequests('ممكن رقم الطلب الثاني؟')[0]?.different).toBe(true)
    // "مرة ثانية" is "again", not "another one".
    expect(findRequests('ممكن ترسل رقم الطلب مرة ثانية؟')[0]?.different).toBe(false)
  })
})

describe('findRequests — robustness', () => {
  // A hang fails on the test timeout. Only the first MAX_CHARS are read, so the order number at the end is not.
  it('finishes on hostile input, reading the first characters only', () => {
    expect(findRequests('please send '.repeat(8000) + 'your order number')).toEqual([])
    expect(findRequests('ممكن '.repeat(20000))).toEqual([])
    expect(findRequests('what '.repeat(20000) + '?')).toEqual([])
  })
})
