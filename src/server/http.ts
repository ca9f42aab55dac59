/**
 * `coachlint serve`: a small HTTP JSON endpoint for tools that cannot embed the
 * library (a help-desk plug-in, a script in another language).
 *
 *   GET  /health        {ok, version, rules}
 *   POST /check-draft   {conversation, draft, at?, author?, role?, thresholds?, earlier?} → lintDraft's result
 *   POST /lint          a conversation object or an array of them → {messages, errorCount, …} (as `-f json`)
 *
 * Bound to 127.0.0.1 by default, with no authentication: it is a local service.
 * Bodies are JSON (`application/json`), at most `maxBodyBytes` (413 beyond);
 * mistakes get a 4xx JSON `{error}`: 400 bad JSON (with line, column and
 * offset) or a bad conversation, 404, 405 (with Allow), 415.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { DraftInputError, type DraftInput, type DraftOptions } from '../draft/lint-draft.js'
import { fileUnreadable } from '../cli/exit-code.js'
import type { Linter } from '../index.js'
import { JsonSyntaxError, parseJson, toValue } from '../model/json-source.js'
import { toJsonResult } from '../reporters/json.js'

export interface DraftServerOptions {
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number
  version?: string
  /** Where unexpected errors are logged (default: stderr). */
  log?: (line: string) => void
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

const ROUTES: Record<string, string> = { '/health': 'GET', '/check-draft': 'POST', '/lint': 'POST' }

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers
  })
  res.end(text)
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}

/** Read the body up to `limit` bytes; past it, stop reading and answer 413. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new HttpError(413, `Request body too large: ${declared} bytes (the limit is ${limit})`, { limit }, { connection: 'close' }))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > limit) {
        done = true
        req.pause()
        reject(new HttpError(413, `Request body too large: more than ${limit} bytes`, { limit }, { connection: 'close' }))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks))
    })
    req.on('error', (error) => {
      if (!done) reject(error)
      done = true
    })
  })
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Parse a JSON body with located errors. */
function parseBody(bytes: Buffer): { text: string; value: unknown } {
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    throw new HttpError(400, 'The request body is not valid UTF-8')
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  try {
    return { text, value: toValue(parseJson(text)) }
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    const before = text.slice(0, error.offset)
    const line = before.split('\n').length
    const column = error.offset - before.lastIndexOf('\n')
    throw new HttpError(400, `Invalid JSON at line ${line}, column ${column}: ${error.message}`, { line, column, offset: error.offset })
  }
}

function checkDraft(linter: Linter, value: unknown) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'Expected a JSON object {conversation, draft, at?, author?, role?, thresholds?, earlier?}')
  }
  const body = value as DraftInput & DraftOptions
  if (body.conversation === undefined) throw new HttpError(400, 'Missing "conversation" (an object with "channel" and "turns")')
  if (body.draft === undefined) throw new HttpError(400, 'Missing "draft" (the reply being written)')
  const options: DraftOptions = {}
  if (body.thresholds !== undefined) options.thresholds = body.thresholds
  if (body.earlier !== undefined) options.earlier = body.earlier
  return linter.lintDraft({ conversation: body.conversation, draft: body.draft, at: body.at, author: body.author, role: body.role }, options)
}

function lint(linter: Linter, text: string) {
  const file = linter.lintSource(text, { path: 'request.json', format: 'json' })
  const result = toJsonResult(file)
  if (fileUnreadable(file)) {
    throw new HttpError(400, result.messages.filter((m) => m.fatal).map((m) => m.reason).join('; ') || 'No conversation could be read', { messages: result.messages })
  }
  return result
}

export function createDraftServer(linter: Linter, options: DraftServerOptions = {}): Server {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'))

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let path: string
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/'
    } catch {
      throw new HttpError(400, 'Bad request URL')
    }
    const method = ROUTES[path]
    if (!method) throw new HttpError(404, `Not found: ${path}`, { endpoints: Object.entries(ROUTES).map(([p, m]) => `${m} ${p}`) })
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
      throw new HttpError(405, `${req.method} is not allowed on ${path}; use ${method}`, {}, { allow: method === 'GET' ? 'GET, HEAD' : method })
    }
    if (path === '/health') return send(res, 200, { ok: true, version: options.version ?? null, rules: linter.config.rules.map((r) => r.rule.meta.id) })
    if (!isJson(req.headers['content-type'])) {
      throw new HttpError(415, `Send JSON: Content-Type must be application/json (got ${JSON.stringify(req.headers['content-type'] ?? null)})`)
    }
    const { text, value } = parseBody(await readBody(req, limit))
    if (path === '/check-draft') return send(res, 200, checkDraft(linter, value))
    return send(res, 200, lint(linter, text))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy()
      if (error instanceof HttpError) send(res, error.status, { error: error.message, ...error.extra }, error.headers)
      else if (error instanceof DraftInputError) send(res, 400, { error: error.message, problems: error.problems })
      else {
        log(`coachlint serve: ${req.method} ${req.url}: ${(error as Error)?.stack ?? error}`)
        send(res, 500, { error: 'Internal error' })
      }
    })
  })
  // Slow or stalled clients do not hold a connection for long.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  server.keepAliveTimeout = 5_000
  return server
}

/** Is the host a loopback address (the default, safe binding)? */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host)
}
