import { RuleTester, runRule } from '../../src/testing/rule-tester.js'
import { runRules } from '../../src/engine/run-rules.js'
import { toTranscript } from '../../src/testing/rule-tester.js'
import rule from './index.js'

type Role = 'customer' | 'agent' | 'bot' | 'system'
const chat = (...turns: Array<[Role, string]>) => ({ turns: turns.map(([role, text]) => ({ role, text })) })
const pair = (customer: string, agent: string) => chat(['customer', customer], ['agent', agent])

new RuleTester().run('no-arguing', rule, {
  valid: [
    { name: '"Were you home at 2pm?" asks', conversation: pair('the technician never came', 'Were you home at 2pm? The engineer says nobody answered, so I will rebook.') },
    { name: '"Are you sure you want to cancel?" confirms a request', conversation: pair('cancel my plan', 'Are you sure you want to cancel? You would lose your discount.') },
    { name: '"Actually, you can do this yourself…" points to an easier way', conversation: pair('hey, quick question about changing my email', 'Actually, you can do this yourself in the app: Settings > Account > Change email.') },
    { name: '"Actually, you don\'t need to pay again" is good news', conversation: pair('my payment failed so I will pay again', "Actually, you don't need to pay again, the first payment went through.") },
    { name: '"I doubt it, sorry" about a delivery is an honest forecast', conversation: pair('will it arrive today?', "I doubt it, sorry — it's due tomorrow.") },
    { name: '"No you don\'t need to" answers the customer\'s question', conversation: pair('do I need to restart it?', "No you don't need to, it updates itself.") },
    { name: '«هل استخدمته صح…؟» asks', conversation: pair('الجهاز خربان', 'هل استخدمته صح حسب الدليل؟') },
    { name: '«لو ما ركبته صح…» offers a fitter', conversation: pair('الجهاز خربان', 'لو ما ركبته صح، نقدر نرسلك فني يركبه') },
    { name: 'a bare "Impossible!" next to an apology is disbelief on the customer\'s side', conversation: pair('the device arrived broken', "Impossible! I'm so sorry, let me send a replacement today.") },
    { name: '"Impossible to say" is not a dismissal', conversation: pair('the device arrived broken', 'Impossible to say what happened without the serial number. Could you send it?') },
    { name: '"Impossible." refusing a request is judged by no-dead-end', conversation: pair('can I get a refund?', 'Impossible.') },
    { name: '"if you dropped it" explains the cover, it does not blame', conversation: pair('the device arrived broken', 'If you dropped it, accidental damage is still covered.') },
    { name: 'asking whether it was dropped is not blaming', conversation: pair('the screen cracked', 'You probably dropped it at some point, or did it crack by itself?') },
    { name: '«مستحيل! آسفين جدًا» is disbelief with the customer', conversation: pair('الجهاز وصل مكسور', 'مستحيل! آسفين جدًا، هنبدله فورًا') },
    { name: '«هل انت وقعته؟» asks', conversation: pair('الجهاز وصل مكسور', 'هل انت وقعته؟') },
    { name: '«لو انت كسرته بالغلط» explains the warranty', conversation: pair('الجهاز وصل مكسور', 'لو انت كسرته بالغلط، الضمان يغطيه') },
    { name: '"it looks like you entered the wrong card number" helps', conversation: pair('my payment failed', 'It looks like you entered the wrong card number, could you try again?') },
    { name: '"you can\'t have a refund on sale items, but …" is policy with an alternative', conversation: pair('refund please', "You can't have a refund on sale items, but we can exchange it.") },
    { name: '«كان المفروض يتواصلون معك وهذا ما صار» owns the mistake', conversation: pair('وين الطلب؟ محد تواصل معي', 'نعتذر لك جداً، كان المفروض يتواصلون معك وهذا ما صار. صعّدت الطلب للمشرف.') },
    { name: 'the agent owns the mistake: "we got the dates wrong", "in fairness, you did everything right"', conversation: pair('my tariff ended in January', 'Sorry, we got the dates wrong on our side. In fairness, you did everything right.') },
    { name: '"Our app doesn\'t do that" answers a feature question', conversation: pair('can your app export to PDF?', "Our app doesn't do that, sorry.") },
    { name: '"doesn\'t do that yet"', conversation: pair('your app should let me export to PDF', "Our app doesn't do that yet, but I'll pass the idea on.") },
    { name: '"Sure, you can …" agrees', conversation: pair('can I change my seat?', 'Sure, you can change it in the app.') },
    { name: '"it does depend on …" is a hedge, not a push-back', conversation: pair('will my preorder arrive on release day?', 'Most arrive on the day, but it does depend on the courier.') },
    { name: '"that isn\'t a problem" when the customer never said problem', conversation: pair('can I change the delivery day?', "That isn't a problem, I've moved it to Friday.") },
    { name: '«مستحيل يتأخر» (it cannot be late) is a forecast, not a dispute', conversation: pair('الطلب متى يوصل؟ أخاف يتأخر', 'لا تشيل هم، بيوصلك باكر قبل الظهر، مستحيل يتأخر') },
    { name: '«هل المشكلة عندك من امبارح؟» asks', conversation: pair('النت مقطوع', 'نعتذر، هل المشكلة عندك من امبارح؟') },
    { name: '"the invoice is issued by the hotel" explains', conversation: pair('where is my invoice?', 'Your booking was pay-at-hotel, so the invoice is issued by the hotel at checkout.') },
    { name: '"so it was delivered" answering "where is it?"', conversation: pair('where is my parcel?', 'The courier dropped it at 9am, so it was delivered this morning - check your porch.') },
    { name: '"it\'s down to you whether" is a choice', conversation: pair('should I keep the old router?', "It's down to you whether you keep it; we don't need it back.") },
    { name: 'answering a question with a negative is not a denial', conversation: pair('Is the store open today?', 'The store is not open on Sundays, but the online shop is.') },
    { name: 'what should have happened already is not blame', conversation: pair('Where is my refund?', 'You should have been refunded on Monday; let me check what happened.') },
    // GUIDE "Not" clauses: neutral policy or fact, own mistake, apology with clarification.
    { name: 'neutral policy', conversation: pair('my refund has not arrived', 'Refunds take 5–7 business days to reach your card.') },
    { name: 'own mistake corrected', conversation: pair('you told me $10 yesterday', "Sorry, I was wrong earlier: the fee is $5, not $10. I've updated your invoice.") },
    { name: 'apology with clarification', conversation: pair('why was I charged a fee??', 'Sorry for the confusion — the fee applies to international transfers only, so I have refunded it.') },
    { name: 'apology, then the facts', conversation: pair('you charged me for shipping', "I'm sorry for the confusion. Shipping is free over $50 and your basket was $45; I've refunded it as a one-off.") },
    { name: '"as I said" about the agent\'s own promise', conversation: pair('any news on the callback?', "As I said, I'll call you back at 3pm with the result.") },
    { name: '"as promised"', conversation: pair('any update?', 'As promised, here is your tracking number: 1Z999AA10123456784.') },
    { name: '"as you mentioned" agrees with the customer', conversation: pair('the box was crushed', "As you mentioned, the parcel arrived damaged. I've sent a replacement.") },
    { name: '"you should have received" is not blame', conversation: pair('how do I return it?', 'You should have received an email with the return label; I can resend it if you like.') },
    { name: '"you should have" + possession', conversation: pair("I can't find dark mode", 'You should have the option under Settings now.') },
    { name: 'harmless "actually" about the agent\'s own action', conversation: pair('can you update my address?', 'I actually just updated it for you.') },
    { name: '"actually" answering a plain question', conversation: pair('how much is the upgrade?', 'Actually, it is free this month.') },
    { name: '"No, you don\'t…" answering a yes/no question', conversation: pair('Do I need to do anything else?', "No, you don't need to do anything else.") },
    { name: '"not possible" refusing a request is a dead end, not an argument', conversation: pair('can I change the name on my ticket?', "That's not possible after check-in, but I can move you to a later flight for free.") },
    { name: 'softened refusal', conversation: pair('your driver never came', "Unfortunately that's not possible to check from here, so I've asked the depot to call you today.") },
    { name: '"if you don\'t understand" is hypothetical', conversation: pair('ok I will try', "If you don't understand any of the steps, just tell me and I'll walk you through them.") },
    { name: '"it\'s not your fault" clears the customer', conversation: pair('I think I broke it', "It's not your fault at all — our update caused it. A fix ships Friday.") },
    { name: 'emphatic "we do apologise" is an apology', conversation: pair('still no refund', 'We do apologise for the delay. The refund left us this morning.') },
    { name: 'emphatic "we do offer" answering a question', conversation: pair('Do you offer free returns?', "We do offer free returns — here's the link.") },
    { name: 'quoted history in an e-mail is not judged', conversation: chat(['customer', 'Please recheck the outage.'], ['agent', 'Hi Sam,\n\nThanks, I have rechecked and credited 2 hours.\n\nOn Mon, 3 Jun 2024, Support wrote:\n> As I mentioned, you should have read the SLA.\n']) },
    { name: 'customers are not judged', conversation: chat(['customer', "You're wrong, as I said twice already!"], ['agent', "I'm sorry about that. Let me look again."]) },
    { name: 'system turns are not judged', conversation: chat(['customer', 'hello?'], ['system', 'That is not our fault: the chat was transferred.'], ['agent', 'Hi, Ana here. How can I help?']) },
    { name: 'the terms, asked for', conversation: pair('what are the terms?', 'The terms you agreed to are here: example.com/terms. Section 4 covers refunds.') },
    // Arabic traps from the GUIDE and the lexicon notes.
    { name: 'كما ذكرتَ = as YOU mentioned (agrees)', conversation: pair('انخصم مني مرتين', 'مساء النور، نعتذر عن الإرباك. كما ذكرتَ، ظهرت عندي دفعتان، وأرجعت الثانية لحسابك.') },
    { name: 'زي ما وعدت حضرتك = as I promised you', conversation: pair('فين التحديث؟', 'تحديث زي ما وعدت حضرتك: الصيانة خلصت، اعمل ريستارت للراوتر.') },
    { name: 'كما وعدتك (MSA)', conversation: pair('هل من جديد؟', 'كما وعدتك، تابعت الطلب وتم إصدار السجل اليوم.') },
    { name: 'ده مش غلطك = not your fault', conversation: pair('الباقة ما اتجددتش', 'آسفين على اللخبطة، ده مش غلطك خالص، التحديث بياخد لحد ٢٤ ساعة.') },
    { name: 'الغلط مش من عند حضرتك… الغلط عندنا', conversation: pair('اتخصم مني مرتين', 'آسفين جداً، الغلط مش من عند حضرتك خالص، الغلط عندنا في بوابة الدفع، ورجعنا الخصم.') },
    { name: 'negated "you are wrong" that agrees', conversation: pair('الوصف في الموقع غلط', 'حقك علينا. ما أقول إنك غلطان، بالعكس ملاحظتك صحيحة وصححنا الوصف اليوم.') },
    { name: 'كان لازم إسألك = I should have asked you', conversation: pair('طلبت شاشة لايفون ١١', 'سوري، كان لازم إسألك عن الموديل من الأول. للـ iPhone 11 السعر ٩٥$.') },
    { name: 'وربما لم يصلك — a neutral fact', conversation: pair('ما وصلني شي', 'نعتذر عن التأخير. أُرسل إشعار إلى بريدك يوم ٢ مارس وربما لم يصلك، لذلك هذا رابط حجز الموعد.') },
    { name: 'neutral Arabic policy', conversation: pair('ليش انرفض الطلب؟', 'أتفهم استغرابك. للتوضيح: الحد الأدنى لنشاط المطاعم ٦٠ متر، وأقدر أعدل الطلب لك.') },
    { name: '"not right that you wait" is empathy', conversation: pair('صار لي أسبوع أنتظر', 'هذا مش صحيح إنك تنتظر كل هالوقت، آسفين، وبنعوضك.') },
    { name: 'لو مش فاهم = if you do not understand', conversation: pair('ما فهمت', 'ولا يهمك، لو انت مش فاهم أي خطوة قولي وأشرحها لك.') },
    { name: 'للأسف غير ممكن after a request', conversation: pair('ممكن ترجعولي المبلغ كاش؟', 'للأسف هذا غير ممكن، لكن نقدر نحوله رصيد لحسابك.') },
    { name: 'أكيد المشكلة عندنا — owning it', conversation: pair('النت فاصل', 'أكيد المشكلة عندنا، في صيانة بالمنطقة وبتخلص الساعة ٥.') },
    { name: 'Arabizi clean reply', conversation: pair('el internet wa2e3', 'asfin gedan, fi 3otl fel manta2a w el team shaghal 3aleh.') },
    // Options.
    { name: 'allow silences a house phrase', conversation: pair('why the fee?', 'As previously advised, the fee covers the courier.'), options: { allow: ['as previously advised'] } },
    { name: 'implicit: false turns off the emphatic-do signal', conversation: pair('why no recurring transfers?', 'We do have that facility. Please visit the Transfers page.'), options: { implicit: false } },
    { name: 'actually: false', conversation: pair('I was charged a fee but I had money', 'Actually, your balance was below zero when the payment cleared.'), options: { actually: false } },
    { name: '"that can\'t be the only option" is the agent looking further', conversation: pair('so there is no way to get a refund?', "That can't be the only option, let me check with the team for you.") },
    { name: '"maybe try restarting it … next time it happens" is advice', conversation: pair('the app froze again', 'Maybe try restarting it and see if that helps next time it happens.') },
    { name: '"we print the size in big letters on the box" is a fact', conversation: pair('how do I know the size?', 'We print the size in big letters on the box.') },
  ],
  invalid: [
    { name: '"you weren\'t home" answering "the technician never came"', conversation: pair('the technician never came', "The engineer came but you weren't home."), errors: [{ turn: 1 }] },
    { name: '«وانت ما كنت بالبيت»', conversation: pair('الفني ما جا', 'الفني جا وانت ما كنت بالبيت'), errors: [{ turn: 1 }] },
    { name: '"That\'s your opinion, but…"', conversation: pair('your service is bad', "That's your opinion, but our service is excellent."), errors: [{ turn: 1 }] },
    { name: '«هذا رأيك، بس خدمتنا ممتازة»', conversation: pair('الخدمة سيئة', 'هذا رأيك، بس خدمتنا ممتازة'), errors: [{ turn: 1 }] },
    { name: '"Are you sure? Because the system says…"', conversation: pair('my order is incomplete', "Are you sure? Because the system says it's complete."), errors: [{ turn: 1 }] },
    { name: '«متأكد؟ لأن النظام يقول كامل»', conversation: pair('الطلب ناقص', 'متأكد؟ لأن النظام يقول كامل'), errors: [{ turn: 1 }] },
    { name: '"so it isn\'t missing" after the customer says it is', conversation: pair('my parcel is missing', 'Our tracking shows it was delivered at 13:42 with a photo, so it isn\'t missing.'), errors: [{ turn: 1 }] },
    { name: '"No we didn\'t" without a comma', conversation: pair('you sent the wrong size', "No we didn't, we sent what you ordered."), errors: [{ turn: 1 }] },
    { name: '"I doubt that\'s what you were told"', conversation: pair('I was told I would get a discount', "I doubt that's what you were told."), errors: [{ turn: 1 }] },
    { name: '«انت اللي ما استخدمته صح» blames', conversation: pair('الجهاز خربان', 'انت اللي ما استخدمته صح'), errors: [{ turn: 1 }] },
    { name: 'a bare "Impossible." answering a report', conversation: pair('the device arrived broken', 'Impossible. We test every unit before it ships.'), errors: [{ turn: 1, span: 'Impossible' }] },
    { name: '"you must have broken it yourself"', conversation: pair('the device arrived broken', 'You must have broken it yourself.'), errors: [{ turn: 1 }] },
    { name: '"you probably dropped it"', conversation: pair('the screen cracked on day two', 'You probably dropped it.'), errors: [{ turn: 1 }] },
    { name: '«مستحيل،» answering a report', conversation: pair('الجهاز وصل مكسور', 'مستحيل، كل أجهزتنا مختومة من المصنع'), errors: [{ turn: 1, span: 'مستحيل' }] },
    { name: '«انت أكيد وقعته» blames', conversation: pair('الشاشة اتكسرت', 'انت أكيد وقعته'), errors: [{ turn: 1 }] },
    { name: '«خربته بايدك» blames', conversation: pair('الجهاز خربان', 'انت خربته بايدك'), errors: [{ turn: 1 }] },
    { name: '"that can\'t be the firmware." denies the reported cause', conversation: pair('it keeps dropping since the 3.2 update', "That can't be the firmware. 3.2 passed all our tests."), errors: [{ turn: 1 }] },
    { name: '"it couldn\'t have been the update"', conversation: pair('the update broke my printer', "It couldn't have been the update; it's a driver problem."), errors: [{ turn: 1 }] },
    { name: '"it\'s literally in the product title"', conversation: pair('I got the wrong layout', "It's literally in the product title."), errors: [{ turn: 1 }] },
    { name: '"maybe read what you\'re buying next time"', conversation: pair('this is not the size I wanted', "Maybe read what you're buying next time."), errors: [{ turn: 1 }] },
    { name: '"the listing says … in big letters"', conversation: pair('these are the wrong plugs', 'The listing says UK plugs in big letters.'), errors: [{ turn: 1 }] },
    { name: '"clearly stated in the terms"', conversation: pair('why was I charged a cleaning fee?', 'This is clearly stated in the terms you accepted.'), errors: [{ turn: 1 }] },
    { name: 'Gulf «حسب السجل حضرتك ضغطت …»', conversation: pair('ألغوا المزايدة، ضغطت بالغلط', "المزايدة ما تنلغى، وحسب السجل حضرتك ضغطت 'تأكيد'."), errors: [{ turn: 1 }] },
    { name: 'Iraqi «شنو أكثر من هيچ أگلك؟»', conversation: pair('شوكت توصل الحلقات؟', 'كتبتلك آخر الشهر، شنو أكثر من هيچ أگلك؟'), errors: [{ turn: 1 }] },
    { name: '"you entered the wrong bay number"', conversation: pair('I got a fine though I paid', 'You entered the wrong bay number, so the session did not cover your car.'), errors: [{ turn: 1 }] },
    { name: '"I already covered this"', conversation: pair('it keeps falling down the stairs', 'I already covered this: dark floors confuse the sensors.'), errors: [{ turn: 1 }] },
    { name: '"verified and is accurate" against a disputed reading', conversation: pair('that reading is wrong', 'The reading was verified and is accurate, so the water was used.'), errors: [{ turn: 1 }] },
    { name: '"it\'s not a glitch, …"', conversation: pair('your meter has a glitch', "It's not a glitch, something in the house is drawing power."), errors: [{ turn: 1 }] },
    { name: '"you weren\'t quoted £480"', conversation: pair('I was quoted £480', "I'm afraid you weren't quoted £480: the plan says £640."), errors: [{ turn: 1 }] },
    { name: '"something must have been typed in wrong"', conversation: pair('the form rejects my ticket', 'The form only rejects ineligible tickets, so something must have been typed in wrong.'), errors: [{ turn: 1 }] },
    { name: '"you can\'t have" and "if you\'d left earlier you wouldn\'t be"', conversation: pair('I applied last week', "Well, you can't have, or it'd be on here. If you'd applied earlier you wouldn't be waiting."), errors: [{ turn: 1 }] },
    { name: 'Tunisian «موش صحيح اللي …»', conversation: pair('الكوموند ما تبعثتش', 'موش صحيح اللي الكوموند ما تبعثتش، الليفرور جاك نهار الخميس'), errors: [{ turn: 1 }] },
    { name: 'Egyptian «ده مش عطل عندنا، أكيد حضرتك غيّرت …»', conversation: pair('النت فاصل من امبارح', 'ده مش عطل عندنا يا فندم، أكيد حضرتك أو حد في البيت غيّر حاجة في الراوتر'), errors: [{ turn: 1 }] },
    { name: 'Iraqi «روح اقرا … قبل لا تحچي»', conversation: pair('ليش المصعد عاطل؟', 'أخي روح اقرا إعلانات المول قبل لا تحچي'), errors: [{ turn: 1 }] },
    { name: 'Iraqi «مثل ما گتلك»', conversation: pair('شوكت يجي الفني؟', 'مثل ما گتلك يرادله وقت.'), errors: [{ turn: 1 }] },
    { name: '"you\'ve got the dates wrong"', conversation: pair('my fixed tariff ended in January', "You've got the dates wrong: it ran until March."), errors: [{ turn: 1 }] },
    { name: '"to be fair, you did ask for"', conversation: pair('you deleted all my photos!', 'Well, to be fair, you did ask for a full reset.'), errors: [{ turn: 1 }] },
    { name: '"it isn\'t the app, it\'s your phone"', conversation: pair('the app keeps logging me out', "It isn't the app. It's your phone clearing its storage."), errors: [{ turn: 1 }] },
    { name: '"a mix-up on your end" and "down to the account holder"', conversation: pair('the machine took my money and printed nothing', 'There must be a mix-up on your end.'), errors: [{ turn: 1 }] },
    { name: '"I did mention in my first reply"', conversation: pair('why is this still under review?', 'I did mention in my first reply that every claim is reviewed.'), errors: [{ turn: 1 }] },
    { name: 'Arabizi "el moshkela akeed men 3andak"', conversation: pair('el app bi3allig kel shway', 'el app shaghal 3adi 3and kol el users, el moshkela akeed men 3andak'), errors: [{ turn: 1 }] },
    { name: '"Our app doesn\'t do that." against a report', conversation: pair('your app logs me out every two minutes', "Our app doesn't do that. It times out after 15 minutes."), errors: [{ turn: 1 }] },
    { name: '"works fine for thousands of customers"', conversation: pair('checkout keeps failing', 'Our checkout works fine for thousands of customers a day.'), errors: [{ turn: 1 }] },
    { name: '"so the fees stand"', conversation: pair('why was I charged roaming? I bought the pass', 'The pass was not activated, so the fees stand.'), errors: [{ turn: 1 }] },
    { name: '"if you\'d … this wouldn\'t have happened"', conversation: pair('my bill is way too high', "If you'd sent a reading each month, this wouldn't have happened."), errors: [{ turn: 1, reason: 'Blames' }] },
    { name: '"you needed to … before you …"', conversation: pair('my card was declined in Spain', 'You needed to tell us before you travelled.'), errors: [{ turn: 1 }] },
    { name: '"That wouldn\'t have happened"', conversation: pair('the gate staff charged me for my bag', "That wouldn't have happened. Our staff only charge oversized bags."), errors: [{ turn: 1 }] },
    { name: 'sarcastic "Sure you didn\'t."', conversation: pair("I didn't share my password with anyone", "Sure you didn't. Send us the account name."), errors: [{ turn: 1, reason: 'doubts' }] },
    { name: 'Gulf: «سوء فهم من طرفكم» blames the customer', conversation: pair('الموظف عندكم رفض يرجع لي الفلوس', 'أكيد صار سوء فهم من طرفكم، موظفينا ما يرفضون.'), errors: [{ turn: 1 }] },
    { name: 'Levantine: «أكيد بعدك على النسخة القديمة»', conversation: pair('التطبيق بيعلق كل ما افتحه', 'أكيد بعدك على النسخة القديمة، حدّث التطبيق.'), errors: [{ turn: 1 }] },
    { name: "French: «c'est impossible» about what the customer reports", conversation: pair('la carte est bloquée toute seule', "La carte ne se bloque pas toute seule, c'est impossible."), errors: [{ turn: 1 }] },
    { name: '"that isn\'t a …" denies the customer\'s own words', conversation: pair('you charged me twice, there is a double payment on my card', 'That isn\'t a double payment, the second one is only a hold.'), errors: [{ turn: 1, reason: 'Contradicts' }] },
    { name: '"the page doesn\'t say that"', conversation: pair('your page said delivery was free!', 'The page does not say that; delivery is free over £40.'), errors: [{ turn: 1 }] },
    { name: '"someone in your household must have …"', conversation: pair('there is a film rental on my bill I never made', 'Rentals need the PIN, so someone in your household must have rented it.'), errors: [{ turn: 1 }] },
    { name: '"so the price is correct" after a dispute', conversation: pair('the price you charged is wrong, it said 20 on the shelf', 'The shelf label was for the small size, so the price is correct.'), errors: [{ turn: 1 }] },
    { name: '"… is no excuse", "common sense"', conversation: pair('I missed the train because the ticket machine was broken', 'A broken machine is no excuse, buying in the app is common sense.'), errors: [{ turn: 1, reason: 'Talks down' }] },
    { name: '«لا عيني هذا مو صحيح»: the «لا» and a form of address answer "no"', conversation: pair('النت مكطوع واني دافع الاشتراك', 'لا عيني هذا مو صحيح، السيستم ما بي ولا دفعة.'), errors: [{ turn: 1 }] },
    { name: 'Moroccan: «هادي ماشي صحيحة» and «كان لازم تطفيه»', conversation: pair('الكونيكسيون مقطوعة', 'لا خويا، هادي ماشي صحيحة. كان لازم تطفيه وتشعلو قبل ما تكتب هنا.'), errors: [{ turn: 1 }] },
    { name: 'Iraqi: «الغلط من يمك»', conversation: pair('النت مكطوع', 'الغلط من يمك مو من عدنا.'), errors: [{ turn: 1 }] },
    { name: '"down to how your router is set up at your end"', conversation: pair('internet drops every evening', 'Our monitoring shows zero outages, so the drops will be down to how your router is set up at your end.'), errors: [{ turn: 1 }] },
    { name: '"this one\'s down to you"', conversation: pair('I did not make this payment', "The payment was approved with your fingerprint, so this one's down to you, I'm afraid."), errors: [{ turn: 1 }] },
    { name: '"Like I mentioned …, so it was sent"', conversation: pair('I never got the letter', "Like I mentioned, the letter went out on 3 March, so it was sent."), errors: [{ turn: 1 }] },
    { name: '"…, so it was delivered" against "it never arrived"', conversation: pair('my parcel never arrived', 'Our records show it was delivered at 14:02 with a photo at the door, so it was delivered.'), errors: [{ turn: 1 }] },
    { name: 'an apology for the trouble does not soften «هيدا مستحيل»', conversation: pair('العداد حاسب غلط، الفاتورة ضعف العادي', 'منأسف للإزعاج، بس هيدا مستحيل، العدادات عنا ما بتغلط.'), errors: [{ turn: 1 }] },
    { name: '«لا، هذا مو صحيح» is one contradiction, the «لا» is the answer "no"', conversation: pair('الكابتن ما جا وانا انتظرت', 'لا، هذا مو صحيح، الكابتن وصل للموقع.'), errors: [{ turn: 1, span: 'لا، هذا مو صحيح' }] },
    { name: '«بس لا هذا مو صحيح» after an apology', conversation: pair('الكابتن ما جا', 'آسفين عيني، بس لا هذا مو صحيح، الكابتن وصل وانتظرك.'), errors: [{ turn: 1 }] },
    { name: 'the tracking clearly shows you signed for it', conversation: pair('my parcel never came', 'The tracking clearly shows you signed for it at 14:02, so it was handed over to you.'), errors: [{ turn: 1 }] },
    { name: 'the missed visit is down to you', conversation: pair('the engineer never came', "The notes say the engineer got no answer, so I'm afraid the missed visit is down to you not answering the door."), errors: [{ turn: 1 }] },
    // English.
    { name: "you're wrong", conversation: pair('I never ordered this', "You're wrong, the order came from your account."), errors: [{ turn: 1, span: "You're wrong", reason: 'Contradicts the customer' }] },
    { name: "that's not true", conversation: pair('You charged me for annual, I picked monthly.', "That's not true. Our log shows annual was selected."), errors: [{ turn: 1, span: "That's not true" }] },
    { name: 'as I already said', conversation: pair('so when is the refund?', 'As I already said, refunds take ten days.'), errors: [{ turn: 1, span: 'As I already said', reason: 'asking again' }] },
    { name: 'I have already explained', conversation: pair('why the charge', "I've already explained this: the charge is the annual fee."), errors: [{ turn: 1, span: "I've already explained" }] },
    { name: 'as previously stated (email)', conversation: pair('Please recheck.', 'Dear Ms Lee,\n\nAs previously stated, the claim was denied.\n\nRegards,\nBilling'), errors: [{ turn: 1, span: 'As previously stated' }] },
    { name: 'you should have read', conversation: pair('nobody told me about the fee', 'You should have read the booking terms.'), errors: [{ turn: 1, span: 'You should have read', reason: 'Blames the customer' }] },
    { name: 'if you had read', conversation: pair('the fee was a surprise', 'If you had read the letter, you would have known.'), errors: [{ turn: 1, span: 'If you had read' }] },
    { name: "that's not our fault", conversation: pair('my bill doubled', "Your usage went up in the cold snap; that's not our fault."), errors: [{ turn: 1, span: 'not our fault', reason: 'Deflects' }] },
    { name: 'with all due respect', conversation: pair('the lock-out is absurd', 'With all due respect, it was three attempts, not one.'), errors: [{ turn: 1, span: 'With all due respect' }] },
    { name: 'you need to understand', conversation: pair('I called on the 12th', 'I understand, but you need to understand that cancellations need 48 hours.'), errors: [{ turn: 1, span: 'you need to understand' }] },
    { name: "that's impossible (about the report)", conversation: pair('nobody showed up for the install', "That's impossible. The system shows the visit at 10:42."), errors: [{ turn: 1, span: "That's impossible" }] },
    { name: "that's not possible (about the report)", conversation: pair('signed out everywhere, still error 1132', "Sorry to hear that, but that's not possible."), errors: [{ turn: 1, span: "that's not possible" }] },
    { name: '"Actually," aimed at the claim', conversation: pair('I was charged an overdraft fee but I had money', 'Actually, your balance was -$12 when the payment cleared.'), errors: [{ turn: 1, span: 'Actually' }] },
    { name: 'sorry you feel that way', conversation: pair('charging for the call is a rip-off', "We're sorry you feel this way. All charges are on our website."), errors: [{ turn: 1, span: 'sorry you feel this way', reason: 'Non-apology' }] },
    { name: "I'm not saying you're wrong, but…", conversation: pair('the machine leaks from below', "I'm not saying you're wrong, but it must be how it's used."), errors: [{ turn: 1, reason: 'but' }] },
    { name: 'records say otherwise', conversation: pair('I returned it on time', 'Our warehouse says otherwise: it arrived on day 34.'), errors: [{ turn: 1, span: 'says otherwise' }] },
    { name: 'the disputed charges are valid', conversation: pair("I WAS NOT IN MEXICO", 'The charges on your account are valid.'), errors: [{ turn: 1, span: 'The charges on your account are valid' }] },
    { name: 'denying the reported action', conversation: pair('your app deleted my notes', "Our app doesn't delete notes. Check your device."), errors: [{ turn: 1, span: "Our app doesn't delete" }] },
    { name: 'you should have been home', conversation: pair('My delivery was left outside in the rain.', 'You should have been home to receive it.'), errors: [{ turn: 1, span: 'You should have been home' }] },
    { name: 'you probably used it wrong', conversation: pair('The heater stopped working after a week.', 'You probably used it wrong. It works fine if you follow the instructions.'), errors: [{ turn: 1, span: 'You probably used it wrong' }] },
    { name: 'denying what the customer said it is', conversation: pair('The app is slow today.', 'The app is not slow, it must be your connection.'), errors: [{ turn: 1, span: 'The app is not slow' }] },
    { name: 'denying an action reported in an irregular past form', conversation: pair('You lost my parcel.', 'We did not lose it. It was delivered and signed for.'), errors: [{ turn: 1, span: 'We did not lose' }] },
    { name: 'denying a broken screen', conversation: pair('You broke my screen during the repair.', 'Our technician did not break it, the crack was there before.'), errors: [{ turn: 1, span: 'Our technician did not break' }] },
    { name: 'emphatic do pushing back', conversation: pair("why don't you have recurring transfers like other banks", 'We do have that facility, Anne. Please visit the Transfers page.'), errors: [{ turn: 1, span: 'We do have' }] },
    { name: 'bots are judged too', conversation: chat(['customer', 'the price on the site was wrong'], ['bot', 'You are mistaken: the price shown was correct.']), errors: [{ turn: 1, span: 'You are mistaken' }] },
    { name: 'one finding per turn stretch, later turn', conversation: chat(['customer', 'refund?'], ['agent', 'Refunds take 5 days.'], ['customer', 'it has been 9 days!'], ['agent', 'Like I told you, it takes time.']), errors: [{ turn: 3, span: 'Like I told you' }] },
    // Arabic: MSA, Egyptian, Gulf, Levantine, Maghrebi, Iraqi; Arabizi; code-switched.
    { name: 'MSA أنت مخطئ', conversation: pair('لم أطلب هذا المنتج', 'أنت مخطئ، الطلب صدر من حسابك.'), errors: [{ turn: 1, span: 'أنت مخطئ', reason: 'تخطئة' }] },
    { name: 'MSA كما ذكرت سابقاً', conversation: pair('أين التعويض؟', 'كما ذكرت سابقاً، التعويض غير مشمول.'), errors: [{ turn: 1, span: 'كما ذكرت سابقاً', reason: 'تكرار' }] },
    { name: 'MSA هذا ليس خطأنا', conversation: pair('تأخرت الشحنة أسبوعاً', 'هذا ليس خطأنا، شركة الشحن هي المسؤولة.'), errors: [{ turn: 1, span: 'ليس خطأنا' }] },
    { name: 'EGY زي ما قلتلك', conversation: pair('لسه بيفصل', 'زي ما قلتلك، لازم تعمل ريستارت.'), errors: [{ turn: 1, span: 'زي ما قلتلك' }] },
    { name: 'EGY حضرتك غلطان', conversation: pair('الفاتورة غلط', 'حضرتك غلطان، الفاتورة مظبوطة.'), errors: [{ turn: 1, span: 'حضرتك غلطان' }] },
    { name: 'EGY أكيد المشكلة في الموبايل بتاع حضرتك', conversation: pair('النت فاصل بقالي ٣ أيام', 'الشبكة شغالة تمام، أكيد المشكلة في الموبايل بتاع حضرتك.'), errors: [{ turn: 1, reason: 'لوم' }] },
    { name: 'EGY hedge with بس', conversation: pair('الميه بتنزل من تحت', 'مش هقولك إنك غلطانة، بس أكيد في حاجة في طريقة الاستخدام.'), errors: [{ turn: 1, span: 'إنك غلطانة', reason: 'لكن' }] },
    { name: 'GLF هذا مو ذنبنا', conversation: pair('الطرد تأخر', 'هذا مو ذنبنا، شركة الشحن تأخرت.'), errors: [{ turn: 1, span: 'مو ذنبنا' }] },
    { name: 'GLF هذا مستحيل', conversation: pair('وصلني جوال مستعمل!!', 'هذا مستحيل، كل أجهزتنا جديدة ومختومة.'), errors: [{ turn: 1, span: 'هذا مستحيل' }] },
    { name: 'GLF مثل ما قلت لك', conversation: pair('وين الفلوس', 'مثل ما قلت لك، ترجع خلال أسبوع.'), errors: [{ turn: 1, span: 'مثل ما قلت لك' }] },
    { name: 'LEV كان لازم تقرأ الشروط', conversation: pair('بدكن ٣٥٠ شيكل؟ الموبايل ما وقع!', 'الفحص أظهر رطوبة، وكان لازم تقرأ شروط الكفالة قبل ما تبعت الجهاز.'), errors: [{ turn: 1, span: 'كان لازم تقرأ' }] },
    { name: 'LEV متل ما قلتلك + هاد مش صح', conversation: pair('ما وصلني شي', 'هاد مش صح، ومتل ما قلتلك الطلب انسلم.'), errors: [{ turn: 1, span: 'هاد مش صح' }, { turn: 1, span: 'متل ما قلتلك' }] },
    { name: 'MAG راك غالط', conversation: pair('خلصت الفاتورة', 'راك غالط، الفاتورة باقي ما تخلصتش.'), errors: [{ turn: 1, span: 'راك غالط' }] },
    { name: 'MAG كان عليك أن تكتب', conversation: pair('كتبت ليكم نجدد وصافي', 'كان عليك أن تكتب طلبك بوضوح من البداية.'), errors: [{ turn: 1, span: 'كان عليك أن تكتب' }] },
    { name: 'IRQ مو من صوبنا', conversation: pair('الخدمة قطعت', 'مو من صوبنا، اكو مشكلة بالراوتر مالتك.'), errors: [{ turn: 1, span: 'مو من صوبنا' }] },
    { name: 'Arabizi enta ghaltan', conversation: pair('ma wasalni el talab', 'enta ghaltan, el talab et3ammal delivered.'), errors: [{ turn: 1, span: 'enta ghaltan', reason: 'تخطئة' }] },
    { name: 'Arabizi zay ma 2oltlak', conversation: pair('el charger msh shaghal', 'zay ma 2oltlak, lazem el charger el asli.'), errors: [{ turn: 1, span: 'zay ma 2oltlak' }] },
    { name: 'code-switched: Arabic reproach + English blame', conversation: pair('Attached the receipt.', 'Dear Mr. Khalifa,\nكما ذكرنا سابقاً، التعويض غير مشمول. You should have contacted us first.\n\nBest regards,\nCustomer Relations'), errors: [{ turn: 1, span: 'كما ذكرنا' }, { turn: 1, span: 'You should have contacted' }] },
    { name: 'sarcastic doubt (Tunisian)', conversation: pair('خلصتها نهار ٣، عندي الوصل!', 'ياخي انتي متأكد؟ ديما الحرفاء يقولو خلصنا.'), errors: [{ turn: 1, span: 'ياخي انتي متأكد؟' }, { turn: 1, span: 'ديما الحرفاء يقولو' }] },
    { name: 'a word-final hamza written without it: اقرا / اقرأ both match', conversation: pair('ما اشتغل', 'المفروض كنت تقرا الدليل قبل التركيب.'), errors: [{ turn: 1, span: 'المفروض كنت تقرا' }] },
    { name: 'extra phrases option', conversation: pair('why?', 'Per policy, no.'), options: { phrases: ['per policy'] }, errors: [{ turn: 1, span: 'Per policy' }] }
  ]
})

describe('no-arguing coaching and robustness', () => {
  it('writes Arabic coaching for Arabic turns, with a dialect suggestion', () => {
    const [f] = runRule(rule, pair('لسه بيفصل', 'زي ما قلتلك، لازم تعمل ريستارت.'))
    expect(f!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(f!.note).toMatch(/[\u0600-\u06FF]/)
    expect(f!.expected!.length).toBeGreaterThan(0)
    expect(f!.expected!.join(' ')).toMatch(/حضرتك|خليني/)
    expect(f!.confidence).toBeGreaterThan(0.5)
  })

  it('writes English coaching for English turns', () => {
    const [f] = runRule(rule, pair('where is it', 'As I said, it ships Monday.'))
    expect(f!.reason).toContain('"As I said"')
    expect(f!.expected!.length).toBeGreaterThan(0)
  })

  // A hang fails on the test timeout; findings are capped per turn.
  it('finishes on a 100k-character turn', () => {
    const text = 'as I said you should have read the terms زي ما قلتلك '.repeat(2000)
    const findings = runRule(rule, pair('hello', text))
    expect(findings.length).toBe(5)
    for (const f of findings) expect(f.end).toBeLessThanOrEqual(text.length)
  })

  it('survives odd Unicode', () => {
    expect(() => runRule(rule, pair('?', '\u200f\u202e\uFFFD\u0000 ﷽ 😂 ﻻ ٱ'.repeat(1000)))).not.toThrow()
  })
})

describe('no-arguing message language and prefilter', () => {
  const run = (conversation: ReturnType<typeof chat>, locale?: 'en' | 'ar') =>
    runRules(toTranscript(conversation), [{ rule, severity: 'warn', options: { ...(rule.meta.defaultOptions as object) } }], { locale })

  it('honours a forced locale', () => {
    const en = pair('you charged me twice', "You're wrong, we only charged you once.")
    const ar = pair('خصمتوا مني مرتين', 'أنت غلطان، خصمنا مرة وحدة بس.')
    expect(run(en)[0]!.reason).not.toMatch(/[\u0600-\u06FF]/)
    expect(run(en, 'ar')[0]!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(run(ar)[0]!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(run(ar, 'en')[0]!.note).not.toMatch(/[\u0600-\u06FF]/)
    expect(run(ar, 'en')[0]!.start).toBe(run(ar)[0]!.start)
  })

  it('finds the same with diacritics, tatweel and presentation forms around a trigger', () => {
    expect(run(pair('خصمتوا مني مرتين', 'أنتَ غلـــطان، خصمنا مرة وحدة.')).length).toBeGreaterThan(0)
    expect(run(pair('you charged me twice', 'YOU’RE WRONG, we only charged you once.')).length).toBeGreaterThan(0)
  })
})
