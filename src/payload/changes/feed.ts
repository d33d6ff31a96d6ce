import type { Endpoint, PayloadRequest, Where } from 'payload'

import type { ChangeEventDoc } from './deliver'

import { publicEventOf } from './deliver'
import { changeEventsSlug, changeRetentionDays } from './events'

// GET /api/changes?since=<ISO time>: what changed in public content after that time, oldest
// first, a page at a time; `next` is the address of the following page, and of the next poll once
// there is nothing more. Only public changes are ever recorded (src/payload/changes/events.ts), so
// nothing here is about drafts. Anonymous and the same for everyone: the server shares and caches
// it like the public collections' reads, and other sites' browser apps may read it
// (`custom.publicAPI`, see src/payload/publicAPI.ts).

export const defaultChangesLimit = 100
export const maxChangesLimit = 500

const refuse = (message: string) => Response.json({ errors: [{ message }] }, { status: 400 })

// A date, or a date and time with its offset from UTC: "2026-12-05", "2026-12-05T09:30:00Z",
// "2026-12-05T17:30:00+08:00". A time without an offset would mean different moments to the
// partner and to this server.
const isoTime =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i

type Cursor = { at: string; id: string }

const encodeCursor = ({ at, id }: Cursor) =>
  Buffer.from(JSON.stringify([at, id])).toString('base64url')

const decodeCursor = (value: string): Cursor | null => {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[]
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string')
      return null
    return { at, id }
  } catch {
    return null
  }
}

type Query = { where: Where; since?: string; cursor?: string; limit: number }

const sinceProblem = (since: string) =>
  `"since" must be a date or a date and time with its offset from UTC, e.g. 2026-12-05T09:30:00Z or 2026-12-05T17:30:00+08:00, not "${since.slice(0, 40)}".`

const queryOf = (url: URL): Query | string => {
  for (const name of ['since', 'cursor', 'limit']) {
    if (url.searchParams.getAll(name).length > 1)
      return `"${name}" is given more than once; give it once.`
  }
  const since = url.searchParams.get('since') ?? undefined
  const cursor = url.searchParams.get('cursor') ?? undefined
  const limitParameter = url.searchParams.get('limit')
  // The API guard has checked it is a whole number already.
  const limit = Math.min(
    maxChangesLimit,
    Math.max(1, limitParameter === null ? defaultChangesLimit : Number(limitParameter)),
  )
  if (since !== undefined && cursor !== undefined)
    return 'Give either "since" or "cursor" (the "next" of the page before), not both.'
  if (cursor !== undefined) {
    const after = decodeCursor(cursor)
    if (!after)
      return 'This "cursor" was not made by this feed: use the "next" address of the page before.'
    return {
      cursor,
      limit,
      where: {
        or: [
          { at: { greater_than: after.at } },
          { and: [{ at: { equals: after.at } }, { id: { greater_than: after.id } }] },
        ],
      },
    }
  }
  if (since === undefined) return { limit, where: {} }
  if (!isoTime.test(since) || Number.isNaN(Date.parse(since))) return sinceProblem(since)
  return { since, limit, where: { at: { greater_than: new Date(since).toISOString() } } }
}

const nextOf = ({ query, last }: { query: Query; last?: ChangeEventDoc }) => {
  const params = new URLSearchParams()
  if (last) params.set('cursor', encodeCursor({ at: last.at, id: String(last.id) }))
  else if (query.cursor) params.set('cursor', query.cursor)
  else if (query.since) params.set('since', query.since)
  params.set('limit', String(query.limit))
  return `/api/changes?${params}`
}

const readEvents = async ({ req, query }: { req: PayloadRequest; query: Query }) => {
  const { docs, hasNextPage } = await req.payload.find({
    collection: changeEventsSlug,
    where: query.where,
    sort: ['at', 'id'],
    limit: query.limit,
    depth: 0,
    select: { collection: true, documentId: true, kind: true, at: true, slug: true },
    overrideAccess: true,
    req,
  })
  return { events: docs as unknown as ChangeEventDoc[], hasMore: hasNextPage }
}

export const changesEndpoint: Endpoint = {
  path: '/changes',
  method: 'get',
  custom: { publicAPI: true },
  handler: async (req) => {
    const query = queryOf(new URL(req.url ?? '/', 'http://localhost'))
    if (typeof query === 'string') return refuse(query)
    const { events, hasMore } = await readEvents({ req, query })
    const origin = req.payload.config.serverURL
    return Response.json({
      events: events.map((event) => publicEventOf({ event, origin })),
      hasMore,
      next: nextOf({ query, last: events.at(-1) }),
      retentionDays: changeRetentionDays,
    })
  },
}
