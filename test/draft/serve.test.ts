/** `coachlint serve` end to end: the real binary on 127.0.0.1, an ephemeral port, real HTTP requests. */
import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { BIN } from '../helpers/cli.js'

let child: ChildProcess
let base: string
let stderr = ''

beforeAll(async () => {
  child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-config', '--max-body', '64kb'], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stderr!.on('data', (d) => (stderr += d))
  base = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out} ${stderr}`)), 60_000)
    child.stdout!.on('data', (d) => {
      out += d
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)))
  })
})

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
})

const conversation = {
  channel: 'chat',
  turns: [
    { role: 'customer', at: '2024-05-01T10:02:00Z', text: 'My parcel has not arrived, where is it?' },
    { role: 'agent', at: '2024-05-01T10:03:00Z', text: "I'll check with the courier and update you in 10 minutes." }
  ]
}

async function post(path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(base + path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> }
}

describe('coachlint serve', () => {
  it('answers GET /health', async () => {
    const res = await fetch(base + '/health')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await res.json()) as { ok: boolean; rules: string[] }
    expect(body.ok).toBe(true)
    expect(body.rules).toContain('no-dead-end')
  })

  it('checks a draft: POST /check-draft', async () => {
    const res = await post('/check-draft', { conversation, draft: "I don't know", at: '2024-05-01T10:04:00Z' })
    expect(res.status).toBe(200)
    expect(res.json.verdict).toBe('review')
    expect(res.json.messages.find((m: { ruleId: string }) => m.ruleId === 'no-dead-end')).toMatchObject({ start: 0, end: 12, onDraft: true })
    const block = await post('/check-draft', { conversation, draft: "I don't know", at: '2024-05-01T10:04:00Z', thresholds: { block: { severity: 'warn' } } })
    expect(block.json.verdict).toBe('block')
    const late = await post('/check-draft', { conversation, draft: 'Anything else?', at: '2024-05-01T12:00:00Z' })
    expect(late.json.messages.find((m: { ruleId: string }) => m.ruleId === 'unkept-promise')).toMatchObject({ turn: 1, onDraft: false })
  })

  it('lints conversations: POST /lint', async () => {
    const res = await post('/lint', { ...conversation, turns: [...conversation.turns, { role: 'customer', at: '2024-05-01T10:30:00Z', text: 'Hello?? any update?' }] })
    expect(res.status).toBe(200)
    expect(res.json.messages.map((m: { ruleId: string }) => m.ruleId)).toContain('unkept-promise')
    const m = res.json.messages[0]
    expect(m).toHaveProperty('line')
    expect(m).toHaveProperty('expected')
  })

  it('rejects bad requests with clear JSON errors', async () => {
    const bad = await post('/check-draft', '{"conversation": {"channel": "chat",\n "turns": [}')
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ line: 2, column: 12, offset: 48 })
    expect(bad.json.error).toMatch(/Invalid JSON at line 2, column 12/)

    const shape = await post('/check-draft', { conversation: { channel: 'fax', turns: [] }, draft: 'x' })
    expect(shape.status).toBe(400)
    expect(shape.json.error).toMatch(/channel/)
    expect((await post('/check-draft', { conversation })).json.error).toMatch(/Missing "draft"/)
    expect((await post('/check-draft', [1, 2])).status).toBe(400)
    const notConversation = await post('/lint', { hello: 'world' })
    expect(notConversation.status).toBe(400)

    const type = await post('/check-draft', { conversation, draft: 'x' }, { 'content-type': 'text/plain' })
    expect(type.status).toBe(415)
    expect(type.json.error).toMatch(/application\/json/)

    const missing = await fetch(base + '/nope')
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { endpoints: string[] }).endpoints).toContain('POST /check-draft')

    const method = await fetch(base + '/check-draft')
    expect(method.status).toBe(405)
    expect(method.headers.get('allow')).toBe('POST')
    expect(((await method.json()) as { error: string }).error).toMatch(/use POST/)
  })

  it('refuses bodies over the size limit with 413', async () => {
    const big = JSON.stringify({ conversation, draft: 'x'.repeat(70 * 1024) })
    const declared = await post('/check-draft', big)
    expect(declared.status).toBe(413)
    expect(declared.json.error).toMatch(/too large/)
    // Streamed without a length (chunked): cut off while reading.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(base + '/check-draft', { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        let body = ''
        res.on('data', (d) => (body += d))
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      })
      req.on('error', reject)
      for (let i = 0; i < 10; i++) req.write('x'.repeat(8 * 1024))
      req.end()
    })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body).error).toMatch(/too large/)
    // The server is still fine.
    expect((await fetch(base + '/health')).status).toBe(200)
    expect(stderr).toBe('')
  })
})
