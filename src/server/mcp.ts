/**
 * `coachlint mcp`: a Model Context Protocol server (official SDK, stdio) so AI
 * support agents can check a reply before sending it.
 *
 * Tools:
 * - `check_draft` {conversation, draft, at?, author?}: the pre-send check —
 *   verdict (send / review / block), findings with offsets in the draft, and
 *   each suggestion with the corrected draft;
 * - `lint_conversation` {conversation}: findings on a whole conversation (one
 *   object or an array).
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import { DraftInputError } from '../draft/lint-draft.js'
import { formatDraftResult } from '../draft/format.js'
import type { Linter } from '../index.js'
import { toJsonResult } from '../reporters/json.js'
import { CHANNELS, ROLES } from '../types.js'

const turn = z.looseObject({
  role: z.enum(ROLES as [string, ...string[]]).describe('customer, agent, bot (judged like an agent) or system (never judged)'),
  text: z.string().describe('What was written or said'),
  at: z.string().optional().describe('ISO 8601 time with an offset, e.g. 2024-05-01T10:02:00Z'),
  author: z.string().optional()
})

const conversation = z
  .looseObject({
    id: z.string().optional(),
    channel: z.enum(CHANNELS as [string, ...string[]]).describe('chat, messaging, social, email or voice'),
    language: z.string().optional(),
    turns: z.array(turn).describe('The conversation so far, oldest first')
  })
  .describe('A conversation in coachlint\'s canonical format')

const message = z.looseObject({
  ruleId: z.string(),
  severity: z.enum(['error', 'warn', 'info']),
  reason: z.string(),
  turn: z.number(),
  onDraft: z.boolean()
})

const draftResult = {
  verdict: z.enum(['send', 'review', 'block']).describe('send: nothing to fix; review: look at the findings first; block: do not send as is'),
  messages: z.array(message),
  suggestions: z.array(z.looseObject({ message: z.number(), index: z.number(), ruleId: z.string(), text: z.string(), kind: z.enum(['replace', 'prepend']), result: z.string() })),
  turn: z.number(),
  warnings: z.array(z.string())
}

function failure(error: unknown) {
  if (error instanceof DraftInputError || error instanceof RangeError || error instanceof TypeError) {
    return { isError: true, content: [{ type: 'text' as const, text: `coachlint: ${(error as Error).message}` }] }
  }
  throw error
}

export function createMcpServer(linter: Linter, version: string): McpServer {
  const server = new McpServer(
    { name: 'coachlint', version },
    {
      instructions:
        'coachlint checks customer-service replies (English and Arabic) against the conversation so far. ' +
        'Before sending a reply to a customer, call check_draft with the conversation and your draft; if the verdict is not "send", ' +
        'revise the draft (each suggestion carries the corrected draft in "result") and check again.'
    }
  )

  server.registerTool(
    'check_draft',
    {
      title: 'Check a reply before sending it',
      description:
        'Pre-send check of a customer-service reply: the draft becomes the next agent turn of the conversation (at "at", default now) and is linted ' +
        'with the conversation as context (arguing, rudeness, dead ends, over-promising, repeated requests, unacknowledged complaints, jokes the customer did not start, slow replies, broken earlier promises). ' +
        'Returns a verdict (send, review, block), findings with their offsets in the draft, and suggestions, each with the whole corrected draft in "result".',
      inputSchema: {
        conversation,
        draft: z.string().describe('The reply you are about to send'),
        at: z.string().optional().describe('When it would be sent (ISO 8601); default now'),
        author: z.string().optional().describe('Who is sending it')
      },
      outputSchema: draftResult,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false }
    },
    (args) => {
      try {
        const result = linter.lintDraft({ conversation: args.conversation as never, draft: args.draft, at: args.at, author: args.author })
        return {
          content: [{ type: 'text', text: formatDraftResult(result, { verbose: true, suggestions: 3 }) + '\n' + JSON.stringify(result) }],
          structuredContent: result as unknown as Record<string, unknown>
        }
      } catch (error) {
        return failure(error)
      }
    }
  )

  server.registerTool(
    'lint_conversation',
    {
      title: 'Lint a conversation',
      description:
        'Lint a whole customer-service conversation (or an array of them) in coachlint\'s canonical format: findings per turn with the rule, severity, reason, coaching note and better phrasings.',
      inputSchema: { conversation: z.union([conversation, z.array(conversation)]) },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false }
    },
    (args) => {
      const file = linter.lintTranscript(args.conversation, { path: 'conversation' })
      const result = toJsonResult(file)
      const problems = result.messages.filter((m) => m.ruleId === null)
      if (problems.some((m) => m.fatal) && result.messages.every((m) => m.ruleId === null)) {
        return { isError: true, content: [{ type: 'text', text: `coachlint: ${problems.map((m) => m.reason).join('; ')}` }] }
      }
      const lines = result.messages.map((m) => `turn ${m.turn ?? '?'} ${m.severity} ${m.ruleId ?? 'input'}: ${m.reason}`)
      const summary = `${result.messages.length} finding${result.messages.length === 1 ? '' : 's'} (${result.errorCount} errors, ${result.warningCount} warnings, ${result.infoCount} info)`
      return { content: [{ type: 'text', text: [summary, ...lines].join('\n') + '\n\n' + JSON.stringify(result) }] }
    }
  )
  return server
}
