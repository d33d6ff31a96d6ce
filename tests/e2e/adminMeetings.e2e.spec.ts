import type { Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AdminLanguage, AdminSession } from './helpers/adminSession'

import {
  addRow,
  choose,
  fieldOf,
  pick,
  pickedLabels,
  typeDate,
  typeRichText,
} from './helpers/adminFields'
import {
  adminAPI,
  openAdminSession,
  saveDocument,
  staffForThisFile,
  openDocument,
  waitForFormReady,
} from './helpers/adminSession'
import { baseURL } from './helpers/browser'

// A new editor builds the demo meeting (the 2022 round table on green industry) from nothing in
// the admin: pickers for the host, speakers and organisations searched by name and abbreviation,
// topics, statements, Q&A and attending organisations; then publishes it, unpublishes it,
// restores an older version and compares two. Once with the admin in English and once in
// Chinese, where the Chinese text is entered and speakers are also found by their Chinese names.

// Every name this file gives carries its stamp, by which it cleans up after itself.
const stamp = Date.now()
const staff = staffForThisFile('meetings')
staff.removeAfterwards('meetings', { title: { like: String(stamp) } })

type Meeting = { id: string; slug: string; title: string; _status: string; host?: string }

const readMeeting = async (id: string, locale = 'en'): Promise<Meeting> =>
  (
    await adminAPI({
      path: `/api/meetings/${id}?depth=0&draft=true&locale=${locale}`,
      token: staff.token,
    })
  ).json

// The version a staff member looks for in the list: the oldest with the first title. (Publishing
// and unpublishing an autosaved draft change its latest version in place, so its status varies.)
const oldestVersionTitled = async ({ id, title }: { id: string; title: string }) => {
  const query = new URLSearchParams({
    'where[parent][equals]': id,
    'where[version.title][equals]': title,
    sort: 'createdAt',
    limit: '1',
    depth: '0',
  })
  const found = await adminAPI({ path: `/api/meetings/versions?${query}`, token: staff.token })
  return String(found.json.docs[0].id)
}

const meetingIdOf = (page: Page) =>
  /\/admin\/collections\/meetings\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? ''

// The facts are the demo meeting's; the title says which run made it, so the two runs differ.
const titleFor = (language: AdminLanguage, suffix: string) =>
  `Green Industry and Low-Carbon City Construction (${language} ${suffix})`

const buildMeeting = async ({ session, title }: { session: AdminSession; title: string }) => {
  const { page, step } = session
  await step('open a new meeting and give it a title', async () => {
    await page.goto('/admin/collections/meetings/create')
    // Meetings autosave: the admin makes the draft at once and moves to its address.
    await page.waitForURL(/\/admin\/collections\/meetings\/[0-9a-f-]{36}/, { timeout: 30_000 })
    await waitForFormReady(page)
    await fieldOf(page, 'title').fill(title)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), {
        timeout: 15_000,
      })
      .toContain(title)
  })
  await step('fill in the edition, the start and the venue', async () => {
    await choose({ page, path: 'edition', option: /2022/ })
    await typeDate(page, 'startsAt', '30 Oct 2022, 14:00')
    await fieldOf(page, 'venue').fill('Beijing, China')
    await fieldOf(page, 'focus').fill('Policy and trend, city and project')
  })
  await step('pick the host by name', async () => {
    await pick({ page, path: 'host', search: 'Clarence', option: /Edward Clarence-Smith/ })
  })
  await step('add two topics', async () => {
    for (const topic of ['Green industry and the city', 'Finance for low-carbon projects']) {
      const row = await addRow(page, 'topics')
      await fieldOf(page, `topics__${row}__topic`).fill(topic)
    }
  })
  await step(
    'add statements, picking speakers by name and organisations by abbreviation',
    async () => {
      const statements = [
        {
          speaker: 'Zou',
          who: /Zou Ji/,
          org: 'RUC',
          orgName: /Renmin University/,
          as: 'Professor',
        },
        {
          speaker: 'Brandon',
          who: /Carter J\. Brandon/,
          org: 'WB',
          orgName: /World Bank/,
          as: 'Lead Economist',
        },
      ]
      for (const statement of statements) {
        const row = await addRow(page, 'statements')
        const at = `statements__${row}`
        await pick({
          page,
          path: `${at}__speaker`,
          search: statement.speaker,
          option: statement.who,
        })
        await pick({
          page,
          path: `${at}__organisation`,
          search: statement.org,
          option: statement.orgName,
        })
        await fieldOf(page, `${at}__position`).fill(statement.as)
        await typeRichText(page, `${at}__statement`, `${statement.as} on low-carbon cities.`)
      }
    },
  )
  await step('add a question with an answer', async () => {
    const row = await addRow(page, 'questions')
    await fieldOf(page, `questions__${row}__question`).fill(
      'What stands in the way of low-carbon cities?',
    )
    await fieldOf(page, `questions__${row}__askedBy`).fill('the moderator')
    const answer = await addRow(page, `questions__${row}__answers`)
    const at = `questions__${row}__answers__${answer}`
    await pick({ page, path: `${at}__speaker`, search: 'Zou', option: /Zou Ji/ })
    await fieldOf(page, `${at}__answer`).fill('Awareness, planning, and practical hurdles.')
  })
  await step('pick the attending organisations', async () => {
    await pick({ page, path: 'attendingOrganisations', search: 'UNIDO', option: /UNIDO/ })
    await pick({ page, path: 'attendingOrganisations', search: 'Finance', option: /IFC/ })
    expect(await pickedLabels(page, 'attendingOrganisations')).toHaveLength(2)
  })
}

// The Chinese side of the same meeting, entered in the content locale 中文: speakers and
// organisations are found by their Chinese names there.
const translateIntoChinese = async ({ session, id }: { session: AdminSession; id: string }) => {
  const { page, step } = session
  await step('switch the content to Chinese and translate the title', async () => {
    await openDocument(page, `/admin/collections/meetings/${id}?locale=en`)
    await page.locator('.localizer .popup-button').click()
    await page.locator('button.popup-button-list__button:has([data-locale="zh"])').click()
    await page.waitForURL(/locale=zh/)
    await waitForFormReady(page)
    await fieldOf(page, 'title').fill('绿色产业与低碳城市建设')
    await fieldOf(page, 'venue').fill('中国北京')
  })
  await step('translate the topics and the question', async () => {
    await fieldOf(page, 'topics__0__topic').fill('绿色产业与城市')
    await fieldOf(page, 'topics__1__topic').fill('低碳项目融资')
    await fieldOf(page, 'questions__0__question').fill('低碳城市面临哪些障碍？')
    await fieldOf(page, 'questions__0__answers__0__answer').fill('认识、规划和实际困难。')
  })
  await step('add a statement, finding the speaker and organisation by Chinese name', async () => {
    const row = await addRow(page, 'statements')
    const at = `statements__${row}`
    await pick({ page, path: `${at}__speaker`, search: '姚军', option: /姚军/ })
    await pick({ page, path: `${at}__organisation`, search: '北京科技', option: /北京科技大学/ })
    await fieldOf(page, `${at}__position`).fill('教授')
    await pick({ page, path: 'attendingOrganisations', search: '世界银行', option: /世界银行/ })
  })
  await step('publish the Chinese text', () => saveDocument(page))
}

const publicPage = async (path: string) => {
  const response = await fetch(`${baseURL()}${path}`)
  return { status: response.status, text: await response.text() }
}

describe.each<AdminLanguage>(['en', 'zh'])(
  'an editor builds the demo meeting in the admin (admin in %s)',
  (language) => {
    let session: AdminSession
    let id: string
    const title = titleFor(language, `${stamp}`)

    beforeAll(async () => {
      session = await openAdminSession({ browser: staff.browser, account: staff.editor, language })
    })

    afterAll(async () => {
      await session?.close()
    })

    it('creates the meeting with every picker, and publishes it', async () => {
      await buildMeeting({ session, title })
      id = meetingIdOf(session.page)
      await session.step('publish', () => saveDocument(session.page))

      const meeting = await readMeeting(id)
      expect(meeting).toMatchObject({ title, _status: 'published' })
      const { status, text } = await publicPage(`/meetings/${meeting.slug}`)
      expect(status).toBe(200)
      for (const name of ['Edward Clarence-Smith', 'Zou Ji', 'Carter J. Brandon'])
        expect(text).toContain(name)
    })

    it('translates it into Chinese, finding people by their Chinese names', async () => {
      await translateIntoChinese({ session, id })
      const { slug } = await readMeeting(id)
      await expect
        .poll(async () => (await publicPage(`/zh/meetings/${slug}`)).text, { timeout: 15_000 })
        .toContain('绿色产业与低碳城市建设')
      const chinese = await publicPage(`/zh/meetings/${slug}`)
      expect(chinese.text).toContain('姚军')
      expect(chinese.text).toContain('世界银行')
    })

    it('shows names, not ids, for every relationship when the meeting is opened again', async () => {
      const { page, step } = session
      await step('open the published meeting', async () => {
        await openDocument(page, `/admin/collections/meetings/${id}?locale=en`)
        expect(await pickedLabels(page, 'host')).toEqual([
          expect.stringMatching(/Edward Clarence-Smith/),
        ])
        expect((await pickedLabels(page, 'participants')).join(' ')).toMatch(/Zou Ji/)
      })
    })

    it('unpublishes it, and the public page is gone', async () => {
      const { page, step } = session
      const { slug } = await readMeeting(id)
      await step('unpublish', async () => {
        await openDocument(page, `/admin/collections/meetings/${id}?locale=en`)
        await page.locator('.doc-controls__popup .popup-button').click()
        await page.locator('#action-unpublish').click()
        await page.locator('#confirm-action').click()
        await expect
          .poll(async () => (await readMeeting(id))._status, { timeout: 20_000 })
          .toBe('draft')
      })
      await expect
        .poll(async () => (await publicPage(`/meetings/${slug}`)).status, { timeout: 15_000 })
        .toBe(404)
    })

    it('restores an older version and compares two versions', async () => {
      const { page, step } = session
      const renamed = `${title} (renamed)`
      await step('rename the meeting and publish it', async () => {
        await openDocument(page, `/admin/collections/meetings/${id}?locale=en`)
        await fieldOf(page, 'title').fill(renamed)
        await expect
          .poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), {
            timeout: 15_000,
          })
          .toContain(renamed)
        await saveDocument(page)
      })
      await step('compare the renamed version with the one before', async () => {
        await page.goto(`/admin/collections/meetings/${id}/versions`)
        await page.locator('.versions table tbody tr a').first().click()
        await page.waitForURL(/\/versions\/[0-9a-f-]{36}/)
        const diff = await page.locator('main, .version-view, body').first().innerText()
        expect(diff).toContain(renamed)
        expect(diff).toContain(title)
      })
      await step('restore the version with the first title', async () => {
        const versionId = await oldestVersionTitled({ id, title })
        // Autosave makes many versions; all of them on one page of the list.
        await page.goto(`/admin/collections/meetings/${id}/versions?limit=100`)
        await page.locator(`tr[data-id="${versionId}"] a`).click()
        await page.waitForURL(new RegExp(`/versions/${versionId}`))
        // A button clicked before the page has hydrated does nothing (CI, once): wait for it.
        await page.waitForLoadState('networkidle')
        await page.locator('.restore-version button').first().click()
        const restored = page.waitForResponse(
          (response) =>
            response.request().method() === 'POST' &&
            response.url().includes(`/api/meetings/versions/${versionId}`),
        )
        await page.locator('#confirm-action').click()
        expect((await restored).ok()).toBe(true)
        await expect
          .poll(async () => (await readMeeting(id)).title, { timeout: 20_000 })
          .toBe(title)
      })
    })
  },
)
