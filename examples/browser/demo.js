// The pre-send demo: the draft is checked in the page with the browser build of
// coachlint (dist/browser/coachlint.js; `npm run build:browser`), debounced as
// you type; clicking a suggestion applies it to the draft.
import { applySuggestion, lintDraft, loadEnglish } from '../../dist/browser/coachlint.js'

const MINUTE = 60_000
const now = Date.now()
const iso = (t) => new Date(t).toISOString()

// A customer complaint in progress; the customer's last message came a minute ago.
const conversation = {
  id: 'demo-4411',
  channel: 'chat',
  language: 'en',
  turns: [
    { role: 'customer', author: 'Dana', at: iso(now - 6 * MINUTE), text: "Hi, I ordered a blender on Monday (order 44113) and it still hasn't arrived. The tracking page says delivered but nothing came!" },
    { role: 'agent', author: 'Sara', at: iso(now - 5 * MINUTE), text: "Hi Dana, I'm sorry to hear that. Could you confirm the delivery address on the order?" },
    { role: 'customer', author: 'Dana', at: iso(now - 1 * MINUTE), text: "It's 12 Palm Street, flat 4, and my email is dana@example.com. This is really frustrating, I needed it for the weekend." }
  ]
}

const $ = (id) => document.getElementById(id)
const draftBox = $('draft')
const DEBOUNCE_MS = 150
let timer
let last

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v)
    else if (k in node) node[k] = v
    else node.setAttribute(k, v)
  }
  for (const c of children) if (c !== undefined && c !== null) node.append(c)
  return node
}

function renderConversation() {
  const box = $('conversation')
  for (const turn of conversation.turns) {
    const time = new Date(turn.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    box.append(el('p', { className: `turn ${turn.role}` }, el('span', { className: 'who', textContent: `${turn.author} · ${time}` }), turn.text))
  }
}

const LABEL = { error: 'Error', warn: 'Warning', info: 'Note' }

function renderPreview(text, messages) {
  const box = $('preview')
  box.replaceChildren()
  let at = 0
  const spans = messages
    .filter((m) => m.onDraft && m.target === 'text' && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end)
  for (const m of spans) {
    if (m.start < at) continue // overlapping findings: mark the first
    box.append(text.slice(at, m.start), el('mark', { className: m.severity, title: `${m.ruleId}: ${m.reason}`, textContent: text.slice(m.start, m.end) }))
    at = m.end
  }
  box.append(text.slice(at))
}

function renderMessages(result) {
  const list = $('messages')
  list.replaceChildren()
  if (result.messages.length === 0) {
    list.append(el('li', { id: 'empty', textContent: 'No findings: good to send.' }))
    return
  }
  result.messages.forEach((m) => {
    const where = m.onDraft
      ? m.target === 'time'
        ? 'timing of this reply'
        : `line ${m.line}, column ${m.column}–${m.endColumn}`
      : `earlier turn ${m.turn + 1}${m.author ? ` (${m.role} ${m.author})` : ''}${m.excerpt ? `: “${m.excerpt}”` : ''}`
    const suggestions = el('div', { className: 'suggestions' })
    ;(m.expected ?? []).forEach((text, index) => {
      const button = el('button', { type: 'button', className: 'suggestion', dataset: { index: String(index) } }, el('span', { className: 'kind', textContent: m.fix.kind === 'replace' ? 'replace' : 'add' }), text)
      button.addEventListener('click', () => {
        draftBox.value = applySuggestion(draftBox.value, m, index)
        draftBox.focus()
        check()
      })
      suggestions.append(button)
    })
    list.append(
      el(
        'li',
        { className: `message ${m.severity}`, dataset: { rule: m.ruleId, severity: m.severity } },
        el('div', { className: 'head' }, el('strong', { textContent: LABEL[m.severity] ?? m.severity }), el('span', { className: 'reason', textContent: m.reason }), el('span', { className: 'rule', textContent: m.ruleId })),
        el('div', { className: 'where', textContent: where }),
        m.note ? el('details', {}, el('summary', { textContent: 'Why it matters' }), m.note) : null,
        suggestions
      )
    )
  })
}

function check() {
  clearTimeout(timer)
  const text = draftBox.value
  const verdict = $('verdict')
  if (!text.trim()) {
    last = undefined
    verdict.textContent = 'send'
    verdict.className = 'send'
    $('timing').textContent = ''
    $('preview').replaceChildren()
    $('messages').replaceChildren()
    return
  }
  const started = performance.now()
  const result = lintDraft({ conversation, draft: text, author: 'Sara' })
  const ms = performance.now() - started
  last = result
  verdict.textContent = result.verdict
  verdict.className = result.verdict
  $('timing').textContent = `checked in ${ms.toFixed(1)} ms`
  renderPreview(text, result.messages)
  renderMessages(result)
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1)
}

draftBox.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(check, DEBOUNCE_MS)
})

renderConversation()
// The English model is fetched in the background; checks run before it is there.
loadEnglish().then(
  () => {
    $('status').textContent = 'English model: loaded'
    if (draftBox.value.trim()) check()
  },
  () => ($('status').textContent = 'English model: unavailable')
)

// For tests and the console.
window.coachlintDemo = { conversation, check, get last() { return last } }
