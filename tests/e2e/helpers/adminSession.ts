import type { Browser, BrowserContext, Page, Response } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, expect } from 'vitest'

import { whereQuery } from '@/payload/admin/attention'

import { baseURL, launchBrowser, newPage } from './browser'

// A staff member's session in the real admin, watched the way the issue that broke pickers was
// found: every response of the site, every console error and every page error is recorded, and
// each step of a task ends by checking that nothing failed that the step did not intend, and
// that no name was left as "Untitled" or a bare id. A failed step saves a screenshot and the
// network log under tests/e2e/screenshots/admin-failures/.

export type AdminLanguage = 'en' | 'zh'

export type StaffAccount = { email: string; password: string; name: string }

// The suite's first account: whichever browser test file runs first registers it.
export const e2eAdmin: StaffAccount = {
  email: 'admin@example.org',
  password: 'e2e admin password 1',
  name: 'Admin',
}

type Exchange = {
  at: number
  method: string
  url: string
  status: number | 'failed'
  detail?: string
}

// A response a step means to get, e.g. a 401 for a disabled account's login.
export type IntendedFailure = { status: number; path: RegExp }

export type AdminSession = {
  context: BrowserContext
  page: Page
  language: AdminLanguage
  // Runs one step of a task and then checks the page and everything it sent since the step began.
  step: <T>(name: string, run: () => Promise<T>, intended?: IntendedFailure[]) => Promise<T>
  close: () => Promise<void>
}

const failureDir = path.resolve('tests/e2e/screenshots/admin-failures')

// What Payload shows when a relationship's label is missing: "Untitled - ID: 12" (无标题 in
// Chinese), or the related document's id alone, as its version comparison did for speakers.
const namelessPatterns = [
  /\bUntitled\b/,
  /无标题/,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/,
  /\b[0-9a-f]{24}\b/,
]

// Where an id is what belongs: a document's own "ID:" line and the version list's id column.
const idPlaces = '.id-label, .cell-id'

export const api = async ({
  path: apiPath,
  method = 'GET',
  token,
  body,
}: {
  path: string
  method?: string
  token?: string
  body?: unknown
}) => {
  const response = await fetch(`${baseURL()}${apiPath}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, json: await response.json().catch(() => null) }
}

// Registers the suite's admin on an empty site, or logs it in when another file did so already.
export const adminToken = async (): Promise<string> => {
  const registered = await api({
    path: '/api/users/first-register',
    method: 'POST',
    body: e2eAdmin,
  })
  if (registered.status === 200) return registered.json.token
  const loggedIn = await api({
    path: '/api/users/login',
    method: 'POST',
    body: { email: e2eAdmin.email, password: e2eAdmin.password },
  })
  if (loggedIn.status !== 200) throw new Error(`admin login: ${loggedIn.status}`)
  return loggedIn.json.token
}

// A new staff account for one test file, made by the admin over REST.
export const createStaffAccount = async ({
  role,
  label,
}: {
  role: 'editor' | 'admin'
  label: string
}): Promise<StaffAccount> => {
  const account = {
    email: `${label}-${Date.now()}@example.org`,
    password: `e2e ${label} password 1`,
    name: `${label[0]?.toUpperCase()}${label.slice(1)} Editor`,
  }
  const created = await api({
    path: '/api/users',
    method: 'POST',
    token: await adminToken(),
    body: { ...account, role },
  })
  if (created.status !== 201) throw new Error(`create ${label}: ${created.status}`)
  return account
}

const isSameSite = (url: string) => url.startsWith(baseURL())

const describe = (response: Response): Exchange => ({
  at: Date.now(),
  method: response.request().method(),
  url: response.url(),
  status: response.status(),
})

const watch = (page: Page) => {
  const exchanges: Exchange[] = []
  const consoleErrors: string[] = []
  page.on('response', (response) => {
    if (isSameSite(response.url())) exchanges.push(describe(response))
  })
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed'
    // A navigation cancels the requests of the page it leaves; that is not a failure of the site.
    if (!isSameSite(request.url()) || failure.includes('ERR_ABORTED')) return
    exchanges.push({
      at: Date.now(),
      method: request.method(),
      url: request.url(),
      status: 'failed',
      detail: failure,
    })
  })
  page.on('console', (message) => {
    // Chromium reports each 4xx/5xx response as a console error too; the responses themselves
    // are checked above, against what the step intended.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`))
  return { exchanges, consoleErrors }
}

const isIntended = (exchange: Exchange, intended: IntendedFailure[]) =>
  intended.some(
    ({ status, path: pattern }) =>
      exchange.status === status && pattern.test(new URL(exchange.url).pathname),
  )

const unintendedFailures = (exchanges: Exchange[], intended: IntendedFailure[]) =>
  exchanges.filter(
    (exchange) =>
      (exchange.status === 'failed' || exchange.status >= 400) && !isIntended(exchange, intended),
  )

// Text the staff member sees (not what is inside form inputs), less the places where an id is
// the right thing to show.
const visibleText = async (page: Page) => {
  const all = await page.locator('body').innerText({ timeout: 10_000 })
  const ids = await page.locator(idPlaces).allInnerTexts()
  return ids.reduce((text, id) => text.replace(id, ''), all)
}

const namelessText = (text: string) =>
  namelessPatterns
    .map((pattern) => text.match(pattern)?.[0])
    .filter((match): match is string => Boolean(match))

// Names load after the page (a list's relationship cells say "Loading..." first, a new document's
// breadcrumb follows its title): what is still nameless after a few seconds is a bug. A plain
// loop, since a session's first step (logging in) runs outside any test.
const namelessAfterLoading = async (page: Page) => {
  const deadline = Date.now() + 10_000
  for (;;) {
    const nameless = namelessText(await visibleText(page))
    if (nameless.length === 0 || Date.now() > deadline) return nameless
    await page.waitForTimeout(250)
  }
}

const fileNameOf = (step: string) =>
  step
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)

const saveFailure = async ({
  page,
  name,
  exchanges,
  consoleErrors,
}: {
  page: Page
  name: string
  exchanges: Exchange[]
  consoleErrors: string[]
}) => {
  fs.mkdirSync(failureDir, { recursive: true })
  const file = path.join(failureDir, fileNameOf(name))
  await page.screenshot({ path: `${file}.png`, fullPage: true }).catch(() => undefined)
  const log = { step: name, url: page.url(), consoleErrors, network: exchanges }
  fs.writeFileSync(`${file}.network.json`, JSON.stringify(log, null, 2))
}

// Waits for the admin's requests to finish, so that a step's checks see what it caused.
const settle = (page: Page) =>
  page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)

export const openAdminSession = async ({
  browser,
  account,
  language,
}: {
  browser: Browser
  account: StaffAccount
  language: AdminLanguage
}): Promise<AdminSession> => {
  const { context, page } = await newPage({ browser })
  // The admin's language, as Account → Language sets it.
  await context.addCookies([{ name: 'payload-lng', value: language, url: baseURL() }])
  const { exchanges, consoleErrors } = watch(page)
  const step: AdminSession['step'] = async (name, run, intended = []) => {
    const fullName = `${language} ${name}`
    const fromExchange = exchanges.length
    const fromConsole = consoleErrors.length
    try {
      const result = await run()
      await settle(page)
      expect(unintendedFailures(exchanges.slice(fromExchange), intended), fullName).toEqual([])
      expect(consoleErrors.slice(fromConsole), fullName).toEqual([])
      expect(await namelessAfterLoading(page), fullName).toEqual([])
      return result
    } catch (error) {
      await saveFailure({ page, name: fullName, exchanges, consoleErrors })
      throw error
    }
  }
  await step('log in', () => logIn({ page, account }))
  return { context, page, language, step, close: () => context.close() }
}

const logIn = async ({ page, account }: { page: Page; account: StaffAccount }) => {
  await page.goto('/admin/login')
  await page.fill('#field-email', account.email)
  await page.fill('#field-password', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => url.pathname === '/admin', { timeout: 30_000 })
}

// Payload's document form ignores submits, autosave included, while it is still initialising
// (it is disabled, silently): on a busy machine that lasts seconds after its fields take typing.
export const waitForFormReady = (page: Page) =>
  page.locator('form[data-form-ready="true"]').waitFor({ timeout: 30_000 })

export const openDocument = async (page: Page, documentPath: string) => {
  await page.goto(documentPath)
  await waitForFormReady(page)
}

export const toastSuccess = (page: Page) =>
  page.locator('.payload-toast-container .toast-success').first().waitFor({ timeout: 30_000 })

// Save, or Publish for a collection with drafts: the document's main button, then Payload's word
// that it worked.
export const saveDocument = async (page: Page) => {
  await waitForFormReady(page)
  await page.locator('#action-save').click()
  await toastSuccess(page)
}

export type StaffFixture = {
  browser: Browser
  editor: StaffAccount
  token: string
  // A REST read with the admin's token, to check what a step saved (JSON, as the test expects it).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  read: (path: string) => Promise<any>
  // What the file made and the other browser tests must not find on the site: deleted after the
  // file, in the order given, with a REST delete by `where` (title contains the file's stamp...).
  removeAfterwards: (collection: string, where: Record<string, unknown>) => void
}

// What each admin test file needs: a browser, an editor account of its own, and the admin's token.
export const staffForThisFile = (label: string): StaffFixture => {
  const leftovers: { collection: string; where: Record<string, unknown> }[] = []
  const fixture = {
    read: async (path: string) => (await api({ path, token: fixture.token })).json,
    removeAfterwards: (collection: string, where: Record<string, unknown>) => {
      leftovers.push({ collection, where })
    },
  } as unknown as StaffFixture
  beforeAll(async () => {
    fixture.browser = await launchBrowser()
    fixture.editor = await createStaffAccount({ role: 'editor', label })
    fixture.token = await adminToken()
  })
  afterAll(async () => {
    await fixture.browser?.close()
    // The file's admin tabs closed without leaving their documents, whose edit locks would
    // refuse the deletes below (Payload frees a lock when the edit view is left, or after
    // five minutes).
    const unlocked = await api({
      path: `/api/payload-locked-documents?${whereQuery({ id: { exists: true } }).join('&')}`,
      method: 'DELETE',
      token: fixture.token,
    })
    if (unlocked.status !== 200) throw new Error(`unlocking: ${JSON.stringify(unlocked.json)}`)
    for (const { collection, where } of leftovers) {
      const query = [...whereQuery(where), 'limit=100', 'depth=0'].join('&')
      const removed = await api({
        path: `/api/${collection}?${query}`,
        method: 'DELETE',
        token: fixture.token,
      })
      if (removed.status !== 200)
        throw new Error(`cleaning ${collection}: ${removed.status} ${JSON.stringify(removed.json)}`)
    }
  })
  return fixture
}

export { api as adminAPI }
