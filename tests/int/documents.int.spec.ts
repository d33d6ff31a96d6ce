import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Document, Meeting } from '@/payload-types'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { getMeeting } from '@/content/meetings'

import { openEditorSession } from '../helpers/editorSession'
import { createMeeting, makeTestPdf, uploadTestDocument } from '../helpers/factories'

vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

// A meeting's PDFs (issue 15): only PDFs by their content, kept in a folder of their own, and
// public exactly when their meeting is.

let payload: Payload
let server: TestServer
let api: APIClient
let token: string
let publishedMeeting: Meeting

const documentsDir = () => path.join(process.env.MEDIA_DIR as string, 'documents')

const storedFiles = () => (fs.existsSync(documentsDir()) ? fs.readdirSync(documentsDir()) : [])

const upload = ({
  bytes,
  filename,
  type,
  data = {},
}: {
  bytes: Uint8Array
  filename: string
  type: string
  data?: Record<string, unknown>
}) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  form.append(
    '_payload',
    JSON.stringify({ title: 'Slides', language: 'en', meeting: publishedMeeting.id, ...data }),
  )
  return api.rest('POST', '/api/documents', { token, form })
}

const fetchFile = (document: Pick<Document, 'filename'>) =>
  fetch(`${server.url}/api/documents/file/${document.filename}`)

beforeAll(async () => {
  ;({ payload, server, api, token } = await openEditorSession())
  publishedMeeting = await createMeeting(payload, { _status: 'published' })
})

afterAll(async () => {
  await server?.close()
})

describe('uploading a document', () => {
  it('takes a PDF and stores it in the documents folder', async () => {
    const pdf = makeTestPdf({ text: 'Green finance' })

    const response = await upload({ bytes: pdf.data, filename: 'slides.pdf', type: pdf.mimetype })

    expect(response.status).toBe(201)
    const { filename, filesize, mimeType } = response.body.doc
    expect({ filesize, mimeType }).toEqual({ filesize: pdf.size, mimeType: 'application/pdf' })
    expect(fs.readFileSync(path.join(documentsDir(), filename))).toEqual(pdf.data)
  })

  it.each([
    {
      what: 'a PNG renamed .pdf',
      bytes: async () =>
        sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a6' } })
          .png()
          .toBuffer(),
      filename: 'report.pdf',
    },
    {
      what: 'a text file sent as application/pdf',
      bytes: async () => Buffer.from('Minutes of the round table, typed in a text editor.\n'),
      filename: 'minutes.pdf',
    },
    {
      what: 'a file with the PDF trailer but not its header',
      bytes: async () => makeTestPdf().data.subarray(1),
      filename: 'statement.pdf',
    },
  ])('refuses $what with a 400 that says why, storing nothing', async ({ bytes, filename }) => {
    const before = { count: await payload.count({ collection: 'documents' }), files: storedFiles() }

    const response = await upload({ bytes: await bytes(), filename, type: 'application/pdf' })

    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toBe(
      `"${filename}" is not a PDF: its content does not start as a PDF file does, whatever its ` +
        'name or type says. Save the slides, statement or report as PDF and upload that file.',
    )
    expect(await payload.count({ collection: 'documents' })).toEqual(before.count)
    expect(storedFiles()).toEqual(before.files)
  })

  it('refuses a replacement file that is not a PDF', async () => {
    const document = await uploadTestDocument(payload, { data: { meeting: publishedMeeting.id } })
    const form = new FormData()
    form.append('file', new Blob(['not a pdf'], { type: 'application/pdf' }), 'new.pdf')

    const response = await api.rest('PATCH', `/api/documents/${document.id}`, { token, form })

    expect(response.status).toBe(400)
    expect((await fetchFile(document)).status).toBe(200)
  })
})

describe('the documents of a draft meeting', () => {
  let draftMeeting: Meeting
  let document: Document

  beforeAll(async () => {
    draftMeeting = await createMeeting(payload, { _status: 'draft', title: 'Embargoed Session' })
    document = await uploadTestDocument(payload, {
      data: { meeting: draftMeeting.id, title: 'Embargoed slides' },
    })
  })

  it('are not served as files to anonymous readers', async () => {
    const response = await fetchFile(document)

    expect([response.status, response.headers.get('content-type')]).toEqual([
      403,
      'application/json',
    ])
  })

  it('are not listed over REST', async () => {
    const { body } = await api.rest(
      'GET',
      `/api/documents?where[meeting][equals]=${draftMeeting.id}`,
    )

    expect(body.totalDocs).toBe(0)
  })

  it('are not found by title over GraphQL', async () => {
    const { body } = await api.graphql(
      '{ Documents(where: { title: { equals: "Embargoed slides" } }) { docs { id title } } }',
    )

    expect(body.data.Documents.docs).toEqual([])
  })

  it('are served to staff', async () => {
    const response = await fetch(`${server.url}/api/documents/file/${document.filename}`, {
      headers: { Authorization: `JWT ${token}` },
    })

    expect(response.status).toBe(200)
  })

  it('are served to everyone once the meeting is published, and hidden again when it is not', async () => {
    await payload.update({
      collection: 'meetings',
      id: draftMeeting.id,
      data: { _status: 'published' },
    })
    const whilePublished = (await fetchFile(document)).status
    await payload.update({
      collection: 'meetings',
      id: draftMeeting.id,
      data: { _status: 'draft' },
    })

    expect([whilePublished, (await fetchFile(document)).status]).toEqual([200, 403])
  })
})

describe('a published meeting’s documents', () => {
  let document: Document

  beforeAll(async () => {
    document = await uploadTestDocument(payload, {
      data: { meeting: publishedMeeting.id, title: 'Published report', language: 'zh' },
      padding: 2_400_000,
    })
  })

  it('are served as the PDF they are', async () => {
    const response = await fetchFile(document)

    expect([response.status, response.headers.get('content-type')]).toEqual([
      200,
      'application/pdf',
    ])
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })

  it('are listed on the meeting over GraphQL', async () => {
    const { body } = await api.graphql(
      'query ($id: String!) { Meeting(id: $id) { documents { docs { id title language } } } }',
      { variables: { id: publishedMeeting.id } },
    )

    expect(body.data.Meeting.documents.docs).toContainEqual({
      id: document.id,
      title: 'Published report',
      language: 'zh',
    })
  })

  it('are read for the meeting page with their title, size, language and file', async () => {
    const meeting = await getMeeting({ locale: 'en', slug: publishedMeeting.slug as string })

    expect(meeting?.documents?.docs).toContainEqual({
      id: document.id,
      title: 'Published report',
      language: 'zh',
      filesize: document.filesize,
      filename: document.filename,
      url: `/api/documents/file/${document.filename}`,
    })
  })
})

describe('a meeting’s recordings', () => {
  it.each([
    ['', 'Write the address in full, starting with https://'],
    [
      'bilibili BV1GJ411x7h7',
      '"bilibili BV1GJ411x7h7" is not a web address: write it in full, starting with https://',
    ],
  ])('refuses the address %j with a 400 that says why', async (url, sentence) => {
    const response = await api.rest('PATCH', `/api/meetings/${publishedMeeting.id}`, {
      token,
      json: { recordings: [{ url, language: 'zh' }] },
    })

    expect(response.status).toBe(400)
    expect(
      response.body.errors[0].data.errors.map(({ message }: { message: string }) => message),
    ).toEqual([sentence])
  })

  it('keeps a recording with its address, label and language', async () => {
    const recording = { url: 'https://vimeo.com/76979871', language: 'en', label: 'Full session' }

    const response = await api.rest('PATCH', `/api/meetings/${publishedMeeting.id}`, {
      token,
      json: { recordings: [recording] },
    })

    expect(response.status).toBe(200)
    expect(response.body.doc.recordings).toEqual([expect.objectContaining(recording)])
  })
})
