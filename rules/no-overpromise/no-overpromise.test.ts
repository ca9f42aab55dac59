import { RuleTester } from '../../src/testing/rule-tester.js'
import rule from './index.js'

const c = (...turns: Array<[role: 'customer' | 'agent' | 'bot' | 'system', text: string]>) => ({
  turns: turns.map(([role, text]) => ({ role, text }))
})

new RuleTester().run('no-overpromise', rule, {
  valid: [
    { name: '«مشفرة ١٠٠٪» describes the page, as "100% encrypted" does', conversation: c(['customer', 'هل الدفع آمن؟'], ['agent', 'نعم، صفحة الدفع مشفرة ١٠٠٪']) },
    { name: 'Arabizi "bwa3dak hab3atlak el link" is the agent\'s own action', conversation: c(['customer', 'fin el link?'], ['agent', 'bwa3dak hab3atlak el link delwa2ti']) },
    { name: '"that\'s a promise" on the agent\'s own action', conversation: c(['customer', 'send me the label'], ['agent', "I'll email you the label today, that's a promise."]) },
    { name: '"we\'ll make sure it doesn\'t happen again" is an effort, not a guarantee', conversation: c(['customer', 'the courier was rude'], ['agent', "Sorry about that, we'll make sure it doesn't happen again and I've passed it on."]) },
    { name: '«نؤكد لك أننا سنتابع» is the agent\'s own action', conversation: c(['customer', 'أين طلبي؟'], ['agent', 'نؤكد لك أننا سنتابع الطلب بأنفسنا.']) },
    { name: '«مهما كان السبب» is no certainty', conversation: c(['customer', 'أين طلبي؟'], ['agent', 'سنراجع الطلب مهما كان السبب.']) },
    { name: 'a certainty tag on the agent\'s own action', conversation: c(['customer', 'my bill is wrong'], ['agent', "We'll get this corrected today, you can count on it."]) },
    { name: '"no question is too small"', conversation: c(['customer', 'sorry, silly question'], ['agent', "No question is too small, we'll be glad to help."]) },
    { name: '"from now on" about the agent\'s own handling', conversation: c(['customer', 'nobody owns my case'], ['agent', "From now on, I'll handle your case personally."]) },
    { name: '«ما بعرف متأكد ١٠٠٪» is not being sure', conversation: c(['customer', 'الشاشة ما تشتغل'], ['agent', 'بصراحة ما بعرف متأكد ١٠٠٪، خليني أتأكد من قسم الأجهزة وبرجعلك خلال دقيقتين.']) },
    { name: 'not charged again after a cancellation the agent made', conversation: c(['customer', 'Please cancel it.'], ['agent', "Done, your monthly subscription has been cancelled and you won't be charged again."]) },
    { name: 'no more e-mails after an unsubscribe', conversation: c(['customer', 'Stop emailing me'], ['agent', "I've unsubscribed you, so you won't get any more emails from us again."]) },
    { name: 'a promise of the agent\'s own action, at the end of the sentence', conversation: c(['customer', 'Can you call me?'], ['agent', 'I will call you at 3pm, I promise.']) },
    { name: 'an offer that will not be repeated', conversation: c(['customer', 'Can I get the discount later?'], ['agent', 'Sorry, this offer will never be repeated, but there is a new one in May.']) },
    // --- English: the agent's own next actions (GUIDE "Not" clause)
    { name: "I'll email you the label", conversation: c(['customer', 'How do I send it back?'], ['agent', "I'll email you the return label within the hour."]) },
    { name: "we'll look into it", conversation: c(['customer', 'The app keeps crashing'], ['agent', "Sorry about that! We'll look into it and get back to you tomorrow."]) },
    { name: 'I will definitely pass it on (own action)', conversation: c(['customer', 'Please add dark mode'], ['agent', 'Great idea — I will definitely pass your feedback to the design team.']) },
    { name: "I promise I'll call (own action)", conversation: c(['customer', 'Nobody rang me back'], ['agent', "I'm so sorry. I promise I'll call you myself at 3pm today."]) },
    // --- English: neutral facts, amounts and honesty
    { name: 'neutral refund timeline', conversation: c(['customer', 'When will I see my money?'], ['agent', 'Refunds usually take 5–7 working days to reach your card.']) },
    { name: "'definitely not the first' is not a promise", conversation: c(['customer', 'this form is so confusing ha'], ['agent', "Ha, you're definitely not the first to say that! Let's go through it together."]) },
    { name: '100% battery level', conversation: c(['customer', 'Battery still drains'], ['agent', 'Charge it to 100% tonight and tell me how it looks tomorrow.']) },
    { name: '100% of the fare', conversation: c(['customer', 'Refund?'], ['agent', "Done — we've refunded 100% of the fare to your original card."]) },
    { name: "honest: can't promise", conversation: c(['customer', 'Will it come tomorrow?'], ['agent', "I can't promise it will arrive tomorrow, but I'll chase the courier first thing and update you."]) },
    { name: "honest: can't guarantee", conversation: c(['customer', 'Will it arrive before Christmas?'], ['agent', 'We cannot guarantee delivery dates over the holidays, sorry.']) },
    { name: 'effort, not a guarantee', conversation: c(['customer', 'This keeps happening'], ['agent', "We'll do everything we can to make sure this won't happen again."]) },
    { name: "guarantee as a noun (warranty)", conversation: c(['customer', 'Is it covered?'], ['agent', 'Yes, your phone comes with a two-year guarantee, so the repair is free.']) },
    { name: 'customer turns are not judged', conversation: c(['customer', 'I guarantee I will never order from you again!'], ['agent', "I'm sorry to hear that. Could you tell me what went wrong with the order?"]) },
    // --- Arabic
    { name: 'GLF أبشر is courtesy', conversation: c(['customer', 'ابي اغير العنوان'], ['agent', 'أبشر، بتابع طلبك وأرد عليك خلال ساعة.']) },
    { name: 'EGY أكيد + own action', conversation: c(['customer', 'ممكن رابط التتبع؟'], ['agent', 'أكيد، هبعتلك رابط التتبع دلوقتي.']) },
    { name: 'أكيد as "sure" before a question', conversation: c(['customer', 'عايز ألغي'], ['agent', 'أكيد، تقصد الباقة الشهرية ولا الإضافة؟']) },
    { name: 'الضمان is the warranty', conversation: c(['customer', 'الجهاز باظ'], ['agent', 'الجهاز ما زال تحت الضمان، والإصلاح مجاني.']) },
    { name: '١٠٠٪ occupancy', conversation: c(['customer', 'أبي مقعد عند النافذة'], ['agent', 'للأسف الرحلة ممتلئة بنسبة ١٠٠٪، لكن أقدر أضيفك لقائمة الانتظار.']) },
    { name: 'negated guarantee', conversation: c(['customer', 'هل يصل قبل العيد؟'], ['agent', 'لا نستطيع أن نضمن موعد التسليم بسبب الأحوال الجوية، وسنبلغك بأي تحديث.']) },
    { name: 'neutral timeline', conversation: c(['customer', 'متى يرجع المبلغ؟'], ['agent', 'المبلغ يرجع لحسابك عادةً خلال ٣-٥ أيام عمل.']) },
    { name: 'EGY promise of own action', conversation: c(['customer', 'محدش كلمني'], ['agent', 'حقك علينا، أوعدك هكلمك بكرة الساعة ١٢.']) },
    { name: 'GLF لا تشيل هم', conversation: c(['customer', 'نسيت الرقم السري'], ['agent', 'لا تشيل هم، بنرسل لك رمز جديد على جوالك.']) },
    { name: 'إن شاء الله ما تتكرر is a wish', conversation: c(['customer', 'الشبكة فصلت تاني'], ['agent', 'حقك علينا، وإن شاء الله ما تتكرر.']) },
    { name: 'effort in Arabic', conversation: c(['customer', 'تكرر التأخير'], ['agent', 'بنسوي اللي نقدر عليه عشان ما تتكرر.']) },
    { name: 'EGY هتابع is first person', conversation: c(['customer', 'الموضوع واقف'], ['agent', 'تمام، أوعدك هتابع الموضوع بنفسي.']) },
    { name: 'مضمون as "content"', conversation: c(['customer', 'وصلتكم رسالتي؟'], ['agent', 'نعم، مضمون الرسالة وصلنا، وسنرد عليك قريباً.']) },
    { name: 'Arabizi akid + own action', conversation: c(['customer', 'fein el tracking?'], ['agent', 'akid, hab3atlak el link delwa2ty.']) },
    { name: "'we assure you that you will be assisted' is courtesy", conversation: c(['customer', 'Nobody answers!'], ['agent', 'We assure you that you will be assisted accordingly.']) },
    { name: 'rest assured + own work', conversation: c(['customer', 'Fake listings everywhere'], ['agent', 'Rest assured that our team is working to remove these.']) },
    // --- options
    { name: 'allow', options: { allow: ['price match guarantee'] }, conversation: c(['customer', 'Cheaper elsewhere'], ['agent', "That's covered by our price match guarantee, guaranteed."]) }
  ],
  invalid: [
    { name: '«وبيوصلك بكرة أكيد»: the conjunction does not hide the outcome', conversation: c(['customer', 'متى يوصل؟'], ['agent', 'المنتج جاهز، وبيوصلك بكرة أكيد']), errors: [{ turn: 1 }] },
    { name: 'Arabizi "bwa3dak … ra7 yemro" promises an outcome', conversation: c(['customer', 'el tickets btemshi?'], ['agent', 'ma t7mol ham, bwa3dak el tickets ra7 yemro 3al bweb']), errors: [{ turn: 1 }] },
    { name: '"…, that\'s a promise" closing an outcome', conversation: c(['customer', 'will the desk still be open?'], ['agent', "The desk will stay open until you land, that's a promise."]), errors: [{ turn: 1 }] },
    { name: '"no matter how late" on an outcome', conversation: c(['customer', 'my train is delayed'], ['agent', 'The driver will wait for you no matter how late it gets.']), errors: [{ turn: 1 }] },
    { name: '"make sure nothing like this happens again"', conversation: c(['customer', 'the car had a flat tyre'], ['agent', "Sorry! We'll make sure nothing like this happens to you again."]), errors: [{ turn: 1 }] },
    { name: 'Tunisian «موش ممكن تتأخر مرة أخرى»', conversation: c(['customer', 'الكارطة ما جاتش'], ['agent', 'غدوة تلقاها في الفرع، موش ممكن تتأخر مرة أخرى.']), errors: [{ turn: 1 }] },
    { name: 'MSA «نؤكد لك أنها ستصلك … مهما حدث»', conversation: c(['customer', 'أين طلبي؟'], ['agent', 'نؤكد لك أنها ستصلك قبل الخميس مهما حدث.']), errors: [{ turn: 1 }] },
    { name: 'a certainty tag closing an outcome: "…, no doubt about it"', conversation: c(['customer', 'where is my refund?'], ['agent', 'It will reach your card tomorrow, no doubt about it.']), errors: [{ turn: 1, span: 'no doubt about it' }] },
    { name: '"…, no question about it — …"', conversation: c(['customer', 'parcel?'], ['agent', "The courier will drop it off by noon, no question about it — I've checked."]), errors: [{ turn: 1 }] },
    { name: '"…, you have my word ^NB" before a signature', conversation: c(['customer', 'late again'], ['agent', 'It will be at your door on Monday morning, you have my word ^NB']), errors: [{ turn: 1 }] },
    { name: '"won\'t … ever again" over many words', conversation: c(['customer', 'waited 3 days for a reply'], ['agent', "You won't see a wait like that from our support team ever again."]), errors: [{ turn: 1 }] },
    { name: '"… zero … from now on"', conversation: c(['customer', 'the wifi keeps dropping'], ['agent', "The new router is on its way and you'll get zero dropouts from now on."]), errors: [{ turn: 1, reason: 'absolute' }] },
    { name: '"without fail" far from its "will"', conversation: c(['customer', 'where is it'], ['agent', 'It will be with you at the start of the day tomorrow morning without fail.']), errors: [{ turn: 1 }] },
    { name: '"…, no matter what - you can hold me to that"', conversation: c(['customer', 'where is my frame?'], ['agent', 'It is with our courier partner. It will be with you by Friday, no matter what - you can hold me to that.']), errors: [{ turn: 1 }] },
    { name: '«ومية بالمية» after «و»', conversation: c(['customer', 'النت مقطوع'], ['agent', 'نعتذر عالانقطاع، اكو عطل بالكيبل، ومية بالمية راح يرجع اليوم قبل المغرب.']), errors: [{ turn: 1 }] },
    // --- English
    { name: 'a promise at the end of the sentence', conversation: c(['customer', 'When will it come?'], ['agent', 'It will arrive tomorrow, I promise!']), errors: [{ turn: 1, span: 'I promise' }] },
    { name: 'nothing can go wrong', conversation: c(['customer', 'Will my data be safe?'], ['agent', 'Nothing can ever go wrong with your data.']), errors: [{ turn: 1, span: 'Nothing can ever go wrong' }] },
    { name: 'it will never break', conversation: c(['customer', 'Is this durable?'], ['agent', 'This kettle will never break.']), errors: [{ turn: 1, span: 'This kettle will never break' }] },
    { name: 'I guarantee', conversation: c(['customer', 'Need it by Friday'], ['agent', "I guarantee it'll be with you before Friday."]), errors: [{ turn: 1, span: 'I guarantee' }] },
    { name: "it'll definitely arrive", conversation: c(['customer', 'Changed the address?'], ['agent', "Yes, updated. It'll definitely arrive on Monday."]), errors: [{ turn: 1, span: "'ll definitely" }] },
    { name: 'never happen again', conversation: c(['customer', 'Third outage this month!'], ['agent', "We're sorry. Rest assured, this will never happen again."]), errors: [{ turn: 1, span: 'this will never happen again', reason: 'never' }] },
    { name: 'I promise + third-party outcome', conversation: c(['customer', 'Where is my refund?'], ['agent', 'I promise your refund will land in your account today.']), errors: [{ turn: 1, span: 'I promise' }] },
    { name: 'you will certainly get', conversation: c(['customer', 'Will I get my money?'], ['agent', "I've opened a dispute. You will certainly get your money back."]), errors: [{ turn: 1, span: 'will certainly' }] },
    { name: '100% at the end of the clause', conversation: c(['customer', 'Is it coming tomorrow?'], ['agent', 'Your parcel will be there tomorrow, 100%.']), errors: [{ turn: 1, span: '100%' }] },
    { name: "I'm 100% sure", conversation: c(['customer', 'Will my bill drop?'], ['agent', "I'm 100% sure your next bill will be lower."]), errors: [{ turn: 1, span: '100%' }] },
    { name: ', guaranteed', conversation: c(['customer', 'The internet is down'], ['agent', 'The engineer will have it fixed today, guaranteed.']), errors: [{ turn: 1, span: 'guaranteed' }] },
    { name: "won't … again", conversation: c(['customer', 'My card got blocked abroad'], ['agent', "I've removed the block, and your card won't get blocked again on this trip."]), errors: [{ turn: 1 }] },
    { name: 'one hundred percent', conversation: c(['customer', 'When will the sofa come?'], ['agent', 'It ships Friday and will one hundred percent be at your door on Monday.']), errors: [{ turn: 1 }] },
    // --- Arabic
    { name: 'EGY أوعدك + outcome', conversation: c(['customer', 'الطلب اتأخر'], ['agent', 'أوعدك الشحنة هتوصل بكرة الصبح.']), errors: [{ turn: 1, span: 'أوعدك', reason: 'وعد' }] },
    { name: 'GLF مضمون', conversation: c(['customer', 'فلوسي راحت لحساب غلط'], ['agent', 'رفعت الطلب، ومضمون ترجع لك الفلوس باكر.']), errors: [{ turn: 1, span: 'مضمون' }] },
    { name: 'MSA نضمن لك لن يتكرر', conversation: c(['customer', 'تعطل الموقع وقت السداد'], ['agent', 'تم تمديد المهلة، ونضمن لك أن هذا العطل لن يتكرر.']), errors: [{ turn: 1, span: 'نضمن' }] },
    { name: 'LEV بوعدك + last time', conversation: c(['customer', 'تاني مرة بيتأخر الطلب'], ['agent', 'سوري كتير، بوعدك هاي آخر مرة بتصير.']), errors: [{ turn: 1, span: 'بوعدك' }] },
    { name: 'MAG never again', conversation: c(['customer', 'الكونيكسيون طاحت عاوتاني'], ['agent', 'سمح لينا، هاد المشكل ما غاديش يتعاود.']), errors: [{ turn: 1 }] },
    { name: 'IRQ أكيد + outcome', conversation: c(['customer', 'شوكت يوصل الطلب؟'], ['agent', 'أكيد راح يوصلك الطلب باچر.']), errors: [{ turn: 1, span: 'أكيد' }] },
    { name: 'GLF أكيد بيوصلك بكرة', conversation: c(['customer', 'متى يوصل؟'], ['agent', 'أكيد بيوصلك بكرة الظهر.']), errors: [{ turn: 1, span: 'أكيد' }] },
    { name: 'EGY ١٠٠٪', conversation: c(['customer', 'الأوردر فين؟'], ['agent', 'بعتلهم تصعيد، والأوردر هيوصل بكرة ١٠٠٪.']), errors: [{ turn: 1, span: '١٠٠٪' }] },
    { name: 'LEV مية بالمية', conversation: c(['customer', 'بتوصل الكنباية السبت؟'], ['agent', 'مية بالمية بتوصلك السبت.']), errors: [{ turn: 1 }] },
    { name: 'MSA أضمن لك + approval', conversation: c(['customer', 'متى تصدر الموافقة؟'], ['agent', 'الطلب لدى لجنة الائتمان، وأضمن لك أن الموافقة ستصدر غداً.']), errors: [{ turn: 1, span: 'أضمن' }] },
    { name: 'Arabizi promise + outcome', conversation: c(['customer', 'el order fein?'], ['agent', 'aw3edak el order hayewsal bokra.']), errors: [{ turn: 1, span: 'aw3edak' }] },
    { name: 'Arabizi never again', conversation: c(['customer', 'tani marra el net fasel!'], ['agent', 'asfin gedan, di akher marra.']), errors: [{ turn: 1, span: 'di akher marra' }] },
    { name: 'MSA بالتأكيد + outcome', conversation: c(['customer', 'متى يصل المبلغ؟'], ['agent', 'بالتأكيد سيصلك المبلغ غداً.']), errors: [{ turn: 1, span: 'بالتأكيد' }] },
    { name: 'promise that it is the last time', conversation: c(['customer', 'تأخرتوا مرة ثانية'], ['agent', 'أوعدك إنها آخر مرة تتأخر فيها الشحنة.']), errors: [{ turn: 1, span: 'أوعدك' }] },
    { name: 'I assure you + delivery', conversation: c(['customer', 'Will it come?'], ['agent', 'I can assure you it will be delivered tomorrow.']), errors: [{ turn: 1, span: 'I can assure you' }] },
    { name: 'never recur', conversation: c(['customer', 'The app crashed again'], ['agent', 'The fault is fixed and will never recur.']), errors: [{ turn: 1 }] },
    { name: 'GLF trailing أكيد after the outcome', conversation: c(['customer', 'متى يوصل الطلب؟'], ['agent', 'إن شاء الله بيوصلك بكرة أكيد.']), errors: [{ turn: 1, span: 'أكيد' }] },
    { name: 'option: also', options: { also: ['no questions asked'] }, conversation: c(['customer', 'Can I return it?'], ['agent', 'Return it any time, no questions asked.']), errors: [{ turn: 1, span: 'no questions asked' }] },
    { name: 'code-switched promise', conversation: c(['customer', 'Still no delivery'], ['agent', 'Sorry for the delay, بس أوعدك الطلب هيوصل النهارده.']), errors: [{ turn: 1, span: 'أوعدك' }] }
  ]
})

describe('no-overpromise robustness and messages', () => {
  // A hang fails on the test timeout; the promise at the start is found.
  it('finishes on hostile long turns', async () => {
    const { runRule } = await import('../../src/testing/rule-tester.js')
    const long = 'I guarantee ' + ' '.repeat(40_000) + 'أوعدك '.repeat(3000) + '100% '.repeat(3000) + '\u202e\u0640'.repeat(4000)
    const findings = runRule(rule, c(['customer', 'hi'], ['agent', long]))
    expect(findings.map((f) => long.slice(f.start, f.end))).toEqual(['I guarantee'])
  })
  it('coaches in the dialect of the turn and fits the topic', async () => {
    const { runRule } = await import('../../src/testing/rule-tester.js')
    const [egy] = runRule(rule, c(['customer', 'الأوردر فين؟'], ['agent', 'أوعدك ١٠٠٪ الأوردر هيوصل بكرة يا فندم.']))
    expect(egy!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(egy!.expected!.join(' ')).toMatch(/حضرتك|الأوردر/)
    const [en] = runRule(rule, c(['customer', 'Where is it?'], ['agent', "It's with the courier and I promise it'll be with you tomorrow morning."]))
    expect(en!.expected![0]).toContain('tomorrow morning')
  })
  it('follows a configured locale', async () => {
    const { resolveConfig } = await import('../../src/config/resolve.js')
    const { runRules } = await import('../../src/engine/run-rules.js')
    const { toTranscript } = await import('../../src/testing/rule-tester.js')
    const { rules } = resolveConfig({ config: { rules: { [rule.meta.id]: 'warn' } }, plugins: [{ name: 'test', rules: { [rule.meta.id]: rule } }] })
    const [inEnglish] = runRules(toTranscript(c(['customer', 'متى؟'], ['agent', 'أوعدك الطلب هيوصل بكرة.'])), rules, { locale: 'en' })
    expect(inEnglish!.note).toMatch(/^[A-Za-z]/)
    const [inArabic] = runRules(toTranscript(c(['customer', 'When?'], ['agent', 'I guarantee it arrives tomorrow.'])), rules, { locale: 'ar' })
    expect(inArabic!.note).toMatch(/^[\u0600-\u06FF]/)
  })
})
