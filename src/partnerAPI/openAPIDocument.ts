import type { SanitizedCollectionConfig, SanitizedConfig, SanitizedGlobalConfig } from 'payload'

import type { Schema } from './jsonSchemas'

import { changeKinds } from '@/payload/changes/events'
import { defaultChangesLimit, maxChangesLimit } from '@/payload/changes/feed'
import { publicAPIPathsOf } from '@/payload/siteContent'
import { limits } from '@/runtime/rateLimits.mjs'

import { componentRef, publicSchemasOf } from './jsonSchemas'
import { canPublicRead, canPublicReadVersions } from './publicReads'

// The OpenAPI 3.1 description of what partners may read without a key, built from the Payload
// config the server runs: the public collections and globals are those their configs mark
// `publicAPI` (src/payload/siteContent.ts, the list src/runtime/publicAPI.json is generated
// from), and each document's shape is Payload's JSON Schema of the fields the public may read.
//
// Written here rather than with a generator from npm: payload-oapi (the maintained one) describes
// every collection and every operation, ignores field-level read access (it would show the
// import notes and authors that only staff read), and its viewers load from a CDN our Content
// Security Policy refuses. This is only the public reads, which is what partners are given.

export type OpenAPIDocument = { openapi: '3.1.0'; [key: string]: unknown }
type Operation = Record<string, unknown>

const ref = (name: string) => ({ $ref: componentRef(name) })
const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` })
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` })

const json = (schema: Schema) => ({ 'application/json': { schema } })

// Payload's query string: nested objects in brackets, as `qs` writes them
// (where[title][like]=climate, where[or][0][kind][equals]=plenary, select[title]=true).
const bracketObject = (description: string) => ({
  in: 'query',
  style: 'deepObject',
  explode: true,
  description,
  schema: { type: 'object', additionalProperties: true },
})

const parametersOf = (config: SanitizedConfig) => {
  const locales = config.localization ? config.localization.localeCodes : []
  return {
    where: {
      name: 'where',
      ...bracketObject(
        'Filters, in brackets: `where[slug][equals]=green-industry`, `where[startsAt][greater_than]=2022-01-01`, `where[or][0][kind][equals]=plenary`. Operators: equals, not_equals, in, not_in, like, contains, exists, greater_than, greater_than_equal, less_than, less_than_equal.',
      ),
    },
    select: {
      name: 'select',
      ...bracketObject('Only these fields: `select[title]=true&select[slug]=true`.'),
    },
    populate: {
      name: 'populate',
      ...bracketObject(
        'Which fields of related documents to include: `populate[speakers][name]=true`.',
      ),
    },
    depth: {
      name: 'depth',
      in: 'query',
      description:
        'How deep related documents are included: 0 gives their ids, 1 (the default) their summary.',
      schema: {
        type: 'integer',
        minimum: 0,
        maximum: config.maxDepth,
        default: config.defaultDepth,
      },
    },
    locale: {
      name: 'locale',
      in: 'query',
      description:
        'The language of localized fields. `all` gives each of them as an object by locale (the schemas here describe one language).',
      schema: { type: 'string', enum: [...locales, 'all'] },
    },
    fallbackLocale: {
      name: 'fallback-locale',
      in: 'query',
      description: 'The language shown where the asked one is missing; `none` shows nothing.',
      schema: { type: 'string', enum: [...locales, 'none'] },
    },
    draft: {
      name: 'draft',
      in: 'query',
      description:
        'The latest drafts, for readers with an API key only; without a key only published documents are returned. Answers with `draft` are never cached.',
      schema: { type: 'boolean' },
    },
    limit: {
      name: 'limit',
      in: 'query',
      description: 'Documents per page (default 10).',
      schema: { type: 'integer', minimum: 0 },
    },
    page: { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
    sort: {
      name: 'sort',
      in: 'query',
      description: 'A field name, `-` before it for descending; several separated by commas.',
      schema: { type: 'string' },
    },
  }
}

const readParameters = ['select', 'populate', 'depth', 'locale', 'fallbackLocale', 'draft']
const listParameters = ['where', 'limit', 'page', 'sort', ...readParameters]

const errorSchema: Schema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      items: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
    },
  },
}

const retryAfter = {
  'Retry-After': {
    description: 'Seconds to wait before asking again.',
    schema: { type: 'integer' },
  },
}

const responses = {
  BadRequest: {
    description: 'The query is malformed; the message says which parameter and why.',
    content: json(ref('Error')),
  },
  NotFound: { description: 'No such document, or not public.', content: json(ref('Error')) },
  TooManyRequests: {
    description: 'Over the rate limit for this address (see the description above).',
    headers: retryAfter,
    content: json(ref('Error')),
  },
  ServiceUnavailable: {
    description: 'The database cannot be reached for now.',
    headers: retryAfter,
    content: json(ref('Error')),
  },
}

const refusals = {
  '400': responseRef('BadRequest'),
  '429': responseRef('TooManyRequests'),
  '503': responseRef('ServiceUnavailable'),
}

const paginated = (schema: string): Schema => ({
  type: 'object',
  required: ['docs', 'totalDocs', 'limit', 'totalPages', 'page', 'hasPrevPage', 'hasNextPage'],
  properties: {
    docs: { type: 'array', items: ref(schema) },
    totalDocs: { type: 'integer' },
    limit: { type: 'integer' },
    totalPages: { type: 'integer' },
    page: { type: 'integer' },
    pagingCounter: { type: 'integer' },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean' },
    prevPage: { type: ['integer', 'null'] },
    nextPage: { type: ['integer', 'null'] },
  },
})

const labelOf = (entity: SanitizedCollectionConfig | SanitizedGlobalConfig, slug: string) => {
  const labels = 'labels' in entity ? entity.labels.plural : 'label' in entity && entity.label
  if (typeof labels === 'string') return labels
  return (labels as Record<string, string> | undefined)?.en ?? slug
}

// Anyone may read these; a key is accepted (and needed for drafts).
const optionalKey = [{}, { usersAPIKey: [] }]

// A query too long for an address goes in the body, as Payload's admin sends its own.
const overriddenGet = (slug: string, label: string): Operation => ({
  operationId: `${slug}.findInBody`,
  summary: `List ${label}, the query in the body`,
  description:
    'The same list as `GET`, for queries too long for an address: the query string as an `application/x-www-form-urlencoded` body (up to 256 KB), with `X-Payload-HTTP-Method-Override: GET`.',
  tags: [label],
  security: optionalKey,
  parameters: [
    {
      name: 'X-Payload-HTTP-Method-Override',
      in: 'header',
      required: true,
      schema: { type: 'string', enum: ['GET'] },
    },
  ],
  requestBody: {
    required: true,
    content: {
      'application/x-www-form-urlencoded': {
        schema: { type: 'object', additionalProperties: true },
      },
    },
  },
  responses: {
    '200': { description: `A page of ${label}.`, content: json(ref(`${slug}_list`)) },
    ...refusals,
  },
})

const collectionPaths = (collection: SanitizedCollectionConfig): Record<string, unknown> => {
  const { slug } = collection
  const label = labelOf(collection, slug)
  const base = { tags: [label], security: optionalKey }
  const paths: Record<string, unknown> = {
    [`/api/${slug}`]: {
      get: {
        ...base,
        operationId: `${slug}.find`,
        summary: `List ${label}`,
        parameters: listParameters.map(parameterRef),
        responses: {
          '200': { description: `A page of ${label}.`, content: json(ref(`${slug}_list`)) },
          ...refusals,
        },
      },
      post: overriddenGet(slug, label),
    },
    [`/api/${slug}/count`]: {
      get: {
        ...base,
        operationId: `${slug}.count`,
        summary: `Count ${label}`,
        parameters: ['where', 'locale', 'draft'].map(parameterRef),
        responses: {
          '200': {
            description: 'How many documents match.',
            content: json({
              type: 'object',
              required: ['totalDocs'],
              properties: { totalDocs: { type: 'integer' } },
            }),
          },
          ...refusals,
        },
      },
    },
    [`/api/${slug}/{id}`]: {
      get: {
        ...base,
        operationId: `${slug}.findByID`,
        summary: `One of ${label}, by id`,
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: idSchemaOf(collection),
          },
          ...readParameters.map(parameterRef),
        ],
        responses: {
          '200': { description: 'The document.', content: json(ref(slug)) },
          '404': responseRef('NotFound'),
          ...refusals,
        },
      },
    },
  }
  if (canPublicReadVersions(collection)) {
    paths[`/api/${slug}/versions`] = {
      get: {
        ...base,
        operationId: `${slug}.findVersions`,
        summary: `Versions of ${label}`,
        parameters: listParameters.map(parameterRef),
        responses: { '200': { description: 'A page of versions.' }, ...refusals },
      },
    }
  }
  return paths
}

const idSchemaOf = (collection: SanitizedCollectionConfig): Schema => {
  const id = collection.flattenedFields.find(({ name }) => name === 'id')
  return id?.type === 'number' ? { type: 'number' } : { type: 'string' }
}

const globalPaths = (global: SanitizedGlobalConfig): Record<string, unknown> => {
  const label = labelOf(global, global.slug)
  return {
    [`/api/globals/${global.slug}`]: {
      get: {
        operationId: `globals.${global.slug}.find`,
        summary: label,
        tags: [label],
        security: optionalKey,
        parameters: readParameters.map(parameterRef),
        responses: {
          '200': { description: label, content: json(ref(global.slug)) },
          ...refusals,
        },
      },
    },
  }
}

const perSecondsOrMinute = ({ points, duration }: { points: number; duration: number }) =>
  duration === 60
    ? `${points.toLocaleString('en')} a minute`
    : `${points.toLocaleString('en')} in ${duration} seconds`

const descriptionOf = () =>
  [
    'Published meetings, speakers, organisations, photos, documents, pages, news and the site settings of the forum, in English and Chinese, for anyone to read: no key is needed. Drafts are never shown without a key.',
    '',
    '**GraphQL** reads the same content at `POST /api/graphql`; its schema is at [`/api/graphql/schema.graphql`](/api/graphql/schema.graphql).',
    '',
    '**From a browser on another site**: these reads answer with `Access-Control-Allow-Origin: *` (no cookies are sent or needed).',
    '',
    '**API keys**: a partner who covers meetings before they are announced gets a reader account; send its key as `Authorization: users API-Key <key>` to read drafts (`draft=true`) and versions.',
    '',
    `**Rate limits** per client address, for requests the shared cache cannot answer: ${perSecondsOrMinute(limits.apiRead)} without a key, ${perSecondsOrMinute(limits.signedInAPI)} with one, searches ${perSecondsOrMinute(limits.search)}. Over a limit the answer is \`429\` with \`Retry-After\` (seconds) and \`{"errors":[{"message"}]}\`. Repeated anonymous reads are usually answered from the cache and never counted.`,
    '',
    '**Conditional requests**: every answer carries an `ETag`; send it back in `If-None-Match` and an unchanged answer is a bodiless `304`.',
    '',
    '**What changed**: `GET /api/changes?since=…` lists what became public, changed or was removed; admins can also register a webhook that POSTs each change, signed with HMAC-SHA256.',
    '',
    '`select`, `populate` and `depth` return part of a document: the schemas describe it whole.',
  ].join('\n')

const publicOnes = <T extends SanitizedCollectionConfig | SanitizedGlobalConfig>(
  entities: T[],
  slugs: string[],
) =>
  slugs.flatMap((slug) =>
    entities.filter((entity) => entity.slug === slug && canPublicRead(entity)),
  )

// GET /api/changes (src/payload/changes/feed.ts): what became public, changed or was removed.
const changeEventSchema: Schema = {
  type: 'object',
  required: ['collection', 'id', 'kind', 'at', 'url'],
  properties: {
    collection: { type: 'string' },
    id: { type: ['string', 'integer'] },
    kind: { type: 'string', enum: changeKinds },
    at: { type: 'string', format: 'date-time' },
    slug: { type: 'string' },
    url: { type: 'string', description: 'The document in this API (gone once removed).' },
  },
}

const changesPageSchema: Schema = {
  type: 'object',
  required: ['events', 'hasMore', 'next', 'retentionDays'],
  properties: {
    events: { type: 'array', items: ref('ChangeEvent') },
    hasMore: { type: 'boolean' },
    next: {
      type: 'string',
      description: 'The following page; once `hasMore` is false, the address of the next poll.',
    },
    retentionDays: { type: 'integer' },
  },
}

const changesPath = {
  '/api/changes': {
    get: {
      operationId: 'changes.list',
      summary: 'What changed in public content',
      description:
        'Events after `since` (or after the page `cursor` names), oldest first. Only public changes are recorded: a draft is never mentioned. Webhooks send the same events as they happen.',
      tags: ['Changes'],
      parameters: [
        {
          name: 'since',
          in: 'query',
          description: 'A date, or a date and time with its offset: `2026-12-05T09:30:00Z`.',
          schema: { type: 'string' },
        },
        {
          name: 'cursor',
          in: 'query',
          description: 'From the `next` of the page before.',
          schema: { type: 'string' },
        },
        {
          name: 'limit',
          in: 'query',
          schema: {
            type: 'integer',
            minimum: 1,
            maximum: maxChangesLimit,
            default: defaultChangesLimit,
          },
        },
      ],
      responses: {
        '200': { description: 'A page of change events.', content: json(ref('ChangesPage')) },
        ...refusals,
      },
    },
  },
}

export const openAPIDocumentOf = (config: SanitizedConfig): OpenAPIDocument => {
  const paths = publicAPIPathsOf(config)
  const globalSlugs = paths.filter((path) => path.startsWith('globals/'))
  const collections = publicOnes(
    config.collections,
    paths.filter((path) => !globalSlugs.includes(path)),
  )
  const globals = publicOnes(
    config.globals,
    globalSlugs.map((path) => path.slice('globals/'.length)),
  )
  const schemas = publicSchemasOf({ config, collections, globals })
  for (const { slug } of collections) schemas[`${slug}_list`] = paginated(slug)
  return {
    openapi: '3.1.0',
    info: {
      title: 'CIFCC partner API',
      version: '1',
      description: descriptionOf(),
    },
    servers: [{ url: config.serverURL || '/' }],
    paths: Object.assign(
      {},
      ...collections.map(collectionPaths),
      ...globals.map(globalPaths),
      changesPath,
    ),
    components: {
      schemas: {
        ...schemas,
        Error: errorSchema,
        ChangeEvent: changeEventSchema,
        ChangesPage: changesPageSchema,
      },
      parameters: parametersOf(config),
      responses,
      securitySchemes: {
        usersAPIKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description:
            'A reader account\'s key, sent as `users API-Key <key>` (the word "users" is the accounts collection).',
        },
      },
    },
  }
}
