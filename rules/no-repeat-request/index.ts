/**
 * no-repeat-request: the agent asks the customer for a detail the customer
 * already gave earlier in the conversation (order/booking/ticket number, e-mail,
 * phone, account name, serial or model, address …). The diagnostic sits on the
 * agent (or bot) turn, at the request phrase.
 *
 * Two parts, each its own module: extract.ts reads what each customer turn gave,
 * by kind; requests.ts finds where an agent turn asks for a kind. A request is
 * flagged when a detail that answers it was given before that turn, unless the
 * agent asks for a different one ("the other parcel") or reads the value back
 * to confirm it ("is 5512 the right number?").
 */
import { defineRule } from '../../src/engine/define-rule.js'
import { messageLanguage } from '../../src/text/language.js'
import { compilePhrases } from '../../src/text/phrases.js'
import type { OptionSchema, Transcript, Turn } from '../../src/types.js'
import { docsUrl } from '../docs-url.js'
import { leadingHandles, nextCustomerOpening } from '../next-reply.js'
import { extractGiven, foldDigits, type Given } from './extract.js'
import { answers, isKind, KINDS, NAME, type Kind, type RequestKind } from './kinds.js'
import { findRequests, type Request } from './requests.js'
import en from './lexicon.en.json' with { type: 'json' }
import ar from './lexicon.ar.json' with { type: 'json' }

export { extractGiven, type Given } from './extract.js'
export { findRequests, type Request } from './requests.js'

export interface NoRepeatRequestOptions {
  /** Phrases never flagged (matched against the request phrase and its sentence). */
  allow: string[]
  /** Kinds of detail to check; all by default. */
  kinds: Kind[]
}

const schema: OptionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: { type: 'string' }, description: 'Phrases never flagged' },
    kinds: { type: 'array', items: { type: 'string', enum: KINDS }, description: 'Kinds of detail to check' }
  }
}

const defaultOptions: Record<string, unknown> = { allow: [], kinds: [...KINDS] }

const allowCache = new Map<string, ReturnType<typeof compilePhrases>>()
function allowMatcher(list: string[]) {
  const key = JSON.stringify(list)
  let m = allowCache.get(key)
  if (!m) {
    m = compilePhrases(list)
    if (allowCache.size > 32) allowCache.clear()
    allowCache.set(key, m)
  }
  return m
}

const squash = (s: string) => foldDigits(s).toLowerCase().replace(/[^a-z0-9@\u00C0-\u024F\u0621-\u064A]/g, '')

/** Kind and squashed value of a given detail (two with the same key are one detail), kept per memoised detail. */
const givenKeyCache = new WeakMap<Given, string>()
function givenKey(g: Given): string {
  let key = givenKeyCache.get(g)
  if (key === undefined) givenKeyCache.set(g, (key = `${g.kind}\u0000${squash(g.value)}`))
  return key
}

/** The agent's text, prepared once per turn for value look-ups. */
interface Prepared {
  squashed: string
  folded: string
}
const prepare = (text: string): Prepared => ({ squashed: squash(text), folded: foldDigits(text) })

/** Does the agent's text already quote the value (reading it back to confirm)? */
export function quotesValue(agentText: string | Prepared, value: string): boolean {
  const p = typeof agentText === 'string' ? prepare(agentText) : agentText
  const v = squash(value)
  if (v.length < 3) return false
  if (v.length >= 4 && p.squashed.includes(v)) return true
  const digits = foldDigits(value).replace(/\D/g, '')
  if (digits.length >= 6) {
    // "the number ending 4567", «الرقم المنتهي بـ 4567»
    const last4 = digits.slice(-4)
    return new RegExp(`(?<!\\d)${last4}(?!\\d)`).test(p.folded)
  }
  if (v.length === 3) return new RegExp(`(?<![a-z0-9])${v}(?![a-z0-9])`, 'i').test(p.folded)
  return false
}

/** The customer says they gave it already: "it's in my tweet", "I just typed it", «كتبته فوق». */
const ALREADY_GIVEN = compilePhrases([...en.alreadyGiven, ...ar.alreadyGiven])
/** How far into the customer's answer that counts: it opens the answer. */
const ALREADY_REACH = 120
/** A sentence that asks the customer for something, when no kind of detail was recognised in it. */
const ASKS = /[?؟]|\b(?:could|can|would|will)\s+(?:you|u)\b|\bplease\s+(?:send|give|provide|share|confirm|dm|tell|let\s+us\s+know)\b|(?<![\u0621-\u064A])(?:ممكن|ابعت|ارسل|عطني|عطيني|اعطني|ابعث|دزلي)|\bpourriez\b|\benvoy/iu

/** The customer's answer right after agent turn `i`, when it opens by saying they gave it already. */
function alreadyGivenAfter(turns: Transcript['turns'], i: number): string | undefined {
  const next = nextCustomerOpening(turns, i, ALREADY_REACH)
  const m = next && ALREADY_GIVEN.find(next.text)[0]
  return m && next!.text.slice(m.start, m.end)
}

/** At most this many distinct details are remembered per conversation (hostile inputs). */
const MAX_GIVEN = 200

function where(transcript: Transcript, g: Given): { en: string; ar: string } {
  const firstCustomer = transcript.turns.findIndex((t) => t.role === 'customer')
  return g.turn === firstCustomer ? { en: 'your first message', ar: 'رسالتك الأولى' } : { en: 'your earlier message', ar: 'رسالتك السابقة' }
}

function expectedEn(kind: RequestKind, g: Given, place: string, isPrivate: boolean): string[] {
  const v = g.value
  const name = NAME[g.kind].en
  const first =
    g.kind === 'order' ? `I can see order ${v} in ${place} — let me pull it up.`
    : g.kind === 'booking' ? `I can see booking ${v} in ${place} — let me pull it up.`
    : g.kind === 'platform' ? `I can see you're playing on ${v} from ${place} — let me check that for you.`
    : g.kind === 'address' ? `I have the address from ${place}, ${v} — checking it now.`
    : g.kind === 'email' ? `I have your e-mail from ${place}, ${v} — let me look up the account.`
    : g.kind === 'phone' ? `I have your number from ${place}, ${v} — checking it now.`
    : `I can see the ${name} ${v} in ${place} — let me look it up.`
  const out = [first, `Just to confirm: is ${v} the right ${kind === g.kind ? name : NAME[kind].en}?`]
  if (isPrivate) out.push(`We already have ${v} from ${place}, so no need to send it again; for your privacy you may want to delete the public post.`)
  return out
}

function expectedAr(kind: RequestKind, g: Given, place: string, isPrivate: boolean): string[] {
  const v = g.value
  const name = NAME[g.kind].ar
  const first =
    g.kind === 'platform' ? `أرى في ${place} أنك تلعب على ${v}، دعني أتحقق من ذلك.`
    : g.kind === 'address' ? `لدينا العنوان من ${place}: ${v}، وسأراجعه الآن.`
    : `أرى ${name} ${v} في ${place}، وسأراجعه الآن.`
  const confirmWord = g.kind === 'platform' ? 'هي' : 'هو'
  const out = [first, `للتأكيد فقط: هل ${v} ${confirmWord} ${kind === g.kind ? name : NAME[kind].ar} الصحيح؟`]
  if (isPrivate) out.push(`لدينا ${v} من ${place}، فلا داعي لإرساله مرة أخرى، ويمكنك حذف المنشور العام حفاظاً على خصوصيتك.`)
  return out
}

const NOTE_EN =
  'Making a customer repeat a detail tells them nobody read their message: the source we rely on (003) finds that 85% of customers are annoyed every single time they have to say something twice. Scroll back (and read the transfer notes) before asking; if you need to check a detail, read back the value they gave and ask them to confirm it.'
const NOTE_AR =
  'طلب معلومة سبق أن أعطاها العميل يُشعره بأن أحداً لم يقرأ رسالته؛ ويذكر المصدر (003) أن 85% من العملاء ينزعجون في كل مرة يُضطرون فيها إلى تكرار ما قالوه. راجع الرسائل السابقة (وملاحظات التحويل) قبل أن تطلب أي معلومة، وإن احتجت إلى التحقق فاذكر القيمة التي أعطاها واطلب منه تأكيدها.'

function confidence(r: Request, g: Given): number {
  let c = 0.9
  if (r.form === 'tail' || r.form === 'short' || r.form === 'resend') c = 0.75
  if (r.kind === 'contact' || r.kind === 'accountDetails' || r.kind === 'platform' || r.kind === 'url') c = Math.min(c, 0.7)
  if (!g.cue) c -= 0.05
  return Math.round(c * 100) / 100
}

/** What an agent turn asked for, as kinds of detail, with the key its answer's memo is kept under. */
interface Asked {
  kinds: Kind[]
  /** Key of the next customer turn's given details (they depend on what was asked). */
  givenKey: string
}
const NOTHING_ASKED: Asked = { kinds: [], givenKey: 'no-repeat-request:given:' }

function widen(k: RequestKind): Kind[] {
  return k === 'contact' ? ['email', 'phone'] : k === 'accountDetails' ? ['account', 'username'] : isKind(k) ? [k] : []
}

function askedFor(requests: readonly Request[]): Asked {
  const kinds = [...new Set(requests.filter((r) => !r.different).flatMap((r) => widen(r.kind)))]
  return { kinds, givenKey: `no-repeat-request:given:${kinds.join(',')}` }
}

export default defineRule<NoRepeatRequestOptions>({
  meta: {
    id: 'no-repeat-request',
    description: 'The agent asks for a detail the customer already gave in this conversation (order number, e-mail, phone, account, serial, address …)',
    recommended: 'warn',
    url: docsUrl('no-repeat-request'),
    schema,
    defaultOptions,
    judges: ['agent', 'bot'],
    languages: ['en', 'ar']
  },
  check(context) {
    const { transcript, options } = context
    const kinds = new Set<Kind>(options.kinds ?? KINDS)
    const allow = options.allow?.length ? allowMatcher(options.allow) : undefined
    let given: Given[] = []
    /** Keys of `given` (see givenKey). */
    let givenKeys = new Set<string>()
    // Kinds the last agent/bot turn asked for (and their memo key): a bare answer to them counts as given.
    let lastAsked: Asked = NOTHING_ASKED

    const turns = transcript.turns
    // Is there an agent or bot turn after i (that could ask again for what turn i gave)?
    let lastAsker = -1
    for (let j = turns.length - 1; j >= 0; j--) {
      if (turns[j]!.role === 'agent' || turns[j]!.role === 'bot') {
        lastAsker = j
        break
      }
    }
    // Does a customer turn follow turn i before the next agent or bot turn (and so read what i asked for)?
    const answeredNext = (i: number): boolean => {
      for (let j = i + 1; j < turns.length; j++) {
        const role = turns[j]!.role
        if (role === 'customer') return true
        if (role === 'agent' || role === 'bot') return false
      }
      return false
    }

    // What customers gave is worked out only when an agent turn asks for something (few do), in turn order:
    // until then a customer turn waits here with what the agent turn before it asked.
    let pending: Array<{ i: number; asked: Asked }> = []
    const readPending = () => {
      for (const { i, asked } of pending) {
        // Kept with the turn's analysis: a pre-send check does not redo it on every keystroke.
        for (const g of context.analyse(i).memo(asked.givenKey, () => extractGiven(turns[i]!.text, i, asked.kinds))) {
          if (given.length >= MAX_GIVEN || !kinds.has(g.kind)) continue
          const key = givenKey(g)
          if (!givenKeys.has(key)) {
            givenKeys.add(key)
            given.push(g)
          }
        }
      }
      pending = []
    }

    const step = (turn: Turn, i: number) => {
      if (turn.role === 'customer') {
        // Nothing the customer gives now can be asked for again when no agent turn follows.
        if (i > lastAsker) return
        pending.push({ i, asked: lastAsked })
        return
      }
      if (turn.role !== 'agent' && turn.role !== 'bot') return
      // With nothing given yet, this turn's requests matter only to the customer's next answer.
      if (given.length === 0 && pending.length === 0 && !answeredNext(i)) {
        lastAsked = NOTHING_ASKED
        return
      }
      const analysis = context.analyse(i)
      const text = analysis.ownText
      const requests = analysis.memo('no-repeat-request:requests', () => findRequests(text))
      lastAsked = analysis.memo('no-repeat-request:asked', () => askedFor(requests))
      // Turns before `since` are judged already; what they asked for still counts (above).
      if (i < context.since) return
      if (requests.length === 0) return reportAlreadyGiven(i, requests)
      readPending()
      if (given.length === 0) return reportAlreadyGiven(i, requests)
      const hits: Array<{ r: Request; g: Given }> = []
      const prepared = analysis.memo('no-repeat-request:prepared', () => prepare(text))
      const quoted = new Map<string, boolean>()
      for (const r of requests) {
        if (r.different) continue
        const candidates = given.filter((g) => answers(r.kind, g.kind))
        if (candidates.length === 0) continue
        // Reading a given value back to confirm it is good practice, not a repeat request.
        let confirms = quoted.get(r.kind)
        if (confirms === undefined) quoted.set(r.kind, (confirms = candidates.some((g) => quotesValue(prepared, g.value))))
        if (confirms) continue
        if (allow) {
          const sentence = analysis.sentences.find((s) => s.start <= r.start && r.end <= s.end)
          if (allow.test(text.slice(r.start, r.end)) || (sentence && allow.test(sentence.text))) continue
        }
        // Cite the detail the customer introduced as theirs ("my number is …") before a bare format.
        const best = candidates.find((g) => g.cue) ?? candidates[0]!
        hits.push({ r, g: best })
      }
      if (hits.length === 0) return reportAlreadyGiven(i, requests)

      const { r, g } = hits[0]!
      // Arabic turns, and mixed or Arabizi turns whose request is Arabic, are coached in Arabic.
      // A configured locale overrides that choice.
      const arabic = messageLanguage(context, analysis.script === 'ar' || (r.arabic && analysis.script !== 'other') ? 'ar' : 'en') === 'ar'
      const span = text.slice(r.start, r.end)
      const place = where(transcript, g)
      const firstCustomer = transcript.turns.findIndex((t) => t.role === 'customer')
      const details = hits.map((h) => h.g).filter((x, k, all) => all.findIndex((y) => y.kind === x.kind) === k)
      const listEn = details.map((x) => `the ${NAME[x.kind].en} ${x.value} (${x.turn === firstCustomer ? 'in their first message' : `in turn ${x.turn}`})`).join(' and ')
      const listAr = details.map((x) => `${NAME[x.kind].ar} ${x.value} (${x.turn === firstCustomer ? 'في رسالته الأولى' : `في الرسالة رقم ${x.turn}`})`).join(' و')
      context.report({
        turn: i,
        start: r.start,
        end: r.end,
        reason: arabic
          ? `يطلب «${span}» مع أن العميل ذكر ${listAr}`
          : `Asks "${span}", but the customer already gave ${listEn}`,
        note: arabic ? NOTE_AR : NOTE_EN,
        expected: arabic ? expectedAr(r.kind, g, place.ar, r.private) : expectedEn(r.kind, g, place.en, r.private),
        confidence: confidence(r, g)
      })
    }

    /**
     * Looking ahead: what the agent asked for was not found among the details given (an unusual
     * wording, a detail without a cue), but the customer's very next turn says they gave it already
     * ("it's literally in my tweet", «كتبته فوق»).
     */
    function reportAlreadyGiven(i: number, requests: readonly Request[]): void {
      const words = alreadyGivenAfter(turns, i)
      if (!words) return
      const analysis = context.analyse(i)
      const text = analysis.ownText
      let start: number
      let end: number
      const r = requests.find((x) => !x.different)
      if (r) ({ start, end } = r)
      else if (requests.length > 0) return
      else {
        const s = analysis.sentences.find((x) => ASKS.test(x.text))
        if (!s) return
        start = s.start + leadingHandles(s.text)
        end = s.end
      }
      const span = text.slice(start, end)
      if (allow && allow.test(span)) return
      const arabic = messageLanguage(context, analysis.script === 'ar' || (r?.arabic && analysis.script !== 'other') ? 'ar' : 'en') === 'ar'
      context.report({
        turn: i,
        start,
        end,
        reason: arabic ? `يطلب «${span}» والعميل يرد بأنه ذكر ذلك من قبل («${words}»)` : `Asks "${span}", and the customer answers that they already gave it ("${words}")`,
        note: arabic ? NOTE_AR : NOTE_EN,
        expected: arabic
          ? ['أرى ما ذكرته في رسالتك السابقة، وسأراجعه الآن.', 'للتأكيد فقط: هل ما ذكرته سابقًا ما زال صحيحًا؟']
          : ['I can see it in your earlier message — let me pull it up.', 'Just to confirm: is the one you gave earlier still right?'],
        confidence: r ? 0.7 : 0.6
      })
    }

    // From `since` on, when an agent or bot turn is there (a pre-send draft): what the turns before
    // it gave and asked is the same for every draft, so it is kept with the analysis of the turn
    // before. (No turn before an agent turn is the last one, and whether an agent turn before it
    // was answered is settled by then.)
    const since = context.since || 0
    let from = 0
    if (since > 0 && (turns[since]!.role === 'agent' || turns[since]!.role === 'bot')) {
      const state = context.analyse(since - 1).memo(`no-repeat-request:state:${JSON.stringify(options.kinds ?? null)}`, () => {
        for (let i = 0; i < since; i++) step(turns[i]!, i)
        return { given, givenKeys, lastAsked, pending }
      })
      given = state.given.slice()
      givenKeys = new Set(state.givenKeys)
      lastAsked = state.lastAsked
      pending = state.pending.slice()
      from = since
    }
    for (let i = from; i < turns.length; i++) step(turns[i]!, i)
  }
})
