import type { Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AdminLanguage, AdminSession } from './helpers/adminSession'

import { makeTestImage } from '../helpers/factories'
import { addRow, fieldOf, pick, pickedLabels, selectOption } from './helpers/adminFields'
import {
  adminAPI,
  openAdminSession,
  openDocument,
  saveDocument,
  staffForThisFile,
  toastSuccess,
  waitForFormReady,
} from './helpers/adminSession'
import { baseURL } from './helpers/browser'

// Speakers with their positions, organisations with a logo, and photos uploaded one at a time and
// with Payload's bulk upload, each assigned to the demo meeting with a credit and the people in
// it: all through the admin's own forms, drawers and pickers, in English and in Chinese.

// Every name this file gives carries its stamp, by which it cleans up after itself.
const stamp = Date.now()
const staff = staffForThisFile('people')
staff.removeAfterwards('photos', { alt: { like: String(stamp) } })
staff.removeAfterwards('meetings', { title: { like: String(stamp) } })
staff.removeAfterwards('speakers', { name: { like: String(stamp) } })
staff.removeAfterwards('organisations', { name: { like: String(stamp) } })

// The photos' own published meeting: other browser tests rename and unpublish the demo meeting.
const meetingTitle = `Photo call round table ${stamp}`

beforeAll(async () => {
  const meeting = await adminAPI({
    path: '/api/meetings',
    method: 'POST',
    token: staff.token,
    body: {
      title: meetingTitle,
      kind: 'round-table',
      edition: 2022,
      startsAt: '2022-10-30T06:00:00.000Z',
      _status: 'published',
    },
  })
  expect(meeting.status).toBe(201)
})

const read = staff.read

const imageFile = async (format: 'jpeg' | 'png' = 'jpeg') => {
  const image = await makeTestImage({ width: 1200, height: 800, format })
  return { name: image.name, mimeType: image.mimetype, buffer: image.data }
}

const idFromURL = (page: Page, collection: string) =>
  new RegExp(`/admin/collections/${collection}/([0-9a-f-]{36})`).exec(page.url())?.[1] ?? ''

// An upload field's "Create new": the photo's own form in a drawer, saved there, then chosen.
const uploadIntoField = async ({
  page,
  path,
  alt,
  format,
}: {
  page: Page
  path: string
  alt: string
  format?: 'jpeg' | 'png'
}) => {
  const field = fieldOf(page, path)
  await field.locator('button').first().click()
  const drawer = page.locator('.drawer--is-open').last()
  const file = await imageFile(format)
  await drawer.locator('input[type="file"]').setInputFiles(file)
  await drawer.locator('#field-alt').fill(alt)
  await drawer.locator('#action-save').click()
  await drawer.waitFor({ state: 'detached', timeout: 30_000 })
  await field.getByText(file.name).first().waitFor({ timeout: 15_000 })
}

const openCreate = async (page: Page, collection: string) => {
  await page.goto(`/admin/collections/${collection}/create`)
  await waitForFormReady(page)
}

describe.each<AdminLanguage>(['en', 'zh'])(
  'people and photos in the admin (admin in %s)',
  (language) => {
    let session: AdminSession
    const suffix = `${language}-${stamp}`

    beforeAll(async () => {
      session = await openAdminSession({ browser: staff.browser, account: staff.editor, language })
    })

    afterAll(async () => {
      await session?.close()
    })

    it('creates an organisation with a logo', async () => {
      const { page, step } = session
      const name = `Climate Finance Institute ${suffix}`
      await step('fill in the organisation', async () => {
        await openCreate(page, 'organisations')
        await fieldOf(page, 'name').fill(name)
        await fieldOf(page, 'abbreviation').fill('CFI')
        await selectOption({ page, path: 'kind', option: /Think tank|智库/ })
        await fieldOf(page, 'website').fill('https://cfi.example.org')
      })
      await step('upload its logo from the admin', () =>
        uploadIntoField({ page, path: 'logo', alt: `Logo of ${name}`, format: 'png' }),
      )
      await step('save the organisation', async () => {
        await saveDocument(page)
        await page.waitForURL(/\/organisations\/[0-9a-f-]{36}/)
      })
      const saved = await read(`/api/organisations/${idFromURL(page, 'organisations')}?depth=1`)
      expect(saved).toMatchObject({ name, label: `${name} (CFI)` })
      expect(saved.logo?.alt).toBe(`Logo of ${name}`)
    })

    it('creates a speaker with two positions and a portrait', async () => {
      const { page, step } = session
      const name = `Li Wen ${suffix}`
      await step('fill in the speaker', async () => {
        await openCreate(page, 'speakers')
        await fieldOf(page, 'name').fill(name)
        await fieldOf(page, 'honorific').fill('Dr')
      })
      await step('add positions, picking each organisation', async () => {
        const first = await addRow(page, 'positions')
        await fieldOf(page, `positions__${first}__title`).fill('Director of Research')
        await pick({
          page,
          path: `positions__${first}__organisation`,
          search: 'WRI',
          option: /World Resources Institute/,
        })
        const second = await addRow(page, 'positions')
        await fieldOf(page, `positions__${second}__title`).fill('Visiting Professor')
        await pick({
          page,
          path: `positions__${second}__organisation`,
          search: 'Renmin',
          option: /Renmin University|中国人民大学/,
        })
      })
      await step('upload a portrait from the admin', () =>
        uploadIntoField({ page, path: 'portrait', alt: `Portrait of ${name}` }),
      )
      await step('save the speaker', async () => {
        await saveDocument(page)
        await page.waitForURL(/\/speakers\/[0-9a-f-]{36}/)
      })
      const saved = await read(`/api/speakers/${idFromURL(page, 'speakers')}?depth=1`)
      expect(saved.label).toBe(`${name} · WRI`)
      expect(saved.positions.map((position: { title: string }) => position.title)).toEqual([
        'Director of Research',
        'Visiting Professor',
      ])
      expect(saved.portrait?.alt).toBe(`Portrait of ${name}`)
    })

    it('uploads a photo of the meeting with its credit and the people in it', async () => {
      const { page, step } = session
      const alt = `Zou Ji speaking ${suffix}`
      await step('choose the file and describe it', async () => {
        await openCreate(page, 'photos')
        await page
          .locator('input[type="file"]')
          .first()
          .setInputFiles(await imageFile())
        await fieldOf(page, 'alt').fill(alt)
        await fieldOf(page, 'credit').fill(`CIFCC photo ${suffix}`)
      })
      await step('assign it to the meeting and name the people', async () => {
        await pick({
          page,
          path: 'meeting',
          search: 'Photo call',
          option: new RegExp(meetingTitle),
        })
        await pick({ page, path: 'people', search: 'Zou', option: /Zou Ji|邹骥/ })
      })
      await step('save the photo', async () => {
        await saveDocument(page)
        await page.waitForURL(/\/photos\/[0-9a-f-]{36}/)
      })
      const photo = await read(`/api/photos/${idFromURL(page, 'photos')}?depth=0`)
      expect(photo).toMatchObject({ alt, credit: `CIFCC photo ${suffix}` })
      expect(photo.people).toHaveLength(1)
      const meeting = await read(`/api/meetings/${photo.meeting}?depth=0`)
      const publicPage = await (await fetch(`${baseURL()}/meetings/${meeting.slug}`)).text()
      expect(publicPage).toContain(`CIFCC photo ${suffix}`)
    })

    it('merges a duplicate organisation into another from its sidebar', async () => {
      const { page, step } = session
      const create = async (path: string, body: Record<string, unknown>) => {
        const created = await adminAPI({ path, method: 'POST', token: staff.token, body })
        expect(created.status).toBe(201)
        return created.json.doc as { id: string; label: string }
      }
      // As the import makes them: the forum's short name on one page, the full one on another.
      const target = await create('/api/organisations', {
        name: `C40 Cities Climate Leadership Group ${suffix}`,
        kind: 'ngo',
      })
      const duplicate = await create('/api/organisations', {
        name: `C40 ${suffix}`,
        abbreviation: 'C40',
        kind: 'ngo',
      })
      const meeting = await create('/api/meetings', {
        title: `Cities round table ${suffix}`,
        kind: 'round-table',
        edition: 2022,
        startsAt: '2022-10-30T06:00:00.000Z',
        attendingOrganisations: [duplicate.id],
        _status: 'published',
      })
      await step('open the duplicate and find the organisation it duplicates', async () => {
        await openDocument(page, `/admin/collections/organisations/${duplicate.id}`)
        const sidebar = page.locator('.merge-record')
        await sidebar.getByText(/Merge this duplicate into|将此重复记录合并到/).waitFor()
        await sidebar.locator('input[type="search"]').fill(`Leadership Group ${suffix}`)
        await sidebar.getByRole('button', { name: target.label }).click()
        await sidebar.getByText(/Move every reference to|将所有对/).waitFor()
      })
      await step('confirm, and land on the organisation merged into', async () => {
        await page
          .locator('.merge-record')
          .getByRole('button', { name: /Merge and delete|合并并删除/ })
          .click()
        await toastSuccess(page)
        await page.waitForURL(new RegExp(`/organisations/${target.id}`))
        await waitForFormReady(page)
      })
      await step('the meeting now names the organisation merged into', async () => {
        await openDocument(page, `/admin/collections/meetings/${meeting.id}`)
        expect(await pickedLabels(page, 'attendingOrganisations')).toEqual([
          expect.stringContaining(`C40 Cities Climate Leadership Group ${suffix}`),
        ])
      })
      const merged = await read(`/api/organisations/${target.id}?depth=0`)
      expect(merged.abbreviation).toBe('C40')
      const gone = await adminAPI({
        path: `/api/organisations/${duplicate.id}`,
        token: staff.token,
      })
      expect(gone.status).toBe(404)
    })

    it('uploads several photos at once with the bulk upload, all for the meeting', async () => {
      const { page, step } = session
      const credit = `Bulk credit ${suffix}`
      await step('open the bulk upload and add three files', async () => {
        await page.goto('/admin/collections/photos')
        await page
          .locator('button[aria-label]')
          .filter({ hasText: /bulk|批量/i })
          .first()
          .click()
        const drawer = page.locator('.drawer--is-open').last()
        await drawer
          .locator('input[type="file"]')
          .first()
          .setInputFiles(await Promise.all([imageFile(), imageFile(), imageFile('png')]))
        await expect.poll(() => drawer.locator('.file-selections__fileRow').count()).toBe(3)
      })
      await step('describe each file, with the meeting and credit for all', async () => {
        const drawer = page.locator('.drawer--is-open').last()
        for (let index = 0; index < 3; index += 1) {
          await drawer.locator('.file-selections__fileRow').nth(index).click()
          await drawer.locator('#field-alt').fill(`Round table, view ${index + 1} ${suffix}`)
          await drawer.locator('#field-credit').fill(credit)
          await pick({
            page,
            path: 'meeting',
            search: 'Photo call',
            option: new RegExp(meetingTitle),
          })
        }
      })
      await step('save them all', async () => {
        const drawer = page.locator('.drawer--is-open').last()
        await drawer.locator('.bulk-upload--actions-bar__saveButtons button').last().click()
        await drawer.waitFor({ state: 'detached', timeout: 60_000 })
      })
      const saved = await read(
        `/api/photos?where[credit][equals]=${encodeURIComponent(credit)}&depth=0&limit=10`,
      )
      expect(saved.totalDocs).toBe(3)
      expect(new Set(saved.docs.map((photo: { meeting: string }) => photo.meeting)).size).toBe(1)
    })
  },
)
