/** `coachlint mcp` end to end: the official SDK client talking to the real binary over stdio. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { BIN } from '../helpers/cli.js'

let client: Client
let transport: StdioClientTransport

beforeAll(async () => {
  transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--no-config'], stderr: 'pipe' })
  client = new Client({ name: 'coachlint-test', version: '1.0.0' })
  await client.connect(transport)
})
afterAll(async () => {
  await client?.close()
})

const conversation = {
  channel: 'chat',
  turns: [
    { role: 'customer', at: '2024-05-01T10:02:00Z', text: 'My email is dana@example.com and my parcel has not arrived.' },
    { role: 'agent', at: '2024-05-01T10:03:00Z', text: "I'll check with the courier and update you in 10 minutes." },
    { role: 'customer', at: '2024-05-01T10:04:00Z', text: 'ok' }
  ]
}

type Structured = { verdict: string; messages: Array<{ ruleId: string; onDraft: boolean; turn: number; start?: number }>; suggestions: Array<{ result: string; ruleId: string }> }

describe('coachlint mcp', () => {
  it('lists check_draft and lint_conversation with their input schemas', async () => {
    expect(client.getServerVersion()?.name).toBe('coachlint')
    const { tools } = await client.listTools()
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]))
    expect(Object.keys(byName).sort()).toEqual(['check_draft', 'lint_conversation'])
    expect(byName['check_draft']!.inputSchema.required).toEqual(expect.arrayContaining(['conversation', 'draft']))
    expect(byName['check_draft']!.outputSchema?.properties).toHaveProperty('verdict')
    expect(byName['check_draft']!.annotations?.readOnlyHint).toBe(true)
  })

  it('check_draft: verdict, findings and corrected drafts', async () => {
    const result = await client.callTool({ name: 'check_draft', arguments: { conversation, draft: 'Could you send me your email address?', at: '2024-05-01T10:05:00Z' } })
    expect(result.isError).toBeFalsy()
    const structured = result.structuredContent as Structured
    expect(structured.verdict).toBe('review')
    const m = structured.messages.find((x) => x.ruleId === 'no-repeat-request')!
    expect(m).toMatchObject({ onDraft: true, turn: 3, start: 0 })
    expect(structured.suggestions.find((s) => s.ruleId === 'no-repeat-request')?.result).toMatch(/dana@example\.com/)
    const text = (result.content as Array<{ type: string; text: string }>)[0]!.text
    expect(text).toMatch(/draft → review/)

    // The earlier promise, now overdue, is surfaced on its own turn.
    const late = await client.callTool({ name: 'check_draft', arguments: { conversation, draft: 'Anything else I can help with?', at: '2024-05-01T12:00:00Z' } })
    expect((late.structuredContent as Structured).messages.find((x) => x.ruleId === 'unkept-promise')).toMatchObject({ turn: 1, onDraft: false })
  })

  it('lint_conversation: findings on a whole conversation', async () => {
    const result = await client.callTool({
      name: 'lint_conversation',
      arguments: { conversation: { ...conversation, turns: [...conversation.turns, { role: 'agent', at: '2024-05-01T10:30:00Z', text: "I don't know, it's not my department." }] } }
    })
    expect(result.isError).toBeFalsy()
    const text = (result.content as Array<{ type: string; text: string }>)[0]!.text
    expect(text).toMatch(/no-dead-end/)
    const json = JSON.parse(text.slice(text.indexOf('\n\n') + 2))
    expect(json.messages.some((m: { ruleId: string; turn: number }) => m.ruleId === 'no-dead-end' && m.turn === 3)).toBe(true)
  })

  it('reports bad input as a tool error', async () => {
    const schema = await client.callTool({ name: 'check_draft', arguments: { conversation: { channel: 'fax', turns: [] }, draft: 'x' } })
    expect(schema.isError).toBe(true)
    const time = await client.callTool({ name: 'check_draft', arguments: { conversation, draft: 'x', at: 'tomorrow' } })
    expect(time.isError).toBe(true)
    expect((time.content as Array<{ text: string }>)[0]!.text).toMatch(/"at" must be/)
  })
})
