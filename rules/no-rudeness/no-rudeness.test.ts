import { RuleTester, runRule } from '../../src/testing/rule-tester.js'
import { runRules } from '../../src/engine/run-rules.js'
import { toTranscript } from '../../src/testing/rule-tester.js'
import rule from './index.js'

type Role = 'customer' | 'agent' | 'bot' | 'system'
const chat = (...turns: Array<[Role, string]>) => ({ turns: turns.map(([role, text]) => ({ role, text })) })
const pair = (customer: string, agent: string) => chat(['customer', customer], ['agent', agent])

new RuleTester().run('no-rudeness', rule, {
  valid: [
    { name: '"That\'s how it works!" after an explanation, with more to say', conversation: pair('how do points work?', "You earn 1 point per £1 and redeem at 100 points. That's how it works! Any other questions?") },
    { name: '"the guide is self-explanatory for most people, but I\'m happy to walk you through it"', conversation: pair('is the guide clear?', "Yes, the setup guide is self-explanatory for most people, but I'm happy to walk you through it.") },
    { name: '"Ugh, that\'s awful — sorry!" shares the frustration', conversation: pair('the parcel got lost again', "Ugh, that's awful — sorry! I'll chase the courier now.") },
    { name: '"Wow, congratulations!" on good news', conversation: pair('I just got engaged, need to change my surname', 'Wow, congratulations! Let me update your name.') },
    { name: 'prayers «اللهم ارحمنا», «يا رب ارحمنا» are not exasperation', conversation: pair('ادعولنا', 'اللهم ارحمنا جميعًا') },
    { name: '«سكت» reporting that someone fell silent', conversation: pair('المندوب ما رد', 'المندوب سكت وما رد، بنتابع معه ونرجعلك') },
    { name: '"I should have read your email properly" is the agent\'s own slip', conversation: pair('I said it was a duplicate', 'Apologies, I should have read your email properly. I have voided the duplicate.') },
    { name: '"I\'m not a lawyer, but our legal team can answer that" is no put-down when a next step follows', conversation: pair('is this clause legal?', "I'm not a lawyer, but our legal team can answer that at legal@example.com.") },
    { name: '"no need to get up early" and an honest estimate', conversation: pair('when will the engineer come?', "No need to be in before noon: it'll be back on by 6pm at the latest, we expect."), },
    { name: '"maybe try again next time you\'re in store"', conversation: pair('the size I wanted was sold out', "Sorry! Maybe try again next time you're in store.") },
    { name: '"Try reading the guide at the link below" is a pointer', conversation: pair('how do I set it up?', 'Try reading the guide at the link below, it covers every step.') },
    { name: '"Obviously not our intention" owns the mistake', conversation: pair('did you mean to charge me twice?', 'Obviously not our intention - sorry, refunding now.') },
    { name: '"if you\'d taken the time to read the terms" lectures (no-arguing), it is not also rudeness', conversation: pair('I want a refund', "If you'd taken the time to go through the terms, you'd know the window closes once material is downloaded.") },
    { name: '«مو انت العميل الوحيد اللي عنده المشكلة» reassures', conversation: pair('بس أنا عندي المشكلة؟', 'لا، مو انت العميل الوحيد اللي عنده المشكلة، الفريق يصلحها الحين.') },
    { name: '"you are not the only customer affected" reassures', conversation: pair('is it just me?', 'No, sorry, you are not the only customer affected; the fix is rolling out now.') },
    { name: '"that\'s your problem sorted" is help, not dismissal', conversation: pair('third time asking for my deposit', "I'm sorry. I've refunded it today. That's your problem sorted.") },
    { name: 'advice to read the instructions before installing', conversation: pair('how do I fit the filter', 'Please read the instructions carefully before you start; the diagram is on page 4.') },
    { name: 'a payment plan for whoever cannot pay at once', conversation: pair('why is it so expensive', "If you can't afford it all at once, we offer 12 monthly payments, or if you can't afford it, we have a cheaper model too.") },
    // GUIDE "Not" clauses and harmless look-alikes.
    { name: '"obviously we\'ll refund you" is not condescending', conversation: pair('will I get my money back?', "Obviously we'll refund you if it doesn't arrive.") },
    { name: 'obviously + an admission', conversation: pair('this is the third delay', "Obviously this isn't the experience we want for you. I've escalated it.") },
    { name: 'clearly + praise', conversation: pair('here is my bug report', 'You clearly put a lot of work into this report, thank you!') },
    { name: 'acronyms in capitals are not shouting', conversation: pair('what do I need?', 'Bring your ID and PIN to the ATM. Never share your PIN, URL or OTP with anyone.') },
    { name: 'carrier names and time zones', conversation: pair('where is it?', 'It is with UPS and DHL EXPRESS, due by 5 PM GMT.') },
    { name: 'a label to tap', conversation: pair('where do I sign in?', 'Tap SIGN IN WITH APPLE at the top of the screen.') },
    { name: 'an error message quoted', conversation: pair('the app shows an error', 'The error says "ACCOUNT TEMPORARILY LOCKED FOR SECURITY". I have unlocked it.') },
    { name: 'marketing capitals without sentence words', conversation: pair('any offers?', 'Yes! Our NEW YEAR SALE starts Friday.') },
    { name: 'harmless calm', conversation: pair('thanks, all sorted', "You're welcome, Mr. Novak. Have a calm weekend.") },
    { name: 'harmless whatever', conversation: pair('how can I pay?', 'We offer plans over 3, 6 or 12 months. Whatever suits your budget works for us.') },
    { name: 'for whatever reason', conversation: pair('why?', "For whatever reason, the payment didn't go through. Could you try again?") },
    { name: '"calm down" reported from the crew, in quotes', conversation: pair('the crew were awful', "We're so sorry. Being told to 'calm down and sit tight' when you asked for help isn't okay.") },
    { name: 'reported speech without quotes', conversation: pair('the driver was rude', 'I am sorry the driver told you to calm down. That is not how we treat customers.') },
    { name: '"if you don\'t like it" offering a return', conversation: pair("I don't like the colour", "If you don't like it, you can return it within 30 days for free.") },
    { name: 'no such thing as a stupid question', conversation: pair('stupid question but how do I log out?', "There's no such thing as a stupid question! Tap your avatar, then Log out.") },
    { name: 'cool down is about the device', conversation: pair('the phone is hot', 'Please let the device cool down for ten minutes before charging.') },
    { name: 'read the attached guide is helpful', conversation: pair('how do I set it up?', 'Please read the attached guide for the setup steps.') },
    { name: 'customers are not judged', conversation: chat(['customer', 'CALM DOWN? WHATEVER. READ THE MANUAL YOURSELF!'], ['agent', "I'm sorry, let me help."]) },
    { name: 'quoted history in an e-mail is not judged', conversation: chat(['customer', 'Still broken.'], ['agent', 'Hi Mei,\n\nSorry for our earlier reply. A fix ships Monday.\n\nOn Tue, Support wrote:\n> As anyone would know, read the manual.\n']) },
    // Arabic traps.
    { name: 'هادية (quiet) is not اهدى', conversation: pair('في مكان هادي؟', 'في قعدة على التراس، هادية وبعيدة عن صوت الشارع.') },
    { name: 'اهدي لك (I gift you) is not calm down', conversation: pair('عندي سؤال', 'أكيد، واهدي لك كوبون خصم ٢٠٪ على طلبك الجاي.') },
    { name: 'ولا يهمك is kind', conversation: pair('ما فهمت', 'ولا يهمك، هذي الخطوات بالتفصيل.') },
    { name: 'طبعاً is a polite yes', conversation: pair('هل تعوضوني؟', 'طبعاً، تم تعويضك بالكامل.') },
    { name: 'مشكلتك اللي ذكرتها = the problem you mentioned', conversation: pair('عندي مشكلة', 'ممكن توضح مشكلتك اللي ذكرتها أكثر؟') },
    { name: 'negated and quoted «كذاب»', conversation: pair('انتو تقولوا عني كذاب؟', 'نعتذر منك، وأبداً ما قصدنا إنك "كذاب". أرسل الفيديو على الخاص.') },
    { name: 'مش مشكلة = no problem', conversation: pair('آسف على الإزعاج', 'مش مشكلة أبداً، خليني أساعدك.') },
    { name: 'لو مش عاجبك اللون نبدله', conversation: pair('اللون مو حلو', 'لو مش عاجبك اللون، نقدر نبدله مجاناً.') },
    { name: 'reported «قالك اهدى»', conversation: pair('الفني كان وقح', 'الفني قالك اهدى؟ هذا ما بصير، بعتذر منك.') },
    { name: 'Arabizi clean reply', conversation: pair('el order fen', 'asfin 3al ta25eer, el order hayewsal bokra.') },
    // Options.
    { name: 'allow silences a phrase', conversation: pair('this is slow', 'Deal with it, we are working on it.'), options: { allow: ['deal with it'] } },
    { name: 'shouting: false', conversation: pair('hello', 'WE ARE CLOSED ON SUNDAYS AND THE TEAM WILL REPLY ON MONDAY.'), options: { shouting: false } },
    { name: 'acronyms option', conversation: pair('what is it', 'You need ACME CLOUD SYNC PRO enabled.'), options: { acronyms: ['ACME', 'SYNC', 'CLOUD'] } }
  ],
  invalid: [
    { name: '"it\'s there for everyone to see"', conversation: pair('why was my order cancelled?', "The listing clearly states stock isn't reserved until dispatch, it's there for everyone to see. Cancelled."), errors: [{ turn: 1 }] },
    { name: '"It\'s fairly self-explanatory."', conversation: pair('how do I claim?', "It's fairly self-explanatory. Section 4.2."), errors: [{ turn: 1 }] },
    { name: '"That\'s how this works." closing the reply', conversation: pair('seriously? no refund?', "No photo, no refund. That's how this works."), errors: [{ turn: 1 }] },
    { name: 'a sigh at the customer: "Sigh. Again?"', conversation: pair('where is my refund', 'Sigh. Again?'), errors: [{ turn: 1 }] },
    { name: '"Wow, congratulations, you asked three times."', conversation: pair("I've asked 3 times", 'Wow, congratulations, you asked three times.'), errors: [{ turn: 1 }] },
    { name: 'Gulf «لا تزن»: stop nagging', conversation: pair('وين الطلب؟', 'خلاص عاد، لا تزن'), errors: [{ turn: 1 }] },
    { name: '«يا أخي ارحمنا شوي»', conversation: pair('متى ترجع الخدمة؟', 'يا أخي ارحمنا شوي'), errors: [{ turn: 1 }] },
    { name: 'Maghrebi «سكت شوية» as an order', conversation: pair('علاش ما وصلات؟', 'سكت شوية وخليني نخدم'), errors: [{ turn: 1 }] },
    { name: '«صدعتنا»', conversation: pair('للمرة الثالثة، وين الطلب؟', 'صدعتنا والله، قلنا بكرة'), errors: [{ turn: 1 }] },
    { name: 'MSA «كما هو واضح لأي مستخدم … يرجى الانتباه قبل التواصل معنا»', conversation: pair('أين زر التنزيل؟', 'كما هو واضح لأي مستخدم، الزر أعلى الصفحة. يرجى الانتباه قبل التواصل معنا.'), errors: [{ turn: 1 }] },
    { name: '"I\'m guessing you didn\'t read" and "maybe have a look before opening a chat next time"', conversation: pair('how do I download offline?', "It's literally the first question in our FAQ, which I'm guessing you didn't read. Maybe have a look there next time."), errors: [{ turn: 1 }] },
    { name: '"I don\'t know then, do I" and "I\'m not a vet"', conversation: pair('how much chocolate is too much for my dog?', "Well, I don't know then, do I. I'm not a vet."), errors: [{ turn: 1 }] },
    { name: '"not going to go round in circles with you"', conversation: pair('but I applied last week!', "I'm not going to go round in circles with you on this."), errors: [{ turn: 1 }] },
    { name: 'Egyptian «كان المفروض حضرتك تقرا الشروط»', conversation: pair('الشاشة باظت والجهاز في الضمان', 'مع احترامي، كان المفروض حضرتك تقرا شروط الضمان قبل ما تبعت.'), errors: [{ turn: 1 }] },
    { name: 'MSA «لا داعي لتكرار الرسائل»', conversation: pair('أين طلبي؟؟ أين طلبي؟؟', 'الطلب قيد المعالجة، ولا داعي لتكرار الرسائل.'), errors: [{ turn: 1 }] },
    { name: '"it\'s all there in black and white"', conversation: pair('why was I charged roaming?', "As the terms explain, it's all there in black and white."), errors: [{ turn: 1 }] },
    { name: '"if you\'re that worried"', conversation: pair('the warning light is on', "Lights come on for all sorts of reasons. Ring the desk if you're that worried."), errors: [{ turn: 1 }] },
    { name: 'Iraqi «شنو ما تفتهم؟»', conversation: pair('بعدني انتظر الفني', 'شنو ما تفتهم؟ گتلك يرادله وقت.'), errors: [{ turn: 1 }] },
    { name: 'Gulf «الصراخ ما راح يرجع لك فلوسك أسرع»', conversation: pair('وين فلوسي!!!!', 'خفف شوي، الصراخ ما راح يرجع لك فلوسك أسرع'), errors: [{ turn: 1 }] },
    { name: '"let\'s not get worked up"', conversation: pair('THIS IS THE THIRD TIME', "Let's not get worked up. What's the order number?"), errors: [{ turn: 1 }] },
    { name: '"shouting won\'t make it faster"', conversation: pair('FIX IT NOW!!!', "Shouting at us won't make the repair any faster."), errors: [{ turn: 1 }] },
    { name: '"takes as long as it takes"', conversation: pair('why is my claim taking so long', 'Claims take review. It takes as long as it takes.'), errors: [{ turn: 1 }] },
    { name: '"a good idea to read … before signing"', conversation: pair('nobody told me about the exit fee', "It's always a good idea to read the terms before signing."), errors: [{ turn: 1 }] },
    { name: '"that\'s what the word means"', conversation: pair('I wanted two beds', "A double has one bed. That's what the word means."), errors: [{ turn: 1 }] },
    { name: 'Gulf «مو لازم كل هالعصبية، عندنا غيرك»', conversation: pair('صار لي ساعة أنتظر!!', 'مو لازم كل هالعصبية، عندنا غيرك عملاء ينتظرون'), errors: [{ turn: 1 }] },
    { name: 'MSA «يعرفه أي مستخدم … قبل أن تسأل»', conversation: pair('كيف أغير كلمة المرور؟', 'الموضوع بسيط ويعرفه أي مستخدم، اقرأ الأسئلة الشائعة قبل أن تسأل.'), errors: [{ turn: 1 }] },
    { name: '"maybe read them next time"', conversation: pair('why was I charged a fee?', "It's in the fare rules you ticked, maybe read them next time."), errors: [{ turn: 1 }] },
    { name: '", genius."', conversation: pair('is there a fee to change?', "Yes, there's a fee, genius."), errors: [{ turn: 1 }] },
    { name: '"a proper browser"', conversation: pair('checkout keeps failing', 'Try using a proper browser.'), errors: [{ turn: 1 }] },
    { name: 'Egyptian: «اقرا الشروط الأول وبعدين اتكلم»', conversation: pair('ليه اتخصم مني ١٠٠ جنيه؟', 'اقرا الشروط الأول وبعدين اتكلم.'), errors: [{ turn: 1 }] },
    { name: 'Egyptian: «وأنا أعملك إيه يعني؟»', conversation: pair('الأكل اتأخر ساعة', 'طب وأنا أعملك إيه يعني؟ التأخير من المطعم.'), errors: [{ turn: 1 }] },
    { name: 'French: «lisez bien le guide … avant de nous contacter»', conversation: pair('la carte ne marche pas', 'Lisez bien le guide avant de nous contacter.'), errors: [{ turn: 1 }] },
    { name: '"Try reading them." after pointing at the docs', conversation: pair('where is the export option?', "It's in the help pages. Try reading them."), errors: [{ turn: 1, span: 'Try reading them' }] },
    { name: '"you\'ll have to wait like everybody else"', conversation: pair('when is the next slot?', "You'll have to wait like everybody else."), errors: [{ turn: 1 }] },
    { name: '"Obviously not, it\'s a bank holiday" answers curtly', conversation: pair('are you open today?', "Obviously not, it's a bank holiday."), errors: [{ turn: 1 }] },
    { name: '"as anyone who\'s been there would know"', conversation: pair('are there seats?', "It's a pub. There are no seats, as anyone who's been there would know."), errors: [{ turn: 1 }] },
    { name: 'code-switched «اقرا le guide»', conversation: pair('المودام ما يخدمش', 'اقرا le guide اللي جا مع المودام، كلش مكتوب فيه.'), errors: [{ turn: 1 }] },
    { name: '«اذا مو عاجبتج الخدمة براحتج» (suit yourself)', conversation: pair('الخدمة سيئة', 'عيني اذا مو عاجبتج الخدمة براحتج'), errors: [{ turn: 1 }] },
    { name: '«مو أنتي العميلة الوحيدة» (you are not the only customer)', conversation: pair('صار لي نص ساعة أنتظر، وينك؟', 'يا أختي اصبري شوي، مو أنتي العميلة الوحيدة عندي.'), errors: [{ turn: 1 }] },
    { name: '"you\'re not the only customer"', conversation: pair('I have been waiting for an hour', "You're not the only customer I have, be patient."), errors: [{ turn: 1 }] },
    { name: 'sarcastic congratulations', conversation: pair('my code does not work', 'Well, congratulations on finding the one code that expired two years ago.'), errors: [{ turn: 1 }] },
    { name: '"have you tried actually reading"', conversation: pair('where is the reset button', 'Have you tried actually reading the instructions? It is on page 4.'), errors: [{ turn: 1 }] },
    { name: '"most of our users manage it"', conversation: pair('I cannot reset my password', 'Resetting a password is simple - most of our users manage it without emailing us.'), errors: [{ turn: 1 }] },
    { name: '"some people just don\'t listen"', conversation: pair('still in settings, not working', 'Go to the App Store, not Settings. Honestly, some people just don\'t listen.'), errors: [{ turn: 1 }] },
    { name: '"read our emails properly"', conversation: pair('your email had no return address', 'The address is in the email we sent you on Monday. Please read our emails properly.'), errors: [{ turn: 1 }] },
    { name: '"if they bothered to read it"', conversation: pair('where do I find the refund policy', "It's in the FAQ, which anyone would find if they bothered to read it."), errors: [{ turn: 1 }] },
    { name: "if you can't afford it, don't buy it", conversation: pair('why is it so expensive', "If you can't afford it, don't buy it."), errors: [{ turn: 1, span: "If you can't afford it, don't" }] },
    // English.
    { name: 'calm down', conversation: pair('my bill is four hundred dollars!', "Okay, calm down, sir. What's the account number?"), errors: [{ turn: 1, span: 'calm down', reason: 'Tone-polices' }] },
    { name: 'no need to get snippy', conversation: pair("whatever, I'll move it myself", 'No need to get snippy. I can move it now.'), errors: [{ turn: 1, span: 'No need to get snippy' }] },
    { name: "that's your problem", conversation: pair('I have a doorbell camera', "Well, if you didn't hear the door, that's your problem, ma'am."), errors: [{ turn: 1, span: "that's your problem", reason: 'Dismisses' }] },
    { name: 'standalone whatever', conversation: pair('I want a manager', "Whatever. I don't have time for this."), errors: [{ turn: 1, span: 'Whatever' }, { turn: 1, span: "I don't have time for this" }] },
    { name: 'read the manual', conversation: pair('where is the reset button?', 'Read the manual. It is on page 2.'), errors: [{ turn: 1, span: 'Read the manual', reason: 'Talks down' }] },
    { name: 'as anyone would know', conversation: pair('when will my cheque clear?', 'As anyone would know, cheques take five working days.'), errors: [{ turn: 1, span: 'As anyone would know' }] },
    { name: 'obviously you…', conversation: pair('how do I move my progress?', 'Obviously you mean the PS5 version. Link your account under Options.'), errors: [{ turn: 1, span: 'Obviously you mean' }] },
    { name: 'obviously, the fee…', conversation: pair('why the fee?', 'Obviously, the fee applies to everyone.'), errors: [{ turn: 1, span: 'Obviously' }] },
    { name: 'pretty hard to miss', conversation: pair('where do I download the invoice?', "It's the big blue button. Pretty hard to miss, honestly."), errors: [{ turn: 1, span: 'Pretty hard to miss' }] },
    { name: 'which you clearly haven\'t read', conversation: pair('the filter does not work', "As explained in our documentation, which you clearly haven't read, the parameter is status[]."), errors: [{ turn: 1, span: "which you clearly haven't" }] },
    { name: 'shouting in capitals', conversation: pair("I'M TELLING YOU I WAS NOT THERE", "I understand you're upset, but YOU NEED TO LISTEN TO ME."), errors: [{ turn: 1, span: 'YOU NEED TO LISTEN TO ME', reason: 'Shouting' }] },
    { name: 'sarcasm: have you tried not…', conversation: pair('why do I keep getting disconnected?', 'Have you tried not playing on hotel wifi?'), errors: [{ turn: 1, span: 'Have you tried not playing', reason: 'Sarcasm' }] },
    { name: 'eye-roll emoji', conversation: pair('the screen is blank', 'Did you plug it in? 🙄'), errors: [{ turn: 1, span: '🙄' }] },
    { name: 'insult', conversation: pair('your product is garbage', "You're an idiot if you think that."), errors: [{ turn: 1, span: "You're an idiot", reason: 'Insulting' }] },
    { name: 'profanity aimed at the customer', conversation: pair('fix it!!', 'Damn, you really do not get it.'), errors: [{ turn: 1, span: 'Damn', reason: 'Profanity' }] },
    { name: 'repeating yourself', conversation: pair('I told you the order number', 'I heard you the first time.'), errors: [{ turn: 1, span: 'I heard you the first time' }] },
    { name: 'getting angry won\'t help', conversation: pair('I have waited an hour!!', "Getting angry won't make it faster."), errors: [{ turn: 1, span: "Getting angry won't make" }] },
    { name: 'bots are judged too', conversation: chat(['customer', 'this is useless'], ['bot', 'Deal with it.']), errors: [{ turn: 1, span: 'Deal with it' }] },
    // Arabic: Egyptian, Gulf, Levantine, MSA, Maghrebi, Iraqi; Arabizi; code-switched.
    { name: 'EGY اهدى شوية', conversation: pair('النت فاصل بقالي ٣ أيام!!', 'يا فندم اهدى شوية. الشبكة شغالة تمام.'), errors: [{ turn: 1, span: 'اهدى', reason: 'الهدوء' }] },
    { name: 'MSA اهدأ (word-final hamza)', conversation: pair('الطلب ما وصل', 'اهدأ من فضلك، الطلب بالطريق.'), errors: [{ turn: 1, span: 'اهدأ' }] },
    { name: 'MSA لا داعي للصراخ', conversation: pair('ليش ما رديتوا', 'لا داعي للصراخ، نحن نرد بالترتيب.'), errors: [{ turn: 1, span: 'لا داعي للصراخ' }] },
    { name: 'GLF مو مشكلتي', conversation: pair('وين الفلوس', 'مو مشكلتي، روح للبنك.'), errors: [{ turn: 1, span: 'مو مشكلتي', reason: 'استخفاف' }] },
    { name: 'GLF اقرا التعليمات (no hamza)', conversation: pair('الشاشة مكسورة', 'اقرا التعليمات قبل ما تشتكي.'), errors: [{ turn: 1, span: 'اقرا التعليمات قبل ما تشتكي' }] },
    { name: 'LEV اعمل يلي بدك ياه', conversation: pair('بدي حقي', 'اعمل يلي بدك ياه.'), errors: [{ turn: 1, span: 'اعمل يلي بدك ياه' }] },
    { name: 'EGY وأنا مالي', conversation: pair('أنا زعلان', 'وأنا مالي؟ كلم الشركة التانية.'), errors: [{ turn: 1, span: 'وأنا مالي' }] },
    { name: 'EGY sarcasm: واضح إن حضرتك أول مرة', conversation: pair('دفعوني ٩٠٠ جنيه على الشنطة!!', 'واضح إن حضرتك أول مرة تسافر 🙂 الوزن مكتوب على التذكرة.'), errors: [{ turn: 1, reason: 'سخرية' }] },
    { name: 'IRQ/GLF sarcasm: تفهم أكثر منا', conversation: pair('المشكلة من البرج مالتكم', 'اي واضح انت تفتهم بالشبكات اكثر منا 🙂 بس السرعة تنزل بالليل.'), errors: [{ turn: 1, span: 'اي واضح انت' }, { turn: 1, span: 'تفتهم بالشبكات اكثر منا' }] },
    { name: 'MAG ما تبقاش تعاود', conversation: pair('قلت ليك الضو حمر', 'خويا ما تبقاش تعاود ليا نفس الهضرة. صافي.'), errors: [{ turn: 1, span: 'ما تبقاش تعاود' }, { turn: 1, span: 'نفس الهضرة' }] },
    { name: 'MSA نحن لا نقرأ الأفكار', conversation: pair('كتبت نجدد وصافي', 'كان عليك أن تكتب طلبك بوضوح، نحن لا نقرأ الأفكار.'), errors: [{ turn: 1, span: 'نحن لا نقرأ الأفكار' }] },
    { name: 'insult انت غبي', conversation: pair('الفاتورة غلط', 'انت غبي ولا إيه؟ الفاتورة صح.'), errors: [{ turn: 1, span: 'انت غبي', reason: 'إساءة' }] },
    { name: 'GLF عندنا زباين كثير غيرك', conversation: pair('ليش ما تردون', 'عندنا زباين كثير غيرك، انتظر دورك.'), errors: [{ turn: 1, span: 'عندنا زباين كثير غيرك' }, { turn: 1, span: 'انتظر دورك' }] },
    { name: 'Arabizi shouting: EQRA EL MANUAL', conversation: pair('el makan maftoo7', 'hatha mathkoor b el manual, EQRA EL MANUAL gabil la tkallimna.'), errors: [{ turn: 1, span: 'EQRA EL MANUAL gabil', reason: 'تعال' }] },
    { name: 'Arabizi ehda shwaya', conversation: pair('el ba2a 5elset', 'ehda shwaya ya basha, el ba2a hatetgadded.'), errors: [{ turn: 1, span: 'ehda shwaya' }] },
    { name: 'Arabizi msh moshkelty', conversation: pair('el order fen', 'msh moshkelty, kallem el shipping company.'), errors: [{ turn: 1, span: 'msh moshkelty' }] },
    { name: 'code-switched: English dismissal in an Arabic chat', conversation: pair('7 days?? في شي طريقة أسرع؟', "That's your problem honestly, ما فينا نعمل شي."), errors: [{ turn: 1, span: "That's your problem", reason: 'Dismisses' }] },
    { name: 'extra phrases option', conversation: pair('help', 'Not my circus.'), options: { phrases: ['not my circus'] }, errors: [{ turn: 1, span: 'Not my circus' }] }
  ]
})

describe('no-rudeness coaching and robustness', () => {
  it('coaches in Arabic, in the dialect of the trigger', () => {
    const [f] = runRule(rule, pair('النت فاصل', 'يا فندم اهدى شوية.'))
    expect(f!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(f!.expected!.join(' ')).toMatch(/فندم|حقك/)
  })

  it('coaches Arabizi shouting in Arabic with an Arabizi suggestion', () => {
    const [f] = runRule(rule, pair('el makan maftoo7', 'EQRA EL MANUAL gabil la tkallimna ya basha'))
    expect(f!.reason).toMatch(/[\u0600-\u06FF]/)
  })

  // A hang fails on the test timeout; findings are capped per turn.
  it('finishes on a 100k-character turn of capitals', () => {
    const text = 'THE QUICK BROWN FOX JUMPS OVER calm down اهدى شوية '.repeat(2000)
    const findings = runRule(rule, pair('hello', text))
    expect(findings.length).toBe(5)
    for (const f of findings) expect(text.slice(f.start, f.end)).toMatch(/^(?:calm down|اهدى شوية)$/)
  })

  it('survives odd Unicode', () => {
    expect(() => runRule(rule, pair('?', '\u200f\u202e\uFFFD\u0000 ﷽ 🙄 ﻻ ٱ ẞ'.repeat(1000)))).not.toThrow()
  })
})

describe('no-rudeness message language', () => {
  const run = (customer: string, agent: string, locale?: 'en' | 'ar') =>
    runRules(toTranscript(pair(customer, agent)), [{ rule, severity: 'warn', options: { ...(rule.meta.defaultOptions as object) } }], { locale })

  it('honours a forced locale', () => {
    expect(run('where is my order', 'Calm down, it is on its way.')[0]!.reason).not.toMatch(/[\u0600-\u06FF]/)
    expect(run('where is my order', 'Calm down, it is on its way.', 'ar')[0]!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(run('وين الفلوس', 'مو مشكلتي، روح للبنك.')[0]!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(run('وين الفلوس', 'مو مشكلتي، روح للبنك.', 'en')[0]!.note).not.toMatch(/[\u0600-\u06FF]/)
  })
})
