import type { Payload } from 'payload'

import type { User } from '@/payload-types'

import type { APIClient, APIResponse, JSONBody } from './api'

import { richText } from '@/content/richText'

import type { TestImage } from './factories'

import { makeTestImage, makeTestPdf, testPassword, uniqueSuffix } from './factories'
import { joinedIds } from './ids'

// One vocabulary for the three ways into the content: REST and GraphQL over HTTP, and the local
// API with overrideAccess: false. Each attempt reports 'allowed' or 'denied'; anything else
// (a crash, a validation error) is reported as 'unexpected …' so that a matrix test fails loudly.

// `reader` signs in with an API key; `disabled` is an editor whose account an admin disabled
// after they logged in, still holding their token.
export type Role = 'anonymous' | 'editor' | 'admin' | 'reader' | 'disabled'

export type Actor = { role: Role; user?: User; token?: string; apiKey?: string }

export type Outcome = 'allowed' | 'denied' | `unexpected: ${string}`

export type AccessCollection =
  | 'editions'
  | 'meetings'
  | 'speakers'
  | 'organisations'
  | 'photos'
  | 'documents'
  | 'pages'
  | 'news'
  | 'users'
  | 'forms'
  | 'form-submissions'
  | 'search'
  | 'payload-locked-documents'
  | 'redirects'
  | 'change-events'
  | 'webhooks'
  | 'webhook-deliveries'

export type VersionedCollection = 'editions' | 'meetings' | 'pages' | 'news'

export type Operation = 'create' | 'read' | 'update' | 'delete' | 'readVersions'

export type SurfaceName = 'REST' | 'GraphQL' | 'local API'

export type ReadResult = { outcome: Outcome; doc: Record<string, unknown> | null }

export type Surface = {
  name: SurfaceName
  create: (
    actor: Actor,
    collection: AccessCollection,
    data?: Record<string, unknown>,
  ) => Promise<Outcome>
  read: (
    actor: Actor,
    collection: AccessCollection,
    id: string,
    options?: { draft?: boolean },
  ) => Promise<ReadResult>
  list: (
    actor: Actor,
    collection: AccessCollection,
    options?: { draft?: boolean },
  ) => Promise<string[]>
  update: (
    actor: Actor,
    collection: AccessCollection,
    id: string,
    data?: Record<string, unknown>,
  ) => Promise<Outcome>
  delete: (actor: Actor, collection: AccessCollection, id: string) => Promise<Outcome>
  // Allowed when the versions of the document can be listed; an empty list counts as denied.
  readVersions: (actor: Actor, collection: VersionedCollection, id: string) => Promise<Outcome>
  joined: (
    actor: Actor,
    collection: 'speakers' | 'organisations',
    id: string,
    join: 'meetings',
  ) => Promise<string[]>
  readSite: (actor: Actor) => Promise<Outcome>
  updateSite: (actor: Actor) => Promise<Outcome>
}

// Documents that some creates point at: the form a submission answers, the speaker a search
// entry indexes, the account a document lock names, the published meeting a document belongs to.
export type SampleReferences = {
  formId?: string
  speakerId?: string
  userId?: string
  lockedMeetingId?: string
  meetingId?: string
  webhookId?: string
}

let sampleEditionYear = 2090

// What a create sends; enum values as the REST and local APIs spell them.
export const sampleData = (
  collection: AccessCollection,
  { formId, speakerId, userId, lockedMeetingId, meetingId, webhookId }: SampleReferences = {},
): Record<string, unknown> => {
  const suffix = uniqueSuffix()
  switch (collection) {
    case 'editions':
      // An edition's id is its year: each create takes the next one down, clear of the years
      // the factories use (tests/helpers/factories.ts counts down from 2100, skipping taken ones).
      sampleEditionYear -= 1
      return { id: sampleEditionYear }
    case 'meetings':
      return {
        title: `Access Meeting ${suffix}`,
        slug: `access-meeting-${suffix}`,
        kind: 'round-table',
        edition: 2022,
        startsAt: '2022-10-30T06:00:00.000Z',
        startsAt_tz: 'Asia/Shanghai',
      }
    case 'speakers':
      return { name: `Access Speaker ${suffix}`, slug: `access-speaker-${suffix}` }
    case 'organisations':
      return { name: `Access Organisation ${suffix}`, slug: `access-org-${suffix}`, kind: 'ngo' }
    case 'photos':
      return { alt: `Access photo ${suffix}` }
    case 'documents':
      return { title: `Access document ${suffix}`, language: 'en', meeting: meetingId }
    case 'pages':
      return { title: `Access Page ${suffix}`, slug: `access-page-${suffix}` }
    case 'news':
      return {
        title: `Access Release ${suffix}`,
        slug: `access-release-${suffix}`,
        kind: 'announcement',
      }
    case 'users':
      return {
        name: `Access User ${suffix}`,
        email: `access-${suffix}@example.test`,
        password: testPassword,
        role: 'editor',
      }
    case 'forms':
      return {
        title: `Access Form ${suffix}`,
        confirmationType: 'message',
        confirmationMessage: richText({ paragraphs: ['Thank you.'] }),
        // The plugin's GraphQL input types require a redirect address even when the form
        // confirms with a message.
        redirect: { url: 'https://www.cifcc.org/thanks' },
      }
    case 'form-submissions':
      return { form: formId, submissionData: [{ field: 'name', value: `Visitor ${suffix}` }] }
    case 'search':
      return { title: `Access Entry ${suffix}`, doc: { relationTo: 'speakers', value: speakerId } }
    case 'payload-locked-documents':
      return {
        document: { relationTo: 'meetings', value: lockedMeetingId },
        user: { relationTo: 'users', value: userId },
      }
    case 'redirects':
      return {
        from: `/news/access-${suffix}.html`,
        to: { type: 'custom', url: '/meetings' },
        locale: 'en',
      }
    case 'change-events':
      return {
        collection: 'meetings',
        documentId: `access-${suffix}`,
        kind: 'updated',
        at: new Date().toISOString(),
      }
    case 'webhooks':
      return {
        name: `Access Partner ${suffix}`,
        url: `https://partner.example/access-${suffix}`,
        collections: ['meetings'],
      }
    case 'webhook-deliveries':
      return { webhook: webhookId, attempt: 1, status: 200, durationMs: 12 }
  }
}

// A harmless change each collection accepts.
export const sampleUpdate = (collection: AccessCollection): Record<string, unknown> =>
  ({
    editions: { city: 'Updated city' },
    meetings: { venue: 'Updated venue' },
    speakers: { honorific: 'Dr' },
    organisations: { abbreviation: 'UPD' },
    photos: { credit: 'Updated credit' },
    documents: { title: 'Renamed document' },
    pages: { navOrder: 5 },
    news: { summary: 'Updated summary' },
    users: { name: 'Renamed User' },
    forms: { title: 'Renamed Form', redirect: { url: 'https://www.cifcc.org/thanks' } },
    'form-submissions': { submissionData: [{ field: 'name', value: 'Changed' }] },
    search: { title: 'Renamed Entry' },
    'payload-locked-documents': { globalSlug: null },
    redirects: { to: { type: 'custom', url: '/speakers' } },
    'change-events': { slug: 'renamed' },
    webhooks: { name: 'Renamed Partner' },
    'webhook-deliveries': { attempt: 2 },
  })[collection]

const siteUpdate = () => ({ name: `Forum ${uniqueSuffix()}` })

const smallImage = () => makeTestImage({ width: 320, height: 240 })

// The file an upload collection's create carries.
const uploadCollections: Partial<Record<AccessCollection, () => Promise<TestImage>>> = {
  photos: smallImage,
  documents: async () => makeTestPdf(),
}

// ——— REST over HTTP ———

const restOutcome = ({ status, body }: APIResponse): Outcome => {
  if (status >= 200 && status < 300) return 'allowed'
  if (status === 401 || status === 403 || status === 404) return 'denied'
  return `unexpected: ${status} ${JSON.stringify(body)}`
}

export const restSurface = (api: APIClient): Surface => {
  const query = (params: Record<string, boolean | number | string | undefined>) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) search.set(key, String(value))
    return `?${search.toString()}`
  }

  return {
    name: 'REST',
    create: async ({ token, apiKey }, collection, data = sampleData(collection)) => {
      const makeFile = uploadCollections[collection]
      if (!makeFile) {
        return restOutcome(
          await api.rest('POST', `/api/${collection}`, { token, apiKey, json: data }),
        )
      }
      const file = await makeFile()
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
      form.append('_payload', JSON.stringify(data))
      return restOutcome(await api.rest('POST', `/api/${collection}`, { token, apiKey, form }))
    },
    read: async ({ token, apiKey }, collection, id, { draft } = {}) => {
      const response = await api.rest(
        'GET',
        `/api/${collection}/${id}${query({ depth: 0, draft })}`,
        { token, apiKey },
      )
      const outcome = restOutcome(response)
      return { outcome, doc: outcome === 'allowed' ? response.body : null }
    },
    list: async ({ token, apiKey }, collection, { draft } = {}) => {
      const response = await api.rest(
        'GET',
        `/api/${collection}${query({ depth: 0, limit: 1000, draft })}`,
        { token, apiKey },
      )
      if (response.status !== 200) return []
      return (response.body.docs as { id: number | string }[]).map(({ id }) => String(id))
    },
    update: async ({ token, apiKey }, collection, id, data = sampleUpdate(collection)) =>
      restOutcome(
        await api.rest('PATCH', `/api/${collection}/${id}`, { token, apiKey, json: data }),
      ),
    delete: async ({ token, apiKey }, collection, id) =>
      restOutcome(await api.rest('DELETE', `/api/${collection}/${id}`, { token, apiKey })),
    readVersions: async ({ token, apiKey }, collection, id) => {
      const response = await api.rest(
        'GET',
        `/api/${collection}/versions?where[parent][equals]=${id}&depth=0`,
        { token, apiKey },
      )
      if (response.status === 200) return response.body.docs.length > 0 ? 'allowed' : 'denied'
      return restOutcome(response)
    },
    joined: async ({ token, apiKey }, collection, id, join) => {
      const response = await api.rest('GET', `/api/${collection}/${id}?depth=0`, {
        token,
        apiKey,
      })
      return joinedIds(response.body?.[join])
    },
    readSite: async ({ token, apiKey }) =>
      restOutcome(await api.rest('GET', '/api/globals/site', { token, apiKey })),
    updateSite: async ({ token, apiKey }) =>
      restOutcome(
        await api.rest('POST', '/api/globals/site', { token, apiKey, json: siteUpdate() }),
      ),
  }
}

// ——— GraphQL over HTTP ———

const graphQLNames: Record<
  AccessCollection,
  { single: string; plural: string; fields: string; numericId?: true }
> = {
  // An edition's id is its year: GraphQL types it Int.
  editions: { single: 'Edition', plural: 'Editions', fields: 'id theme', numericId: true },
  meetings: { single: 'Meeting', plural: 'Meetings', fields: 'id title' },
  speakers: { single: 'Speaker', plural: 'Speakers', fields: 'id name' },
  organisations: { single: 'Organisation', plural: 'Organisations', fields: 'id name' },
  photos: { single: 'Photo', plural: 'Photos', fields: 'id alt' },
  documents: { single: 'Document', plural: 'Documents', fields: 'id title' },
  pages: { single: 'Page', plural: 'Pages', fields: 'id title' },
  news: { single: 'NewsRelease', plural: 'News', fields: 'id title' },
  users: { single: 'User', plural: 'Users', fields: 'id name role' },
  forms: { single: 'Form', plural: 'Forms', fields: 'id title' },
  'form-submissions': { single: 'FormSubmission', plural: 'FormSubmissions', fields: 'id' },
  search: { single: 'Search', plural: 'Searches', fields: 'id title' },
  'payload-locked-documents': {
    single: 'PayloadLockedDocument',
    plural: 'PayloadLockedDocuments',
    fields: 'id globalSlug',
  },
  redirects: { single: 'Redirect', plural: 'Redirects', fields: 'id from' },
  'change-events': { single: 'ChangeEvent', plural: 'ChangeEvents', fields: 'id kind' },
  webhooks: { single: 'Webhook', plural: 'Webhooks', fields: 'id name' },
  'webhook-deliveries': {
    single: 'WebhookDelivery',
    plural: 'WebhookDeliveries',
    fields: 'id attempt',
  },
}

// GraphQL enum values cannot contain "-" or "/": round-table → round_table, Asia/Shanghai → Asia_Shanghai.
const enumFields = ['kind', 'startsAt_tz', 'role', 'language']
const toGraphQLData = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      enumFields.includes(key) && typeof value === 'string' ? value.replace(/[-/]/g, '_') : value,
    ]),
  )

const deniedGraphQLStatuses = [401, 403, 404]

const graphQLOutcome = ({ status, body }: APIResponse, field: string): Outcome => {
  const errors = (body?.errors ?? []) as { message: string; extensions?: { statusCode?: number } }[]
  if (errors.length === 0 && body?.data?.[field]) return 'allowed'
  if (
    errors.length > 0 &&
    errors.every((error) => deniedGraphQLStatuses.includes(error.extensions?.statusCode ?? 0))
  )
    return 'denied'
  if (errors.length === 0 && body?.data && body.data[field] === null) return 'denied'
  return `unexpected: ${status} ${JSON.stringify(body)}`
}

const idTypeOf = (collection: AccessCollection) =>
  graphQLNames[collection].numericId ? 'Int!' : 'String!'
const idOf = (collection: AccessCollection, id: string) =>
  graphQLNames[collection].numericId ? Number(id) : id

export const graphQLSurface = (api: APIClient): Surface => {
  const run = ({ token, apiKey }: Actor, query: string, variables: Record<string, unknown>) =>
    api.graphql(query, { token, apiKey, variables })

  return {
    name: 'GraphQL',
    create: async (actor, collection, data = sampleData(collection)) => {
      const { single } = graphQLNames[collection]
      const response = await run(
        actor,
        `mutation ($data: mutation${single}Input!) { create${single}(data: $data) { id } }`,
        { data: toGraphQLData(data) },
      )
      return graphQLOutcome(response, `create${single}`)
    },
    read: async (actor, collection, id, { draft } = {}) => {
      const { single, fields } = graphQLNames[collection]
      const response = await run(
        actor,
        `query ($id: ${idTypeOf(collection)}, $draft: Boolean) { ${single}(id: $id, draft: $draft) { ${fields} } }`,
        { id: idOf(collection, id), draft },
      )
      const outcome = graphQLOutcome(response, single)
      return { outcome, doc: outcome === 'allowed' ? response.body.data[single] : null }
    },
    list: async (actor, collection, { draft } = {}) => {
      const { plural } = graphQLNames[collection]
      const response = await run(
        actor,
        `query ($draft: Boolean) { ${plural}(draft: $draft, limit: 1000) { docs { id } } }`,
        { draft },
      )
      return ((response.body?.data?.[plural]?.docs ?? []) as { id: number | string }[]).map(
        ({ id }) => String(id),
      )
    },
    update: async (actor, collection, id, data = sampleUpdate(collection)) => {
      const { single } = graphQLNames[collection]
      const response = await run(
        actor,
        `mutation ($id: ${idTypeOf(collection)}, $data: mutation${single}UpdateInput!) { update${single}(id: $id, data: $data) { id } }`,
        { id: idOf(collection, id), data: toGraphQLData(data) },
      )
      return graphQLOutcome(response, `update${single}`)
    },
    delete: async (actor, collection, id) => {
      const { single } = graphQLNames[collection]
      const response = await run(
        actor,
        `mutation ($id: ${idTypeOf(collection)}) { delete${single}(id: $id) { id } }`,
        { id: idOf(collection, id) },
      )
      return graphQLOutcome(response, `delete${single}`)
    },
    readVersions: async (actor, collection, id) => {
      const field = `versions${graphQLNames[collection].plural}`
      const response = await run(
        actor,
        `query ($id: JSON) { ${field}(where: { parent: { equals: $id } }) { docs { id } } }`,
        { id },
      )
      const outcome = graphQLOutcome(response, field)
      return outcome === 'allowed' && response.body.data[field].docs.length === 0
        ? 'denied'
        : outcome
    },
    joined: async (actor, collection, id, join) => {
      const { single } = graphQLNames[collection]
      const response = await run(
        actor,
        `query ($id: String!) { ${single}(id: $id) { ${join} { docs { id } } } }`,
        { id },
      )
      return joinedIds(response.body?.data?.[single]?.[join])
    },
    readSite: async (actor) =>
      graphQLOutcome(await run(actor, '{ Site { updatedAt name } }', {}), 'Site'),
    updateSite: async (actor) =>
      graphQLOutcome(
        await run(
          actor,
          'mutation ($data: mutationSiteInput!) { updateSite(data: $data) { name } }',
          {
            data: siteUpdate(),
          },
        ),
        'updateSite',
      ),
  }
}

// ——— local API with overrideAccess: false ———

const deniedErrorNames = ['Forbidden', 'NotFound', 'UnauthorizedError']

const localOutcome = async (attempt: () => Promise<unknown>): Promise<Outcome> => {
  try {
    await attempt()
    return 'allowed'
  } catch (error) {
    const { name, message } = error as Error
    return deniedErrorNames.includes(name) ? 'denied' : `unexpected: ${name}: ${message}`
  }
}

export const localSurface = (payload: Payload): Surface => {
  // The local API takes the user document; access functions check `collection` like on a request.
  const as = ({ user }: Actor) => ({
    overrideAccess: false,
    user: user ? { ...user, collection: 'users' as const } : undefined,
  })

  return {
    name: 'local API',
    create: async (actor, collection, data = sampleData(collection)) =>
      localOutcome(async () =>
        payload.create({
          collection,
          data: data as never,
          file: await uploadCollections[collection]?.(),
          ...as(actor),
        }),
      ),
    read: async (actor, collection, id, { draft } = {}) => {
      let doc: JSONBody = null
      const outcome = await localOutcome(async () => {
        doc = await payload.findByID({ collection, id, depth: 0, draft, ...as(actor) })
      })
      return { outcome, doc }
    },
    list: async (actor, collection, { draft } = {}) => {
      const result = await payload
        .find({ collection, depth: 0, limit: 1000, draft, ...as(actor) })
        .catch(() => ({ docs: [] as { id: string }[] }))
      return result.docs.map(({ id }) => String(id))
    },
    update: async (actor, collection, id, data = sampleUpdate(collection)) =>
      localOutcome(() => payload.update({ collection, id, data: data as never, ...as(actor) })),
    delete: async (actor, collection, id) =>
      localOutcome(() => payload.delete({ collection, id, ...as(actor) })),
    readVersions: async (actor, collection, id) => {
      let count = 0
      const outcome = await localOutcome(async () => {
        const versions = await payload.findVersions({
          collection,
          where: { parent: { equals: id } },
          depth: 0,
          ...as(actor),
        })
        count = versions.docs.length
      })
      return outcome === 'allowed' && count === 0 ? 'denied' : outcome
    },
    joined: async (actor, collection, id, join) => {
      const doc = await payload.findByID({ collection, id, depth: 0, ...as(actor) })
      return joinedIds((doc as unknown as Record<string, unknown>)[join])
    },
    readSite: async (actor) =>
      localOutcome(() => payload.findGlobal({ slug: 'site', ...as(actor) })),
    updateSite: async (actor) =>
      localOutcome(() => payload.updateGlobal({ slug: 'site', data: siteUpdate(), ...as(actor) })),
  }
}
