import { RuleTester } from '../../src/testing/rule-tester.js'
import { runRule } from '../../src/testing/rule-tester.js'
import rule, { customerJoked, findJokes } from './index.js'
import { maskNoise } from '../../src/text/noise.js'
import { runRules } from '../../src/engine/run-rules.js'
import { toTranscript } from '../../src/testing/rule-tester.js'

type T = { role: 'customer' | 'agent' | 'bot' | 'system'; text: string }
const convo = (...turns: T[]) => ({ turns })
const c = (text: string): T => ({ role: 'customer', text })
const a = (text: string): T => ({ role: 'agent', text })

new RuleTester().run('no-unprompted-joke', rule, {
  valid: [
    { name: 'the customer\'s quip licenses one in reply', conversation: convo(c('my parcel took the scenic route lol'), a('It certainly took the scenic route! It is due tomorrow.')) },
    { name: '"the scenic route" as directions', conversation: convo(c('which way should I drive?'), a('The coast road is the scenic route; the motorway is faster.')) },
    { name: '"are you kidding!" and "you\'re kidding!" are surprise, not jokes', conversation: convo(c('they charged me three times'), a("Are you kidding! You're kidding! Let me refund two of them now.")) },
    { name: '"perfect" is no pun', conversation: convo(c('do you sell grain free cat food?'), a('We do! The Gentle range is perfect for sensitive tummies.')) },
    { name: 'the customer giggled first 🤭', conversation: convo(c('my cat ordered this, not me 🤭'), a('Clever cat! Name a more iconic duo 😂')) },
    // The customer laughed first: answering in kind is fine.
    { name: 'customer lol, agent haha', conversation: convo(c('my parcel went to Narnia apparently lol. order 7731'), a('Haha, it does like to travel! Let me find it for you.')) },
    { name: 'customer 😂, agent laughs (Gulf)', conversation: convo(c('طلبت بيتزا ووصلتني بدون جبن 😂 هذي بيتزا دايت؟'), a('هههههه حقك علينا، بنرسل لك وحدة ثانية الحين.')) },
    { name: 'customer hhhh, agent hhhh (Maghrebi Arabizi)', conversation: convo(c('salam, l colis wsel khawi hhhhh'), a('hhhh smeh lina khouya, ghadi nsiftolek wa7ed jdid.')) },
    { name: 'licence lasts for the rest of the conversation', conversation: convo(c('haha my router is possessed'), a('We can fix that, no exorcist needed!'), c('ok what now'), a('Restart it and it should be fine 😉')) },
    { name: 'customer "ha" sets a light tone', conversation: convo(c('I need a law degree to read this bill, ha.'), a('Ha, you are not alone! Let me walk you through it.')) },
    // Friendly emoji and plain warmth are not jokes.
    { name: 'friendly emoji', conversation: convo(c('got it, thanks!'), a('Happy to help 🙂😊👍❤️ Have a lovely day!')) },
    { name: 'smileys :) and :D are friendly, not jokes', conversation: convo(c('thanks, all working now'), a('Great to hear :) Enjoy the rest of your day :D')) },
    { name: 'warm Arabic with 🌹', conversation: convo(c('شكرا على المساعدة'), a('العفو، نورتنا 🌹')) },
    // Arabic traps: هه inside words, an elongated الله, هاهنا.
    { name: 'هه inside words', conversation: convo(c('الشاشة مكسورة'), a('نعتذر، وجّهها الفني للصيانة، وشبهه من الأعطال يُصلح خلال يومين.')) },
    { name: 'elongated والله is not laughter', conversation: convo(c('شكرا يعطيك العافية'), a('واللهههه ما سوينا إلا الواجب، الله يسلمك.')) },
    { name: 'هاهنا (here) is not هاها', conversation: convo(c('أين أجد الفاتورة؟'), a('تجدها هاهنا في صفحة الحساب.')) },
    // Negated joke verbs are serious.
    { name: 'I am not kidding', conversation: convo(c('is the fee real?'), a("I'm not kidding, the fee is real, but I can waive it this once.")) },
    { name: 'مش بهزر', conversation: convo(c('الرسوم دي بجد؟'), a('مش بهزر، الرسوم حقيقية بس هلغيها لحضرتك المرة دي.')) },
    // Numbers, names, products, links.
    { name: 'card ending 5555', conversation: convo(c('which card was charged?'), a('The card ending 5555 was charged on 3 May.')) },
    { name: 'phone number with 5555', conversation: convo(c('what number do I call?'), a('Please call 0800 555 5555 or 5555-1234.')) },
    { name: 'رقم 5555', conversation: convo(c('شو رقم الطلب؟'), a('رقم الطلب 5555 وبيوصلك بكرا.')) },
    { name: 'LoL the game', conversation: convo(c('my account is locked'), a('Your LoL account is unlocked now, you can sign in again.')) },
    { name: 'agent initials ^JK and Adobe XD', conversation: convo(c('XD keeps crashing'), a('Sorry about that! Please update Adobe XD to the latest version. ^JK')) },
    { name: 'laughter joined to a code or a name', conversation: convo(c('what is the code?'), a('The code is HAHA-2024, and the winner was lol_fan_99. Enter it at checkout.')) },
    { name: 'laughter inside a link or handle', conversation: convo(c('where is the sale?'), a('Here you go: https://shop.example.com/hahaha-deals and follow @lolshop for news.')) },
    { name: 'fantastic, spectacular, delicious, PDFs', conversation: convo(c('thanks for the refund'), a('Fantastic! Your PDFs and SIMs are on the way, and enjoy the delicious, spectacular cake.')) },
    { name: 'product names in capitals are not puns', conversation: convo(c('my console will not update'), a('Sorry! Is it the PSVita or the PS5? Our PSNow guide may help too.')) },
    { name: 'quoted e-mail history is not the agent speaking', conversation: convo(c('Still waiting for the refund.'), a('Hi Sam,\nThe refund was sent today.\n\nOn Mon, 3 Jun 2024, Sam wrote:\n> haha very funny, where is my money')) },
    { name: 'system turns are not judged', conversation: convo(c('hello'), { role: 'system', text: 'lol bot connected 😂' }, a('Hi! How can I help?')) },
    // Options.
    { name: 'allow option', conversation: convo(c('thanks'), a('Anytime 😉')), options: { allow: ['😉'] } },
    { name: 'wordplay off', conversation: convo(c('had a great stay'), a('It sounded like a pugtastic time!')), options: { wordplay: false } }
  ],
  invalid: [
    { name: 'a stock quip with no laugh: "took the scenic route"', conversation: convo(c("where's my parcel? it's 3 days late"), a('Looks like your parcel took the scenic route! It is due tomorrow.')), errors: [{ turn: 1, span: 'took the scenic route' }] },
    { name: 'a stock quip: "a mind of its own"', conversation: convo(c("the printer won't print"), a("Sounds like it has a mind of its own today. Let's try a reset.")), errors: [{ turn: 1 }] },
    { name: 'a pun closed by a rimshot and "kidding!"', conversation: convo(c('the transfer keeps failing'), a("This account needs more 'interest' 🥁 kidding! I can add it by hand.")), errors: [{ turn: 1 }] },
    { name: '🤭 after a quip', conversation: convo(c('can I remove my ex from my account?'), a('Exes and shared passwords, name a more iconic duo 🤭 Go to Settings > Profiles.')), errors: [{ turn: 1 }] },
    { name: 'a cat pun', conversation: convo(c('do you sell grain free cat food?'), a('We do! The Gentle range is purrfect for sensitive tummies.')), errors: [{ turn: 1, span: 'purrfect' }] },
    { name: 'lol', conversation: convo(c('I was charged twice for my order 5510'), a('lol that happens, let me check.')), errors: [{ turn: 1, span: 'lol', reason: 'lol' }] },
    { name: 'Haha', conversation: convo(c('my sofa came without legs'), a('Haha, a floor sofa! Sorry, I will send the legs today.')), errors: [{ turn: 1, span: 'Haha' }] },
    { name: '😂', conversation: convo(c('the app deleted my notes'), a('Your notes went on holiday 😂 what is your username?')), errors: [{ turn: 1, span: '😂' }] },
    { name: 'jk', conversation: convo(c('why is my bill so high?'), a('Someone likes long showers jk, let me look.')), errors: [{ turn: 1, span: 'jk' }] },
    { name: 'just kidding', conversation: convo(c('can I get a refund?'), a('No refunds ever. Just kidding! Yes, I can refund it.')), errors: [{ turn: 1, span: 'Just kidding' }] },
    { name: 'pun intended', conversation: convo(c('my plant order arrived wilted'), a('Sorry! That is un-be-leaf-able, pun intended. I will send a new one.')), errors: [{ turn: 1, span: 'pun intended' }] },
    { name: 'wink emoticon ;)', conversation: convo(c('my login does not work'), a('Did you try the right password this time? ;)')), errors: [{ turn: 1, span: ';)' }] },
    { name: '😉 quip', conversation: convo(c('the app is down again'), a('Have you tried turning it off and on again? 😉')), errors: [{ turn: 1, span: '😉' }] },
    { name: '-tastic coinage', conversation: convo(c('thanks for the stay, loved the pool'), a('Sounds like a splash-tastic week!')), errors: [{ turn: 1, span: 'splash-tastic' }] },
    { name: 'capitals pun', conversation: convo(c('thanks for the free coffee'), a('You look BREWtiful today! Thanks for stopping by.')), errors: [{ turn: 1, span: 'BREWtiful' }] },
    { name: 'laughter with a dash', conversation: convo(c('the kettle arrived without a lid'), a('Haha - a lidless kettle! Sending a lid today.')), errors: [{ turn: 1, span: 'Haha' }] },
    { name: 'LMAO and hehe', conversation: convo(c('my card got swallowed by the ATM'), a('LMAO hungry machine, hehe. Which branch?')), errors: [{ turn: 1, span: 'LMAO' }] },
    { name: 'customer angry, agent laughs', conversation: convo(c('third time the delivery failed 😤'), a('😂😂 our driver needs a map. Order number?')), errors: [{ turn: 1 }] },
    { name: 'customer laughs only after the joke', conversation: convo(c('the lamp arrived broken'), a('It must have partied too hard lol. Sending a new one.'), c('haha ok'), a('Haha, enjoy!')), errors: [{ turn: 1, span: 'lol' }] },
    { name: 'bot turns are judged', conversation: convo(c('where is my order'), { role: 'bot', text: 'Hmm, it is hiding from us 🤣 Type your order number.' }), errors: [{ turn: 1, span: '🤣' }] },
    // Arabic and Arabizi, several dialects.
    { name: 'Gulf خخخخ', conversation: convo(c('نسيت كلمة المرور حق الحساب'), a('خخخخ عادي كلنا ننسى، تقدر تغيرها من الإعدادات.')), errors: [{ turn: 1, span: 'خخخخ', reason: 'يضحك' }] },
    { name: 'Egyptian ههههه', conversation: convo(c('الأوردر وصل ناقص حاجتين'), a('ههههه المندوب كان جعان، ابعتلي رقم الأوردر.')), errors: [{ turn: 1, span: 'ههههه' }] },
    { name: 'Egyptian بهزر معاك', conversation: convo(c('هو الشحن هياخد قد إيه؟'), a('سنة تقريباً، بهزر معاك، يومين بالكتير.')), errors: [{ turn: 1, span: 'بهزر معاك' }] },
    { name: 'Levantine عم بمزح', conversation: convo(c('بدي الغي الاشتراك'), a('ما فيك تروح منا! عم بمزح، بلغيلك ياه هلق.')), errors: [{ turn: 1, span: 'عم بمزح' }] },
    { name: 'Iraqi هههه glued to a word', conversation: convo(c('الطلب تأخر يومين'), a('حلوههههه هاي، المندوب ضايع، شنو رقم الطلب؟')), errors: [{ turn: 1, reason: 'هههه' }] },
    { name: 'لوول', conversation: convo(c('الفاتورة غلط'), a('لوول صارت معي بعد، ارسل صورة الفاتورة.')), errors: [{ turn: 1, span: 'لوول' }] },
    { name: 'Tunisian نفدلك', conversation: convo(c('الخط مقصوص'), a('خاطر ما خلصتش! نفدلك، توا نثبت.')), errors: [{ turn: 1, span: 'نفدلك' }] },
    { name: 'Maghrebi Arabizi hhhhh', conversation: convo(c('salam, commande dyali ma wslatch'), a('hhhhh livreur tleff, 3tini numéro dyal commande')), errors: [{ turn: 1, span: 'hhhhh', reason: 'يضحك' }] },
    { name: 'Gulf Arabizi 5555', conversation: convo(c('el app ma yeshtaghil'), a('5555 el app ta3ban shway, jarrib ba3d sa3a')), errors: [{ turn: 1, span: '5555' }] },
    { name: 'code-switched 😜', conversation: convo(c('the burger came cold'), a('sorry! البرجر أخذ دش بارد 😜 send us your order number')), errors: [{ turn: 1, span: '😜' }] },
    { name: 'Maghrebi Arabizi mdr', conversation: convo(c('salam, la facture dyali ghalta'), a('mdr had l facture, 3tini numéro dyal compte')), errors: [{ turn: 1, span: 'mdr' }] },
    { name: 'extra option', conversation: convo(c('my order is late'), a('Yikes, rofl-worthy delay. Checking now.')), options: { extra: ['yikes'] }, errors: [{ turn: 1, span: 'Yikes' }] }
  ]
})

describe('no-unprompted-joke helpers', () => {
  it('detects laughter before letter-repeat collapsing', () => {
    expect(findJokes('هههههه').map((h) => h.kind)).toEqual(['laugh'])
    expect(findJokes('ه')).toEqual([])
    expect(findJokes('وجهه')).toEqual([])
  })
  it('knows a customer joke from a customer complaint', () => {
    expect(customerJoked('ok you scared me there lol')).toBe(true)
    expect(customerJoked('this is not funny, I paid real money 😤')).toBe(false)
    expect(customerJoked('انت بتهزر؟ ده تالت مرة')).toBe(false)
  })
  it('suggests the reply without the laughter', () => {
    const [f] = runRule(rule, convo(c('I was double charged'), a('lol no worries, let us take a look.')))
    expect(f?.expected?.[0]).toBe('No worries, let us take a look.')
  })
  // A hang fails on the test timeout; each turn gets at most one finding, inside the part that is read.
  it('does not hang on hostile input', () => {
    const long = 'ه'.repeat(50_000) + 'ha'.repeat(20_000) + 'x'.repeat(30_000)
    for (const text of [long, '5'.repeat(60_000) + ' :' + ';)'.repeat(10_000)]) {
      const findings = runRule(rule, convo(c('hi'), a(text)))
      expect(findings.length).toBeLessThanOrEqual(1)
      for (const f of findings) expect(f.end).toBeLessThanOrEqual(20_000)
    }
  })
})

describe('no-unprompted-joke message language and prefilter', () => {
  const run = (conversation: ReturnType<typeof convo>, locale?: 'en' | 'ar') =>
    runRules(toTranscript(conversation), [{ rule, severity: 'warn', options: { ...(rule.meta.defaultOptions as object) } }], { locale })

  it('honours a forced locale', () => {
    const en = convo(c('I was double charged'), a('lol no worries, let us take a look.'))
    const ar = convo(c('انخصم مني مرتين'), a('هههههه ولا يهمك، بشوف الموضوع.'))
    expect(run(en)[0]!.reason).not.toMatch(/[\u0600-\u06FF]/)
    expect(run(en, 'ar')[0]!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(run(ar)[0]!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(run(ar, 'en')[0]!.note).not.toMatch(/[\u0600-\u06FF]/)
  })

  it('still masks links and handles when skipping work', () => {
    const noisy = 'see https://x.co/haha @hahaha'
    expect(maskNoise(noisy)).toBe('see' + ' '.repeat(noisy.length - 3))
    expect(maskNoise('no links here haha')).toBe('no links here haha')
    expect(findJokes('@hahaha thanks')).toEqual([])
    expect(customerJoked('lol ok')).toBe(true)
    expect(customerJoked('ok thanks')).toBe(false)
  })
})
