/**
 * The pre-send demo in real Chromium: the page and dist/browser served over HTTP
 * on 127.0.0.1; typing a dead end shows the warning, clicking its suggestion
 * rewrites the draft.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../helpers/chromium.js'
// @ts-expect-error: plain ES module scripts without type declarations
import { startDemoServer } from '../../scripts/serve-demo.js'
// @ts-expect-error: plain ES module scripts without type declarations
import { buildBrowser } from '../../scripts/build-browser.js'

const BUNDLE = fileURLToPath(new URL('../../dist/browser/coachlint.js', import.meta.url))

let browser: Browser
let server: { url: string; close: () => Promise<void> }

beforeAll(async () => {
  // `npm test` builds it first (pretest); a lone `vitest run` may not have.
  if (!existsSync(BUNDLE)) await buildBrowser()
  server = await startDemoServer({ port: 0, host: '127.0.0.1' })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('pre-send demo page in Chromium', () => {
  it('warns about a dead end as you type and applies the suggestion on click', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    const requests: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(`${server.url}examples/browser/`)
    await expect(page.locator('#conversation .turn').count()).resolves.toBe(3)

    const draft = page.locator('#draft')
    await draft.click()
    await draft.pressSequentially("I don't know", { delay: 15 })

    const warning = page.locator('li.message[data-rule="no-dead-end"]')
    await warning.waitFor({ state: 'visible' })
    expect(await warning.getAttribute('data-severity')).toBe('warn')
    expect(await warning.locator('.reason').textContent()).toContain("I don't know")
    expect(await page.locator('#verdict').textContent()).toBe('review')
    // The span is marked in the preview.
    expect(await page.locator('#preview mark', { hasText: "I don't know" }).count()).toBe(1)

    const expected = await page.evaluate(() => {
      const last = (window as unknown as { coachlintDemo: { last: { messages: Array<{ ruleId: string; expected?: string[]; fix: { kind: string } }> } } }).coachlintDemo.last
      const m = last.messages.find((x) => x.ruleId === 'no-dead-end')!
      return { text: m.expected![0]!, kind: m.fix.kind }
    })
    expect(expected.kind).toBe('replace')
    await warning.locator('button.suggestion').first().click()

    const value = await draft.inputValue()
    expect(value).not.toContain("I don't know")
    expect(value).toBe(expected.text)
    // Checked again at once: the dead end is gone.
    await page.locator('li.message[data-rule="no-dead-end"]').waitFor({ state: 'detached' })

    // The English model arrives as a separate chunk, from the same server.
    await page.locator('#status', { hasText: 'English model: loaded' }).waitFor()
    expect(requests.some((u) => /\/chunks\/model-[\w-]+\.js$/.test(u))).toBe(true)
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
