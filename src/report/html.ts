/**
 * The scorecard as one self-contained HTML file: inline CSS and SVG charts
 * (per-agent scores, rule breakdown, trend over time), no scripts, fonts or
 * images fetched from anywhere, so it opens offline and can be mailed.
 */
import type { Scorecard, Tally } from './scorecard.js'

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en') : n.toFixed(1))

interface Bar {
  label: string
  value: number
  title: string
}

function barChart(id: string, title: string, bars: Bar[], max: number, unit: string, colour: (v: number) => string): string {
  const rowHeight = 26
  const labelWidth = 190
  const width = 720
  const plot = width - labelWidth - 70
  const height = Math.max(1, bars.length) * rowHeight + 10
  const rows = bars
    .map((b, i) => {
      const y = 5 + i * rowHeight
      const w = max > 0 ? Math.max(2, (plot * b.value) / max) : 2
      return (
        `<g><title>${esc(b.title)}</title>` +
        `<text class="label" x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${esc(b.label.length > 26 ? b.label.slice(0, 25) + '…' : b.label)}</text>` +
        `<rect class="bar" x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" rx="3" fill="${colour(b.value)}"></rect>` +
        `<text class="value" x="${labelWidth + w + 6}" y="${y + 17}">${esc(fmt(b.value))}${esc(unit)}</text></g>`
      )
    })
    .join('')
  return `<figure><figcaption>${esc(title)}</figcaption><svg class="chart" id="${id}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${rows || '<text x="10" y="20">No data</text>'}</svg></figure>`
}

function trendChart(days: Array<[string, Tally]>): string {
  const width = 720
  const height = 240
  const left = 50
  const bottom = 40
  const plotW = width - left - 20
  const plotH = height - bottom - 20
  const points = days.filter(([d]) => d !== '(no date)')
  const max = Math.max(1, ...points.map(([, t]) => t.per100))
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (plotW * i) / (points.length - 1))
  const y = (v: number) => 20 + plotH - (plotH * v) / max
  const line = points.map(([, t], i) => `${x(i).toFixed(1)},${y(t.per100).toFixed(1)}`).join(' ')
  const every = Math.max(1, Math.ceil(points.length / 8))
  const ticks = points
    .map(([d], i) => (i % every === 0 ? `<text class="tick" x="${x(i).toFixed(1)}" y="${height - 15}" text-anchor="middle">${esc(d.slice(5))}</text>` : ''))
    .join('')
  const dots = points
    .map(([d, t], i) => `<circle class="point" cx="${x(i).toFixed(1)}" cy="${y(t.per100).toFixed(1)}" r="4"><title>${esc(d)}: ${fmt(t.per100)} findings per 100 agent turns, ${t.conversations} conversations</title></circle>`)
    .join('')
  const axis = `<line class="axis" x1="${left}" y1="${20 + plotH}" x2="${width - 20}" y2="${20 + plotH}"></line><line class="axis" x1="${left}" y1="20" x2="${left}" y2="${20 + plotH}"></line><text class="tick" x="${left - 6}" y="24" text-anchor="end">${fmt(max)}</text><text class="tick" x="${left - 6}" y="${20 + plotH}" text-anchor="end">0</text>`
  const body = points.length === 0 ? '<text x="10" y="20">No timestamps</text>' : `${axis}<polyline class="trend" points="${line}" fill="none"></polyline>${dots}${ticks}`
  return `<figure><figcaption>Findings per 100 agent turns, by day</figcaption><svg class="chart" id="chart-trend" role="img" aria-label="Trend over time" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${body}</svg></figure>`
}

function table(headers: string[], rows: Array<Array<string | number>>): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td dir="auto">${esc(typeof c === 'number' ? fmt(c) : c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}

const scoreColour = (v: number) => (v >= 85 ? '#2e7d32' : v >= 65 ? '#f9a825' : '#c62828')

export function scorecardHtml(card: Scorecard, title = 'coachlint scorecard'): string {
  const agents = Object.entries(card.byAgent).sort((a, b) => a[1].score - b[1].score)
  const rules = Object.entries(card.byRule).sort((a, b) => b[1].findings - a[1].findings)
  const days = Object.entries(card.byDay).sort((a, b) => a[0].localeCompare(b[0]))
  const t = card.totals
  const agentChart = barChart(
    'chart-agents',
    'Score per agent (0–100, higher is better)',
    agents.slice(0, 40).map(([name, a]) => ({ label: name, value: a.score, title: `${name}: score ${fmt(a.score)}, ${fmt(a.per100)} findings per 100 turns over ${a.agentTurns} turns` })),
    100,
    '',
    scoreColour
  )
  const maxRule = Math.max(0, ...rules.map(([, r]) => r.per100))
  const ruleChart = barChart(
    'chart-rules',
    'Findings per 100 agent turns, by rule',
    rules.map(([id, r]) => ({ label: id, value: r.per100, title: `${id}: ${r.findings} findings in ${r.conversations} conversations` })),
    maxRule,
    '',
    () => '#3949ab'
  )
  const css = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans Arabic",sans-serif;margin:2rem auto;max-width:1000px;color:#1d2330;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{margin-top:2.2rem;font-size:1.2rem;border-bottom:1px solid #dde;padding-bottom:.3rem}
.meta{color:#667}.kpis{display:flex;gap:1rem;flex-wrap:wrap;margin:1.2rem 0}.kpi{background:#f4f6fb;border-radius:8px;padding:.7rem 1rem;min-width:150px}
.kpi b{display:block;font-size:1.5rem}figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.4rem}
svg.chart{max-width:100%;height:auto;background:#fbfcfe;border:1px solid #e6e9f2;border-radius:6px}
.label,.value,.tick{font-size:12px;fill:#334}.axis{stroke:#99a}.trend{stroke:#3949ab;stroke-width:2}.point{fill:#3949ab}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border-bottom:1px solid #e6e9f2;padding:.35rem .5rem;text-align:start;vertical-align:top}
th{background:#f4f6fb;font-weight:600}td:nth-child(n+2){font-variant-numeric:tabular-nums}code{font-size:12px}`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${css}</style></head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">Generated ${esc(card.generatedAt)} by coachlint. Score = 100 × 100 / (100 + P), where P is the severity-weighted findings per 100 agent turns (error ${card.weights.error}, warning ${card.weights.warning}, info ${card.weights.info}, each × confidence).</p>
<div class="kpis">
<div class="kpi"><b>${fmt(t.conversations)}</b>conversations</div>
<div class="kpi"><b>${fmt(t.agentTurns)}</b>agent turns</div>
<div class="kpi"><b>${fmt(t.findings)}</b>findings</div>
<div class="kpi"><b>${fmt(t.per100)}</b>per 100 agent turns</div>
<div class="kpi"><b>${fmt(t.score)}</b>overall score</div>
${card.inputProblems ? `<div class="kpi"><b>${fmt(card.inputProblems)}</b>input problems</div>` : ''}
</div>
<h2>Agents</h2>
${agentChart}
${table(['agent', 'conversations', 'agent turns', 'findings', 'per 100 turns', 'score', 'top rules'], agents.map(([name, a]) => [name, a.conversations, a.agentTurns, a.findings, a.per100, a.score, Object.entries(a.byRule).sort((x, y) => y[1] - x[1]).slice(0, 3).map(([r, n]) => `${r} (${n})`).join(', ')]))}
<h2>Rules</h2>
${ruleChart}
${table(['rule', 'findings', 'conversations', 'errors', 'warnings', 'info', 'per 100 agent turns'], rules.map(([id, r]) => [id, r.findings, r.conversations, r.errors, r.warnings, r.infos, r.per100]))}
<h2>Trend</h2>
${trendChart(days)}
<h2>Channels</h2>
${table(['channel', 'conversations', 'agent turns', 'findings', 'per 100 turns', 'score'], Object.entries(card.byChannel).map(([c, x]) => [c, x.conversations, x.agentTurns, x.findings, x.per100, x.score]))}
<h2>Conversations that need coaching most</h2>
${table(['conversation', 'agent', 'weight', 'findings'], card.worst.map((w) => [`${w.conversation} (${w.path})`, w.agent, w.weighted, w.findings.map((f) => `${f.ruleId} @${f.line ?? '?'}:${f.column ?? '?'} turn ${f.turn ?? '?'}: ${f.reason}`).join(' · ')]))}
</body></html>
`
}
