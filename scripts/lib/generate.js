// Deterministic synthetic support conversations (English and Arabic) for benchmarks.
// Written for the project; varied enough that rules take their real paths.

const CUSTOMER_EN = [
  'Hi, my order {order} still has not arrived and it was due on Monday.',
  'I was charged twice for my subscription this month, can you check?',
  'How do I change the delivery address on order {order}?',
  'The app keeps crashing when I open my invoices. This is really frustrating.',
  'Thanks, that worked!',
  'Any update on this? Still waiting.',
  'My email is {email} and the account is under that.',
  'lol ok, my cat walked on the keyboard haha',
  'Can you tell me when the refund will show on my card?'
]
const AGENT_EN = [
  "I'm sorry about the delay. Let me check with the courier and I'll update you within 24 hours.",
  "I don't know, that's not our department.",
  'Thanks for reaching out! Could you send me your order number so I can look into it?',
  'As I already told you, the refund takes 5 to 7 business days.',
  'I guarantee this will never happen again, 100%.',
  'haha no worries, happens to the best of us 😂',
  'I understand how frustrating that is. I have refunded the second charge; you will see it in 3-5 days.',
  'Done! Your address on order {order} is now updated. Anything else I can help with?',
  'Calm down, obviously you clicked the wrong button.'
]
const CUSTOMER_AR = [
  'السلام عليكم، طلبي رقم {order} ما وصل لليوم',
  'انخصم مني المبلغ مرتين هالشهر!! ليش؟',
  'كيف أغير عنوان التوصيل؟',
  'مشكور، يعطيك العافية',
  'وينكم؟ لسه محد رد علي',
  'هههه تمام ولا يهمك'
]
const AGENT_AR = [
  'نعتذر عن التأخير، بتابع مع شركة الشحن وأرجع لك خلال ساعة.',
  'ما أدري والله، هذا مو قسمنا.',
  'أهلاً بك، ممكن رقم الطلب عشان أتحقق؟',
  'زي ما قلتلك قبل، الاسترجاع ياخذ ٥ أيام عمل.',
  'أوعدك ١٠٠٪ ما تتكرر المشكلة.',
  'تم تعديل العنوان، هل تحتاج أي شيء ثاني؟'
]

export function rng(seed) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CHANNELS = ['chat', 'messaging', 'social', 'email']

/** The i-th generated conversation (same i, same conversation). */
export function conversation(i, random = rng(i * 2654435761)) {
  const arabic = random() < 0.3
  const customer = arabic ? CUSTOMER_AR : CUSTOMER_EN
  const agent = arabic ? AGENT_AR : AGENT_EN
  const pick = (list) => list[Math.floor(random() * list.length)]
  const fill = (s) => s.replace('{order}', String(10000 + (i % 90000))).replace('{email}', `user${i}@example.com`)
  const turns = []
  let t = Date.UTC(2025, 0, 1 + (i % 28), 8 + (i % 10), 0, 0)
  const n = 2 + Math.floor(random() * 6)
  for (let k = 0; k < n; k++) {
    const role = k % 2 === 0 ? 'customer' : 'agent'
    t += Math.floor(random() * 20 * 60_000)
    turns.push({
      role,
      author: role === 'agent' ? `agent-${i % 12}` : `customer-${i}`,
      at: new Date(t).toISOString(),
      text: fill(pick(role === 'customer' ? customer : agent))
    })
  }
  return { id: `gen-${i}`, channel: CHANNELS[i % CHANNELS.length], language: arabic ? 'ar' : 'en', turns }
}

export function* conversations(count, start = 0) {
  for (let i = start; i < start + count; i++) yield conversation(i)
}
