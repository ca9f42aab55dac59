/** Where each rule's documentation lives. */
export const DOCS_BASE = 'https://github.com/coachlint/coachlint/blob/main/rules/'

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}/README.md`
}
