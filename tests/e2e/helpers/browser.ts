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
}: {
  browser: Browser
  viewport?: { width: number; height: number }
}): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ baseURL: baseURL(), viewport })
  const page = await context.newPage()
  return { context, page }
}

const screenshotDir = path.resolve('tests/e2e/screenshots')

// Kept as CI artefacts (git-ignored): one image per page type and width.
export const saveScreenshot = async ({ page, name }: { page: Page; name: string }) => {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}
