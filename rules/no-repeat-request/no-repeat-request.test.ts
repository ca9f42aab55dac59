import rule, { quotesValue } from './index.js'
import { RuleTester, runRule } from '../../src/testing/rule-tester.js'
import type { TestConversation } from '../../src/testing/rule-tester.js'

type T = TestConversation['turns'][number]
const c = (text: string): T => ({ role: 'customer', text })
const a = (text: string): T => ({ role: 'agent', text })
const b = (text: string): T => ({ role: 'bot', text })
const s = (text: string): T => ({ role: 'system', text })
const conv = (...turns: T[]): TestConversation => ({ turns })

new RuleTester().run('no-repeat-request', rule, {
  valid: [
    { name: 'the customer\'s OLD e-mail does not answer a request for the current one', conversation: conv(c('My old email jo@old.com no longer works'), a("What's your email address?")) },
    { name: '«رقم جوالي القديم …» does not answer a request for the current number', conversation: conv(c('رقم جوالي القديم 0551234567 ما عاد يشتغل'), a('عطني رقم جوالك')) },
    { name: '«رقم جوالك الجديد» after the old one stopped working', conversation: conv(c('رقم جوالي القديم 0551234567 ما عاد يشتغل'), a('عطني رقم جوالك الجديد')) },
    { name: 'asking for a new or personal address after the old one was given', conversation: conv(c('my email is jo@work.example, please move my licence off it'), a('Could you send me your new email address, or your personal one?')) },
    { name: 'looking ahead: "I already sent it by DM" is outside this conversation', conversation: conv(c('my refund is missing'), a('Could you DM us your order number?'), c('I already sent it by DM yesterday')) },
    { name: 'looking ahead: "it\'s in my tweet" after a reply that asks nothing', conversation: conv(c('order 5521 is late'), a('Thanks, we are looking into it now.'), c("it's in my tweet, yes")) },
    { name: 'French: a reference asked for the first time', conversation: conv(c("mon virement n'est pas arrivé"), a('Pourriez-vous nous communiquer la référence du virement ?')) },
    { name: 'asking for a registration never given', conversation: conv(c("The camera at your site doesn't recognise my car."), a("Sorry about that! Can you tell me your car's registration?")) },
    { name: '"my policy renews in 2025" gives no policy number', conversation: conv(c('my membership expires next month and my policy renews in 2025'), a("What's your policy number?")) },
    { name: 'shouted words are not a six-letter booking code', conversation: conv(c('I was charged a seat fee!'), a('Sorry! Could you DM us your booking reference?'), c("I DIDN'T CHOOSE A SEAT, it auto assigned one"), a('Please send the booking reference so we can check.')) },
    { name: 'a phone number given, the phone model asked', conversation: conv(c('Call me on 07700 900123, the app crashes.'), a('Sorry! What phone model do you have?')) },
    {
      name: 'asks for an order number the customer never gave',
      conversation: conv(c('my parcel is a week late'), a('Sorry to hear that! Could you send me your order number?'))
    },
    {
      name: 'asks for a different kind than the one given',
      conversation: conv(c('order #KT-40012 is late'), a('Sorry! What e-mail address did you order with?'))
    },
    {
      name: 'GUIDE: DM request when the number was NOT written in the conversation',
      conversation: { channel: 'social', turns: [c('@acme been on hold 50 minutes and got cut off'), a("@tess We're sorry, Tess. Could you DM us your account number so we can pick this up?")] }
    },
    {
      name: 'reading the given value back to confirm it is fine',
      conversation: conv(c('my order 55120 has not arrived'), a('Sorry about that! Is 55120 the right order number?'))
    },
    {
      name: 'confirming the last digits of a given phone number is fine (Levantine)',
      conversation: conv(c('بدي احجز طاولة لأربعة، ورقمي 0791234567'), a('أهلين! للتأكيد: على الرقم المنتهي بـ 4567، صح؟ وممكن رقم الجوال إذا بدك نغيره؟'))
    },
    {
      name: 'asking for the order number of the OTHER parcel',
      conversation: conv(c('order TH-99810 came but the second box did not'), a("Glad one arrived! Could you send me the order number for the other parcel?"))
    },
    {
      name: 'asking for another phone number (Gulf)',
      conversation: conv(c('رقم جوالي 0551239847 بس ما يستقبل رسائل'), a('ممكن رقم جوال ثاني نرسل عليه الكود؟'))
    },
    {
      name: 'the customer gave it only after the agent asked: the later turn is fine',
      conversation: conv(c('my order is late'), a('Sorry! Could you send me your order number?'), c('HP-77120'), a('Thanks, I found order HP-77120; it leaves the warehouse today.'))
    },
    {
      name: 'the agent gives details, it does not ask for them',
      conversation: conv(c('order 77120 is late'), a("Sorry! We'll send you the tracking number by e-mail today."))
    },
    {
      name: 'negated request after the customer posted an account number',
      conversation: { channel: 'social', turns: [c('@bank my account 30018842 was charged twice'), a("@dan Sorry about this. Please don't share your account number publicly; we'll follow up in DM.")] }
    },
    {
      name: 'a partial number is not the number ("card ending 4410")',
      conversation: conv(c('a payment left my account ending 4410 twice'), a('Sorry! Could you share the account number so I can check?'))
    },
    {
      name: 'a toll-free number the customer called is not their phone',
      conversation: conv(c('I called 1-800-555-0199 three times and nobody answered'), a("I'm sorry. What's the best phone number to reach you on?"))
    },
    {
      name: 'asks for a SIM card number, not the mobile number given (hard negative)',
      conversation: conv(c('new phone will not activate, number is 0412 555 918'), a("Let's fix it. What's the SIM card number printed on the card?"))
    },
    {
      name: 'an @handle in a tweet is not an account name',
      conversation: { channel: 'social', turns: [c('@acme_help @bestbuy my order never came'), a("@pat Sorry! What's the username on your account?")] }
    },
    {
      name: 'pointing to an e-mail inbox is not asking for the address',
      conversation: conv(c('I never got the reset email at sam.k@example.org'), a('Sorry! Please check your spam folder, and send us an email at help@example.com if it is not there.'))
    },
    {
      name: 'quoted history in an e-mail reply is not the agent asking again',
      conversation: {
        channel: 'email',
        turns: [
          c('Hello,\n\nOrder KT-40012 is late.\n\nSam'),
          a('Hi Sam,\n\nOrder KT-40012 left our warehouse today.\n\nBest regards,\nAcme\n\n> Could you please send me your order number?')
        ]
      }
    },
    {
      name: 'a system turn is never judged',
      conversation: conv(c('order 77120 is late'), s('What is your order number? (form field)'))
    },
    {
      name: 'Egyptian: agent sends the code to the given number',
      conversation: conv(c('رقم الموبايل 01012345678 ومش بيوصلني كود'), a('آسفين جداً! بعتنالك كود جديد على الرقم 01012345678.'))
    },
    {
      name: 'Arabic: no need to resend',
      conversation: conv(c('رقم الطلب ٤٥٨٢١٩ ما وصل'), a('نعتذر لك، لا داعي ترسل رقم الطلب مرة ثانية، وصلنا وجاري المتابعة.'))
    },
    {
      name: 'lexicon trap: Gulf «أبشر» plus the سـ future ("we will send") is not a request',
      conversation: conv(c('رقم جوالي 0551239847 وما وصلني رقم التتبع'), a('أبشر، سنرسل لك رقم التتبع على جوالك خلال ساعة.'))
    },
    {
      name: 'lexicon trap: Gulf بـ future «بنرسل» is the agent giving, not asking',
      conversation: conv(c('رقم الحجز 77812، ابي اغير الموعد'), a('ولا يهمك، بنرسل لك رقم الحجز الجديد بعد شوي.'))
    },
    {
      name: 'negation «ما» is not the MSA question word «ما»',
      conversation: conv(c('رقم حسابي 55-10092 والفاتورة غلط'), a('نعتذر، ما نحتاج رقم الحساب، لقينا الفاتورة وعدلناها.'))
    },
    {
      name: 'a name the customer never stated (only the booking) is a new request',
      conversation: conv(c('booking ref ME7T2Q, need wheelchair help for my mum'), a("Of course! What's the passenger's full name?"))
    },
    {
      name: 'a bare date in answer to "order number and date" is not the order number',
      conversation: conv(a('Could you send me your order number and the order date?'), c('ordered on 12/05/2024, paid 150.00'), a('Thanks! And the order number?'))
    },
    {
      name: 'option allow: a security re-check the team requires',
      options: { allow: ['for security'] },
      conversation: conv(c('my email is sam.k@example.org'), a('For security, please confirm your email address.'))
    },
    {
      name: 'option kinds: only order numbers are checked',
      options: { kinds: ['order'] },
      conversation: conv(c('my email is sam.k@example.org'), a("What's the email address on the account?"))
    }
  ],
  invalid: [
    { name: '"old" in another clause does not make the value old', conversation: conv(c('I moved from the old flat, my address is now 12 High St, Leeds LS1 4AB'), a("What's your address?")), errors: [{ turn: 1 }] },
    { name: 'Egyptian «نمرة الأوردر» given, then asked', conversation: conv(c('نمرة الأوردر 5543221 ولسه موصلش'), a('ممكن نمرة الأوردر يا فندم؟')), errors: [{ turn: 1 }] },
    { name: 'Moroccan "numéro dyal la commande" asked again', conversation: conv(c('numéro de commande 88231 ma wslatch'), a('3tini numéro dyal la commande')), errors: [{ turn: 1 }] },
    { name: '«رقم هوية المريضة» after «رقم الهوية» was given', conversation: conv(c('بدي موعد لبنتي، رقم الهوية 400123456'), a('في موعد الأحد الساعة ١١'), c('تمام'), a('ابعتيلي رقم هوية المريضة لو سمحتِ')), errors: [{ turn: 3 }] },
    { name: 'French «numéro de compte client» asked again in a Tunisian chat', conversation: conv(c('الكارطة تبلوكات. numéro de compte client: 0457781'), a('عطيني الـ numéro de compte client متاعك باش نعمل opposition')), errors: [{ turn: 1 }] },
    { name: 'Levantine Arabizi "fiki tba3tili el serial number" after it was given', conversation: conv(c('el laptop ma 3am ysha3'), a('shu el serial number?'), c('SN-77120-KL'), a('fiki tba3tili el serial number?')), errors: [{ turn: 3 }] },
    { name: 'looking ahead: "i literally just typed it" after an unrecognised request', conversation: conv(c('change my son\'s line to unlimited, his is 07700 900412'), a('Could you tell me which of the lines is his?'), c('...i literally just typed it. 07700 900412')), errors: [{ turn: 1, reason: 'already gave it' }] },
    { name: 'looking ahead: «كتبته فوق»', conversation: conv(c('الشحنة ما وصلت'), a('ممكن تعطيني الرقم اللي على البوليصة؟'), c('كتبته فوق 🙄 JD0042211')), errors: [{ turn: 1 }] },
    { name: 'a chassis number given, then «رقم الهيكل» asked', conversation: conv(c('ابي موعد صيانة، السيارة Patrol 2021 ورقم الهيكل JN1TANY62U0123456'), a('ممكن ترسل لي رقم الهيكل عشان أحجز؟')), errors: [{ turn: 1 }] },
    { name: 'Egyptian «ابعتيلي» asks again for a number answered earlier', conversation: conv(c('النت بيقطع'), a('ممكن رقم الخط الأرضي؟'), c('0235551234'), a('ابعتيلي رقم الخط الأرضي لو سمحتي')), errors: [{ turn: 3 }] },
    { name: 'French: «la référence c\'est …» given, then asked', conversation: conv(c("virement pas reçu, la référence c'est VIR-2023-7781"), a('Pourriez-vous nous communiquer la référence du virement ?')), errors: [{ turn: 1 }] },
    { name: 'Egyptian landline «رقم الخط الأرضي» given, then asked', conversation: conv(c('النت فاصل عندي، رقم الخط الأرضي 0223456789'), a('آسفين جدًا. ممكن حضرتك تبعتلي رقم الخط الأرضي عشان أعمل فحص؟')), errors: [{ turn: 1 }] },
    { name: 'Moroccan Arabizi "numero dyali …", then "3tini numero dyalk"', conversation: conv(c('salam, la commande mazal ma wslatch, w hada numero dyali 0661234567'), a('salam, smeh lina. 3tini numero dyalk 3afak.')), errors: [{ turn: 1 }] },
    { name: 'Yemeni «لرقمي …», then «ارسل لنا رقم الجوال»', conversation: conv(c('شحنت رصيد لرقمي 777123456 من الصباح وما وصل شي!'), a('نعتذر لك. ارسل لنا رقم الجوال على الخاص عشان نتحقق.')), errors: [{ turn: 1 }] },
    { name: '«حجز الفندق رقم …», then «تزويدي برقم الحجز»', conversation: conv(c('أريد إلغاء حجز الفندق رقم HB-88213'), a('هل يمكنك تزويدي برقم الحجز من فضلك؟')), errors: [{ turn: 1 }] },
    { name: 'Iraqi: «طلبيتي رقم …», then «دزيلنا رقم الطلبية بالخاص»', conversation: conv(c('طلبيتي رقم IQ-30318 صارلها اسبوعين ما وصلت'), a('نعتذر منك كلش على هالتأخير. دزيلنا رقم الطلبية بالخاص حتى نتابعها.')), errors: [{ turn: 1 }] },
    { name: '«لرقم العداد …», then «ممكن تدينا رقم العداد؟»', conversation: conv(c('شحنت كهربا لرقم العداد 04512298731 والرصيد ما نزل'), a('معليش على الإزعاج. ممكن تدينا رقم العداد عشان نشوف العملية؟')), errors: [{ turn: 1 }] },
    { name: 'a car registration given, then asked for', conversation: conv(c("The camera at your site doesn't recognise my car. Reg is LM21 VBN."), a("Sorry about that! Can you tell me your car's registration so I can check it's linked?")), errors: [{ turn: 1, reason: 'LM21' }] },
    { name: '«رقم اللوحة» given, then asked for', conversation: conv(c('رقم اللوحة 4521 والكاميرا ما تتعرف على سيارتي'), a('نعتذر، ممكن رقم اللوحة؟')), errors: [{ turn: 1 }] },
    { name: '"my membership (GYM-20931)" gives the membership number', conversation: conv(c("I've been trying to cancel my membership (GYM-20931) for a month."), a('Sorry it has taken so long - can you give me your membership number so I can cancel it now?')), errors: [{ turn: 1 }] },
    { name: '"which number should we call you on?" after the number was given', conversation: conv(c("I'd like a callback about my plan. My number is 0412 555 019."), a('Of course! What time suits you?'), c('After 6pm.'), a('Great. And which number should we call you on?')), errors: [{ turn: 3 }] },
    { name: '"let us have" asks, and the bare answer counts', conversation: conv(c('wrong burger in my order'), a('Could you let us have your order number so we can refund it?'), c("it's 55-8812. I don't really use DMs"), a('Thanks! Please DM us your order number.')), errors: [{ turn: 3 }] },
    {
      name: 'the phone model, asked as "what phone model"',
      conversation: conv(c('My phone is an iPhone 13 and the app crashes.'), a('Sorry about that! What phone model are you using?')),
      errors: [{ turn: 1, reason: 'iPhone 13' }]
    },
    {
      name: 'English chat: order number in the first message',
      conversation: conv(c('Hi, order 55120 arrived with a cracked lid.'), a("I'm sorry about that! Could you send me your order number?")),
      errors: [{ turn: 1, span: 'Could you send me your order number', reason: '55120' }]
    },
    {
      name: 'GUIDE: "please DM us your order number" when it is in the tweet',
      conversation: { channel: 'social', turns: [c('@shop 3 weeks late. order TH-55812. help'), a("@kim Hi! Please DM us your order number and we'll look into it.")] },
      errors: [{ turn: 1, span: 'Please DM us your order number' }]
    },
    {
      name: 'e-mail given, asked with a question word',
      conversation: conv(c("can't log in with jo.ann@mail.example.com, it says not registered"), a("Sorry! What's the email address on the account?")),
      errors: [{ turn: 1, span: "What's the email address", reason: 'jo.ann@mail.example.com' }]
    },
    {
      name: 'after a transfer the new agent asks for the account number again',
      conversation: conv(b('Hi! How can I help?'), c('charged twice this month. account 30018842'), b('Connecting you to Billing.'), s('Chat transferred to Billing'), a("Hi, I'm Greg from Billing. What's the account number?")),
      errors: [{ turn: 4, span: "What's the account number" }]
    },
    {
      name: 'several details asked at once: one finding, naming both',
      conversation: conv(c('Ember ID: frostbyte_21\nOriginal email: l.m@lavache.example'), a('To verify ownership, please reply with the Ember ID and the original email address.')),
      errors: [{ turn: 1, reason: 'the username frostbyte_21 (in their first message) and the e-mail address l.m@lavache.example' }]
    },
    {
      name: 'voice: serial read out at the start, asked again later',
      conversation: {
        channel: 'voice',
        turns: [c('Hi, the serial is X V 4 4 1 9 0 2 7 7 and the pad keeps dropping.'), a('Thanks. Try a firmware update.'), c('done'), a('Great. To set up the replacement, can you read me the serial number?')]
      },
      errors: [{ turn: 3, span: 'can you read me the serial number' }]
    },
    {
      name: 'address given, then "Can I get the service address"',
      conversation: conv(c("power's out. I'm at 221 Baker Street, Marylebone."), a('Hi, can I get the service address, please?')),
      errors: [{ turn: 1, span: 'can I get the service address' }]
    },
    {
      name: 'ZIP code in the tweet',
      conversation: { channel: 'social', turns: [c('no internet at my place in 90210 for 3 days'), a('@mv Please DM us your account number and the zip code of the service address.')] },
      errors: [{ turn: 1, span: 'Please DM us your account number and the zip code' }]
    },
    {
      name: 'platform already named',
      conversation: { channel: 'social', turns: [c("game won't load online on my PS5, restarted twice"), a('@mt Please let us know the platform you are playing on so we can help.')] },
      errors: [{ turn: 1, span: 'let us know the platform' }]
    },
    {
      name: 'privacy resend: counts when the address was already written',
      conversation: { channel: 'social', turns: [c('@cable my bill doubled. 3238 w. columbine dr, phx, 85029'), a('@c You have posted your address publicly, please delete the post and resend in a DM.')] },
      errors: [{ turn: 1, span: 'resend' }]
    },
    {
      name: 'bot asks again',
      conversation: conv(c('booking ref QZ4T7M, need to change the date'), b('Booking reference, please?')),
      errors: [{ turn: 1, span: 'Booking reference, please' }]
    },
    {
      name: 'Gulf: mobile number in the first message',
      conversation: { channel: 'messaging', turns: [c('انخصم مني مبلغ الباقة مرتين، ورقم جوالي 0551239847'), a('وعليكم السلام، ممكن رقم الجوال المسجل عشان نتحقق؟')] },
      errors: [{ turn: 1, span: 'ممكن رقم الجوال', reason: '0551239847' }]
    },
    {
      name: 'MSA with Arabic-Indic digits',
      conversation: { channel: 'email', turns: [c('رقم الطلب ٤٥٨٢١٩، ولم يصل حتى الآن.'), a('نرجو تزويدنا برقم الطلب حتى نتمكن من المتابعة.')] },
      errors: [{ turn: 1, span: 'نرجو تزويدنا برقم الطلب' }]
    },
    {
      name: 'Egyptian: +20 mobile, asked again',
      conversation: conv(c('غيرت رقمي، الجديد +20 101 234 5678 والكود مش بيوصل'), a('آسفين! ممكن تبعتلي رقم الموبايل الجديد؟')),
      errors: [{ turn: 1, span: 'ممكن تبعتلي رقم الموبايل' }]
    },
    {
      name: 'Levantine: booking number',
      conversation: conv(c('مرحبا، رقم الحجز HX42P9 وبدي غير الموعد'), a('أهلين! شو رقم الحجز؟')),
      errors: [{ turn: 1, span: 'شو رقم الحجز' }]
    },
    {
      name: 'Iraqi: serial and model',
      conversation: conv(c('الثلاجة بطلت تبرد. الموديل RF-550X والسيريال SN88214077'), a('هلا بيك، ممكن تدزلي السيريال والموديل؟')),
      errors: [{ turn: 1, span: 'ممكن تدزلي السيريال' }]
    },
    {
      name: 'Tunisian: line number given with its cue',
      conversation: conv(c('الخط مقصوص من الصباح. النومرو 22 413 908'), a('سامحنا، ابعثلي النومرو متاعك باش نثبت.')),
      errors: [{ turn: 1, span: 'ابعثلي النومرو' }]
    },
    {
      name: 'Arabizi (Levantine): booking reference',
      conversation: conv(c('hi, flight bokra, booking ref ME7T2Q. badde wheelchair la emme'), a('akid! shu esm el passenger w ra2m el 7ajez please?')),
      errors: [{ turn: 1, span: 'shu esm el passenger w ra2m el 7ajez' }]
    },
    {
      name: 'code-switched: IBAN pasted, asked again',
      conversation: conv(c('التطبيق يقول IBAN invalid والآيبان صحيح: GB29NWBK60161331926819'), a('تمام، ممكن ترسل لي الـ IBAN حق المستفيد؟')),
      errors: [{ turn: 1, span: 'ممكن ترسل لي الـ IBAN' }]
    },
    {
      name: 'code-switched: English request noun, Arabic request word',
      conversation: conv(c('my order number is 88213-KW وما وصل'), a('نعتذر! ممكن الـ order number؟')),
      errors: [{ turn: 1, span: 'ممكن الـ order number' }]
    },
    {
      name: 'lexicon trap: «أبشر» (courtesy) followed by a real request',
      conversation: conv(c('طلبي رقم 88120-EG ما وصل'), a('أبشر! عطني رقم الطلب وأتابعه لك.')),
      errors: [{ turn: 1, span: 'عطني رقم الطلب' }]
    },
    {
      name: 'Egyptian post-posed question word «كام»',
      conversation: conv(c('الأوردر رقم 55019 اتأخر'), a('آسفين جداً! رقم الطلب كام؟')),
      errors: [{ turn: 1, span: 'رقم الطلب كام' }]
    },
    {
      name: 'Moroccan: «صيفط ليا» and the French loan «الكوموند»',
      conversation: conv(c('سلام، رقم الكوموند 77120 ومازال ما وصلات'), a('عافاك صيفط ليا رقم الكوموند.')),
      errors: [{ turn: 1, span: 'عافاك صيفط ليا رقم الكوموند' }]
    },
    {
      name: '"what email did you use" after the address was given',
      conversation: conv(c('password reset never arrives at lena.p@mailbox.example'), a('Sorry! And what email did you use to sign up?')),
      errors: [{ turn: 1, span: 'what email' }]
    },
    {
      name: 'name given with "my name is", then asked for the full name',
      conversation: { channel: 'social', turns: [c('@cable my name is charles martin and my bill doubled'), a('@c Sorry, Charles! Please DM us your full name and service address.')] },
      errors: [{ turn: 1, span: 'Please DM us your full name', reason: 'charles martin' }]
    },
    {
      name: 'a bare answer to the bot counts: the human agent asks again after the transfer',
      conversation: conv(b("Hi! What's your order number?"), c('HP-77120'), b('Thanks! Connecting you to an agent.'), s('Chat transferred'), a('Hi, I am Dana. Can I have your order number?')),
      errors: [{ turn: 4, span: 'Can I have your order number', reason: 'HP-77120' }]
    },
    {
      name: 'Egyptian «تاني» after a definite noun means "again", not "another one"',
      conversation: conv(c('رقم الطلب 55019 ومحدش رد'), a('ممكن تبعتلي رقم الطلب تاني؟')),
      errors: [{ turn: 1, span: 'ممكن تبعتلي رقم الطلب' }]
    },
    {
      name: 'option allow does not hide other requests',
      options: { allow: ['for security'] },
      conversation: conv(c('order 55120 is late'), a('Could you send me your order number?')),
      errors: [{ turn: 1 }]
    }
  ]
})

describe('no-repeat-request coaching', () => {
  it('cites the value already given and the 85% figure', () => {
    const [f] = runRule(rule, conv(c('Hi, order 55120 arrived with a cracked lid.'), a('Could you send me your order number?')))
    expect(f?.expected?.[0]).toBe('I can see order 55120 in your first message — let me pull it up.')
    expect(f?.note).toContain('85%')
    expect(f?.confidence).toBeGreaterThan(0.8)
  })

  it('coaches Arabic turns in Arabic', () => {
    const [f] = runRule(rule, conv(c('رقم الحجز HX42P9'), a('شو رقم الحجز؟')))
    expect(f?.reason).toContain('رقم الحجز')
    expect(f?.note).toContain('85%')
    expect(f?.expected?.[0]).toContain('HX42P9')
  })

  it('offers a privacy-friendly phrasing for DM requests', () => {
    const [f] = runRule(rule, { channel: 'social', turns: [c('order TH-55812 is late'), a('Please DM us your order number.')] })
    expect(f?.expected?.some((e) => e.includes('privacy'))).toBe(true)
  })

  it('quotesValue matches the value, or the last four digits of a long number', () => {
    expect(quotesValue('Is 55120 right?', '55120')).toBe(true)
    expect(quotesValue('the number ending 4567, right?', '0791234567')).toBe(true)
    expect(quotesValue('what is your number?', '0791234567')).toBe(false)
  })

  // Hostile input must not hang the run (a hang fails on the test timeout); the answer stays sensible.
  it('finishes on a hostile conversation, with the repeated ask found', () => {
    const huge = 'order 12345 '.repeat(5000) + 'ممكن رقم الطلب '.repeat(3000)
    const findings = runRule(rule, conv(c(huge), a(huge), c('x'.repeat(100_000)), a('what is your order number? '.repeat(3000))))
    expect(findings.map((f) => [f.turn, f.start, f.end])).toEqual([[3, 0, 25]])
  })
})
