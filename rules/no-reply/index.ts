/**
 * no-reply — the conversation ends on a customer message that asks, requests
 * or complains, and no agent or bot ever answered it.
 *
 * Looks at the trailing run of customer turns (system events ignored). Thanks,
 * acknowledgements, goodbyes and emoji-only turns are closings and are never
 * flagged; plain statements ("just did", «بعت في الخاص») are not either, unless
 * `flagStatements` is on. When several customer turns in a row go unanswered,
 * the last one that needs an answer is reported (a trailing "thanks" or stray
 * character does not hide the question before it).
 */
import { defineRule } from '../../src/engine/define-rule.js'
import type { Report, RuleContext } from '../../src/types.js'
import { messageLanguage } from '../../src/text/language.js'
import { docsUrl } from '../docs-url.js'
import { classify, type Classification, type Kind } from './classify.js'
import { normalise, PhraseMatcher } from './lexicon.js'

export interface NoReplyOptions {
  /** Extra closing phrases: a turn made of these (and filler) is never flagged. */
  allow: string[]
  /** Extra phrases that make a customer turn a question, request or complaint. */
  asks: string[]
  /** Also flag a last customer statement that is neither a closing nor a question/complaint. */
  flagStatements: boolean
}

const matchers = new Map<string, PhraseMatcher>()

function matcherFor(phrases: readonly string[] | undefined): PhraseMatcher | undefined {
  if (!phrases || phrases.length === 0) return undefined
  const key = JSON.stringify(phrases)
  let m = matchers.get(key)
  if (!m) {
    m = new PhraseMatcher(phrases)
    if (matchers.size > 100) matchers.clear()
    matchers.set(key, m)
  }
  return m
}

type Target = Kind | 'statement'

const MESSAGES: Record<'en' | 'ar', { reason: Record<Target, string>; note: string; expected: Record<Target, string[]> }> = {
  en: {
    reason: {
      question: "The customer's last message asks a question and was never answered",
      request: "The customer's last message makes a request and was never answered",
      complaint: "The customer's last message complains and was never answered",
      statement: "The customer's last message was never answered"
    },
    note:
      'A message left hanging tells the customer nobody is listening: about nine in ten unhappy customers never come back, ' +
      'and on social media half of them expect a reply within the hour. Answer every message that asks or complains, ' +
      "even if only to say you are checking and when you'll be back.",
    expected: {
      question: [
        "Sorry for the wait — let me check that for you now. I'll update you here within the hour.",
        "Thanks for your patience. Here's what I found: …"
      ],
      request: [
        "Sorry for the wait — I'm on it now and will confirm here as soon as it's done.",
        "Thanks for your patience. I've passed this to the team and will update you here by …"
      ],
      complaint: [
        "I'm sorry about this — I'm looking into it right now and will get back to you here shortly.",
        'I understand how frustrating this is. Let me check what happened and put it right.'
      ],
      statement: ["Thanks for letting us know — I'll check and get back to you here shortly.", 'Got it, thank you. Is there anything else I can help with?']
    }
  },
  ar: {
    reason: {
      question: 'آخر رسالة من العميل فيها سؤال ولم يرد عليها أحد',
      request: 'آخر رسالة من العميل فيها طلب ولم يرد عليها أحد',
      complaint: 'آخر رسالة من العميل فيها شكوى ولم يرد عليها أحد',
      statement: 'آخر رسالة من العميل لم يرد عليها أحد'
    },
    note:
      'الرسالة التي تُترك بلا رد تقول للعميل إن لا أحد يسمعه: نحو تسعة من كل عشرة عملاء غير راضين لا يعودون، ' +
      'ونصف العملاء على وسائل التواصل يتوقعون رداً خلال ساعة. رُدّ على كل رسالة فيها سؤال أو طلب أو شكوى، ' +
      'ولو بأن تقول إنك تتحقق من الأمر ومتى ستعود إليه.',
    expected: {
      question: ['نعتذر عن التأخير، أتحقق من الموضوع الآن وأرجع لك هنا خلال ساعة.', 'شكراً لصبرك، وهذا ما وجدته: …'],
      request: ['نعتذر عن التأخير، أتابع طلبك الآن وأؤكد لك هنا أول ما ينتهي.', 'شكراً لصبرك، حوّلت طلبك للفريق المختص وأحدّثك هنا قبل …'],
      complaint: ['نعتذر عن هذا، أتابع الموضوع الآن وأرجع لك هنا بأقرب وقت.', 'أتفهم انزعاجك تماماً، خليني أتحقق مما حصل وأحله لك.'],
      statement: ['شكراً لإبلاغنا، أتحقق من الأمر وأرجع لك هنا قريباً.', 'وصلت رسالتك، شكراً لك. هل تحتاج أي مساعدة أخرى؟']
    }
  }
}

const CONFIDENCE: Record<Target, number> = { question: 0.9, request: 0.85, complaint: 0.75, statement: 0.5 }

function conversationIsArabic(context: RuleContext<NoReplyOptions>): boolean {
  if (context.transcript.language?.toLowerCase().startsWith('ar')) return true
  return context.transcript.turns.some((_, i) => context.analyse(i).script === 'ar')
}

function turnIsArabic(context: RuleContext<NoReplyOptions>, target: number, c: Classification): boolean {
  const script = context.analyse(target).script
  return script === 'ar' || script === 'mixed' || c.arabic || (c.arabizi && conversationIsArabic(context))
}

/** Words of each author name (normalising is costly and the same agents write many conversations). */
const authorWords = new Map<string, readonly string[]>()

function wordsOfAuthor(author: string): readonly string[] {
  let words = authorWords.get(author)
  if (!words) {
    words = normalise(author).match(/[\p{L}\p{N}]{2,}/gu) ?? []
    if (authorWords.size >= 1000) authorWords.clear()
    authorWords.set(author, words)
  }
  return words
}

function authorNames(context: RuleContext<NoReplyOptions>): Set<string> {
  const names = new Set<string>()
  for (const turn of context.transcript.turns) {
    for (const word of wordsOfAuthor(turn.author ?? '')) names.add(word)
  }
  return names
}

export default defineRule<NoReplyOptions>({
  meta: {
    id: 'no-reply',
    description: 'Flags a customer message that asks, requests or complains and that the conversation ends on, unanswered',
    recommended: 'warn',
    url: docsUrl('no-reply'),
    judges: ['customer'],
    languages: ['en', 'ar'],
    schema: {
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string' },
          description: 'Extra closing phrases (any language): a last message made only of these, filler and emoji is never flagged.'
        },
        asks: {
          type: 'array',
          items: { type: 'string' },
          description: 'Extra phrases that make a customer message a question, request or complaint that needs an answer.'
        },
        flagStatements: {
          type: 'boolean',
          description: 'Also flag a last customer message that is not a closing even when it neither asks nor complains ("just sent it").'
        }
      },
      additionalProperties: false
    },
    defaultOptions: { allow: [], asks: [], flagStatements: false }
  },

  check(context) {
    const { turns } = context.transcript
    // The trailing run of customer turns that no agent or bot turn follows.
    const run: number[] = []
    for (let i = turns.length - 1; i >= 0; i--) {
      const role = turns[i]!.role
      if (role === 'system') continue
      if (role !== 'customer') break
      run.unshift(i)
    }
    if (run.length === 0) return

    let names: Set<string> | undefined
    const options = {
      allow: matcherFor(context.options.allow),
      asks: matcherFor(context.options.asks),
      // Only asked for when a turn has words left beside its closings.
      names: { has: (word: string) => (names ??= authorNames(context)).has(word) }
    }
    const classes = new Map<number, Classification>()
    for (const i of run) classes.set(i, classify(context.analyse(i).text, options))
    const needsAnswer = (c: Classification): Target | undefined =>
      c.kind ?? (context.options.flagStatements && !c.closing ? 'statement' : undefined)

    // The last turn that needs an answer…
    let k = -1
    for (let j = run.length - 1; j >= 0; j--) {
      if (needsAnswer(classes.get(run[j]!)!)) {
        k = j
        break
      }
    }
    if (k === -1) return
    const kind = needsAnswer(classes.get(run[k]!)!)!
    // …or a plain follow-up after it ("where is my refund?" / "order 12345"): label the last one.
    let target = run[k]!
    for (let j = k + 1; j < run.length; j++) {
      const c = classes.get(run[j]!)!
      if (!c.closing && !c.courtesy) target = run[j]!
    }

    // A configured locale wins. Otherwise coach in the customer's language: Arabic script, Arabizi, or a Latin
    // turn with an Arabizi word in a conversation that is otherwise Arabic.
    const language = messageLanguage(context, turnIsArabic(context, target, classes.get(target)!) ? 'ar' : 'en')
    const messages = MESSAGES[language]
    const report: Report = {
      turn: target,
      reason: messages.reason[kind],
      note: messages.note,
      expected: messages.expected[kind],
      confidence: target === run[k] ? CONFIDENCE[kind] : Math.min(CONFIDENCE[kind], 0.7)
    }
    context.report(report)
  }
})
