import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { apiClient } from '../helpers/api'
import { createEditor, testPassword } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

// Our retelling of the forum's 2022 round-table page, in the archive's own layout.
const roundTable = fs.readFileSync(
  path.resolve(process.cwd(), 'tests/int/fixtures/import/round-table-2022-retold.txt'),
)

let payload: Payload
let server: TestServer
let api: APIClient
let token: string

const pageForm = ({ name, type, bytes }: { name: string; type: string; bytes: Uint8Array }) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  return form
}

const upload = (form: FormData, withToken = true) =>
  api.rest('POST', '/api/meetings/import', { form, ...(withToken ? { token } : {}) })

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  // The first user becomes an admin; the editor below is the second.
  await createEditor(payload)
  const editor = await createEditor(payload)
  token = await api.login(editor.email, testPassword)
})

afterAll(async () => {
  await server?.close()
})

describe('POST /api/meetings/import', () => {
  it('lets an editor import a page as a draft and links to it', async () => {
    const { status, body } = await upload(
      pageForm({ name: 'cifcc-2022-round-table.txt', type: 'text/plain', bytes: roundTable }),
    )
    const draft = await payload.findByID({ collection: 'meetings', id: body.id, draft: true })

    expect({ status, body, draft: [draft._status, draft.title] }).toEqual({
      status: 201,
      body: expect.objectContaining({
        outcome: 'created',
        title: 'Green Industry and Low-Carbon City Construction',
        adminURL: `/admin/collections/meetings/${body.id}?locale=en`,
        notes: expect.arrayContaining([expect.objectContaining({ confidence: 'low' })]),
      }),
      draft: ['draft', 'Green Industry and Low-Carbon City Construction'],
    })
  })

  it('updates the same draft when the page is imported again', async () => {
    const form = () => pageForm({ name: 'round-table.txt', type: 'text/plain', bytes: roundTable })
    const first = await upload(form())
    const second = await upload(form())

    expect([second.status, second.body.outcome, second.body.id]).toEqual([
      200,
      'updated',
      first.body.id,
    ])
  })

  it('accepts an HTML page', async () => {
    const html = fs.readFileSync(
      path.resolve(process.cwd(), 'tests/int/fixtures/import/panel-2021.html'),
    )

    const { status, body } = await upload(
      pageForm({ name: 'panel.html', type: 'text/html', bytes: html }),
    )

    expect([status, body.title]).toEqual([201, 'Clean Heating for Northern Cities'])
  })

  it('refuses anonymous uploads with 401', async () => {
    const { status, body } = await upload(
      pageForm({ name: 'page.txt', type: 'text/plain', bytes: roundTable }),
      false,
    )

    expect([status, body.message]).toEqual([401, 'Log in as staff to import pages.'])
  })

  it('refuses a file that is not .txt or .html with 415 and says why', async () => {
    const { status, body } = await upload(
      pageForm({
        name: 'report.pdf',
        type: 'application/pdf',
        bytes: new Uint8Array([37, 80, 68, 70]),
      }),
    )

    expect([status, body.message]).toEqual([
      415,
      '"report.pdf" is not a .txt or .html page. Save the old page as text or HTML and try again.',
    ])
  })

  it('refuses a page that is not a meeting report with 422 and the reason', async () => {
    const { status, body } = await upload(
      pageForm({
        name: 'notice.txt',
        type: 'text/plain',
        bytes: Buffer.from('Forum office closed\n\nThe office is closed all week.\n'),
      }),
    )

    expect([status, body.message]).toEqual([
      422,
      expect.stringMatching(/^"notice\.txt" could not be imported: No meeting date was found/),
    ])
  })

  it('asks for a file when none was sent', async () => {
    const form = new FormData()
    form.append('note', 'no file here')

    const { status, body } = await upload(form)

    expect([status, body.message]).toEqual([
      400,
      'No file was sent. Choose a .txt or .html page and send it as "file".',
    ])
  })
})
