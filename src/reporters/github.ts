/** GitHub Actions workflow commands: one annotation per message. */
import type { VFile } from 'vfile'
import type { CoachlintMessage } from '../engine/messages.js'
import { toJsonMessage } from './json.js'

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

export function formatGithub(files: VFile[]): string {
  let out = ''
  for (const file of files) {
    for (const m of file.messages as CoachlintMessage[]) {
      const j = toJsonMessage(m)
      const command = j.severity === 'error' ? 'error' : j.severity === 'warning' ? 'warning' : 'notice'
      const props = [`file=${escapeProperty(file.path ?? '<text>')}`]
      if (j.line !== null) props.push(`line=${j.line}`)
      if (j.column !== null) props.push(`col=${j.column}`)
      if (j.endLine !== null) props.push(`endLine=${j.endLine}`)
      if (j.endColumn !== null) props.push(`endColumn=${j.endColumn}`)
      props.push(`title=${escapeProperty(`coachlint ${j.ruleId ?? 'input'}${j.conversation ? ` (${j.conversation}, turn ${j.turn})` : ''}`)}`)
      const body = j.note ? `${j.reason}\n${j.note}${j.expected.length ? `\nTry: ${j.expected[0]}` : ''}` : j.reason
      out += `::${command} ${props.join(',')}::${escapeData(body)}\n`
    }
  }
  return out
}
