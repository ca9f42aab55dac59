/** The browser build: bundles with no Node built-in, the English model in its own chunk. */
import * as esbuild from 'esbuild'
// @ts-expect-error: plain ES module script without type declarations
import { buildBrowser, bundleSizes, noNodeBuiltins } from '../../scripts/build-browser.js'

interface Meta {
  outputs: Record<string, { inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string }>; entryPoint?: string }>
}

describe('browser bundle (src/browser.ts)', () => {
  it('bundles for platform browser without any Node built-in; wink-nlp and its model load on demand', async () => {
    const result = (await buildBrowser({ write: false, minify: false })) as esbuild.BuildResult & { metafile: Meta; outputFiles: esbuild.OutputFile[] }
    expect(result.errors).toEqual([])
    const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.keys(o.inputs))
    expect(inputs.filter((i) => i.startsWith('node:') || /(^|\/)src\/(node|cli|eval)\//.test(i))).toEqual([])
    expect(inputs.some((i) => i.includes('rules/no-dead-end/'))).toBe(true)

    const sizes = bundleSizes(result, (p: string) => result.outputFiles.find((f) => f.path.endsWith(p))!.contents)
    const entry = result.metafile.outputs[sizes.entry]!
    // The entry holds the rules and lintDraft, not the English model; that comes by dynamic import.
    expect(Object.keys(entry.inputs).some((i) => i.includes('wink-eng-lite-web-model'))).toBe(false)
    expect(Object.keys(entry.inputs).some((i) => i.endsWith('src/text/english.browser.ts'))).toBe(true)
    expect(entry.imports.filter((i) => i.kind === 'dynamic-import').length).toBeGreaterThanOrEqual(2)
    const lazy = sizes.files.filter((f: { lazy: boolean }) => f.lazy)
    expect(lazy.length).toBeGreaterThan(0)
    expect(sizes.initial.bytes).toBeLessThan(sizes.total.bytes)
  })

  it('fails the build on a Node import', async () => {
    const failed = await esbuild
      .build({ stdin: { contents: "import { readFileSync } from 'node:fs'; export const x = readFileSync", resolveDir: process.cwd() }, bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent', plugins: [noNodeBuiltins] })
      .then(
        () => undefined,
        (error: esbuild.BuildFailure) => error
      )
    expect(failed?.errors[0]?.text).toMatch(/Node built-in "node:fs"/)
  })
})
