import { RuleTester, type TestConversation } from '../../src/testing/rule-tester.js'
import rule from './index.js'
import { normalise } from './lexicon.js'

/** A short conversation: the customer asks, the agent answers, then the given turns. */
function after(...turns: TestConversation['turns']): TestConversation {
  return {
    turns: [
      { role: 'customer', text: 'Hi, my order 4471 has not arrived yet' },
      { role: 'agent', text: 'Sorry about that! I have re-sent it by express, it arrives tomorrow.' },
      ...turns
    ]
  }
}

function afterAr(...turns: TestConversation['turns']): TestConversation {
  return {
    turns: [
      { role: 'customer', text: 'السلام عليكم، طلبي رقم ٤٤٧١ ما وصل' },
      { role: 'agent', text: 'نعتذر منك، أرسلناه من جديد ويوصلك بكرة إن شاء الله.' },
      ...turns
    ]
  }
}

const customer = (text: string) => ({ role: 'customer' as const, text })
const bot = (text: string) => ({ role: 'bot' as const, text })
const system = (text: string) => ({ role: 'system' as const, text })

new RuleTester().run('no-reply', rule, {
  valid: [
    { name: '"did it in the app, thanks" reports what was done', conversation: after(customer('did it in the app, thanks')) },
    { name: 'ends on an agent turn', conversation: after() },
    { name: 'a bot answered the question', conversation: { turns: [customer('Where is my parcel?'), bot('It is out for delivery and arrives by 6pm.')] } },
    { name: 'English thanks', conversation: after(customer('thanks!')) },
    { name: 'ok + emoji', conversation: after(customer('ok 👍')) },
    { name: 'moved to private messages after accepting an offer', conversation: after(customer('yes please, dming you now')) },
    { name: 'a resigned "ok" with a sad face', conversation: after(customer('ok 😞')) },
    { name: '"didn\'t know that" is courtesy', conversation: after(customer("ahh didn't know that, cheers")) },
    { name: 'a gripe, then "but ok" and moving on', conversation: after(customer('never got that text but ok, switching')) },
    { name: 'Arabic: sent in private', conversation: afterAr(customer('تمام بعتلكم خاص')) },
    { name: 'Arabic: found it in the junk mail, thanks', conversation: afterAr(customer('لقيته في البريد غير المرغوب فيه، شكرا')) },
    { name: 'Iraqi: "ok, I\'ll order from the site, thanks"', conversation: afterAr(customer('تمام، هسه اطلب من الموقع. تسلم')) },
    { name: 'emoji-only acknowledgement', conversation: after(customer('👍🙏')) },
    { name: 'thanks with a name and a signature', conversation: after(customer('Thank you, Grace. That’s all I wanted.\n\nDaniel')) },
    { name: 'repeated letters', conversation: after(customer('thanksss sooo much!!')) },
    { name: 'goodbye', conversation: after(customer('Fine. Goodbye.')) },
    { name: 'courtesy idiom with a negation', conversation: after(customer("That's wonderful, I don't know how to thank you.")) },
    { name: 'no problem', conversation: after(customer('no problem at all, thanks')) },
    { name: 'the customer reports what they did', conversation: after(customer('just sent it by DM')) },
    { name: 'the customer moves on after "but"', conversation: after(customer("It never came, but thanks, I'll book again now.")) },
    { name: 'resolved', conversation: after(customer("it's working now, cheers")) },
    { name: 'system event after a closing', conversation: after(customer('great, thanks'), system('Chat ended by agent')) },
    { name: 'Arabic thanks (MSA)', conversation: afterAr(customer('شكراً لك')) },
    { name: 'tatweel and a repeated letter', conversation: afterAr(customer('طيب مشكـــور، شكراااا')) },
    { name: 'Gulf: يعطيك العافية', conversation: afterAr(customer('يعطيك العافية 👍')) },
    { name: 'Gulf: ما قصرت (negated form, means thanks)', conversation: afterAr(customer('ما قصرت، الله يسلمك')) },
    { name: 'Levantine: thanking idiom with شو and بدي', conversation: afterAr(customer('ما بعرف شو بدي قلك غير شكراً')) },
    { name: 'Egyptian: تسلم + تمام', conversation: afterAr(customer('تمام، تسلم ايدك')) },
    { name: 'Maghrebi: باهي، يعيشك', conversation: afterAr(customer('باهي، يعيشك')) },
    { name: 'Iraqi: عاشت ايدك', conversation: afterAr(customer('زين، عاشت ايدك')) },
    { name: 'no, thanks (Arabic)', conversation: afterAr(customer('لا، شكراً جزيلاً')) },
    { name: 'goodbye (Arabic)', conversation: afterAr(customer('خلاص تمام، مع السلامة')) },
    { name: 'acknowledgement with a plan', conversation: afterAr(customer('ماشي، مستني')) },
    { name: 'problem then "but thanks, I will book"', conversation: afterAr(customer('لم يصلني أي بريد، لكن شكراً سأحجز الآن.')) },
    { name: 'Arabizi thanks', conversation: afterAr(customer('tamam, yslmo')) },
    { name: 'Arabizi (Maghrebi) ok + we will see', conversation: afterAr(customer('wakha, nchoufou')) },
    { name: 'code-switched thanks', conversation: afterAr(customer('تمام thanks 🙏')) },
    { name: 'French loan thanks', conversation: afterAr(customer('merci ktir 🙏')) },
    {
      name: 'option allow: a closing phrase of the house',
      conversation: after(customer('please and thank you')),
      options: { allow: ['please and thank you'] }
    }
  ],
  invalid: [
    { name: '"2 hours and nothing, guess I\'ll go elsewhere" complains', conversation: after(customer('2 hours and nothing. guess we\'re going elsewhere from now on then')), errors: [{ turn: 2, reason: 'complains' }] },
    { name: '"you said you\'d chase it" complains', conversation: after(customer("you said you'd chase it")), errors: [{ turn: 2, reason: 'complains' }] },
    { name: 'English question at the end', conversation: after(customer('When will my refund arrive?')), errors: [{ turn: 2, reason: 'asks a question' }] },
    { name: 'solved, "but" a new problem', conversation: after(customer('found it, but the form says error 500 when I send it')), errors: [{ turn: 2, reason: 'complains' }] },
    { name: '"but ok" then a new gripe is still a complaint', conversation: after(customer("ok thanks but it still doesn't work")), errors: [{ turn: 2, reason: 'complains' }] },
    { name: 'a sad face with words of its own', conversation: after(customer('the box came empty 😞')), errors: [{ turn: 2 }] },
    { name: '"yes please" with a request of its own', conversation: after(customer('yes please, and send me the invoice too')), errors: [{ turn: 2 }] },
    { name: 'thanks, but it asks', conversation: after(customer('thanks, but where is my refund?')), errors: [{ turn: 2 }] },
    { name: 'complaint without a question mark', conversation: after(customer('Still no credit on my account.')), errors: [{ turn: 2, reason: 'complains' }] },
    { name: 'request without a question mark', conversation: after(customer('unbelievable. I want to talk to a manager')), errors: [{ turn: 2, reason: 'request' }] },
    { name: 'question without a question mark', conversation: after(customer('so when will it be delivered')), errors: [{ turn: 2 }] },
    {
      name: 'several unanswered turns: only the last is labelled',
      conversation: after(customer("It didn't come"), customer('Hello?'), customer('Can someone please answer. I need it for Saturday.')),
      errors: [{ turn: 4 }]
    },
    {
      name: 'a trailing thanks does not hide the question before it',
      conversation: after(customer('Is the replacement covered by the warranty?'), customer('thanks')),
      errors: [{ turn: 2 }]
    },
    {
      name: 'a system event after the question',
      conversation: after(customer("will I lose signal during the upgrade? I'm expecting a call"), system('Agent has ended the chat.')),
      errors: [{ turn: 2 }]
    },
    {
      name: 'the bot answered earlier, the last question is open',
      conversation: { turns: [customer('hi'), bot('Hi! How can I help?'), customer('my card was charged twice, can you refund one?')] },
      errors: [{ turn: 2 }]
    },
    {
      name: 'Gulf question (Arabic reason)',
      conversation: afterAr(customer('متى يوصل؟ صار لي أسبوع أنتظر')),
      errors: [{ turn: 2, reason: 'سؤال' }]
    },
    { name: 'Egyptian request', conversation: afterAr(customer('عملت كده ١٠ مرات!! عايزة فني ييجي')), errors: [{ turn: 2, reason: 'طلب' }] },
    { name: 'Levantine complaint, no question mark', conversation: afterAr(customer('بعتلكن عالخاص من ساعة وما حدا رد')), errors: [{ turn: 2, reason: 'شكوى' }] },
    { name: 'Maghrebi complaint', conversation: afterAr(customer('مازال ما وصلنيش الكولي')), errors: [{ turn: 2 }] },
    { name: 'Iraqi question without a question mark', conversation: afterAr(customer('زين هسه شوكت توصل الطلبية')), errors: [{ turn: 2 }] },
    { name: 'MSA complaint', conversation: afterAr(customer('لم يصلني المبلغ حتى الآن')), errors: [{ turn: 2 }] },
    { name: 'diacritics and tatweel are ignored', conversation: afterAr(customer('متـــى يَصِلُ الطلبُ')), errors: [{ turn: 2 }] },
    { name: 'Arabic thanks, but it asks', conversation: afterAr(customer('مشكور، بس وين الفلوس؟')), errors: [{ turn: 2 }] },
    { name: 'Arabizi question (Arabic reason)', conversation: afterAr(customer('emta el order hayewsal')), errors: [{ turn: 2, reason: 'سؤال' }] },
    { name: 'Arabizi complaint', conversation: afterAr(customer('lessa mesh wasel 😡')), errors: [{ turn: 2 }] },
    { name: 'code-switched request', conversation: afterAr(customer('الطلب لسه ما وصل، please check')), errors: [{ turn: 2 }] },
    {
      name: 'option flagStatements: a plain statement is flagged too',
      conversation: after(customer('I just sent the photos')),
      options: { flagStatements: true },
      errors: [{ turn: 2 }]
    },
    {
      name: 'option asks: extra phrases that need an answer',
      conversation: after(customer('order 4471 status')),
      options: { asks: ['status'] },
      errors: [{ turn: 2 }]
    }
  ]
})

describe('no-reply messages', () => {
  it('coaches in the language of the customer turn', async () => {
    const { runRule } = await import('../../src/testing/rule-tester.js')
    const [en] = runRule(rule, after(customer('Where is my refund?')))
    expect(en?.reason).toMatch(/never answered/)
    expect(en?.note).toMatch(/nine in ten/)
    expect(en?.expected?.length).toBeGreaterThan(0)
    const [ar] = runRule(rule, afterAr(customer('وين الفلوس؟')))
    expect(ar?.reason).toMatch(/لم يرد/)
    expect(ar?.expected?.[0]).toMatch(/[\u0600-\u06FF]/)
  })
})

describe('no-reply forced locale', () => {
  it('writes reason, note and expected in the configured locale', async () => {
    const { toTranscript } = await import('../../src/testing/rule-tester.js')
    const { runRules } = await import('../../src/engine/run-rules.js')
    const active = [{ rule, severity: 'warn' as const, options: rule.meta.defaultOptions ?? {} }]
    const [ar] = runRules(toTranscript(after(customer('Where is my refund?'))), active as never, { locale: 'ar' })
    expect(ar?.reason).toMatch(/لم يرد/)
    expect(ar?.note).toMatch(/[\u0600-\u06FF]/)
    expect(ar?.expected?.[0]).toMatch(/[\u0600-\u06FF]/)
    const [en] = runRules(toTranscript(afterAr(customer('وين الفلوس؟'))), active as never, { locale: 'en' })
    expect(en?.reason).toMatch(/never answered/)
    expect(en?.expected?.[0]).not.toMatch(/[\u0600-\u06FF]/)
  })
})

describe('no-reply text folding', () => {
  it('folds dialect letters as the shared Arabic normalisation does', () => {
    expect(normalise('تگدر باچر')).toBe('تكدر باكر')
    expect(normalise('ڨال ڤيزا')).toBe('قال فيزا')
  })
})
