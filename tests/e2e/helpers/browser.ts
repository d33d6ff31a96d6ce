import type { Browser, BrowserContext, Page } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { inject } from 'vitest'

export const baseURL = () => inject('baseURL')

// Debian's Chromium; the flags keep it from reaching for networks this machine does not have.
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const

export const newPage = async ({
  browser,
  viewport = viewports.desktop,
  siteURL = baseURL(),
}: {
  browser: Browser
  viewport?: { width: number; height: number }
  // Another server than the suite's, for the files that start their own.
  siteURL?: string
}): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ baseURL: siteURL, viewport })
  // Every page records what its Content Security Policy blocked, for cspViolations().
  await context.addInitScript(() => {
    const violations: string[] = []
    Object.assign(window, { cspViolations: violations })
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  const page = await context.newPage()
  return { context, page }
}

// What the page's Content Security Policy blocked since it loaded: the site must satisfy its own
// policy, so any entry is a bug (in the page or in the policy).
export const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])

const screenshotDir = path.resolve('tests/e2e/screenshots')

// Kept as CI artefacts (git-ignored): one image per page type and width.
export const saveScreenshot = async ({ page, name }: { page: Page; name: string }) => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}
