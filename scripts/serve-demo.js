// npm run demo:browser — serve the pre-send demo (examples/browser) and the
// browser bundle (dist/browser) on http://127.0.0.1:8080/ (--port, --host).
// Only those two folders are served, read-only.
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const SERVED = ['examples/browser', 'dist/browser']
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

/** Start the demo server; resolves once listening, with its URL (port 0: an ephemeral port). */
export function startDemoServer({ port = 8080, host = '127.0.0.1', base = root } = {}) {
  const server = createServer((req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(text)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n')
    let path
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    } catch {
      return send(400, 'Bad URL\n')
    }
    if (path === '/' || path === '/examples/browser') {
      res.writeHead(302, { location: '/examples/browser/' })
      return res.end()
    }
    if (path.endsWith('/')) path += 'index.html'
    const rel = normalize(path).replace(/^[/\\]+/, '')
    if (!SERVED.some((dir) => rel.startsWith(dir + sep) || rel.startsWith(dir + '/'))) return send(404, 'Not found\n')
    const file = join(base, rel)
    let size
    try {
      const stat = statSync(file)
      if (!stat.isFile()) return send(404, 'Not found\n')
      size = stat.size
    } catch {
      return send(404, 'Not found\n')
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache' })
    if (req.method === 'HEAD') return res.end()
    createReadStream(file).pipe(res)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      resolve({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`, close: () => new Promise((done) => server.close(() => done())) })
    })
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2)
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback
  }
  const { url } = await startDemoServer({ port: Number(opt('port', '8080')), host: opt('host', '127.0.0.1') })
  process.stdout.write(`coachlint demo: ${url}examples/browser/ (Ctrl-C to stop)\n`)
}
