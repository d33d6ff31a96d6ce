import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { EditorSession } from '../helpers/editorSession'

import { openEditorSession } from '../helpers/editorSession'

let session: EditorSession

beforeAll(async () => {
  session = await openEditorSession()
})

afterAll(async () => {
  await session?.server.close()
})

// Each case is one the fuzz test found Payload answering with a 500 (or, for the aliases, a
// minute of work): kept here so that a change of fuzz seed cannot lose them.
describe('malformed API requests get a 4xx that says what is wrong', () => {
  it.each([
    ['GET', '/api/meetings?limit=10&limit=0', undefined, 400, /"limit" is given 2 times/],
    ['GET', '/api/meetings?page=%20', undefined, 400, /"page" must be a whole number/],
    ['GET', '/api/meetings?sort=,&sort=id', undefined, 400, /"sort" is given more than once/],
    [
      'GET',
      '/api/meetings?where[startsAt][less_than]=undefined',
      undefined,
      400,
      /neither a number nor a date/,
    ],
    ['GET', '/api/meetings?where[startsAt][contains]=2022', undefined, 400, /is a date/],
    ['GET', '/api/meetings?where[slug][all]=x', undefined, 400, /"all" needs a field/],
    ['GET', '/api/users?where[id][within]=[]', undefined, 400, /map operator/],
    ['POST', '/api/speakers', { type: 'text/plain', body: '{"name":"x"}' }, 415, /send JSON/],
    [
      'POST',
      '/api/speakers',
      { type: 'application/json', body: '{"name":' },
      400,
      /not valid JSON/,
    ],
    ['POST', '/api/speakers', { type: 'application/json', body: 'null' }, 400, /JSON object/],
    ['POST', '/api/pages', { type: 'text/plain', body: '' }, 400, /body is empty/],
    [
      'POST',
      '/api/meetings',
      { type: 'application/json', body: '{"title":"x","statements":"1"}' },
      400,
      /"statements" must be a list/,
    ],
  ] as const)('%s %s', async (method, path, content, status, message) => {
    const response = await fetch(`${session.server.url}${path}`, {
      method,
      headers: {
        Authorization: `JWT ${session.token}`,
        ...(content ? { 'Content-Type': content.type } : {}),
      },
      body: content?.body,
    })

    expect(response.status).toBe(status)
    const { errors } = (await response.json()) as { errors: { message: string }[] }
    expect(errors.map((error) => error.message).join(' ')).toMatch(message)
  })

  it('refuses a GraphQL query of more than 10 lists, and a body that is not JSON', async () => {
    const aliases = Array.from({ length: 11 }, (_, index) => `a${index}: Meetings { totalDocs }`)
    const wide = await session.api.graphql(`{ ${aliases.join(' ')} }`)
    expect(wide.status).toBe(400)
    expect(wide.body.errors[0].message).toMatch(/asks for 11 things at once; the limit is 10/)

    // One list, but thousands of fields in it: over Payload's complexity limit.
    const fields = Array.from({ length: 2_000 }, (_, index) => `f${index}: title`)
    const heavy = await session.api.graphql(`{ Meetings { docs { ${fields.join(' ')} } } }`)
    expect(heavy.status).toBe(400)
    expect(heavy.body.errors[0].message).toMatch(/complexity/i)

    const unknownField = await session.api.graphql('{ Meetings { docs { password } } }')
    expect(unknownField.status).toBe(400)

    const notJSON = await fetch(`${session.server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'query { Meetings { totalDocs } }',
    })
    expect(notJSON.status).toBe(400)
  })

  it('still answers well-formed requests', async () => {
    const list = await session.api.rest('GET', '/api/meetings?limit=5&page=1&sort=-startsAt')
    expect(list.status).toBe(200)
    const query = await session.api.graphql(
      '{ a: Meetings { totalDocs } b: Speakers { totalDocs } }',
    )
    expect(query.status).toBe(200)
    expect(query.body.errors).toBeUndefined()

    // A query that runs and fails in part is a GraphQL answer, with its data: still 200.
    const forbidden = await session.api.graphql('{ Users { docs { email } } }')
    expect(forbidden.status).toBe(200)
    expect(forbidden.body).toHaveProperty('data')
  })
})
