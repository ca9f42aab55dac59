/**
 * Slack exports on disk: a folder (`users.json`, `channels.json`, one folder
 * per channel with a JSON file per day) or the `.zip` Slack hands out. The
 * per-file reader is browser-safe (src/formats/slack.ts); walking folders
 * needs Node's fs and lives here.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { VFile } from 'vfile'
import type { Linter } from '../engine/linter.js'
import { addProblem } from '../engine/messages.js'
import { SLACK_METADATA, readSlackZip, slackUsersFromJson, type InputFormat, type ReadOptions, type SlackUser } from '../formats/index.js'

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/i
const rootCache = new Map<string, boolean>()
const usersCache = new Map<string, Record<string, SlackUser>>()

/** A folder that holds a Slack export: users.json or channels.json beside channel folders of day files. */
export function isSlackExportRoot(dir: string): boolean {
  const cached = rootCache.get(dir)
  if (cached !== undefined) return cached
  let found = false
  try {
    if (existsSync(join(dir, 'users.json')) || existsSync(join(dir, 'channels.json'))) {
      found = readdirSync(dir).some((name) => {
        const sub = join(dir, name)
        try {
          return statSync(sub).isDirectory() && readdirSync(sub).some((f) => DAY_FILE.test(f))
        } catch {
          return false
        }
      })
    }
  } catch {
    found = false
  }
  rootCache.set(dir, found)
  return found
}

/** users.json etc. at a Slack export's root: not conversations. */
export function isSlackMetadata(file: string): boolean {
  return SLACK_METADATA.has(basename(file)) && isSlackExportRoot(dirname(file))
}

/** For a day file inside a Slack export folder: its users and channel. */
export function slackContextFor(file: string): { users: Record<string, SlackUser>; channel: string } | undefined {
  if (!DAY_FILE.test(basename(file))) return undefined
  const channelDir = dirname(file)
  const root = dirname(channelDir)
  if (!isSlackExportRoot(root)) return undefined
  let users = usersCache.get(root)
  if (!users) {
    const path = join(root, 'users.json')
    users = existsSync(path) ? slackUsersFromJson(readFileSync(path, 'utf8')) : {}
    usersCache.set(root, users)
  }
  return { users, channel: basename(channelDir) }
}

/**
 * Does this zip hold a Slack export? Looks for users.json / channels.json among
 * the names in the zip's central directory, read from the file's tail, so a
 * large media zip in the same folder is not loaded whole.
 */
export function isSlackZip(path: string): boolean {
  try {
    const size = statSync(path).size
    const length = Math.min(size, 8 * 1024 * 1024)
    const tail = Buffer.alloc(length)
    const fd = openSync(path, 'r')
    try {
      readSync(fd, tail, 0, length, size - length)
    } finally {
      closeSync(fd)
    }
    return tail.includes('users.json') || tail.includes('channels.json')
  } catch {
    return false
  }
}

/** Lint a path: one VFile, or one per day file of a zipped Slack export. */
export function lintPath(linter: Linter, path: string, options: { cwd?: string; format?: InputFormat; shownAs?: string } = {}): VFile[] {
  const shown = options.shownAs ?? (relative(options.cwd ?? process.cwd(), path) || path)
  return sourcesFor(path, shown, options.format).map((source) => {
    if (source.error) {
      const file = new VFile({ path: source.shown })
      addProblem(file, { reason: source.error, start: 0, end: 0, fatal: true })
      return file
    }
    let bytes = source.bytes
    if (!bytes) {
      try {
        bytes = readFileSync(source.path!)
      } catch (error) {
        const file = new VFile({ path: source.shown })
        addProblem(file, { reason: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, start: 0, end: 0, fatal: true })
        return file
      }
    }
    return linter.lintSource(bytes, { path: source.shown, format: source.format, read: source.read })
  })
}

/** One source to read: a file on disk, or a member of a zipped export, with the reader context it needs. */
export interface ExportSource {
  /** Path shown in reports (zip members: `export.zip/channel/day.json`). */
  shown: string
  /** File on disk to read, or … */
  path?: string
  /** … the bytes of a zip member. */
  bytes?: Uint8Array
  format?: InputFormat
  read?: Partial<Omit<ReadOptions, 'name'>>
  /** Set when the path could not be opened as what it claims to be. */
  error?: string
}

/**
 * What a path stands for: itself (with Slack users and channel when it is a
 * day file of an exported folder), or every day file of a zipped Slack export.
 */
export function sourcesFor(path: string, shown: string, format?: InputFormat): ExportSource[] {
  if (/\.zip$/i.test(path) && (format === undefined || format === 'slack')) {
    try {
      const read = readSlackZip(readFileSync(path))
      if (read.entries.length === 0) return [{ shown, error: 'This zip holds no Slack export (no channel folders with day files such as support/2024-05-01.json)' }]
      return read.entries.map((e) => ({ shown: `${shown}/${e.path}`, bytes: e.bytes, format: 'slack' as const, read: { slack: { users: read.users, channel: e.channel } } }))
    } catch (error) {
      return [{ shown, error: `Cannot read this zip as a Slack export: ${(error as Error).message}` }]
    }
  }
  const slack = format === undefined || format === 'slack' ? slackContextFor(path) : undefined
  if (slack) return [{ shown, path, format: 'slack', read: { slack } }]
  return [{ shown, path, format }]
}
