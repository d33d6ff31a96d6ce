import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { richText } from '@/content/richText'

import { apiClient } from '../helpers/api'
import { createMeeting, createOrganisation, createSpeaker } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

let payload: Payload
let server: TestServer
let api: APIClient
let meetingId: string

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  const organisation = await createOrganisation(payload, { abbreviation: 'WRI' })
  const speaker = await createSpeaker(payload, {
    honorific: 'Prof',
    bio: richText({ paragraphs: ['A long biography.'] }),
    positions: [{ title: 'Director', organisation: organisation.id }],
  })
  const meeting = await createMeeting(payload, {
    host: speaker.id,
    statements: [
      {
        speaker: speaker.id,
        organisation: organisation.id,
        statement: richText({ paragraphs: ['We agreed.'] }),
      },
    ],
  })
  meetingId = meeting.id
})

afterAll(async () => {
  await server?.close()
})

// What a partner reading meetings at depth 1 gets of the people and organisations they name: a
// summary, not each one's whole record with its own joins (defaultPopulate on both collections).
describe('speakers and organisations named by a meeting, over REST at depth 1', () => {
  it('come back as a summary', async () => {
    const { status, body } = await api.rest('GET', `/api/meetings/${meetingId}?depth=1`)

    expect(status).toBe(200)
    const [statement] = body.statements
    expect(Object.keys(statement.speaker).sort()).toEqual(
      ['honorific', 'id', 'name', 'portrait', 'positions', 'slug'].sort(),
    )
    expect(statement.speaker.positions[0]).toMatchObject({ title: 'Director' })
    expect(Object.keys(statement.organisation).sort()).toEqual(
      ['abbreviation', 'country', 'id', 'kind', 'logo', 'name', 'slug', 'website'].sort(),
    )
    expect(body.host.name).toBe(statement.speaker.name)
  })

  it('come back with more when the reader asks for it with populate', async () => {
    const { status, body } = await api.rest(
      'GET',
      `/api/meetings/${meetingId}?depth=1&populate[speakers][bio]=true&populate[speakers][name]=true`,
    )

    expect(status).toBe(200)
    const [statement] = body.statements
    expect(statement.speaker.name).toEqual(expect.any(String))
    expect(statement.speaker.bio.root.children[0].children[0].text).toBe('A long biography.')
    expect(statement.speaker.positions).toBeUndefined()
  })

  it('are the same summary over GraphQL', async () => {
    const { status, body } = await api.graphql(
      `query ($id: String!) { Meeting(id: $id) { statements { speaker { name } organisation { abbreviation } } } }`,
      { variables: { id: meetingId } },
    )

    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.Meeting.statements[0].organisation.abbreviation).toBe('WRI')
  })
})
