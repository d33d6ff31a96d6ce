import type { Payload, SanitizedConfig } from 'payload'

import { PayloadSDK } from '@payloadcms/sdk'
import { Validator } from '@seriousme/openapi-schema-validator'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { buildSchema, parse, validate } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Config } from '@/payload-types'

import type { TestServer } from '../helpers/server'

import { GET as getGraphQLSchema } from '@/app/(payload)/api/graphql/schema.graphql/route'
import { GET as getOpenAPI } from '@/app/(payload)/api/openapi.json/route'
import { openAPIDocumentOf } from '@/partnerAPI/openAPIDocument'
import { publicAPIPathsOf } from '@/payload/siteContent'

import { createMeeting, uniqueSuffix } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

// The partner API's description (src/partnerAPI/) is built from the config the server runs: it
// must name every public collection and global, describe what an anonymous read really returns,
// and show nothing that only staff or key holders read.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Document = any

let payload: Payload
let config: SanitizedConfig
let document: Document
let server: TestServer

beforeAll(async () => {
  payload = await getTestPayload()
  config = payload.config
  document = openAPIDocumentOf(config)
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
})

const schemaOf = (name: string) => document.components.schemas[name]

// A validator of response bodies against a schema of the document, its references resolved.
const responseValidator = (name: string) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  return ajv.compile({
    $id: 'https://partner-api.test/openapi.json',
    components: document.components,
    $ref: `#/components/schemas/${name}`,
  })
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(document.openapi).toBe('3.1.0')
  })

  it('lists, counts and reads by id every public collection, and reads every public global', () => {
    const paths = publicAPIPathsOf(config)
    expect(paths.length).toBeGreaterThan(5)
    for (const path of paths) {
      if (path.startsWith('globals/')) {
        expect(document.paths[`/api/${path}`]?.get, path).toBeDefined()
        continue
      }
      for (const route of [`/api/${path}`, `/api/${path}/count`, `/api/${path}/{id}`]) {
        expect(document.paths[route]?.get, route).toBeDefined()
      }
    }
  })

  it('describes no collection the public cannot read', () => {
    const described = Object.keys(document.paths).join('\n')
    for (const slug of ['users', 'form-submissions', 'redirects', 'payload-jobs']) {
      expect(described).not.toContain(`/api/${slug}`)
      expect(schemaOf(slug)).toBeUndefined()
    }
  })

  it('shows none of the fields only staff read', () => {
    const meeting = Object.keys(schemaOf('meetings').properties)
    expect(meeting).toContain('title')
    for (const field of [
      'legacySource',
      'legacyAddress',
      'importNotes',
      'updatedBy',
      'label',
      'translation',
      'translationStatus',
    ]) {
      expect(meeting, field).not.toContain(field)
    }
    expect(Object.keys(schemaOf('speakers').properties)).not.toContain('updatedBy')
    // Where a form's e-mails go is for staff (src/payload/plugins/formBuilder.ts).
    expect(Object.keys(schemaOf('forms').properties)).not.toContain('emails')
  })

  it('offers the public published documents only: no draft status, no versions', () => {
    for (const slug of ['meetings', 'pages', 'news', 'editions']) {
      expect(schemaOf(slug).properties._status, slug).toEqual({
        type: 'string',
        enum: ['published'],
      })
      expect(document.paths[`/api/${slug}/versions`], slug).toBeUndefined()
    }
    expect(document.components.parameters.draft.description).toMatch(/API key/)
  })

  it('describes the API key, the error shape and the 429 with Retry-After', () => {
    expect(document.components.securitySchemes.usersAPIKey).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
    })
    const list = document.paths['/api/meetings'].get
    expect(list.security).toEqual([{}, { usersAPIKey: [] }])
    expect(list.responses['429'].$ref).toBe('#/components/responses/TooManyRequests')
    expect(document.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined()
    expect(document.components.parameters.where).toMatchObject({
      style: 'deepObject',
      explode: true,
    })
  })

  it('is the same document every time it is built from the same config', () => {
    expect(JSON.stringify(openAPIDocumentOf(config))).toBe(JSON.stringify(document))
  })
})

describe('what anonymous readers get matches the document', () => {
  it('a list of meetings read with @payloadcms/sdk has exactly the described fields', async () => {
    const meeting = await createMeeting(payload, { title: `Described ${uniqueSuffix()}` })
    // Filled in as an import does, for staff only.
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { legacySource: 'old-page', importNotes: { summary: 'checked' } },
      overrideAccess: true,
    })
    const sdk = new PayloadSDK<Config>({ baseURL: `${server.url}/api` })
    const list = await sdk.find({
      collection: 'meetings',
      where: { id: { equals: meeting.id } },
      depth: 0,
      locale: 'zh',
    })
    expect(list.docs).toHaveLength(1)
    const isValid = responseValidator('meetings_list')
    expect(isValid(list), JSON.stringify(isValid.errors)).toBe(true)
  })

  it('a document with a field the schema does not describe is refused by it', () => {
    const isValid = responseValidator('meetings')
    expect(isValid({ ...validMeetingShape(), importNotes: 'staff only' })).toBe(false)
  })
})

const validMeetingShape = () => ({
  id: 'x',
  title: 'A meeting',
  kind: 'round-table',
  edition: 2022,
  startsAt: '2022-10-30T06:00:00.000Z',
  slug: 'a-meeting',
  updatedAt: '2022-10-30T06:00:00.000Z',
  createdAt: '2022-10-30T06:00:00.000Z',
})

describe('the routes', () => {
  it('answer /api/openapi.json with the document, cacheable and readable from other sites', async () => {
    const response = await getOpenAPI()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('cache-control')).toMatch(/public/)
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)))
  })

  it('answer /api/graphql/schema.graphql with SDL that a query is validated against', async () => {
    const response = await getGraphQLSchema()
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const schema = buildSchema(await response.text())
    const query = parse('{ Meetings(limit: 1, locale: zh) { docs { title slug startsAt } } }')
    expect(validate(schema, query)).toEqual([])
    const privateQuery = parse('{ Meetings { docs { title nonsense } } }')
    expect(validate(schema, privateQuery)).not.toEqual([])
  })
})
