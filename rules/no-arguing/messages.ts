/**
 * Coaching text for no-arguing: what is wrong (reason), the tip (note) and better
 * phrasings (expected), per kind of finding, in English and Arabic. Arabic
 * suggestions follow the dialect of the trigger (or of the turn) where a natural
 * one exists, and Arabizi triggers get an Arabizi suggestion.
 */
import type { Dialect } from '../../src/text/arabic/dialect.js'
import { coaching, type ArabicCoaching, type Coaching, type EnglishCoaching } from '../phrase-findings.js'

export type Kind =
  | 'contradict'
  | 'doubt'
  | 'impossible'
  | 'repeat'
  | 'blame'
  | 'deflect'
  | 'lecture'
  | 'nonApology'
  | 'hedge'
  | 'actually'
  | 'emphatic'
  | 'custom'

type EnText = EnglishCoaching
type ArText = ArabicCoaching

const EN: Record<Kind, EnText> = {
  contradict: {
    reason: (s) => `Contradicts the customer: "${s}" tells them they are wrong`,
    note:
      "Even when the records disagree with the customer, saying so head-on turns a support conversation into a dispute, and unhappy customers rarely come back. Acknowledge what they went through, share what you see as information (\"here is what our system shows\"), and move on to what you can do.",
    expected: [
      "I'm sorry for the trouble. Here is what I can see on our side: … Let's work out together what happened.",
      'Thanks for explaining. Our records show …, so I would like to look into this with you. Could you send me …?'
    ]
  },
  doubt: {
    reason: (s) => `Mocks or doubts the customer's account: "${s}"`,
    note:
      'Sarcasm and "everyone says that" tell the customer they are not believed. Take the report at face value and ask for what you need to check it.',
    expected: ['Thanks for letting us know. Could you send me … so I can check it straight away?', "I'm sorry about this. Let me look into it for you now."]
  },
  impossible: {
    reason: (s) => `Dismisses what the customer reports: "${s}"`,
    note:
      'The customer is telling you what happened to them; calling it impossible tells them they are lying or mistaken. Treat the report as real and start checking.',
    expected: [
      "That shouldn't happen, and I'm sorry it did. Let me look into it right away.",
      "Thanks for letting us know. I'd like to get to the bottom of this. Could you tell me …?"
    ]
  },
  repeat: {
    reason: (s) => `Reproaches the customer for asking again: "${s}"`,
    note:
      '"As I said" tells the customer they were not listening. If they ask again, the first answer did not land: explain it again, another way, without pointing back at the earlier message.',
    expected: ['Let me put it another way: …', 'To recap where things stand: …', "Sorry if that wasn't clear: …"]
  },
  blame: {
    reason: (s) => `Blames the customer: "${s}"`,
    note:
      'Telling the customer what they should have done cannot change the past and puts them on the defensive. Fix the situation first; if a tip would help next time, offer it as help once the problem is solved.',
    expected: [
      "Let's get this sorted for you now: …",
      'I can see how that was easy to miss. Here is what I can do: …',
      'A quick tip for next time: … For now, let me …'
    ]
  },
  deflect: {
    reason: (s) => `Deflects responsibility: "${s}"`,
    note:
      "Whoever caused it, the customer came to you for help. Skip the question of blame and say what you will do, even if that is handing it to the party who can fix it and following up.",
    expected: [
      "I'm sorry this happened. Here is what I can do to help: …",
      "The delay came from …, but I'll chase it for you and update you by …"
    ]
  },
  lecture: {
    reason: (s) => `Talks down to the customer: "${s}"`,
    note:
      'Openers such as "with all due respect" or "you need to understand" announce a disagreement and put the customer on the defensive. State the information plainly and kindly, then offer the next step.',
    expected: ['Here is how this works, and what I can do for you: …', 'I hear you. The rule here is …, and this is what I can offer: …']
  },
  nonApology: {
    reason: (s) => `Non-apology: "${s}" regrets the customer's feelings instead of the problem`,
    note:
      '"Sorry you feel that way" reads as "you are overreacting". Apologise for the situation itself, or acknowledge it, and then explain.',
    expected: [
      "I'm sorry about this, and I understand it came as a surprise.",
      "I'm sorry for the frustration this has caused. Let me explain what happened and what I can do."
    ]
  },
  hedge: {
    reason: (s) => `"${s}" followed by "but" still tells the customer they are wrong`,
    note:
      '"I\'m not saying you\'re wrong, but…" is heard as "you\'re wrong". Drop the hedge and the "but": acknowledge what they say, then share what you see and what you will do.',
    expected: ['Thanks for the detail. Here is what I can see on our side, and what I will do next: …', 'I understand. Let me check this properly for you: …']
  },
  actually: {
    reason: (s) => `"${s}" opens a correction of the customer`,
    note:
      'Starting the answer with "Actually," signals "you are wrong" before the facts arrive. Lead with acknowledgement, then give the facts as information.',
    expected: ['Thanks for flagging this. Looking at your account, …', 'I can see why it looked that way. Here is what I can see: …']
  },
  emphatic: {
    reason: (s) => `Pushes back on the customer: "${s}"`,
    note:
      'An emphatic "we do…" answers the complaint by contradicting it. Acknowledge the customer\'s experience first, then show them where to find it or how it works.',
    expected: ['Sorry for the confusion. You can find it here: …', 'Thanks for raising this. Here is how it works: …']
  },
  custom: {
    reason: (s) => `Argues with the customer: "${s}"`,
    note: 'Never argue with a customer, even when they are mistaken: find out why they are upset and offer what you can.',
    expected: ["I'm sorry for the trouble. Here is what I can see, and what I can do: …"]
  }
}

const AR: Record<Kind, ArText> = {
  contradict: {
    reason: (s) => `تخطئة للعميل: «${s}» تقول له إنه مخطئ`,
    note:
      'حتى لو كانت سجلاتنا تقول غير ذلك، فإن تخطئة العميل مباشرة تحوّل المحادثة إلى جدال، والعميل غير الراضي قلّما يعود. تفهّم ما مرّ به أولاً، ثم اعرض ما يظهر في النظام كمعلومة لا كحكم، وانتقل إلى ما يمكنك فعله.',
    expected: {
      MSA: ['نعتذر عن الإزعاج. هذا ما يظهر لدينا في النظام: … دعنا نتحقق معاً مما حدث.', 'شكراً على التوضيح، سأراجع الأمر بنفسي. هل يمكنك تزويدي بـ… لأتحقق منه؟'],
      EGY: ['آسفين على اللي حصل يا فندم. اللي ظاهر عندي في السيستم …، خليني أراجع الموضوع مع حضرتك.'],
      GLF: ['المعذرة منك على الإزعاج. اللي يطلع عندي بالنظام …، خلني أتأكد لك بنفسي.'],
      LEV: ['بعتذر منك عالإزعاج. اللي مبيّن عندي عالسيستم …، خليني إتأكدلك بنفسي.'],
      MAG: ['سمح لينا على الإزعاج. اللي باين عندنا فالسيستم هو …، خليني نتأكد ليك بنفسي.'],
      IRQ: ['نعتذر منك. اللي يطلع عدنا بالنظام …، خلي أتأكدلك بنفسي.']
    },
    arabizi: ['asfin 3al iz3ag. elly zaher 3andi fel system …, khalini at2akkedlak bnafsi.']
  },
  doubt: {
    reason: (s) => `سخرية من العميل أو تشكيك في كلامه: «${s}»`,
    note: 'السخرية وعبارات مثل «كل العملاء يقولون هذا» تعني للعميل أنك لا تصدّقه. خذ بلاغه على محمل الجد واطلب ما تحتاجه للتحقق.',
    expected: {
      MSA: ['شكراً لإبلاغنا. هل يمكنك إرسال … لأتحقق من الأمر فوراً؟', 'نعتذر عن الإزعاج، سأراجع الموضوع بنفسي الآن.'],
      EGY: ['شكراً إن حضرتك بلغتنا. ممكن تبعتلي … عشان أتأكد بنفسي؟'],
      GLF: ['مشكور على التوضيح. ممكن ترسل لي … عشان أتأكد بنفسي؟'],
      LEV: ['شكراً إنك خبرتنا. فيك تبعتلي … لإتأكد بنفسي؟'],
      MAG: ['شكرا حيت علمتينا. صيفط لينا … باش نتأكدو بنفسنا.'],
      IRQ: ['شكراً لأن بلغتنا. تگدر تدزلي … حتى أتأكد بنفسي؟']
    },
    arabizi: ['shokran enak ballaghtna. momken tb3atli … 3ashan at2akked bnafsi?']
  },
  impossible: {
    reason: (s) => `استبعاد لما يبلّغ عنه العميل: «${s}»`,
    note: 'العميل يخبرك بما حدث معه؛ وصفه بالمستحيل يعني أنك تكذّبه. تعامل مع البلاغ على أنه حقيقي وابدأ التحقق.',
    expected: {
      MSA: ['هذا لا ينبغي أن يحدث، ونعتذر أنه حدث معك. سأتحقق من الأمر فوراً.', 'شكراً لإبلاغنا. هل يمكنك إرسال صورة أو رقم الطلب لنتابع الموضوع؟'],
      EGY: ['ده مش المفروض يحصل، وآسفين إنه حصل مع حضرتك. ممكن تبعتلي صورة عشان أتابع بنفسي؟'],
      GLF: ['هذا ما يفترض يصير، ونعتذر إنه صار معك. ممكن ترسل لي صورة عشان أتابع بنفسي؟'],
      LEV: ['هاد ما لازم يصير، ومنعتذر إنه صار معك. فيك تبعتلي صورة لتابع بنفسي؟'],
      MAG: ['هادشي ما خاصوش يوقع، وسمح لينا. صيفط لينا تصويرة باش نتبعو معاك.']
    },
    arabizi: ['da mesh el mafrood ye7sal, w asfin enno 7asal. momken tb3atli sora 3ashan atabe3?']
  },
  repeat: {
    reason: (s) => `لوم للعميل على تكرار السؤال: «${s}»`,
    note:
      'عبارة «كما ذكرت سابقاً» تعني للعميل أنه لم ينتبه. إن سأل مرة أخرى فالشرح الأول لم يصل؛ أعد الشرح بطريقة أخرى دون الإشارة إلى الرسالة السابقة.',
    expected: {
      MSA: ['دعني أوضح الأمر بطريقة أخرى: …', 'للتلخيص، هذا ما تم حتى الآن: …'],
      EGY: ['خليني أوضح لحضرتك بشكل تاني: …'],
      GLF: ['خلني أوضح لك بطريقة ثانية: …'],
      LEV: ['خليني وضّحلك ياها بطريقة تانية: …'],
      MAG: ['خليني نشرح ليك بطريقة أخرى: …'],
      IRQ: ['خلي أوضحلك بطريقة ثانية: …']
    },
    arabizi: ['khalini awadda7lak b tari2a tanya: …']
  },
  blame: {
    reason: (s) => `لوم للعميل: «${s}»`,
    note:
      'إخبار العميل بما كان عليه أن يفعله لا يغيّر ما حدث ويضعه في موقف الدفاع. ركّز على حل المشكلة الآن، وإن كانت هناك نصيحة للمرة القادمة فقدّمها كمساعدة بعد الحل.',
    expected: {
      MSA: ['دعنا نحل الأمر الآن: …', 'أتفهم كيف حدث ذلك. هذا ما يمكنني فعله لك: …'],
      EGY: ['ولا يهمك، خليني أحلها لحضرتك دلوقتي: …'],
      GLF: ['ولا يهمك، خلني أحلها لك الحين: …'],
      LEV: ['ولا يهمك، خليني حلّها إلك هلق: …'],
      MAG: ['ماشي مشكل، خليني نحلها ليك دابا: …'],
      IRQ: ['ولا يهمك، خلي أحلها إلك هسه: …']
    },
    arabizi: ['wala yhemmak, khalini a7ellaha lik delwa2ti: …']
  },
  deflect: {
    reason: (s) => `تنصّل من المسؤولية: «${s}»`,
    note:
      'سواء كان الخطأ من الشركة أم لا، فالعميل جاء إليك طالباً المساعدة. تجاوز سؤال «على من الخطأ» وقل له ما ستفعله، ولو كان توجيهه إلى الجهة القادرة على الحل مع المتابعة.',
    expected: {
      MSA: ['نعتذر عمّا حدث. هذا ما يمكنني فعله لمساعدتك: …', 'التأخير جاء من …، لكني سأتابعه لك بنفسي وأعود إليك قبل …'],
      EGY: ['آسفين على اللي حصل. اللي أقدر أعمله لحضرتك دلوقتي: …'],
      GLF: ['نعتذر منك على اللي صار. اللي أقدر أسويه لك الحين: …'],
      LEV: ['منعتذر منك عاللي صار. هيدا اللي فيني إعمله إلك هلق: …'],
      MAG: ['سمح لينا على داكشي. هادشي اللي نقدرو نديرو ليك دابا: …'],
      IRQ: ['نعتذر منك على اللي صار. هذا اللي أگدر أسويه إلك هسه: …']
    },
    arabizi: ['asfin 3al elly 7asal. elly a2dar a3melo lik delwa2ti: …']
  },
  lecture: {
    reason: (s) => `خطاب متعالٍ مع العميل: «${s}»`,
    note:
      'عبارات مثل «مع احترامي… بس» أو «لازم تفهم» تعلن الخلاف وتضع العميل في موقف الدفاع. قدّم المعلومة ببساطة ولطف، ثم اقترح الخطوة التالية.',
    expected: {
      MSA: ['هذه طريقة عمل الخدمة، وهذا ما يمكنني تقديمه لك: …', 'أتفهم وجهة نظرك. القاعدة هنا …، وما أستطيع فعله هو …'],
      EGY: ['فاهم حضرتك. النظام عندنا …، واللي أقدر أعمله هو …'],
      GLF: ['فاهم عليك. النظام عندنا …، واللي أقدر أسويه …'],
      LEV: ['فاهم عليك. النظام عنا …، واللي فيني إعمله …']
    }
  },
  nonApology: {
    reason: (s) => `اعتذار شكلي: «${s}» يأسف لمشاعر العميل لا للمشكلة`,
    note: '«نأسف لأنك تشعر بذلك» تُفهم على أنها «أنت تبالغ». اعتذر عن الموقف نفسه أو أقرّ به، ثم اشرح.',
    expected: {
      MSA: ['نعتذر عن هذا الموقف، ونتفهم انزعاجك.', 'نأسف للإزعاج الذي سبّبه ذلك، ودعني أوضح ما حدث وما يمكنني فعله.'],
      EGY: ['آسفين جداً على اللي حصل، وعندك حق تتضايق.'],
      GLF: ['نعتذر منك على اللي صار، ومعك حق تنزعج.'],
      LEV: ['منعتذر منك عاللي صار، ومعك حق تنزعج.']
    }
  },
  hedge: {
    reason: (s) => `«${s}» ثم «لكن»: ما زالت تخطّئ العميل`,
    note:
      'عبارة «ما أقول إنك غلطان، بس…» تصل للعميل على أنها «أنت غلطان». احذف التحفظ و«لكن»: أقرّ بما يقوله، ثم اعرض ما تراه وما ستفعله.',
    expected: {
      MSA: ['شكراً على التوضيح. هذا ما يظهر لدينا، وهذا ما سأفعله الآن: …'],
      EGY: ['تمام يا فندم، خليني أتأكد بنفسي: …'],
      GLF: ['أبشر، خلني أتأكد لك بنفسي: …'],
      LEV: ['تمام، خليني إتأكد بنفسي: …'],
      MAG: ['واخا، خليني نتأكد بنفسي: …']
    }
  },
  actually: {
    reason: (s) => `«${s}» تفتتح تصحيحاً لكلام العميل`,
    note: 'افتتاح الرد بتصحيح العميل يقول له «أنت مخطئ» قبل أن تصل المعلومة. ابدأ بالتفهّم، ثم قدّم الحقائق كمعلومة.',
    expected: { MSA: ['شكراً على التنبيه. بالاطلاع على حسابك، …'] }
  },
  emphatic: {
    reason: (s) => `ردّ يعاكس العميل: «${s}»`,
    note: 'أقرّ بتجربة العميل أولاً، ثم دلّه على مكان الخدمة أو طريقة عملها.',
    expected: { MSA: ['نعتذر عن اللبس. تجد الخدمة هنا: …'] }
  },
  custom: {
    reason: (s) => `جدال مع العميل: «${s}»`,
    note: 'لا تجادل العميل حتى لو كان مخطئاً: اعرف سبب انزعاجه وقدّم ما تستطيع.',
    expected: { MSA: ['نعتذر عن الإزعاج. هذا ما يظهر لدينا، وهذا ما يمكنني فعله: …'] }
  }
}

export function message(kind: Kind, span: string, lang: 'en' | 'ar' | 'arabizi', dialect: Dialect = 'MSA'): Coaching {
  return coaching(EN, AR, kind, span, lang, dialect)
}
