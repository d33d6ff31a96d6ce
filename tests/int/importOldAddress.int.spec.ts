import type { Payload } from 'payload'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { findRedirect } from '@/content/redirects'
import { importLegacyPage } from '@/import/importPage'
import { oldAddressInPage } from '@/import/oldAddress'
import { readImportNotes } from '@/import/notes'

import { readAddresses } from '../../scripts/import/addresses'
import { apiClient } from '../helpers/api'
import { createEditor, createMeeting, testPassword } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

// Issue 15: an imported page's address on the old site is recorded on its meeting, and answers
// with a 301 to the meeting once the meeting is published.

const fixtures = path.resolve(process.cwd(), 'tests/int/fixtures/import')
const panel = fs.readFileSync(path.join(fixtures, 'panel-2021.html'), 'utf8')
const zhRoundTable = fs.readFileSync(path.join(fixtures, 'roundtable-2021-zh.txt'))

// The panel page as the old site served it, naming its own address.
const panelAt = (head: string) =>
  Buffer.from(panel.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />${head}`))

let payload: Payload
let server: TestServer
let api: APIClient
let token: string

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  await createEditor(payload)
  const editor = await createEditor(payload)
  token = await api.login(editor.email, testPassword)
})

afterAll(async () => {
  await server?.close()
})

const imported = async (args: Parameters<typeof importLegacyPage>[0]) => {
  const result = await importLegacyPage(args)
  if (result.outcome === 'failed') throw new Error(result.reason)
  return result
}

// What an editor does before publishing an import: confirm what it created, then publish.
const confirmAndPublish = async (meetingId: string, locale: 'en' | 'zh' = 'en') => {
  const meeting = await payload.findByID({ collection: 'meetings', id: meetingId, draft: true })
  for (const { record } of readImportNotes(meeting.importNotes).notes)
    if (record && record.relationTo !== 'meetings')
      await payload.update({
        collection: record.relationTo,
        id: record.value,
        data: { needsConfirmation: false },
        locale,
      })
  return payload.update({
    collection: 'meetings',
    id: meetingId,
    data: { _status: 'published' },
    locale,
  })
}

const redirectsFrom = async (from: string) =>
  (await payload.find({ collection: 'redirects', where: { from: { equals: from } }, depth: 0 }))
    .docs

describe("a page's own canonical address", () => {
  it('is recorded on the meeting, and redirects to it only once it is published', async () => {
    const result = await imported({
      payload,
      bytes: panelAt(
        '<link rel="canonical" href="http://www.cifcc.org/news/2021/0615-plenary.html">',
      ),
      source: 'panel-2021.html',
    })
    const draft = await payload.findByID({ collection: 'meetings', id: result.id, draft: true })

    expect(draft.legacyAddress).toBe('http://www.cifcc.org/news/2021/0615-plenary.html')
    expect(await redirectsFrom('/news/2021/0615-plenary.html')).toEqual([
      expect.objectContaining({
        to: expect.objectContaining({
          type: 'reference',
          reference: { relationTo: 'meetings', value: result.id },
        }),
        locale: 'en',
      }),
    ])
    expect(await findRedirect({ path: '/news/2021/0615-plenary.html' })).toBeNull()

    const published = await confirmAndPublish(result.id)

    expect(await findRedirect({ path: '/news/2021/0615-plenary.html' })).toBe(
      `/meetings/${published.slug}`,
    )
  })

  it('importing the page again keeps its one redirect', async () => {
    const bytes = panelAt('<meta property="og:url" content="/news/2021/0615-plenary.html" />')
    const again = await imported({ payload, bytes, source: 'panel-2021.html' })

    expect(again.outcome).toBe('updated')
    expect(await redirectsFrom('/news/2021/0615-plenary.html')).toHaveLength(1)
    expect(again.notes.map(({ text }) => text).join('\n')).not.toMatch(/already leads elsewhere/)
  })

  it('is read from a canonical link or og:url, and nothing else', () => {
    expect(oldAddressInPage('<link href="/a/b.html" rel="canonical">')).toBe('/a/b.html')
    expect(oldAddressInPage("<meta property='og:url' content='https://x.example/c?id=1'>")).toBe(
      'https://x.example/c?id=1',
    )
    expect(oldAddressInPage('<link rel="stylesheet" href="/style.css">')).toBeNull()
    expect(oldAddressInPage('<link rel="canonical" href="javascript:alert(1)">')).toBeNull()
    expect(oldAddressInPage('<p>rel="canonical" href="/x"</p>')).toBeNull()
  })
})

describe('an address given to the import endpoint', () => {
  const upload = (parts: Record<string, string>, bytes: Uint8Array = zhRoundTable) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/plain' }), 'zh.txt')
    for (const [name, value] of Object.entries(parts)) form.append(name, value)
    return api.rest('POST', '/api/meetings/import', { form, token })
  }

  it('redirects to the meeting in the language of the page', async () => {
    const { status, body } = await upload({
      _payload: JSON.stringify({ address: '/zh/news/2021/roundtable.html' }),
    })

    expect([status, body.legacyAddress]).toEqual([201, '/zh/news/2021/roundtable.html'])
    const published = await confirmAndPublish(body.id, 'zh')
    expect(await findRedirect({ path: '/zh/news/2021/roundtable.html' })).toBe(
      `/zh/meetings/${published.slug}`,
    )
  })

  it('that is no address is refused with a sentence, and nothing is written', async () => {
    const { status, body } = await upload({ _payload: JSON.stringify({ address: 'http://' }) })

    expect([status, body.message]).toEqual([
      422,
      expect.stringMatching(/is not an address of the old site/),
    ])
  })

  it('that is not text is refused with a sentence', async () => {
    const { status, body } = await upload({ _payload: JSON.stringify({ address: 42 }) })

    expect([status, body.message]).toEqual([
      400,
      'The old address must be text, e.g. /news/2019/1234.html.',
    ])
  })
})

describe('an old address a redirect already sends elsewhere', () => {
  it('is left as it is, and the import notes say so', async () => {
    const other = await createMeeting(payload)
    await payload.create({
      collection: 'redirects',
      data: {
        from: '/news/2019/workshop.html',
        to: { type: 'reference', reference: { relationTo: 'meetings', value: other.id } },
        locale: 'en',
      },
    })
    const result = await imported({
      payload,
      bytes: fs.readFileSync(path.join(fixtures, 'workshop-2019-no-qa.txt')),
      source: 'workshop-2019-no-qa.txt',
      address: 'https://www.cifcc.org/news/2019/workshop.html',
    })

    expect(result.notes.map(({ text }) => text)).toContain(
      'The old address /news/2019/workshop.html already leads elsewhere (see Redirects); it was left as it is.',
    )
    expect(await findRedirect({ path: '/news/2019/workshop.html' })).toBe(`/meetings/${other.slug}`)
  })
})

describe('npm run import -- --addresses', () => {
  it('reads a file,address list, by path as given or by file name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-addresses-'))
    const file = path.join(dir, 'addresses.csv')
    fs.writeFileSync(
      file,
      'file,address\n# the 2019 pages\npages/a.html,/news/a.html\nb.txt, https://www.cifcc.org/news/b,1.html\n\n',
    )
    const addresses = readAddresses(file)
    if ('problem' in addresses) throw new Error(addresses.problem)

    expect([addresses('pages/a.html'), addresses('old/b.txt'), addresses('c.txt')]).toEqual([
      '/news/a.html',
      'https://www.cifcc.org/news/b,1.html',
      undefined,
    ])
    fs.writeFileSync(file, 'no comma here\n')
    expect(readAddresses(file)).toEqual({
      problem: `${file}, line 1: expected "file,address", found "no comma here".`,
    })
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
