// Prints the README's rules table from the rules' own metadata:
//   npm run docs            print it
//   npm run docs -- --write replace the table between the markers in README.md
import { readFileSync, writeFileSync } from 'node:fs'
import { rules } from '../dist/rules/index.js'

const rows = rules.map((r) => `| [\`${r.meta.id}\`](rules/${r.meta.id}/README.md) | ${r.meta.recommended} | ${r.meta.description.replace(/\|/g, '\\|')} |`)
const table = ['| rule | recommended | what it catches |', '| --- | --- | --- |', ...rows].join('\n')

if (process.argv.includes('--write')) {
  const readme = readFileSync('README.md', 'utf8')
  const start = '<!-- rules-table:start -->'
  const end = '<!-- rules-table:end -->'
  const a = readme.indexOf(start)
  const b = readme.indexOf(end)
  if (a === -1 || b === -1) throw new Error('README.md has no rules-table markers')
  writeFileSync('README.md', readme.slice(0, a + start.length) + '\n' + table + '\n' + readme.slice(b))
} else {
  console.log(table)
}
