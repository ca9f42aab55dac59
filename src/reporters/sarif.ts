/** SARIF 2.1.0 through node-sarif-builder, for code-scanning dashboards. */
import type { VFile } from 'vfile'
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder'
import type { CoachlintMessage } from '../engine/messages.js'
import type { Rule } from '../types.js'
import { toJsonMessage } from './json.js'

export function formatSarif(files: VFile[], rules: ReadonlyArray<Rule<any>>, version: string): string {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: 'coachlint',
    toolDriverVersion: version,
    url: 'https://github.com/coachlint/coachlint'
  })
  for (const rule of rules) {
    run.addRule(
      new SarifRuleBuilder().initSimple({
        ruleId: rule.meta.id,
        shortDescriptionText: rule.meta.description,
        ...(rule.meta.url ? { helpUri: rule.meta.url } : {})
      })
    )
  }
  for (const file of files) {
    for (const m of file.messages as CoachlintMessage[]) {
      const j = toJsonMessage(m)
      const result = new SarifResultBuilder()
      const init: Parameters<SarifResultBuilder['initSimple']>[0] = {
        level: j.severity === 'info' ? 'note' : j.severity,
        messageText: j.note ? `${j.reason} — ${j.note}` : j.reason,
        ruleId: j.ruleId ?? 'coachlint/input',
        fileUri: (file.path ?? 'stdin').split('\\').join('/')
      }
      if (j.line !== null && j.line >= 1) init.startLine = j.line
      if (j.column !== null && j.column >= 1) init.startColumn = j.column
      if (j.endLine !== null && j.endLine >= 1) init.endLine = j.endLine
      if (j.endColumn !== null && j.endColumn >= 1) init.endColumn = j.endColumn
      result.initSimple(init)
      const props: Record<string, unknown> = { conversation: j.conversation, turn: j.turn, role: j.role, author: j.author, confidence: j.confidence }
      if (j.expected.length > 0) props.expected = j.expected
      ;(result.result as { properties?: Record<string, unknown> }).properties = props
      run.addResult(result)
    }
  }
  const builder = new SarifBuilder()
  builder.addRun(run)
  return builder.buildSarifJsonString({ indent: true })
}
