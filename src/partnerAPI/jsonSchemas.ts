import type { SanitizedCollectionConfig, SanitizedConfig, SanitizedGlobalConfig } from 'payload'

import { entityToJSONSchema } from 'payload'

import { canPublicRead, publicFieldsOf, readsPublishedOnly } from './publicReads'

// The shape of each document the public reads, from Payload's own JSON Schema of a collection
// (the one `payload generate:types` writes src/payload-types.ts from), given only the fields the
// public may read. Payload points relationships at `#/definitions/<slug>`; here they point at the
// OpenAPI document's components, and a relationship to something the public cannot read (an
// account, a redirect) is described as the bare id it is.

// JSON Schema (2020-12, as OpenAPI 3.1 reads it), loosely typed: it is built and passed on whole.
export type Schema = {
  [keyword: string]: unknown
  $ref?: string
  properties?: Record<string, Schema>
}
type Entity = SanitizedCollectionConfig | SanitizedGlobalConfig

const definitionRef = /^#\/definitions\/(.+)$/
export const componentRef = (name: string) => `#/components/schemas/${name}`

const supportedTimezonesSchema = (config: SanitizedConfig): Schema => ({
  description: 'A time zone in IANA format.',
  enum: config.admin.timezones.supportedTimezones.map(({ value }) => value),
})

// Payload describes the document as saved; the public reads published documents only.
const withPublishedStatus = (entity: Entity, schema: Schema): Schema =>
  readsPublishedOnly(entity) && schema.properties?._status
    ? {
        ...schema,
        properties: {
          ...schema.properties,
          _status: { type: 'string', enum: ['published'] },
        },
      }
    : schema

const entitySchema = ({ config, entity }: { config: SanitizedConfig; entity: Entity }): Schema => {
  const publicEntity = { ...entity, flattenedFields: publicFieldsOf(entity.flattenedFields) }
  const schema = entityToJSONSchema(
    config,
    publicEntity as Entity,
    new Map(),
    config.db.defaultIDType,
  ) as Schema
  return withPublishedStatus(entity, schema)
}

type Rewrite = { refersTo: (name: string) => 'component' | 'private'; found: Set<string> }

const isPrivateRef = (schema: unknown) =>
  typeof schema === 'object' && schema !== null && (schema as Schema).$ref === 'private'

// Relationships are `oneOf: [id, document]`: without the document, the id is left.
const withoutPrivateChoices = (choices: Schema[]): Schema | Schema[] => {
  const kept = choices.filter((choice) => !isPrivateRef(choice))
  return kept.length === 1 ? kept[0] : kept
}

const rewriteRefs = (value: unknown, rewrite: Rewrite): unknown => {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, rewrite))
  if (typeof value !== 'object' || value === null) return value
  const schema: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    // Payload's hint to its TypeScript generator, not JSON Schema.
    if (key === 'tsType') continue
    schema[key] = key === '$ref' ? rewrittenRef(String(item), rewrite) : rewriteRefs(item, rewrite)
  }
  const choices = schema.oneOf as Schema[] | undefined
  if (!choices) return schema
  const kept = withoutPrivateChoices(choices)
  if (!Array.isArray(kept)) {
    const { oneOf: _dropped, ...rest } = schema
    return { ...rest, ...kept }
  }
  return { ...schema, oneOf: kept }
}

const rewrittenRef = (ref: string, rewrite: Rewrite): string => {
  const [, name] = definitionRef.exec(ref) ?? []
  if (!name || rewrite.refersTo(name) === 'private') return 'private'
  rewrite.found.add(name)
  return componentRef(name)
}

// Schemas of the given collections and globals, and of every collection their documents can
// name that the public may read too (a meeting populates its speakers, a page its form).
export const publicSchemasOf = ({
  config,
  collections,
  globals,
}: {
  config: SanitizedConfig
  collections: SanitizedCollectionConfig[]
  globals: SanitizedGlobalConfig[]
}): Record<string, Schema> => {
  const readable = new Map<string, SanitizedCollectionConfig>(
    config.collections.filter(canPublicRead).map((collection) => [collection.slug, collection]),
  )
  const schemas: Record<string, Schema> = {}
  const pending: Entity[] = [...collections, ...globals]
  const rewrite: Rewrite = {
    found: new Set(),
    refersTo: (name) =>
      readable.has(name) || name === 'supportedTimezones' ? 'component' : 'private',
  }
  while (pending.length > 0) {
    const entity = pending.shift() as Entity
    if (schemas[entity.slug]) continue
    schemas[entity.slug] = rewriteRefs(entitySchema({ config, entity }), rewrite) as Schema
    for (const name of rewrite.found) {
      const collection = readable.get(name)
      if (collection && !schemas[name]) pending.push(collection)
    }
  }
  if (rewrite.found.has('supportedTimezones')) {
    schemas.supportedTimezones = supportedTimezonesSchema(config)
  }
  return sortedByName(schemas)
}

// The same document for the same config, whatever order the collections were reached in.
const sortedByName = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)))
