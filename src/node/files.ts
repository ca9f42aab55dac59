/** Expand CLI paths: files, folders (recursing over known extensions) and globs; honour ignores. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ignore from 'ignore'
import { glob, isDynamicPattern } from 'tinyglobby'
import { KNOWN_EXTENSIONS } from '../formats/index.js'
import { isSlackMetadata, isSlackZip } from './slack-export.js'

export interface ExpandOptions {
  cwd: string
  ignorePatterns?: string[]
  /** Read `.coachlintignore` from cwd (default true). */
  useIgnoreFile?: boolean
}

export interface Expanded {
  files: string[]
  /** Paths that matched nothing or do not exist. */
  missing: string[]
}

const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**']

export async function expandPaths(patterns: string[], options: ExpandOptions): Promise<Expanded> {
  const ig = ignore()
  const ignoreFile = join(options.cwd, '.coachlintignore')
  if (options.useIgnoreFile !== false && existsSync(ignoreFile)) ig.add(readFileSync(ignoreFile, 'utf8'))
  if (options.ignorePatterns) ig.add(options.ignorePatterns)
  const files = new Set<string>()
  const missing: string[] = []
  const exts = KNOWN_EXTENSIONS.map((e) => e.slice(1)).join(',')

  for (const pattern of patterns) {
    const abs = resolve(options.cwd, pattern)
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      const found = await glob(`**/*.{${exts},zip}`, { cwd: abs, absolute: true, ignore: DEFAULT_IGNORES, dot: false })
      // Slack exports: users.json & co. are not conversations; only zips holding an export are read.
      for (const f of found) if (/\.zip$/i.test(f) ? isSlackZip(f) : !isSlackMetadata(f)) files.add(f)
    } else if (existsSync(abs)) {
      files.add(abs) // An explicitly named file is linted whatever its extension.
    } else if (isDynamicPattern(pattern)) {
      const found = await glob(pattern, { cwd: options.cwd, absolute: true, ignore: DEFAULT_IGNORES })
      if (found.length === 0) missing.push(pattern)
      for (const f of found) files.add(f)
    } else {
      missing.push(pattern)
    }
  }
  const kept = [...files].filter((f) => {
    const rel = relative(options.cwd, f)
    return rel.startsWith('..') || !ig.ignores(rel.split('\\').join('/'))
  })
  kept.sort()
  return { files: kept, missing }
}
