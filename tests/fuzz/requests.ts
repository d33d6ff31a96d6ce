// Malformed requests for the fuzz test: REST queries with hostile where/sort/limit/depth/select
// values, hostile ids and bodies, and broken or oversized GraphQL. Deterministic for a seed (the
// random source is src/seed/scale's), so a failure can be replayed.

// Payload's own bookkeeping (preferences, migrations, jobs) is left to Payload.
export const fuzzCollectionsOf = (slugs: string[]): string[] =>
  slugs.filter((slug) => !slug.startsWith('payload-'))

export type FuzzRequest = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  body?: string
  contentType?: string
  // Payload's method override: a POST whose form body is the query of the GET it stands for.
  overrideToGet?: boolean
  authenticated: boolean
}

const fields = [
  'title',
  'slug',
  'name',
  'startsAt',
  'statements.speaker',
  'positions.organisation',
  'id',
  '_status',
  'host',
  'nope',
  '__proto__',
  'constructor',
  'meeting.title',
  'a.b.c.d.e',
]
const operators = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'less_than_equal',
  'like',
  'contains',
  'near',
  'within',
  'intersects',
  'bogus',
  '__proto__',
]
const values = [
  '',
  'x',
  '1',
  '-1',
  'true',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '[]',
  '{}',
  '%00',
  "'; DROP TABLE meetings; --",
  '$where',
  '{"$gt":""}',
  '../../etc/passwd',
  'a'.repeat(5000),
  '2022-13-45',
  '0,0',
  '1,2,3',
  '🙂',
  '\u0000',
  '<script>alert(1)</script>',
]
const numbers = ['0', '-1', '1', '99999999', '1.5', 'abc', '1e9', '-0', '', '[]', '%20']

type Pick = <T>(list: readonly T[]) => T

const hostileQuery = (pick: Pick, random: () => number): string => {
  const parts: string[] = []
  const count = 1 + Math.floor(random() * 4)
  for (let index = 0; index < count; index += 1) {
    switch (Math.floor(random() * 10)) {
      case 0:
        parts.push(`where[${pick(fields)}][${pick(operators)}]=${encodeURIComponent(pick(values))}`)
        break
      case 1: {
        // Deep nesting of and/or.
        const depth = 1 + Math.floor(random() * 40)
        const prefix = Array.from({ length: depth }, () => `[${pick(['and', 'or'])}][0]`).join('')
        parts.push(`where${prefix}[${pick(fields)}][equals]=${encodeURIComponent(pick(values))}`)
        break
      }
      case 2:
        parts.push(`where[${pick(fields)}]=${encodeURIComponent(pick(values))}`)
        break
      case 3:
        parts.push(`limit=${encodeURIComponent(pick(numbers))}`)
        break
      case 4:
        parts.push(`page=${encodeURIComponent(pick(numbers))}`)
        break
      case 5:
        parts.push(`depth=${encodeURIComponent(pick(numbers))}`)
        break
      case 6:
        parts.push(
          `sort=${encodeURIComponent(pick([...fields, '-title', '--x', ',', pick(values)]))}`,
        )
        break
      case 7:
        parts.push(
          `select[${pick(fields)}]=${encodeURIComponent(pick(['true', 'false', 'x', '']))}`,
        )
        break
      case 8:
        parts.push(
          `locale=${encodeURIComponent(pick(['en', 'zh', 'all', 'xx', '', '*', pick(values)]))}`,
        )
        break
      default:
        parts.push(
          `${pick(['populate', 'joins', 'draft', 'trash', 'pagination', 'fallback-locale'])}` +
            `${pick(['', '[speakers][name]', '[meetings][limit]', '[x]'])}=${encodeURIComponent(pick(values))}`,
        )
    }
  }
  return parts.join('&')
}

const hostileId = (pick: Pick): string =>
  encodeURIComponent(
    pick([
      '0',
      '-1',
      'null',
      '%',
      '..',
      'a'.repeat(300),
      '{"$ne":null}',
      '🙂',
      '00000000-0000-0000-0000-000000000000',
      '507f1f77bcf86cd799439011',
      "1' OR '1'='1",
    ]),
  )

const hostileBody = (pick: Pick, random: () => number): string => {
  switch (Math.floor(random() * 6)) {
    case 0:
      return '{"title":'
    case 1:
      return JSON.stringify({ title: pick(values), startsAt: pick(values), edition: pick(values) })
    case 2:
      return JSON.stringify({
        title: 'x',
        statements: pick(values),
        positions: [{ organisation: pick(values) }],
        _status: pick(['published', 'draft', 'nope']),
      })
    case 3:
      return JSON.stringify(pick([[], null, 1, 'x', { __proto__: { admin: true } }]))
    case 4:
      return JSON.stringify({ role: 'admin', email: pick(values), password: pick(values) })
    default:
      return pick(values)
  }
}

const hostileGraphQL = (pick: Pick, random: () => number): string => {
  switch (Math.floor(random() * 6)) {
    case 0: {
      // Deep: meeting → host → positions → organisation → people → … as far as it goes.
      const depth = 2 + Math.floor(random() * 30)
      let selection = 'id'
      for (let level = 0; level < depth; level += 1) {
        selection = level % 2 ? `host { ${selection} }` : `statements { speaker { id } ${''} }`
      }
      return JSON.stringify({ query: `{ Meetings(limit: 100) { docs { ${selection} } } }` })
    }
    case 1: {
      // Wide: the same field aliased hundreds of times.
      const width = 50 + Math.floor(random() * 500)
      const aliases = Array.from(
        { length: width },
        (_, index) => `a${index}: Meetings(limit: 100) { totalDocs }`,
      )
      return JSON.stringify({ query: `{ ${aliases.join(' ')} }` })
    }
    case 2:
      return JSON.stringify({
        query: `{ Meetings(where: ${pick(['1', '"x"', '{ title: 1 }', '{ nope: { equals: 1 } }'])}, limit: ${pick(['-1', '99999999', '"x"'])}) { docs { title } } }`,
      })
    case 3:
      return JSON.stringify({
        query: pick([
          '{',
          '}',
          'query {',
          'mutation { deleteMeeting(id: "x") { id } }',
          '{ __schema { types { name } } }',
        ]),
      })
    case 4:
      return JSON.stringify({ query: '{ Meetings { docs { title } } }', variables: pick(values) })
    default:
      return pick(values)
  }
}

// `collections`: every collection of the config (fuzzCollectionsOf), so a new one is fuzzed too.
export const generateRequest = (random: () => number, collections: string[]): FuzzRequest => {
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]
  const authenticated = random() < 0.3
  switch (Math.floor(random() * 7)) {
    case 0:
    case 1:
      return {
        method: 'GET',
        path: `/api/${pick(collections)}?${hostileQuery(pick, random)}`,
        authenticated,
      }
    case 2:
      return {
        method: 'GET',
        path: `/api/${pick(collections)}/${hostileId(pick)}?${hostileQuery(pick, random)}`,
        authenticated,
      }
    case 3:
      return {
        method: pick(['POST', 'PATCH'] as const),
        path: `/api/${pick(collections)}${random() < 0.5 ? `/${hostileId(pick)}` : ''}`,
        body: hostileBody(pick, random),
        contentType: pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']),
        authenticated,
      }
    case 4:
      return {
        method: 'DELETE',
        path: `/api/${pick(collections)}?${hostileQuery(pick, random)}`,
        authenticated,
      }
    case 5:
      return {
        method: 'POST',
        path: `/api/${pick(collections)}${random() < 0.3 ? `?${hostileQuery(pick, random)}` : ''}`,
        body: hostileQuery(pick, random),
        contentType: pick([
          'application/x-www-form-urlencoded',
          'application/x-www-form-urlencoded; charset=UTF-8',
          'text/plain',
          '',
        ]),
        overrideToGet: true,
        authenticated,
      }
    default:
      return {
        method: 'POST',
        path: '/api/graphql',
        body: hostileGraphQL(pick, random),
        contentType: 'application/json',
        authenticated,
      }
  }
}
