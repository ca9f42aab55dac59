/**
 * The kinds of detail a customer gives and an agent asks for, with their names
 * in English and Arabic and which given kinds answer which requests.
 */

/** A detail the customer can give. */
export type Kind =
  | 'order'
  | 'booking'
  | 'ticket'
  | 'tracking'
  | 'reference'
  | 'account'
  | 'email'
  | 'phone'
  | 'username'
  | 'serial'
  | 'model'
  | 'address'
  | 'zip'
  | 'iban'
  | 'nationalId'
  | 'plate'
  | 'platform'
  | 'url'
  | 'name'

export const KINDS: readonly Kind[] = [
  'order',
  'booking',
  'ticket',
  'tracking',
  'reference',
  'account',
  'email',
  'phone',
  'username',
  'serial',
  'model',
  'address',
  'zip',
  'iban',
  'nationalId',
  'plate',
  'platform',
  'url',
  'name'
]

/**
 * What an agent can ask for: a kind, or a wider request that more than one
 * kind answers ("contact details" = e-mail or phone; "account details" =
 * account number or username).
 */
export type RequestKind = Kind | 'contact' | 'accountDetails'

export const REQUEST_KINDS: readonly RequestKind[] = [...KINDS, 'contact', 'accountDetails']

export function isRequestKind(s: string): s is RequestKind {
  return (REQUEST_KINDS as readonly string[]).includes(s)
}

export function isKind(s: string): s is Kind {
  return (KINDS as readonly string[]).includes(s)
}

const REFERENCE_LIKE: ReadonlySet<Kind> = new Set(['order', 'booking', 'ticket', 'tracking', 'reference'])

/** Does a detail of kind `given` answer a request for `asked`? */
export function answers(asked: RequestKind, given: Kind): boolean {
  if (asked === given) return true
  switch (asked) {
    case 'reference':
      // "your reference number" is whatever reference the customer quoted.
      return REFERENCE_LIKE.has(given)
    case 'order':
    case 'booking':
      // Shops and airlines use "order" and "booking" for the same number.
      return given === 'order' || given === 'booking'
    case 'contact':
      return given === 'email' || given === 'phone'
    case 'accountDetails':
      return given === 'account' || given === 'username'
    default:
      return false
  }
}

/** The detail's name, for messages. */
export const NAME: Record<RequestKind, { en: string; ar: string }> = {
  order: { en: 'order number', ar: 'رقم الطلب' },
  booking: { en: 'booking reference', ar: 'رقم الحجز' },
  ticket: { en: 'ticket number', ar: 'رقم البلاغ' },
  tracking: { en: 'tracking number', ar: 'رقم التتبع' },
  reference: { en: 'reference number', ar: 'الرقم المرجعي' },
  account: { en: 'account number', ar: 'رقم الحساب' },
  email: { en: 'e-mail address', ar: 'البريد الإلكتروني' },
  phone: { en: 'phone number', ar: 'رقم الجوال' },
  username: { en: 'username', ar: 'اسم المستخدم' },
  serial: { en: 'serial number', ar: 'الرقم التسلسلي' },
  model: { en: 'model', ar: 'الموديل' },
  address: { en: 'address', ar: 'العنوان' },
  zip: { en: 'ZIP/postal code', ar: 'الرمز البريدي' },
  iban: { en: 'IBAN', ar: 'رقم الآيبان' },
  nationalId: { en: 'ID number', ar: 'رقم الهوية' },
  plate: { en: 'registration (number plate)', ar: 'رقم اللوحة' },
  platform: { en: 'platform', ar: 'المنصة' },
  url: { en: 'link', ar: 'الرابط' },
  name: { en: 'name', ar: 'الاسم' },
  contact: { en: 'contact details', ar: 'بيانات التواصل' },
  accountDetails: { en: 'account details', ar: 'بيانات الحساب' }
}
