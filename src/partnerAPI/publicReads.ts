import type {
  Access,
  FieldAccess,
  FlattenedBlock,
  FlattenedField,
  PayloadRequest,
  SanitizedCollectionConfig,
  SanitizedGlobalConfig,
  Where,
} from 'payload'

// What a reader without a key may read, asked of the access rules themselves: the partner API's
// description shows exactly what the collections' and fields' `access.read` let the public see,
// and cannot drift from them.

// The rules here read only `req.user`; a rule that needs more throws, and is taken as a refusal.
const anonymousRequest = { user: null, context: {} } as unknown as PayloadRequest

type Verdict = boolean | Where

const askAnonymously = (rule: Access | undefined): Verdict => {
  if (!rule) return false
  try {
    const verdict = rule({ req: anonymousRequest }) as unknown
    // An access rule that must wait (a database read) is not one the description can answer.
    if (verdict instanceof Promise) return false
    return verdict === true || (typeof verdict === 'object' && verdict !== null)
      ? (verdict as Verdict)
      : false
  } catch {
    return false
  }
}

// true, or the condition a public read is held to (e.g. only published documents).
export const publicReadOf = (entity: SanitizedCollectionConfig | SanitizedGlobalConfig): Verdict =>
  askAnonymously(entity.access.read)

export const canPublicRead = (entity: SanitizedCollectionConfig | SanitizedGlobalConfig) =>
  publicReadOf(entity) !== false

export const canPublicReadVersions = (entity: SanitizedCollectionConfig | SanitizedGlobalConfig) =>
  Boolean(entity.versions) && askAnonymously(entity.access.readVersions) !== false

// The public reads published documents only when its rule says `_status equals published`.
export const readsPublishedOnly = (entity: SanitizedCollectionConfig | SanitizedGlobalConfig) =>
  JSON.stringify(publicReadOf(entity)).includes('"_status":{"equals":"published"}')

const isFieldPublic = (field: FlattenedField): boolean => {
  // Payload never sends a hidden field over the API.
  if ('hidden' in field && field.hidden) return false
  const rule = (field.access as undefined | { read?: FieldAccess })?.read
  if (!rule) return true
  try {
    return rule({ req: anonymousRequest } as Parameters<FieldAccess>[0]) === true
  } catch {
    return false
  }
}

const publicBlock = (block: FlattenedBlock | string): FlattenedBlock | string =>
  typeof block === 'string'
    ? block
    : { ...block, flattenedFields: publicFieldsOf(block.flattenedFields) }

// The fields (and the fields inside groups, arrays and blocks) a public read returns.
export const publicFieldsOf = (fields: FlattenedField[]): FlattenedField[] =>
  fields.filter(isFieldPublic).map((field) => {
    if ('blocks' in field && field.type === 'blocks') {
      return { ...field, blocks: field.blocks.map(publicBlock) as FlattenedBlock[] }
    }
    if ('flattenedFields' in field) {
      return { ...field, flattenedFields: publicFieldsOf(field.flattenedFields) } as FlattenedField
    }
    return field
  })
