import { RuleTester } from '../../src/testing/rule-tester.js'
import rule from './index.js'

const c = (...turns: Array<[role: 'customer' | 'agent' | 'bot' | 'system', text: string]>) => ({
  turns: turns.map(([role, text]) => ({ role, text }))
})

new RuleTester().run('no-dead-end', rule, {
  valid: [
    { name: '«والله أعلم» with an update promised', conversation: c(['customer', 'متى يرجع النت؟'], ['agent', 'إن شاء الله يرجع قريب، والله أعلم، وبحدثك أول بأول']) },
    { name: '"It\'s not up to me, but I\'ve asked the team…" has a next step', conversation: c(['customer', 'when will my loan be approved?'], ['agent', "It's not up to me, but I've asked the underwriting team to prioritise it and will update you tomorrow."]) },
    { name: '"not possible on Basic, but the Family plan supports it" offers an alternative', conversation: c(['customer', 'how do I add a second user?'], ['agent', "Unfortunately that's not possible on the Basic plan, but the Family plan supports it."]) },
    { name: '"our team is working on it and we\'ll reply in DM shortly"', conversation: c(['customer', 'my order is late'], ['agent', "We don't have an update yet, but our team is working on it and we'll reply in DM shortly."]) },
    { name: '«بنحدثك» promises an update', conversation: c(['customer', 'متى ترجع الخدمة؟'], ['agent', 'ما عندنا خبر للحين، بس بنحدثك أول ما ترجع']) },
    { name: '«وبنعلمك» is a next step', conversation: c(['customer', 'متى ترجع الخدمة؟'], ['agent', 'ما عندنا خبر، وبنعلمك أول ما ترجع']) },
    { name: '«سنوافيكم بالمستجدات» is a next step', conversation: c(['customer', 'ما وضع الطلب؟'], ['agent', 'لا تتوفر لدينا معلومات حاليًا، وسنوافيكم بأي مستجدات.']) },
    { name: '"Can\'t tell you how happy…" is gratitude, "Can\'t say for sure, but I\'ll check…" has a next step', conversation: c(['customer', 'thanks!'], ['agent', "Can't tell you how happy that makes us! Can't say for sure when the next sale is, but I'll check and update you by noon."]) },
    { name: '"aren\'t something we handle" with a named team that does', conversation: c(['customer', 'can you refund the hotel too?'], ['agent', "Hotel bookings aren't something we handle, but our partner desk can on 0800 555 0100."]) },
    { name: '"not familiar with that model" and a promise to find out', conversation: c(['customer', 'does the X2 fit?'], ['agent', "I'm not familiar with the X2 yet, let me check with the team and get back to you today."]) },
    { name: '"can\'t be refunded here, but Apple can: …" refers on', conversation: c(['customer', 'can I get a refund on gems?'], ['agent', "Gem purchases can't be refunded here, but Apple can: https://reportaproblem.apple.com"]) },
    { name: '"we can\'t refund it, but the store\'s team will …"', conversation: c(['customer', 'can I return this?'], ['agent', "We can't refund it online, but the store's team will swap it for you."]) },
    { name: 'Arabizi "fik t…" is a next step', conversation: c(['customer', 'wen el shi7na?'], ['agent', 'ma 3indi 5abar, bas fik tet2akad men el site']) },
    { name: '"we don\'t sell … separately, but …" with an alternative', conversation: c(['customer', 'can I buy just the lid?'], ['agent', "We don't sell lids separately, but you can order the replacement kit here: https://example.com/kit"]) },
    { name: '"I can\'t see …, so I\'ll ask …"', conversation: c(['customer', 'where is my repair up to?'], ['agent', "I can't see what stage it's at, so I'll ask the repair team and email you by Friday."]) },
    { name: '"not able to see billing details here, so please DM us"', conversation: c(['customer', 'why was I charged twice?'], ['agent', "We're not able to see billing details over Twitter, so please DM us and we'll check."]) },
    { name: '"I honestly can\'t tell you how grateful"', conversation: c(['customer', 'thanks for sorting it!'], ['agent', "I honestly can't tell you how grateful we are for your patience."]) },
    { name: '"beyond our reach" with a referral', conversation: c(['customer', 'can you restore my save file?'], ['agent', 'Local save files are beyond our reach, but our data recovery team can help: support.example.com/recover']) },
    { name: '«حدّث التطبيق» is a next step', conversation: c(['customer', 'التطبيق ما يفتح'], ['agent', 'ما نقدر نشوف المشكلة من عندنا، حدث التطبيق من المتجر وجرب مرة ثانية.']) },
    { name: 'your admin may be able to', conversation: c(['customer', 'can you restore a file I deleted 2 months ago?'], ['agent', "Deleted files stay in the Trash for 30 days, so we can't restore it after that. Your admin may be able to recover it from version history."]) },
    // --- English: a next step in the same turn
    { name: 'find out + when', conversation: c(['customer', 'When will the blue jacket be back?'], ['agent', "I don't know offhand, but let me check with our warehouse team and get back to you within the hour."]) },
    { name: 'the customer can do it themselves', conversation: c(['customer', 'Can you reset my bank PIN?'], ['agent', "We can't reset PINs here, but you can do it in the app under Cards > PIN."]) },
    { name: 'a second verb of the same sentence', conversation: c(['customer', 'Will the jacket be restocked?'], ['agent', "We don't have a date yet and will message you the day it is back."]) },
    { name: 'an alert set for the customer', conversation: c(['customer', 'Will the jacket be restocked?'], ['agent', "We don't have a date yet, but I've set an alert on your account."]) },
    { name: "can't + alternative", conversation: c(['customer', 'Can I get a refund on this ticket?'], ['agent', "We can't refund this ticket, but we can offer a voucher for the full amount."]) },
    { name: 'not my department + named team and transfer', conversation: c(['customer', 'Why was I charged twice?'], ['agent', "That's not something I can change from chat: our Payments team handles it, and I'm transferring you to them now."]) },
    { name: 'unable + link as a route', conversation: c(['customer', 'reset my account pls'], ['agent', "We're unable to access account details here; please submit a request at https://help.example.com/requests and we'll pick it up."]) },
    { name: 'unable + number to call', conversation: c(['customer', 'question about my mortgage'], ['agent', "We can't discuss mortgage accounts on social media. Please call 0800 123 4567 and choose option 2."]) },
    { name: 'no ETA + keep you posted', conversation: c(['customer', 'any news on the outage?'], ['agent', "We don't have an ETA yet, but I'll keep you posted as soon as the engineers report back."]) },
    { name: 'not sure + question that moves on', conversation: c(['customer', "My invoice looks off"], ['agent', "I'm not sure which invoice you mean. Is it the one from March or April?"]) },
    { name: 'bot hands over to a person', conversation: c(['customer', 'refund please'], ['bot', "Sorry, I can't help with refunds. Connecting you to a member of our team now."]) },
    { name: 'DM us', conversation: c(['customer', '@Shop where is my order'], ['agent', '@sam_k We have no information on that here, sorry! DM us your order number and we will chase it.']) },
    // --- English: GUIDE "Not" clauses and traps
    { name: 'gratitude idiom', conversation: c(['customer', 'Thanks for sorting the seats!'], ['agent', "Honestly, I don't know how to thank you enough for your patience today!"]) },
    { name: "'not sure if you've tried' suggestion", conversation: c(['customer', 'Page still shows the old plan'], ['agent', "Not sure if you've logged out and back in since the change — could you give that a go?"]) },
    { name: 'quoted words are not the agent’s own', conversation: c(['customer', 'Your call centre was useless'], ['agent', "I'm sorry you were told 'I don't know' on the phone. Could you send us your booking reference so we can sort it?"]) },
    { name: "second person 'no idea'", conversation: c(['customer', 'love the new app'], ['agent', 'You have no idea how much we appreciate this!']) },
    { name: "a bare 'that's not possible' disputes (no-arguing), it is not a dead end", conversation: c(['customer', 'the parcel never came'], ['agent', "That's not possible, the tracking shows it was signed for at your door."]) },
    { name: 'customer turns are not judged', conversation: c(['customer', "I don't know what my order number is."], ['agent', 'No problem — the e-mail address on the order works too. What is it?']) },
    { name: 'system turns are not judged', conversation: c(['customer', 'hello?'], ['system', 'Agent could not be reached. There is nothing we can do.']) },
    { name: 'quoted e-mail history is not judged', conversation: c(['customer', 'Please look again at my claim.'], ['agent', 'Dear Ms. Lee,\n\nI have escalated your claim to our Claims team, who will reply within 2 working days.\n\nOn Mon, 3 Jun 2024, Support wrote:\n> Unfortunately there is nothing we can do.']) },
    { name: "'can't make any promises' is honest hedging", conversation: c(['customer', 'will the show come back?'], ['agent', "We can't make any promises about next season, sadly."]) },
    // --- Arabic
    { name: 'MSA gratitude idiom', conversation: c(['customer', 'شكرًا على المساعدة'], ['agent', 'لا أعرف كيف أشكرك على صبرك، يومك سعيد.']) },
    { name: 'مدريد is not مدري', conversation: c(['customer', 'أبغى أغير الحجز'], ['agent', 'تم تأكيد حجزك إلى مدريد يوم الخميس، رقم الحجز KX44.']) },
    { name: 'ما أعرفه is "what I know"', conversation: c(['customer', 'وين طلبي؟'], ['agent', 'ما أعرفه حتى الآن أن الطلب خرج من المستودع أمس.']) },
    { name: 'EGY cannot + alternative + question', conversation: c(['customer', 'عايز فلوسي كاش'], ['agent', 'مينفعش نرجع الفلوس كاش، بس نقدر نحولها رصيد في محفظتك، يناسبك؟']) },
    { name: 'GLF dunno + let me check', conversation: c(['customer', 'متى يوصل الطلب؟'], ['agent', 'ما أدري والله، بس خلني أتأكد من القسم وأرجع لك اليوم.']) },
    { name: 'LEV thanks idiom', conversation: c(['customer', 'يسلمو كتير'], ['agent', 'ما بعرف كيف بدي إشكرك، نهارك سعيد 🌸']) },
    { name: "EGY 'not sure if you tried'", conversation: c(['customer', 'النت فاصل'], ['agent', 'مش متأكدين إذا جربت تعمل ريستارت للراوتر، ممكن تجربه وتقولنا النتيجة؟']) },
    { name: 'MAG cannot + where to go', conversation: c(['customer', 'بغيت نبدل العقد'], ['agent', 'ما نقدرش نبدلو العقد من هنا، تقدر تمشي لأقرب وكالة بالبطاقة ديالك.']) },
    { name: 'IRQ no authority + hotline', conversation: c(['customer', 'شوكت موعدي؟'], ['agent', 'ما عندي صلاحية أشوف المواعيد من هنا، تكدر تتصل بالخط الساخن 5599.']) },
    { name: 'MSA cannot confirm + will notify', conversation: c(['customer', 'كم المبلغ النهائي؟'], ['agent', 'لا أستطيع تأكيده الآن، لكن سأرسل لك رسالة فور صدور القرار.']) },
    { name: 'third-party will contact you', conversation: c(['customer', 'ابي استرجع المبلغ'], ['agent', 'هذا مو من اختصاصنا، بس رفعت طلبك وبيتواصل معك قسم المالية اليوم.']) },
    { name: 'Arabizi dunno + will check', conversation: c(['customer', 'el order fein?'], ['agent', 'mesh 3aref el sara7a, bas han-check m3a el team w arga3lak.']) },
    { name: "«مش ممكن» after a report disputes (no-arguing), it is not a dead end", conversation: c(['customer', 'الجهاز وصلني مستعمل'], ['agent', 'مش ممكن، كل أجهزتنا مختومة من المصنع.']) },
    { name: 'لا يسعني إلا … is thanks', conversation: c(['customer', 'شكرًا جزيلًا'], ['agent', 'لا يسعني إلا أن أشكرك على صبرك.']) },
    { name: '"our billing team handles refunds" with a hand-over is a referral', conversation: c(['customer', 'where is my refund?'], ['agent', "I'm not sure, our billing team handles refunds and I'll pass this to them now."]) },
    { name: '"the courier can help" points the customer on', conversation: c(['customer', 'where is my parcel?'], ['agent', "I don't know, but the courier can help: call them on 0800 123 456."]) },
    { name: 'a named referral after a refusal', conversation: c(['customer', 'Can you fix my broadband?'], ['agent', "That's handled by a different team — our Broadband Support line is 0800 555 0101, open until 8pm."]) },
    // --- options
    { name: 'allow', options: { allow: ['not my department'] }, conversation: c(['customer', 'can you fix my bill?'], ['agent', "That's not my department, I'm afraid."]) },
    { name: 'extra next steps', options: { nextSteps: ['concierge desk'] }, conversation: c(['customer', 'where can I rent a bike?'], ['agent', "I don't know, sorry. The concierge desk is open around the clock."]) }
  ],
  invalid: [
    { name: '«الله أعلم» as the whole answer', conversation: c(['customer', 'متى يرجع النت؟'], ['agent', 'الله أعلم']), errors: [{ turn: 1 }] },
    { name: '"It\'s not up to me, sorry."', conversation: c(['customer', 'when will my loan be approved?'], ['agent', "It's not up to me, sorry."]), errors: [{ turn: 1 }] },
    { name: '"Your guess is as good as mine."', conversation: c(['customer', "where's my order?"], ['agent', 'Your guess is as good as mine.']), errors: [{ turn: 1 }] },
    { name: '"but the store has nothing either" is no alternative', conversation: c(['customer', 'can I get it in blue?'], ['agent', "That's not possible, but the store has nothing either."]), errors: [{ turn: 1 }] },
    { name: 'Arabizi "ma3andi fekra" written glued', conversation: c(['customer', 'wein el talab?'], ['agent', 'ma3andi fekra']), errors: [{ turn: 1 }] },
    { name: 'a formal «نفيدكم بأنه…» reports, it promises nothing', conversation: c(['customer', 'ما وضع طلب التأشيرة؟'], ['agent', 'نفيدكم بأنه لا تتوفر لدينا أي معلومات إضافية حاليًا.']), errors: [{ turn: 1 }] },
    { name: '"Couldn\'t tell you, sorry." as a fragment', conversation: c(['customer', "where's my refund?"], ['agent', "Couldn't tell you, sorry."]), errors: [{ turn: 1 }] },
    { name: '"the courier handles that": saying whose job it is gives no next step', conversation: c(['customer', "my parcel says delivered but it isn't here"], ['agent', "I don't know where it is. The courier handles that."]), errors: [{ turn: 1 }] },
    { name: 'Egyptian «معرفش، ممكن تكون أي حاجة»: "could be anything" is no next step', conversation: c(['customer', 'النت بيقطع ليه؟'], ['agent', 'والله معرفش يا فندم، ممكن تكون أي حاجة']), errors: [{ turn: 1 }] },
    { name: '"aren\'t something we can help with"', conversation: c(['customer', 'can you fix my mortgage offer?'], ['agent', "Mortgage offers aren't something we can help with here, I'm afraid."]), errors: [{ turn: 1 }] },
    { name: '"… aren\'t something we handle" and "something I\'m able to arrange"', conversation: c(['customer', 'can you refund the hotel too?'], ['agent', "Hotel bookings aren't something we handle, I'm afraid."]), errors: [{ turn: 1 }] },
    { name: '"no way for us to reverse it"', conversation: c(['customer', 'please reverse the late fee'], ['agent', "Without the receipt there's no way for us to reverse it."]), errors: [{ turn: 1 }] },
    { name: '"I\'m not really across that" with nothing after', conversation: c(['customer', 'how do the webhooks retry?'], ['agent', "I'm not really across the developer side, sorry."]), errors: [{ turn: 1 }] },
    { name: '"can\'t say when" as a fragment', conversation: c(['customer', 'when will my area get signal back?'], ['agent', 'Nothing new on our side, so can\'t say when.']), errors: [{ turn: 1 }] },
    { name: '"I can\'t see … from here"', conversation: c(['customer', 'which pharmacies have it in stock?'], ['agent', "I'm afraid I can't see store stock from here."]), errors: [{ turn: 1 }] },
    { name: '"not a fortune teller" and "back when it\'s back"', conversation: c(['customer', 'when is the app back up?'], ['agent', "I'm not a fortune teller. It'll be back when it's back."]), errors: [{ turn: 1 }] },
    { name: '"not something we\'d know about"', conversation: c(['customer', 'is the festival bus running?'], ['agent', "Not something we'd know about tbh."]), errors: [{ turn: 1 }] },
    { name: 'a passive refusal: "can\'t be refunded" and nothing else', conversation: c(['customer', 'can I get a refund on gems?'], ['agent', "Sorry, gem purchases can't be refunded."]), errors: [{ turn: 1 }] },
    { name: 'Arabizi "ma 3indi 5abar" after a greeting with "fik"', conversation: c(['customer', 'wen el shi7na?'], ['agent', 'hala fik. ma 3indi 5abar 3an el shi7na']), errors: [{ turn: 1 }] },
    { name: '«ما عندنا خبر» and nothing else', conversation: c(['customer', 'متى يرجع المنتج؟'], ['agent', 'والله ما عندنا خبر.']), errors: [{ turn: 1 }] },
    { name: '"we don\'t hold … info"', conversation: c(['customer', 'how busy will the 9am ferry be?'], ['agent', "We don't hold passenger number info for sailings."]), errors: [{ turn: 1, span: "We don't hold passenger number info" }] },
    { name: '"not something we\'ve got details on"', conversation: c(['customer', 'when does the new model come out?'], ['agent', "Not something we've got details on, sorry."]), errors: [{ turn: 1 }] },
    { name: '"I can\'t see where …" and nothing else', conversation: c(['customer', 'where is my repair up to?'], ['agent', "Sorry, I can't see where the repair is up to from here."]), errors: [{ turn: 1 }] },
    { name: '"we don\'t sell … separately"', conversation: c(['customer', 'can I buy just the lid?'], ['agent', "We don't sell lids separately, unfortunately."]), errors: [{ turn: 1 }] },
    { name: '"not able to see billing details over Twitter"', conversation: c(['customer', 'why was I charged twice?'], ['agent', "Sorry about the surprise charge. We're not able to see billing details over Twitter I'm afraid."]), errors: [{ turn: 1 }] },
    { name: '"I honestly couldn\'t tell you why"', conversation: c(['customer', 'why is my refund taking so long?'], ['agent', "Sorry, I honestly couldn't tell you why it's taking this long."]), errors: [{ turn: 1 }] },
    { name: '"Haven\'t the foggiest"', conversation: c(['customer', 'when is the update out?'], ['agent', "Haven't the foggiest, sorry."]), errors: [{ turn: 1 }] },
    { name: '"aren\'t handled by this department"', conversation: c(['customer', 'I want a refund for my ticket'], ['agent', "Refunds aren't handled by this department."]), errors: [{ turn: 1 }] },
    { name: '"beyond our reach"', conversation: c(['customer', 'can you restore my save file?'], ['agent', 'Local save files are beyond our reach, unfortunately.']), errors: [{ turn: 1 }] },
    { name: '«لما حدث» (what happened) is no imperative «حدّث»', conversation: c(['customer', 'طلبت استرداد المبلغ'], ['agent', 'نأسف لما حدث، لكن لا يمكننا فعل أي شيء بخصوص هذا الأمر.']), errors: [{ turn: 1 }] },
    { name: 'Maghrebi Arabizi: "ma3andnach des informations"', conversation: c(['customer', 'salam, wach kayn chi promo?'], ['agent', 'salam khouya, ma3andnach des informations 3la had echi.']), errors: [{ turn: 1 }] },
    { name: '"outside what I can do"', conversation: c(['customer', 'can you change the name on my ticket?'], ['agent', "That's outside what I can do, I'm afraid."]), errors: [{ turn: 1 }] },
    { name: '"isn\'t something we handle"', conversation: c(['customer', 'I left my jacket at the concert, can you help me get it back?'], ['agent', "Thanks for getting in touch. Lost property isn't something we handle."]), errors: [{ turn: 1 }] },
    { name: 'what the stock will do is not a next step', conversation: c(['customer', 'When will it be back?'], ['agent', "I don't know. It is out of stock and will be restocked at some point."]), errors: [{ turn: 1 }] },
    // --- English
    { name: 'bare no idea', conversation: c(['customer', 'when is the sale?'], ['agent', 'Honestly, no idea.']), errors: [{ turn: 1, span: 'no idea' }] },
    { name: 'not my department', conversation: c(['customer', 'My bill is wrong'], ['agent', "I'm afraid that's not my department."]), errors: [{ turn: 1, span: 'not my department' }] },
    { name: 'unable to help', conversation: c(['customer', 'Can you change my holiday booking?'], ['agent', "Unfortunately we're unable to help with holiday bookings, sorry."]), errors: [{ turn: 1, span: "we're unable to help" }] },
    {
      name: 'e-mail: no information, signature ignored',
      conversation: c(['customer', 'When does the new tariff start?'], ['agent', "Dear Sam,\n\nThanks for your email. We don't have any information about the start date at this time.\n\nKind regards,\nCustomer Care"]),
      errors: [{ turn: 1, span: "We don't have any information", reason: 'no next step' }]
    },
    { name: "there's nothing more we can do", conversation: c(['customer', 'Can the late fee go?'], ['agent', "There's nothing more we can do about the late fee."]), errors: [{ turn: 1 }] },
    { name: 'bot without a handover', conversation: c(['customer', 'what is the roaming price in Peru?'], ['bot', "I don't have details on that."]), errors: [{ turn: 1, span: "I don't have details" }] },
    { name: "I'm not sure why", conversation: c(['customer', 'Why did my payment fail?'], ['agent', "I'm sorry about that. I'm not sure why your payment failed."]), errors: [{ turn: 1, span: "I'm not sure" }] },
    { name: 'falls outside our scope', conversation: c(['customer', 'Can you advise on my tax return?'], ['agent', 'That request falls outside our scope.']), errors: [{ turn: 1, span: 'falls outside' }] },
    { name: "a generic 'anything else?' is not a next step", conversation: c(['customer', 'Please send it to my office instead'], ['agent', "We can't change the delivery address once it has shipped. Is there anything else I can help with?"]), errors: [{ turn: 1 }] },
    { name: 'a bare details link is not a referral', conversation: c(['customer', 'do you sell Hexa parts?'], ['agent', 'We are not an authorised reseller for that brand. Details: https://example.com/brands']), errors: [{ turn: 1 }] },
    { name: 'only the dead-end turn is reported', conversation: c(['customer', 'is the app down?'], ['agent', 'Let me check for you.'], ['customer', 'and?'], ['agent', 'No clue, sorry.']), errors: [{ turn: 3, span: 'No clue' }] },
    { name: "a bare 'not possible' refusing a request", conversation: c(['customer', 'Can I change the name on my ticket?'], ['agent', "I'm afraid that's not possible."]), errors: [{ turn: 1, span: "that's not possible" }] },
    { name: 'a vague hand-off is not a referral', conversation: c(['customer', 'Why is my pension payment late?'], ['agent', "You'll need to contact another department for that."]), errors: [{ turn: 1, span: 'another department' }] },
    // --- Arabic (dialects, Arabizi, code-switching)
    { name: 'MSA we do not know', conversation: c(['customer', 'متى يتوفر المنتج؟'], ['agent', 'نعتذر، لا نعلم متى سيعود المنتج إلى المخزون.']), errors: [{ turn: 1, span: 'لا نعلم', reason: 'لا' }] },
    { name: 'EGY dunno', conversation: c(['customer', 'الطلب اتأخر ليه؟'], ['agent', 'معرفش والله يا فندم.']), errors: [{ turn: 1, span: 'معرفش' }] },
    { name: 'GLF not our remit', conversation: c(['customer', 'شنطتي ضاعت بالمطار'], ['agent', 'هذا مو من اختصاصنا.']), errors: [{ turn: 1 }] },
    { name: 'LEV we cannot do anything', conversation: c(['customer', 'بدي حل للمشكلة'], ['agent', 'ما فينا نعمل شي بهالموضوع.']), errors: [{ turn: 1, span: 'ما فينا' }] },
    { name: 'MAG we do not know why', conversation: c(['customer', 'علاش ما تشارجاتش البطاقة؟'], ['agent', 'ما نعرفش علاش وقع هاد المشكل.']), errors: [{ turn: 1, span: 'ما نعرفش' }] },
    { name: 'IRQ dunno + not my job', conversation: c(['customer', 'شلون انسحب رصيدي؟'], ['agent', 'ما أدري شلون صارت، هاي مو شغلي.']), errors: [{ turn: 1, span: 'ما أدري' }] },
    { name: 'MSA bot cannot help', conversation: c(['customer', 'أريد تعديل طلبي'], ['bot', 'عذراً، لا يمكنني المساعدة في هذا الطلب.']), errors: [{ turn: 1, span: 'لا يمكنني' }] },
    { name: 'Arabizi dunno', conversation: c(['customer', 'el refund hayenzel emta?'], ['agent', 'mesh 3arfa walahi ya fandem.']), errors: [{ turn: 1, span: 'mesh 3arfa' }] },
    { name: 'code-switched no information', conversation: c(['customer', 'When is the restock?'], ['agent', 'Sorry, ما عندنا أي معلومات about the restock date.']), errors: [{ turn: 1 }] },
    { name: 'LEV no update', conversation: c(['customer', 'إيمتى بترجع الخدمة؟'], ['agent', 'ما عنا أي تحديث عن موعد رجوع الخدمة حالياً.']), errors: [{ turn: 1 }] },
    { name: 'MSA generic closer does not rescue', conversation: c(['customer', 'غيّروا العنوان لو سمحتم'], ['agent', 'لا نستطيع تغيير العنوان بعد الشحن. هل هناك شيء آخر أستطيع مساعدتك فيه؟']), errors: [{ turn: 1, span: 'لا نستطيع' }] },
    { name: 'MSA formal refusal', conversation: c(['customer', 'أرجو تمديد مهلة السداد'], ['agent', 'نعتذر عن عدم إمكانية تلبية طلبك.']), errors: [{ turn: 1 }] },
    { name: 'MSA «غير ممكن» refusing a request', conversation: c(['customer', 'ممكن أرجع المنتج بعد شهر؟'], ['agent', 'لا، غير ممكن.']), errors: [{ turn: 1, span: 'غير ممكن' }] },
    { name: 'not available in your area', conversation: c(['customer', 'بدي اشترك بالألياف'], ['agent', 'للأسف هالخدمة غير متوفرة حالياً بمنطقتك.']), errors: [{ turn: 1 }] },
    { name: 'vague hand-off in Arabic', conversation: c(['customer', 'عندي مخالفة غلط'], ['agent', 'عليك التواصل مع جهة أخرى.']), errors: [{ turn: 1 }] },
    { name: 'MSA outside remit', conversation: c(['customer', 'أريد تعويضًا عن الضرر'], ['agent', 'نعتذر عن ذلك. هذا الأمر خارج نطاق صلاحياتنا.']), errors: [{ turn: 1 }] }
  ]
})

describe('no-dead-end robustness', () => {
  // A hang fails on the test timeout; the dead end is reported once, where it first occurs.
  it('finishes on a 100k-character turn', async () => {
    const { runRule } = await import('../../src/testing/rule-tester.js')
    const long = ("I don't know " + 'a'.repeat(50) + ' ').repeat(1600) + 'ما أدري '.repeat(2000) + '\u200f\u0640'.repeat(5000)
    const findings = runRule(rule, c(['customer', 'hi'], ['agent', long]))
    expect(findings.map((f) => [f.turn, long.slice(f.start, f.end)])).toEqual([[1, "I don't know"]])
  })
  it('gives Arabic coaching for an Arabic turn and English for an English one', async () => {
    const { runRule } = await import('../../src/testing/rule-tester.js')
    const [ar] = runRule(rule, c(['customer', 'سؤال'], ['agent', 'ما بعرف.']))
    expect(ar!.reason).toMatch(/[\u0600-\u06FF]/)
    expect(ar!.expected!.join(' ')).toMatch(/خليني|رح/)
    const [en] = runRule(rule, c(['customer', 'Why?'], ['agent', "I'm not able to overturn automated bans from chat."]))
    expect(en!.expected![0]).toContain('overturn automated bans from chat')
  })
  it('follows a configured locale', async () => {
    const { resolveConfig } = await import('../../src/config/resolve.js')
    const { runRules } = await import('../../src/engine/run-rules.js')
    const { toTranscript } = await import('../../src/testing/rule-tester.js')
    const { rules } = resolveConfig({ config: { rules: { [rule.meta.id]: 'warn' } }, plugins: [{ name: 'test', rules: { [rule.meta.id]: rule } }] })
    const [inEnglish] = runRules(toTranscript(c(['customer', 'سؤال'], ['agent', 'ما بعرف.'])), rules, { locale: 'en' })
    expect(inEnglish!.note).toMatch(/^[A-Za-z]/)
    const [inArabic] = runRules(toTranscript(c(['customer', 'Why?'], ['agent', "I don't know."])), rules, { locale: 'ar' })
    expect(inArabic!.note).toMatch(/^[\u0600-\u06FF]/)
  })
})
