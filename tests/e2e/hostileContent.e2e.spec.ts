import type { Browser } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ProductionServer } from '../helpers/productionServer'

import { lexicalDocument, lexicalParagraph, lexicalText } from '../helpers/lexical'
import { startReadyServer, stopAndRemoveServer } from '../helpers/productionServer'
import { cspViolations, launchBrowser, newPage } from './helpers/browser'
import { registerFirstAdmin, serverRequest } from './helpers/serverAPI'

// Content written to attack readers, published through the API as a compromised editor account
// (or a careless paste) would: it must reach the browser as text, and nothing in it may run.
// A server of its own, so that its first user is this file's to register.

const hostile = {
  title: 'Agenda <img src=x onerror="window.__attacked=1">',
  meetingTitle: 'Round table </script><script>window.__attacked=2</script>',
  body: '<script>window.__attacked=3</script><img src=x onerror="window.__attacked=4">',
  statement: '"><svg onload="window.__attacked=5">',
}

let server: ProductionServer
let browser: Browser
let token: string

const create = async (path: string, body: unknown) => {
  const { status, json } = await serverRequest({ server, path, method: 'POST', token, body })
  expect(status, JSON.stringify(json)).toBe(201)
  return json.doc as Record<string, unknown>
}

// What a reader's browser does with the page: every dialog, script error and flag is recorded.
const visit = async (path: string) => {
  const { context, page } = await newPage({ browser, siteURL: server.url })
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const response = await page.goto(path, { waitUntil: 'load' })
  await page.waitForTimeout(300)
  const attacked = await page.evaluate(() => (window as { __attacked?: number }).__attacked ?? null)
  const injectedElements = await page.evaluate(
    () => document.querySelectorAll('main img[src="x"], main svg[onload], [onerror]').length,
  )
  const visibleText = await page.locator('main').innerText()
  const violations = await cspViolations(page)
  await context.close()
  return {
    status: response?.status(),
    dialogs,
    attacked,
    injectedElements,
    visibleText,
    violations,
  }
}

// The page showed every hostile text as text, and ran none of it.
const expectHarmless = (seen: Awaited<ReturnType<typeof visit>>, texts: string[]) => {
  const { visibleText, ...effects } = seen
  expect(effects).toEqual({
    status: 200,
    dialogs: [],
    attacked: null,
    injectedElements: 0,
    violations: [],
  })
  expect(texts.filter((text) => !visibleText.includes(text))).toEqual([])
}

beforeAll(async () => {
  server = await startReadyServer({ port: 3282 })
  token = await registerFirstAdmin({
    server,
    email: 'hostile@example.org',
    password: 'hostile content admin',
  })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  if (server) await stopAndRemoveServer(server)
})

describe('hostile content', () => {
  it('shows a page’s markup-laden title and body as text, and runs none of it', async () => {
    const page = await create('/api/pages', {
      title: hostile.title,
      slug: 'hostile-page',
      body: lexicalDocument(lexicalParagraph(lexicalText(hostile.body))),
      _status: 'published',
    })

    const seen = await visit(`/${String(page.slug)}`)

    expectHarmless(seen, [hostile.title, hostile.body])
  })

  it('keeps a meeting title that closes a script element inside its structured data', async () => {
    const speaker = await create('/api/speakers', { name: 'Hostile Statement Speaker' })
    const meeting = await create('/api/meetings', {
      title: hostile.meetingTitle,
      kind: 'round-table',
      edition: 2022,
      startsAt: '2022-10-30T06:00:00.000Z',
      statements: [
        {
          speaker: speaker.id,
          statement: lexicalDocument(lexicalParagraph(lexicalText(hostile.statement))),
        },
      ],
      _status: 'published',
    })

    const seen = await visit(`/meetings/${String(meeting.slug)}`)

    expectHarmless(seen, [hostile.meetingTitle, hostile.statement])
  })
})
