// Pre-send latency: lintDraft on a 60-word draft at the end of a 50-turn
// conversation, after warm-up, the way an editor calls it while the agent types
// (same conversation, a different draft each call). English and Arabic.
import { rng } from './generate.js'

const CUSTOMER = {
  en: [
    'Hi, my order {order} still has not arrived and it was due on Monday.',
    'I was charged twice for my subscription this month, can you check?',
    'How do I change the delivery address on order {order}?',
    'The app keeps crashing when I open my invoices. This is really frustrating.',
    'Thanks, that worked!',
    'Any update on this? Still waiting.',
    'My email is {email} and the account is under that.',
    'Can you tell me when the refund will show on my card?'
  ],
  ar: [
    'السلام عليكم، طلبي رقم {order} ما وصل لليوم',
    'انخصم مني المبلغ مرتين هالشهر!! ليش؟',
    'كيف أغير عنوان التوصيل؟',
    'مشكور، يعطيك العافية',
    'وينكم؟ لسه محد رد علي',
    'ايميلي {email} والحساب باسمي'
  ]
}
const AGENT = {
  en: [
    "I'm sorry about the delay. Let me check with the courier and I'll update you within 24 hours.",
    'Thanks for reaching out! Could you send me your order number so I can look into it?',
    'I understand how frustrating that is. I have refunded the second charge; you will see it in 3-5 days.',
    'Done! Your address on order {order} is now updated. Anything else I can help with?',
    'I have passed this to our billing team and they will email you today.'
  ],
  ar: [
    'نعتذر عن التأخير، بتابع مع شركة الشحن وأرجع لك خلال ساعة.',
    'أهلاً بك، ممكن رقم الطلب عشان أتحقق؟',
    'تم تعديل العنوان، هل تحتاج أي شيء ثاني؟',
    'حولت طلبك لفريق الفواتير وبيتواصلون معك اليوم.'
  ]
}
// About 60 words each; {n} changes on every call, as typing does.
const DRAFT = {
  en:
    "Hi Dana, thanks for waiting and sorry about the trouble with order {n}. I checked with the courier: the parcel left the depot this morning and should reach you tomorrow before noon. If it does not arrive by then, reply here and I will send a replacement right away. I have also refunded the delivery fee to your card.",
  ar:
    'أهلاً دانة، شكراً على صبرك ونعتذر عن المشكلة في الطلب رقم {n}. تواصلت مع شركة الشحن والطرد طلع من المستودع الصبح ويوصلك بكرة قبل الظهر إن شاء الله. إذا ما وصل لين هذاك الوقت رد علي هنا وبرسل لك طلب بديل على طول. وكمان رجعت لك رسوم التوصيل على البطاقة، وبتشوفها في حسابك خلال أيام قليلة بإذن الله.'
}

/** A 50-turn conversation (customer and agent alternating) in one language. */
export function conversation50(lang, seed = 7) {
  const random = rng(seed)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const fill = (s) => s.replace('{order}', '44113').replace('{email}', 'dana@example.com')
  const turns = []
  let t = Date.UTC(2025, 2, 3, 9, 0, 0)
  for (let k = 0; k < 50; k++) {
    // Customer first; the customer also has the last two turns (a follow-up), which the draft answers.
    const role = k % 2 === 0 || k === 49 ? 'customer' : 'agent'
    t += 20_000 + Math.floor(random() * 60_000)
    turns.push({ role, author: role === 'agent' ? 'Sara' : 'Dana', at: new Date(t).toISOString(), text: fill(pick(role === 'customer' ? CUSTOMER[lang] : AGENT[lang])) })
  }
  return { id: `bench-${lang}`, channel: 'chat', language: lang, turns, at: t }
}

export function draftText(lang, n) {
  return DRAFT[lang].replace('{n}', String(10000 + n))
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

/**
 * p50 and p99 (ms) of `api.lintDraft` per language.
 * @param {{lintDraft: Function}} api
 * @param {{runs?: number, warmup?: number}} [options]
 */
export function draftLatency(api, { runs = 2000, warmup = 300 } = {}) {
  const out = {}
  for (const lang of ['en', 'ar']) {
    const { at, ...conversation } = conversation50(lang)
    const sendAt = at + 60_000
    let n = 0
    const call = () => api.lintDraft({ conversation, draft: draftText(lang, n++), at: sendAt, author: 'Sara' })
    for (let i = 0; i < warmup; i++) call()
    const times = new Float64Array(runs)
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      call()
      times[i] = performance.now() - started
    }
    times.sort()
    out[lang] = { p50: quantile(times, 0.5), p99: quantile(times, 0.99), runs, rules: perRule(api, conversation, lang, sendAt) }
  }
  return out
}

/**
 * Mean milliseconds per check spent in each rule, on the conversation plus the
 * draft, with the turn analyses kept between calls as lintDraft keeps them.
 */
function perRule(api, conversation, lang, sendAt, runs = 200) {
  if (typeof api.runRules !== 'function' || typeof api.toTranscript !== 'function') return undefined
  const rules = api.createLinter().config.rules
  const analyses = []
  const base = api.toTranscript(conversation)
  const timings = new Map()
  for (let i = 0; i < runs * 2; i++) {
    if (i === runs) timings.clear()
    const draft = { role: 'agent', author: 'Sara', text: draftText(lang, i), at: new Date(sendAt).toISOString(), time: sendAt }
    api.runRules({ ...base, turns: [...base.turns, draft] }, rules, { analyses, timings })
  }
  return Object.fromEntries([...timings].sort((a, b) => b[1] - a[1]).map(([id, ms]) => [id, Number((ms / runs).toFixed(3))]))
}
