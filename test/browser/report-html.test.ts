import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { coachlint } from '../helpers/cli.js'
import { launchChromium } from '../helpers/chromium.js'

const dir = mkdtempSync(join(tmpdir(), 'coachlint-html-'))
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('HTML scorecard in real Chromium', () => {
  it('opens offline and draws the agent, rule and trend charts', async () => {
    const config = join(dir, 'cfg.json')
    writeFileSync(config, JSON.stringify({ rules: { 'slow-reply': 'warn', 'no-reply': 'warn' } }))
    const out = join(dir, 'report.html')
    const run = await coachlint(['report', '-c', config, '-o', out, '--title', 'Night shift <QA>', 'fixtures/examples'])
    expect(run.code).toBe(0)

    const page = await browser.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(pathToFileURL(out).href)
    expect(await page.title()).toBe('Night shift <QA>')
    const charts = await page.evaluate(() =>
      ['chart-agents', 'chart-rules', 'chart-trend'].map((id) => {
        const svg = document.getElementById(id)!
        const box = svg.getBoundingClientRect()
        const marks = [...svg.querySelectorAll('rect.bar, circle.point')].map((el) => el.getBoundingClientRect())
        return { id, width: box.width, height: box.height, marks: marks.length, drawn: marks.filter((b) => b.width > 0 && b.height > 0).length }
      })
    )
    for (const chart of charts) {
      expect(chart.width, chart.id).toBeGreaterThan(100)
      expect(chart.marks, chart.id).toBeGreaterThan(0)
      expect(chart.drawn, chart.id).toBe(chart.marks)
    }
    // Arabic agent names render in the agent chart.
    expect(await page.locator('#chart-agents text.label', { hasText: 'نورة' }).count()).toBe(1)
    // Nothing but the file itself was requested.
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([])
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true })
    await page.close()
  })
})
