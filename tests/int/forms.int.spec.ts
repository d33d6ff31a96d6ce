import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Form } from '@/payload-types'

import { richText } from '@/content/richText'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { apiClient } from '../helpers/api'
import { createAdmin, createEditor, testPassword } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

let payload: Payload
let server: TestServer
let api: APIClient
let editorToken: string
let form: Form

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  await createAdmin(payload)
  const editor = await createEditor(payload)
  editorToken = await api.login(editor.email, testPassword)
  form = await payload.create({
    collection: 'forms',
    locale: 'en',
    data: {
      title: 'Contact the secretariat',
      confirmationType: 'message',
      confirmationMessage: richText({ paragraphs: ['Thank you, we will reply by e-mail.'] }),
      emails: [{ emailTo: 'secretariat@example.org', subject: 'New message' }],
      fields: [
        { blockType: 'text', name: 'name', label: 'Your name', required: true },
        { blockType: 'email', name: 'email', label: 'E-mail address', required: true },
        {
          blockType: 'select',
          name: 'topic',
          label: 'Subject',
          required: true,
          options: [
            { label: 'Registration', value: 'registration' },
            { label: 'Media accreditation', value: 'media' },
          ],
        },
        { blockType: 'textarea', name: 'message', label: 'Message', required: true },
        { blockType: 'checkbox', name: 'newsletter', label: 'Send me the newsletter' },
      ],
    },
  })
  await payload.update({
    collection: 'forms',
    id: form.id,
    locale: 'zh',
    data: {
      confirmationMessage: richText({ paragraphs: ['谢谢，我们将通过电子邮件回复。'] }),
      fields: (form.fields ?? []).map((field) =>
        field.blockType === 'text' ? { ...field, label: '您的姓名' } : field,
      ),
    },
  })
})

afterAll(async () => {
  await server?.close()
})

const validAnswers = {
  name: '  Wang Lin  ',
  email: 'wang.lin@example.org',
  topic: 'media',
  message: 'May a television crew film the round table?',
}

const submission = (answers: Record<string, string>, formID: string = form.id) => ({
  form: formID,
  submissionData: Object.entries(answers).map(([field, value]) => ({ field, value })),
})

const send = (answers: Record<string, string>, { locale = 'en' } = {}) =>
  api.rest('POST', `/api/form-submissions?locale=${locale}`, { json: submission(answers) })

const problemsOf = (body: { errors?: { data?: { errors?: unknown[] } }[] }) =>
  body.errors?.[0]?.data?.errors ?? []

describe('form submissions from anonymous visitors', () => {
  it('stores a complete submission, trimmed, in the order of the form', async () => {
    const { message, ...others } = validAnswers
    const { status, body } = await send({ message, ...others })

    expect(status).toBe(201)
    const stored = await payload.findByID({ collection: 'form-submissions', id: body.doc.id })
    expect(stored.submissionData?.map(({ field, value }) => [field, value])).toEqual([
      ['name', 'Wang Lin'],
      ['email', 'wang.lin@example.org'],
      ['topic', 'media'],
      ['message', 'May a television crew film the round table?'],
    ])
  })

  it('is named by its sender for staff, whatever the visitor sends as the name', async () => {
    const { body } = await api.rest('POST', '/api/form-submissions', {
      json: { ...submission(validAnswers), sender: 'Someone Else <forged@example.org>' },
    })

    const stored = await payload.findByID({ collection: 'form-submissions', id: body.doc.id })
    expect(stored.sender).toBe('Wang Lin <wang.lin@example.org>')
  })

  it('answers 400 naming each missing required field, and stores nothing', async () => {
    const before = await payload.count({ collection: 'form-submissions' })
    const { status, body } = await send({ name: '', email: 'wang.lin@example.org' })

    expect(status).toBe(400)
    expect(problemsOf(body)).toEqual([
      { path: 'submissionData.name', message: 'Please fill in “Your name”.' },
      { path: 'submissionData.topic', message: 'Please fill in “Subject”.' },
      { path: 'submissionData.message', message: 'Please fill in “Message”.' },
    ])
    expect(await payload.count({ collection: 'form-submissions' })).toEqual(before)
  })

  it('explains an e-mail address that is not one', async () => {
    const { status, body } = await send({ ...validAnswers, email: 'wang.lin at example' })

    expect(status).toBe(400)
    expect(problemsOf(body)).toEqual([
      {
        path: 'submissionData.email',
        message: '“E-mail address” needs an e-mail address such as name@example.org.',
      },
    ])
  })

  it('refuses a choice that the select does not offer', async () => {
    const { status, body } = await send({ ...validAnswers, topic: 'sponsorship' })

    expect(status).toBe(400)
    expect(problemsOf(body)).toEqual([
      { path: 'submissionData.topic', message: '“Subject” must be one of the offered choices.' },
    ])
  })

  it('refuses fields the form does not have and overlong answers', async () => {
    const { status, body } = await send({
      ...validAnswers,
      message: 'x'.repeat(5001),
      creditCard: '4111 1111 1111 1111',
    })

    expect(status).toBe(400)
    expect(problemsOf(body)).toEqual([
      { path: 'submissionData', message: 'This form has no field named “creditCard”.' },
      {
        path: 'submissionData.message',
        message: '“Message” is too long: at most 5000 characters, please.',
      },
    ])
  })

  it('answers 400, not 500, for a form that does not exist', async () => {
    const { status, body } = await api.rest('POST', '/api/form-submissions', {
      json: submission(validAnswers, '00000000-0000-4000-8000-000000000000'),
    })

    expect(status).toBe(400)
    expect(problemsOf(body)).toEqual([
      expect.objectContaining({
        path: 'form',
        message: 'This form does not exist: choose an existing form.',
      }),
    ])
  })

  it('speaks Chinese to a submission sent in Chinese, with the Chinese labels', async () => {
    const { status, body } = await send({ ...validAnswers, name: ' ' }, { locale: 'zh' })

    expect(status).toBe(400)
    expect(problemsOf(body)).toEqual([
      { path: 'submissionData.name', message: '请填写“您的姓名”。' },
    ])
  })
})

describe('who sees the submissions', () => {
  it('keeps them from anonymous readers, over REST and GraphQL', async () => {
    const rest = await api.rest('GET', '/api/form-submissions')
    expect(rest.status).toBe(403)

    const graphql = await api.graphql(
      '{ FormSubmissions { docs { id submissionData { value } } } }',
    )
    expect(graphql.body.data?.FormSubmissions ?? null).toBeNull()
    expect(graphql.body.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('shows them to editors', async () => {
    const { status, body } = await api.rest('GET', '/api/form-submissions?depth=0', {
      token: editorToken,
    })

    expect(status).toBe(200)
    expect(body.docs.length).toBeGreaterThan(0)
  })

  it('lets nobody rewrite a submission, and anonymous visitors not delete one', async () => {
    const { body } = await send(validAnswers)
    const id = body.doc.id

    const edited = await api.rest('PATCH', `/api/form-submissions/${id}`, {
      token: editorToken,
      json: { submissionData: [{ field: 'name', value: 'Someone else' }] },
    })
    const deleted = await api.rest('DELETE', `/api/form-submissions/${id}`)

    expect(edited.status).toBe(403)
    expect(deleted.status).toBe(403)
    const stored = await payload.findByID({ collection: 'form-submissions', id })
    expect(stored.submissionData?.[0]).toMatchObject({ field: 'name', value: 'Wang Lin' })
  })

  it('publishes the form itself but not where its e-mails go', async () => {
    const rest = await api.rest('GET', `/api/forms/${form.id}`)
    expect(rest.status).toBe(200)
    expect(rest.body.fields).toHaveLength(5)
    expect(rest.body.emails ?? []).toEqual([])
    expect(JSON.stringify(rest.body)).not.toContain('secretariat@example.org')

    const asEditor = await api.rest('GET', `/api/forms/${form.id}`, { token: editorToken })
    expect(asEditor.body.emails).toEqual([
      expect.objectContaining({ emailTo: 'secretariat@example.org' }),
    ])

    const graphql = await api.graphql(`{ Form(id: "${form.id}") { title emails { emailTo } } }`)
    expect(graphql.body.data?.Form?.title).toBe('Contact the secretariat')
    expect(graphql.body.data?.Form?.emails ?? []).toEqual([])
    expect(JSON.stringify(graphql.body)).not.toContain('secretariat@example.org')
  })

  it('lets only editors change a form', async () => {
    const anonymous = await api.rest('PATCH', `/api/forms/${form.id}`, {
      json: { title: 'Send us your bank details' },
    })
    expect(anonymous.status).toBe(403)
  })
})
