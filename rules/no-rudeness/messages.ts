/**
 * Coaching text for no-rudeness: what is wrong (reason), the tip (note) and better
 * phrasings (expected), per kind of finding, in English and Arabic. Arabic
 * suggestions follow the dialect of the trigger (or of the turn) where a natural
 * one exists; Arabizi triggers get an Arabizi suggestion.
 */
import type { Dialect } from '../../src/text/arabic/dialect.js'
import { coaching, type ArabicCoaching, type Coaching, type EnglishCoaching } from '../phrase-findings.js'

export type Kind = 'calm' | 'dismiss' | 'condescend' | 'repeat' | 'sarcasm' | 'insult' | 'profanity' | 'shouting' | 'custom'
type EnText = EnglishCoaching
type ArText = ArabicCoaching

const EN: Record<Kind, EnText> = {
  calm: {
    reason: (s) => `Tone-polices the customer: "${s}"`,
    note:
      "Telling an upset customer to calm down (or not to shout) has the opposite effect: it makes their anger the problem. Absorb the frustration, acknowledge it, and show what you are doing about its cause.",
    expected: ["I can hear how frustrating this is, and I want to fix it.", "I'm sorry this has been so stressful. Let me sort it out now."]
  },
  dismiss: {
    reason: (s) => `Dismisses the customer: "${s}"`,
    note:
      "A dismissive reply tells the customer their problem does not matter, and most unhappy customers simply leave without saying so. Own the problem, even if all you can do is point to who can solve it and follow up.",
    expected: [
      "I understand this matters to you, and I'll help you with it.",
      "That's outside what I can change myself, but here is who can: … I'll pass your case on so you don't have to repeat it."
    ]
  },
  condescend: {
    reason: (s) => `Talks down to the customer: "${s}"`,
    note:
      "Condescension (\"obviously\", \"as anyone would know\", \"read the manual\") makes the customer feel foolish for asking. Answer the question as if it were a good one; the customer may know more than you think.",
    expected: ["Good question. You'll find it under …", "No problem, here is where it is: …", "It's easy to miss. Here's how: …"]
  },
  repeat: {
    reason: (s) => `Shuts the customer down for repeating themselves: "${s}"`,
    note:
      'A customer who repeats themselves does not feel heard yet, and having to repeat is one of the most frustrating parts of support. Summarise what they told you and say what happens next.',
    expected: ["I hear you: … Here's what I'm doing about it: …", 'Thanks for bearing with me. To confirm, you …, and I am …']
  },
  sarcasm: {
    reason: (s) => `Sarcasm at the customer's expense: "${s}"`,
    note: 'Sarcasm and eye-rolls read as mockery in writing, especially to someone who is already annoyed. Stay plain and helpful.',
    expected: ['Sorry about the trouble. One thing that often helps: …', "Thanks for telling us. Let's get this working for you: …"]
  },
  insult: {
    reason: (s) => `Insulting wording toward the customer: "${s}"`,
    note:
      "Name-calling is never acceptable, whatever the customer said. Step back, apologise if needed, and return to the issue; hand the conversation over if you can't.",
    expected: ["I'm sorry, that came out wrong. Let's focus on fixing this: …", "I understand you're upset. Here is what I can do: …"]
  },
  profanity: {
    reason: (s) => `Profanity in a reply to the customer: "${s}"`,
    note: 'Swearing in a support reply is unprofessional and easily read as aimed at the customer. Say it without the swear word.',
    expected: ["I'm sorry, this has been a bad experience. Let me fix it.", "That shouldn't have happened. Here is what I'll do: …"]
  },
  shouting: {
    reason: (s) => `Shouting in capitals: "${s}"`,
    note: 'Capitals read as shouting. Write in normal case; if something really matters, say so in words or put it on a line of its own.',
    expected: ["I understand this is frustrating. Let's sort it out together.", 'One important point: …']
  },
  custom: {
    reason: (s) => `Rude wording toward the customer: "${s}"`,
    note: 'Keep a courteous tone even when the customer is not; absorb the anger and work on the cause.',
    expected: ["I'm sorry for the trouble. Here is what I can do: …"]
  }
}

const AR: Record<Kind, ArText> = {
  calm: {
    reason: (s) => `مطالبة العميل بالهدوء: «${s}»`,
    note:
      'قول «اهدأ» أو «لا داعي للصراخ» لعميل غاضب يزيد غضبه لأنه يجعل انفعاله هو المشكلة. امتصّ غضبه، واعترف بانزعاجه، وأره ما تفعله لمعالجة السبب.',
    expected: {
      MSA: ['أتفهم تماماً انزعاجك، وسأعمل على حل المشكلة الآن.', 'نعتذر عن كل هذا الإزعاج، دعني أتابع الأمر بنفسي.'],
      EGY: ['حقك تتضايق يا فندم، وأنا معاك لحد ما تتحل.'],
      GLF: ['حقك تزعل، وأنا معك لين تنحل المشكلة.'],
      LEV: ['معك حق تنزعج، وأنا معك لحتى تنحل.'],
      MAG: ['عندك الحق تتقلق، وأنا معاك حتى تتحل.'],
      IRQ: ['حقك تزعل، وآني وياك لحد ما تنحل.']
    },
    arabizi: ['7a2ak tedday2, w ana ma3ak le7ad ma tet7al.']
  },
  dismiss: {
    reason: (s) => `استخفاف بمشكلة العميل: «${s}»`,
    note:
      'الرد المستخفّ يقول للعميل إن مشكلته لا تهمّ، و٩٠٪ من العملاء غير الراضين لا يعودون. تبنَّ المشكلة، ولو كان كل ما تستطيعه هو توجيهه إلى من يحلها مع المتابعة.',
    expected: {
      MSA: ['أفهم أهمية الأمر بالنسبة لك، وسأساعدك فيه.', 'هذا خارج صلاحياتي، لكن الجهة المختصة هي …، وسأحوّل طلبك إليها حتى لا تضطر لإعادته.'],
      EGY: ['فاهم إن الموضوع مهم لحضرتك، وأنا هساعدك فيه.'],
      GLF: ['فاهم إن الموضوع يهمك، وأبشر بالمساعدة.'],
      LEV: ['فاهم إنو الموضوع بيهمك، ورح ساعدك فيه.'],
      MAG: ['فاهم بلي الموضوع مهم عندك، وغادي نعاونك فيه.'],
      IRQ: ['فاهم الموضوع يهمك، وراح أساعدك بيه.']
    },
    arabizi: ['fahem en el mawdoo3 mohem lik, w ana hasa3dak fih.']
  },
  condescend: {
    reason: (s) => `تعالٍ على العميل: «${s}»`,
    note: 'عبارات مثل «اقرأ التعليمات» أو «حتى الطفل يعرف» تُشعر العميل بالحرج من سؤاله. أجب كأن السؤال وجيه، فقد يكون العميل أعلم مما تظن.',
    expected: {
      MSA: ['سؤال في محله. ستجده في …', 'لا مشكلة، هذه الخطوات: …'],
      EGY: ['ولا يهمك، هتلاقيها في …، وده الشرح خطوة بخطوة: …'],
      GLF: ['ولا يهمك، تلقاها في …، وهذي الخطوات: …'],
      LEV: ['ولا يهمك، بتلاقيها بـ…، وهي الخطوات: …'],
      MAG: ['ماشي مشكل، غادي تلقاها ف…، وهادو هما الخطوات: …']
    },
    arabizi: ['wala yhemmak, hatla2eeha fi …, w dol el khatawat: …']
  },
  repeat: {
    reason: (s) => `إسكات العميل لأنه يكرر كلامه: «${s}»`,
    note: 'العميل الذي يكرر كلامه لم يشعر بعد أنك سمعته، والتكرار من أكثر ما يزعج العملاء. لخّص ما قاله، وقل له ما الخطوة التالية.',
    expected: {
      MSA: ['فهمت عليك: …، وهذا ما أفعله الآن: …'],
      EGY: ['فاهم حضرتك كويس: …، واللي هعمله دلوقتي: …'],
      GLF: ['فاهم عليك: …، واللي بسويه الحين: …'],
      LEV: ['فهمت عليك: …، وهلق رح …'],
      MAG: ['فهمتك مزيان: …، ودابا غادي …']
    }
  },
  sarcasm: {
    reason: (s) => `سخرية من العميل: «${s}»`,
    note: 'السخرية تُقرأ في الكتابة استهزاءً، خاصة لعميل منزعج أصلاً. التزم الوضوح واللطف.',
    expected: {
      MSA: ['نعتذر عن الإزعاج. هذا ما يمكننا فعله: …'],
      EGY: ['آسفين على الإزعاج يا فندم. اللي نقدر نعمله: …'],
      GLF: ['المعذرة منك على الإزعاج. اللي نقدر نسويه: …'],
      LEV: ['منعتذر منك عالإزعاج. هيدا اللي فينا نعمله: …'],
      MAG: ['سمح لينا على الإزعاج. هادشي اللي نقدرو نديرو: …']
    }
  },
  insult: {
    reason: (s) => `إساءة لفظية للعميل: «${s}»`,
    note: 'الإساءة للعميل غير مقبولة أياً كان ما قاله. توقّف، واعتذر إن لزم، وعد إلى المشكلة؛ وإن لم تستطع فحوّل المحادثة لزميل.',
    expected: {
      MSA: ['أعتذر عن أسلوبي، دعنا نركز على حل المشكلة: …', 'أتفهم انزعاجك. هذا ما يمكنني فعله: …'],
      EGY: ['أنا آسف على أسلوبي، خلينا نركز في حل المشكلة: …'],
      GLF: ['أعتذر منك على الأسلوب، خلنا نركز على حل المشكلة: …'],
      LEV: ['بعتذر منك عالأسلوب، خلينا نركز عحل المشكلة: …'],
      MAG: ['سمح ليا على الطريقة، خلينا نركزو على حل المشكل: …']
    },
    arabizi: ['ana asef 3ala osloobi, khalina nerakkez fi 7al el moshkela: …']
  },
  profanity: {
    reason: (s) => `ألفاظ نابية في الرد على العميل: «${s}»`,
    note: 'الألفاظ النابية في رد خدمة العملاء غير مهنية، وقد تُفهم على أنها موجهة للعميل. أعد الصياغة من دونها.',
    expected: { MSA: ['نعتذر عن هذه التجربة السيئة، وسأعمل على إصلاحها.'] }
  },
  shouting: {
    reason: (s) => `صراخ بالأحرف الكبيرة: «${s}»`,
    note: 'الأحرف الكبيرة تُقرأ صراخاً. اكتب بالحالة العادية، وإن كانت النقطة مهمة فقل ذلك بالكلمات أو ضعها في سطر مستقل.',
    expected: { MSA: ['أتفهم انزعاجك، دعنا نحل الأمر معاً.'] },
    arabizi: ['fahem enak metdaye2, khalina n7el el mawdoo3 ma3 ba3d.']
  },
  custom: {
    reason: (s) => `أسلوب غير لائق مع العميل: «${s}»`,
    note: 'حافظ على أسلوب مهذب حتى لو لم يكن العميل كذلك؛ امتصّ غضبه وعالج سبب المشكلة.',
    expected: { MSA: ['نعتذر عن الإزعاج. هذا ما يمكنني فعله: …'] }
  }
}

export function message(kind: Kind, span: string, lang: 'en' | 'ar' | 'arabizi', dialect: Dialect = 'MSA'): Coaching {
  return coaching(EN, AR, kind, span, lang, dialect)
}
