import type { Page } from 'playwright-core'
import type { AxeResults, Result } from 'axe-core'

import fs from 'node:fs'
import { createRequire } from 'node:module'

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

// WCAG 2.1 A and AA, plus axe's best practices (landmarks, one h1, headings in order, …).
const rules = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

// One line per violation and element, so that a failing test says what to fix and where.
const describeViolations = (violations: Result[]): string[] =>
  violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')}`,
    ),
  )

export const axeViolations = async ({ page }: { page: Page }): Promise<string[]> => {
  await page.addScriptTag({ content: axeSource })
  const results = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run: (context: Document, options: unknown) => Promise<AxeResults> }
        }
      ).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    rules,
  )
  return describeViolations(results.violations)
}
