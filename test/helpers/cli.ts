/** Spawn the real `coachlint` binary. */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const BIN = fileURLToPath(new URL('../../bin/coachlint.js', import.meta.url))
const BUILT = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url))

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

export function coachlint(args: string[], options: { cwd?: string; input?: string | Buffer; timeout?: number; env?: Record<string, string> } = {}): Promise<Run> {
  if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`coachlint ${args.join(' ')} did not finish in ${options.timeout ?? 60_000} ms`))
    }, options.timeout ?? 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    if (options.input !== undefined) child.stdin.end(options.input)
    else child.stdin.end()
  })
}
