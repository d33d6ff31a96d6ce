import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { openEditorSession } from '../helpers/editorSession'
import { makeTestImage } from '../helpers/factories'

let payload: Payload
let server: TestServer
let api: APIClient
let token: string

beforeAll(async () => {
  ;({ payload, server, api, token } = await openEditorSession())
})

afterAll(async () => {
  await server?.close()
})

// Payload answers a failed validation with
// { errors: [{ name: 'ValidationError', message, data: { errors: [{ path, label, message }] } }] }.
const fieldError = (path: string, message: unknown = expect.any(String)) =>
  expect.objectContaining({ path, message })

const uploadForm = (file: Blob, filename: string, data: Record<string, unknown>): FormData => {
  const form = new FormData()
  form.append('file', file, filename)
  form.append('_payload', JSON.stringify(data))
  return form
}

describe('REST validation errors', () => {
  it('answers 400 naming the title when a meeting has none', async () => {
    const { status, body } = await api.rest('POST', '/api/meetings', {
      token,
      json: { kind: 'round-table', edition: 2022, startsAt: '2022-10-30T06:00:00.000Z' },
    })

    expect(status).toBe(400)
    expect(body.errors[0]).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('Title'),
      data: {
        collection: 'meetings',
        errors: expect.arrayContaining([fieldError('title', 'This field is required.')]),
      },
    })
  })

  it('answers 400 naming the website when an organisation has "not a url" as its website', async () => {
    const { status, body } = await api.rest('POST', '/api/organisations', {
      token,
      json: { name: 'Badly Linked Institute', kind: 'ngo', website: 'not a url' },
    })

    expect(status).toBe(400)
    expect(body.errors[0]).toMatchObject({
      name: 'ValidationError',
      message: 'The following field is invalid: Website',
      data: {
        errors: [
          fieldError(
            'website',
            '"not a url" is not a web address: write it in full, starting with https://',
          ),
        ],
      },
    })
  })

  it('answers 400 to a text file uploaded as a photo under a .jpg name', async () => {
    const textFile = new Blob(['These are meeting notes, not a picture.'], { type: 'image/jpeg' })

    const { status, body } = await api.rest('POST', '/api/photos', {
      token,
      form: uploadForm(textFile, 'notes.jpg', { alt: 'Not really a photo' }),
    })

    expect(status).toBe(400)
    expect(body.errors[0]).toMatchObject({
      name: 'ValidationError',
      data: {
        errors: [fieldError('file', 'File type text/plain (from extension jpg) is not allowed.')],
      },
    })
  })

  it.each([
    {
      mimetype: 'text/plain',
      filename: 'notes.txt',
      content: 'Plain meeting notes.',
      message: 'File type text/plain (from extension txt) is not allowed.',
    },
    {
      mimetype: 'application/pdf',
      filename: 'programme.pdf',
      content: '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n',
      message: 'Invalid MIME type: application/pdf.',
    },
  ])(
    'answers 400 to a $mimetype file uploaded as a photo',
    async ({ mimetype, filename, content, message }) => {
      const { status, body } = await api.rest('POST', '/api/photos', {
        token,
        form: uploadForm(new Blob([content], { type: mimetype }), filename, { alt: 'A document' }),
      })

      expect(status).toBe(400)
      expect(body.errors[0]).toMatchObject({
        name: 'ValidationError',
        message: 'The following field is invalid: file',
        data: { errors: [fieldError('file', message)] },
      })
    },
  )

  it('answers 400 naming the alternative text when a photo has none', async () => {
    const image = await makeTestImage({ width: 400, height: 300 })

    const { status, body } = await api.rest('POST', '/api/photos', {
      token,
      form: uploadForm(
        new Blob([new Uint8Array(image.data)], { type: image.mimetype }),
        image.name,
        {},
      ),
    })

    expect(status).toBe(400)
    expect(body.errors[0]).toMatchObject({
      name: 'ValidationError',
      message: 'The following field is invalid: Alternative text',
      data: { collection: 'photos', errors: [fieldError('alt', 'This field is required.')] },
    })
  })

  it('stores nothing when an upload is rejected', async () => {
    const textFile = new Blob(['Not a picture.'], { type: 'image/jpeg' })
    const before = await payload.count({ collection: 'photos' })

    await api.rest('POST', '/api/photos', {
      token,
      form: uploadForm(textFile, 'fake.jpg', { alt: 'Not really a photo' }),
    })

    expect(await payload.count({ collection: 'photos' })).toEqual(before)
  })
})
