import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AdminLanguage, AdminSession } from './helpers/adminSession'

import { fieldOf, pick, selectOption } from './helpers/adminFields'
import {
  adminAPI,
  e2eAdmin,
  openAdminSession,
  saveDocument,
  toastSuccess,
  staffForThisFile,
  openDocument,
  waitForFormReady,
} from './helpers/adminSession'
import { baseURL, newPage } from './helpers/browser'

// The rest of a forum's staff work in the admin: a service page nested under another with a form
// on it, the site settings, form submissions, accounts (an editor, a reader with an API key, a
// disabled account), importing an old news page, and the list views (search, filters, sort,
// columns, pagination, bulk edit). In English and in Chinese.

// Every name this file gives carries its stamp, by which it cleans up after itself.
const stamp = Date.now()
const staff = staffForThisFile('site')
staff.removeAfterwards('pages', { title: { like: String(stamp) } })
staff.removeAfterwards('meetings', { title: { like: String(stamp) } })
staff.removeAfterwards('users', { name: { like: String(stamp) } })

const read = staff.read

const publicPage = async (sitePath: string) => {
  const response = await fetch(`${baseURL()}${sitePath}`)
  return { status: response.status, text: await response.text() }
}

const contactForm = async () =>
  (await read('/api/forms?where[title][equals]=Contact%20the%20secretariat&depth=0')).docs[0]

const importFixture = path.resolve('tests/int/fixtures/import/round-table-2022-retold.txt')

// A page naming people the demo content does not have, in the admin's language.
const newPeoplePage = {
  en: path.resolve('tests/import-corpus/tune/2023-side-event-en.txt'),
  zh: path.resolve('tests/import-corpus/tune/2022-side-event-zh.txt'),
}

describe.each<AdminLanguage>(['en', 'zh'])('the site in the admin (admin in %s)', (language) => {
  let session: AdminSession
  let adminSession: AdminSession
  const suffix = `${language}-${stamp}`

  beforeAll(async () => {
    session = await openAdminSession({ browser: staff.browser, account: staff.editor, language })
    adminSession = await openAdminSession({ browser: staff.browser, account: e2eAdmin, language })
  })

  afterAll(async () => {
    await session?.close()
    await adminSession?.close()
  })

  it('publishes a service page nested under another, with breadcrumbs and a form', async () => {
    const { page, step } = session
    const title = `Airport transfers ${suffix}`
    await step('create the page under "Services" with the contact form', async () => {
      await page.goto('/admin/collections/pages/create')
      await page.waitForURL(/\/pages\/[0-9a-f-]{36}/, { timeout: 30_000 })
      await waitForFormReady(page)
      await fieldOf(page, 'title').fill(title)
      await pick({ page, path: 'parent', search: 'Services', option: /^Services$|Services/ })
      await pick({ page, path: 'form', search: 'Contact', option: /Contact the secretariat/ })
    })
    await step('publish the page', () => saveDocument(page))
    const id = /\/pages\/([0-9a-f-]{36})/.exec(page.url())![1]
    const saved = await read(`/api/pages/${id}?depth=0`)
    const url = saved.breadcrumbs.at(-1).url as string
    expect(url).toMatch(/^\/services\/airport-transfers/)
    const { status, text } = await publicPage(url)
    expect(status).toBe(200)
    expect(text).toContain(title)
    expect(text).toMatch(/<nav[^>]*aria-label="[^"]*[Bb]readcrumb/)
    expect(text).toContain('<form')
  })

  it('changes the site settings, and the public site shows them', async () => {
    const { page, step } = session
    const tagline = `Cooperation for a low-carbon future ${suffix}`
    let before = ''
    await step('change the tagline', async () => {
      await openDocument(page, '/admin/globals/site?locale=en')
      before = await fieldOf(page, 'tagline').inputValue()
      await fieldOf(page, 'tagline').fill(tagline)
      await saveDocument(page)
    })
    await expect
      .poll(async () => (await publicPage('/')).text, { timeout: 15_000 })
      .toContain(tagline)
    await step('put the tagline back', async () => {
      await fieldOf(page, 'tagline').fill(before)
      await saveDocument(page)
    })
  })

  it('edits a form, and the public page shows the change', async () => {
    const { page, step } = session
    const form = await contactForm()
    const label = `Send to the secretariat ${suffix}`
    let before = ''
    await step('change the submit button of the contact form', async () => {
      await openDocument(page, `/admin/collections/forms/${form.id}?locale=en`)
      before = await fieldOf(page, 'submitButtonLabel').inputValue()
      await fieldOf(page, 'submitButtonLabel').fill(label)
      await saveDocument(page)
    })
    await expect
      .poll(async () => (await publicPage('/contact-us')).text, { timeout: 15_000 })
      .toContain(label)
    await step('put the button back', async () => {
      await fieldOf(page, 'submitButtonLabel').fill(before)
      await saveDocument(page)
    })
  })

  it('reads a visitor’s form submission, named by its form', async () => {
    const { page, step } = session
    const form = await contactForm()
    const submitted = await adminAPI({
      path: '/api/form-submissions',
      method: 'POST',
      body: {
        form: form.id,
        submissionData: [
          { field: 'name', value: `Visitor ${suffix}` },
          { field: 'email', value: 'visitor@example.org' },
          { field: 'topic', value: 'travel' },
          { field: 'message', value: 'Which hotel is nearest to the venue?' },
        ],
      },
    })
    expect(submitted.status).toBe(201)
    await step('open the submissions and the new one', async () => {
      await page.goto('/admin/collections/form-submissions')
      const row = page.locator('.table tbody tr').first()
      // The form's title loads after the row.
      await expect
        .poll(() => row.innerText(), { timeout: 15_000 })
        .toContain('Contact the secretariat')
      expect(await row.innerText()).toContain(`Visitor ${suffix} <visitor@example.org>`)
      await row.locator('a').first().click()
      await waitForFormReady(page)
      // Named by who sent it, not by its id.
      expect(await page.getByRole('heading', { level: 1 }).first().innerText()).toBe(
        `Visitor ${suffix} <visitor@example.org>`,
      )
    })
  })

  it('makes an editor, a reader with an API key and a disabled account', async () => {
    const { page, step } = adminSession
    let apiKey = ''
    const makeAccount = async ({ name, role }: { name: string; role: RegExp }) => {
      await openDocument(page, '/admin/collections/users/create')
      await fieldOf(page, 'name').fill(name)
      await fieldOf(page, 'email').fill(`${name.toLowerCase().replace(/\W+/g, '.')}@example.org`)
      await fieldOf(page, 'password').fill('a long staff password 1')
      await fieldOf(page, 'confirm-password').fill('a long staff password 1')
      await selectOption({ page, path: 'role', option: role })
    }
    await step('make an editor', async () => {
      await makeAccount({ name: `Editor ${suffix}`, role: /Editor|编辑/ })
      await saveDocument(page)
    })
    await step('make a reader with an API key', async () => {
      await makeAccount({ name: `Reader ${suffix}`, role: /Reader|读者/ })
      // The key is shown once, before saving, for the admin to pass on.
      await page.locator('#generate-api-key').click()
      await expect.poll(() => page.locator('#apiKey').inputValue()).toMatch(/\S{20,}/)
      apiKey = await page.locator('#apiKey').inputValue()
      await saveDocument(page)
    })
    // The key works as partners use it: a reader reads drafts and changes nothing.
    const withKey = (init: RequestInit = {}) => ({
      ...init,
      headers: { authorization: `users API-Key ${apiKey}`, 'content-type': 'application/json' },
    })
    const drafts = await fetch(`${baseURL()}/api/meetings?draft=true&depth=0&limit=1`, withKey())
    expect(drafts.status).toBe(200)
    const write = await fetch(
      `${baseURL()}/api/meetings`,
      withKey({ method: 'POST', body: JSON.stringify({ title: 'Not allowed' }) }),
    )
    expect(write.status).toBe(403)

    await step('make a disabled account', async () => {
      await makeAccount({ name: `Former ${suffix}`, role: /Editor|编辑/ })
      await fieldOf(page, 'disabled').check()
      await saveDocument(page)
    })
    const { context, page: loginPage } = await newPage({ browser: staff.browser })
    await loginPage.goto('/admin/login')
    await loginPage.fill(
      '#field-email',
      `former.${suffix.toLowerCase().replace(/\W+/g, '.')}@example.org`,
    )
    await loginPage.fill('#field-password', 'a long staff password 1')
    const refused = loginPage.waitForResponse((response) =>
      response.url().endsWith('/api/users/login'),
    )
    await loginPage.click('button[type="submit"]')
    expect((await refused).status()).toBeGreaterThanOrEqual(400)
    await context.close()
  })

  it('imports an old news page with the Import button', async () => {
    const { page, step } = session
    await step('upload the page and open the draft', async () => {
      await page.goto('/admin/collections/meetings')
      await page.locator('.import-page input[type="file"]').setInputFiles(importFixture)
      const open = page.locator('.import-page a')
      await open.waitFor({ timeout: 60_000 })
      await open.click()
      await page.waitForURL(/\/meetings\/[0-9a-f-]{36}/)
      await waitForFormReady(page)
      await fieldOf(page, 'importNotes').waitFor()
    })
  })

  it('confirms what an import created from its notes, and only then publishes the meeting', async () => {
    const { page, step } = session
    await step('import a page naming new people and open the draft', async () => {
      await page.goto('/admin/collections/meetings')
      await page.locator('.import-page input[type="file"]').setInputFiles(newPeoplePage[language])
      await page.locator('.import-page a').waitFor({ timeout: 60_000 })
      await page.locator('.import-page a').click()
      await page.waitForURL(/\/meetings\/[0-9a-f-]{36}/)
      await waitForFormReady(page)
      await page.locator('.import-notes__record a').first().waitFor()
    })
    const id = /\/meetings\/([0-9a-f-]{36})/.exec(page.url())![1]
    const { importNotes } = await read(`/api/meetings/${id}?draft=true&depth=0`)
    const created = importNotes.notes.flatMap(
      (note: { text: string; record?: { relationTo: string; value: string } }) =>
        note.record && note.text.startsWith('New ') ? [note.record] : [],
    )
    for (const collection of ['speakers', 'organisations'])
      staff.removeAfterwards(collection, {
        id: {
          in: created
            .filter((r: { relationTo: string }) => r.relationTo === collection)
            .map((r: { value: string }) => r.value),
        },
      })
    staff.removeAfterwards('meetings', { id: { equals: id } })
    expect(created.length).toBeGreaterThan(1)

    await step(
      'publishing is refused while the new records await confirmation',
      async () => {
        await page.locator('#action-save').click()
        await page
          .locator('.payload-toast-container .toast-error')
          .filter({ hasText: /Confirm each one|请逐一确认/ })
          .waitFor()
      },
      [{ status: 400, path: /^\/api\/meetings\// }],
    )
    await step('confirm every new record from the import notes', async () => {
      await page.locator('.import-notes > button, .import-notes .btn--style-primary').click()
      await expect
        .poll(() => page.locator('.import-notes__record .btn').count(), { timeout: 30_000 })
        .toBe(0)
    })
    await step('publish the meeting', () => saveDocument(page))
    const meeting = await read(`/api/meetings/${id}?depth=0`)
    expect(meeting._status).toBe('published')
  })

  it('searches, filters, sorts, pages, picks columns and bulk-edits the meetings list', async () => {
    const { page, step } = session
    const prefix = `List view ${suffix}`
    for (const edition of [2023, 2019, 2021]) {
      const created = await adminAPI({
        path: '/api/meetings',
        method: 'POST',
        token: staff.token,
        body: {
          title: `${prefix} ${edition}`,
          kind: 'round-table',
          edition,
          startsAt: `${edition}-11-01T06:00:00.000Z`,
          _status: 'published',
        },
      })
      expect(created.status).toBe(201)
    }
    const listOf = (query: string) =>
      `/admin/collections/meetings?where[title][like]=${encodeURIComponent(prefix)}&${query}`
    const column = (name: string) => page.locator(`.table tbody tr .cell-${name}`).allInnerTexts()

    await step('search the list', async () => {
      // The list keeps each person's last page size, sort and content language (the Chinese draft
      // just imported left it in Chinese); this starts from ten a page, in English.
      await page.goto('/admin/collections/meetings?limit=10&sort=-startsAt&locale=en')
      await page.locator('#search-filter-input').fill(prefix)
      await expect
        .poll(async () => (await column('title')).sort(), { timeout: 15_000 })
        .toEqual([`${prefix} 2019`, `${prefix} 2021`, `${prefix} 2023`])
    })
    await step('filter by status, as the dashboard links do', async () => {
      await page.goto('/admin/collections/meetings?where[_status][equals]=published&limit=100')
      await expect.poll(() => column('title')).toContain(`${prefix} 2021`)
    })
    await step('sort by edition, two to a page', async () => {
      await page.goto(listOf('sort=edition&limit=2'))
      await expect.poll(() => column('edition')).toEqual(['2019', '2021'])
    })
    await step('go to the next page', async () => {
      await page.locator('.paginator__page', { hasText: '2' }).click()
      await page.waitForURL(/page=2/)
      await expect.poll(() => column('edition')).toEqual(['2023'])
    })
    await step('show the venue column', async () => {
      await page.goto(listOf('sort=edition&limit=2'))
      await page.locator('.list-controls__toggle-columns').click()
      await page
        .locator('.pill-selector__pill, .column-selector__column', { hasText: /Venue|地点/ })
        .first()
        .click()
      await page.locator('.table thead .cell-venue, .table thead #heading-venue').first().waitFor()
    })
    await step('bulk-edit the kind of the first two meetings', async () => {
      await page.goto(listOf('sort=edition&limit=2'))
      const boxes = page.locator('.table tbody tr .cell-_select input[type="checkbox"]')
      await expect.poll(() => boxes.count()).toBe(2)
      await boxes.nth(0).check()
      await boxes.nth(1).check()
      await page.locator('.edit-many__toggle').click()
      const drawer = page.locator('.drawer--is-open').last()
      await drawer.locator('.field-select .rs__control').click()
      await page.locator('.rs__option', { hasText: /Kind of meeting|会议类型/ }).click()
      await drawer.locator('#field-kind .rs__control').click()
      await page.locator('.rs__option', { hasText: /Forum session|分论坛/ }).click()
      await drawer.locator('.edit-many__publish').click()
      await toastSuccess(page)
    })
    const kinds = await read(
      `/api/meetings?where[title][like]=${encodeURIComponent(prefix)}&sort=edition&depth=0`,
    )
    expect(kinds.docs.map((meeting: { kind: string }) => meeting.kind)).toEqual([
      'forum',
      'forum',
      'round-table',
    ])
  })
})
