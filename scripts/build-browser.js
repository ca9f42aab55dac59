// npm run build:browser — bundle src/browser.ts for browsers with esbuild:
// dist/browser/coachlint.js (ES module) plus chunks, the English model
// (wink-nlp) in its own chunk loaded by loadEnglish(). Fails on any Node
// built-in in the bundle. `node scripts/build-browser.js --sizes` prints sizes.
import { builtinModules } from 'node:module'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

/** Swap in the browser variants of modules (english.ts → english.browser.ts). */
const browserVariants = {
  name: 'coachlint-browser-variants',
  setup(build) {
    build.onResolve({ filter: /\/english\.js$/ }, (args) => {
      if (!args.importer.startsWith(join(root, 'src'))) return undefined
      return { path: join(dirname(args.importer), args.path.replace(/english\.js$/, 'english.browser.ts')) }
    })
  }
}

/** Every import of a Node built-in is an error, named with its importer. */
export const noNodeBuiltins = {
  name: 'coachlint-no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined
      return { errors: [{ text: `Node built-in "${args.path}" imported by ${relative(root, args.importer)}: the browser build must not use Node APIs` }] }
    })
  }
}

/**
 * Bundle for the browser. With `write: false` nothing is written and the
 * outputs come back in memory (tests use that).
 */
export async function buildBrowser({ outdir = join(root, 'dist/browser'), write = true, minify = true } = {}) {
  if (write) {
    rmSync(outdir, { recursive: true, force: true })
    mkdirSync(outdir, { recursive: true })
  }
  return esbuild.build({
    entryPoints: { coachlint: join(root, 'src/browser.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify,
    sourcemap: write ? 'linked' : false,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'linked',
    metafile: true,
    write,
    logLevel: 'silent',
    plugins: [noNodeBuiltins, browserVariants]
  })
}

/**
 * Raw and gzip sizes of the bundle's files, and of what a page loads up front
 * (the entry and its static imports) versus on demand (dynamic imports: the
 * English model).
 */
export function bundleSizes(result, read) {
  const outputs = result.metafile.outputs
  const files = {}
  for (const [path, meta] of Object.entries(outputs)) {
    if (!path.endsWith('.js')) continue
    const bytes = read(path)
    files[path] = { bytes: bytes.length, gzip: gzipSync(bytes).length, lazy: true, meta }
  }
  const entry = Object.keys(files).find((p) => p.endsWith('/coachlint.js'))
  const visit = (path) => {
    const f = files[path]
    if (!f || !f.lazy) return
    f.lazy = false
    for (const i of f.meta.imports) if (i.kind === 'import-statement') visit(i.path)
  }
  visit(entry)
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0)
  const all = Object.values(files)
  const initial = all.filter((f) => !f.lazy)
  return {
    entry,
    files: Object.entries(files).map(([path, f]) => ({ path, bytes: f.bytes, gzip: f.gzip, lazy: f.lazy })),
    initial: { bytes: sum(initial, 'bytes'), gzip: sum(initial, 'gzip') },
    total: { bytes: sum(all, 'bytes'), gzip: sum(all, 'gzip') }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now()
  const result = await buildBrowser()
  const ms = performance.now() - started
  if (process.argv.includes('--sizes')) {
    const { readFileSync } = await import('node:fs')
    const sizes = bundleSizes(result, (p) => readFileSync(join(root, p)))
    const kb = (n) => `${(n / 1024).toFixed(0)} kB`
    for (const f of sizes.files) process.stdout.write(`  ${f.path.padEnd(46)} ${kb(f.bytes).padStart(8)} ${kb(f.gzip).padStart(8)} gzip${f.lazy ? '  (loaded on demand)' : ''}\n`)
    process.stdout.write(`  loaded up front: ${kb(sizes.initial.bytes)} (${kb(sizes.initial.gzip)} gzip); with the English model: ${kb(sizes.total.bytes)} (${kb(sizes.total.gzip)} gzip)\n`)
  }
  process.stderr.write(`coachlint: browser bundle in dist/browser (${ms.toFixed(0)} ms)\n`)
}
