import type {
  Block,
  CollectionSlug,
  Field,
  FlattenedField,
  GlobalSlug,
  Payload,
  PayloadRequest,
  SanitizedConfig,
  TypedLocale,
  Where,
} from 'payload'

import {
  APIError,
  ValidationError,
  commitTransaction,
  initTransaction,
  killTransaction,
} from 'payload'

// Merging a duplicate speaker or organisation (made twice by the import, or spelt two ways) into
// another: every reference to the duplicate is moved onto the target, the target's empty fields
// are filled from the duplicate, and the duplicate is deleted, in one transaction where the
// database has them (MongoDB). This project's SQLite adapter runs without transactions (one
// shared connection; a long write transaction would hold up the site's other writes), so there a
// failure half-way leaves some references moved and the duplicate in place: nothing is lost, and
// merging again finishes the job (tests/int/merge.int.spec.ts).

export const mergeableCollections = ['speakers', 'organisations'] as const

export type MergeableCollection = (typeof mergeableCollections)[number]

export type MergeResult = { into: string; moved: Record<string, number> }

type Data = Record<string, unknown>

// A relationship or upload field that can name the merged collection, with its path for `where`.
type Reference = { path: string; isPolymorphic: boolean }

type Replacement = { target: string; from: string; into: string }

type RelationField = Extract<Field, { type: 'relationship' | 'upload' }>

const refuse = (message: string, status = 400) => new APIError(message, status, null, true)

const nouns: Record<MergeableCollection, string> = {
  speakers: 'speaker',
  organisations: 'organisation',
}

// Payload's own collections (preferences, migrations, locked documents) are Payload's to keep:
// it removes a deleted document's locks itself. The search plugin's index names documents too,
// and the plugin deletes the duplicate's entry when the duplicate is deleted; moving it onto the
// target would give the target two entries.
const isSkippedCollection = (slug: string) => slug.startsWith('payload-') || slug === 'search'

const blocksOf = (field: Extract<Field, { type: 'blocks' }>, config: SanitizedConfig): Block[] =>
  (field.blockReferences ?? field.blocks).flatMap((block) =>
    typeof block === 'string' ? (config.blocks ?? []).filter(({ slug }) => slug === block) : block,
  )

const relatesTo = (field: RelationField, target: string) =>
  Array.isArray(field.relationTo)
    ? (field.relationTo as string[]).includes(target)
    : field.relationTo === target

// The nested fields of a container, and the path prefix and data key they are under (rows,
// collapsibles and unnamed tabs and groups are layout: their fields sit beside them).
type Children = { name?: string; fields: Field[]; blockType?: string }

const childrenOf = (field: Field, config: SanitizedConfig): Children[] => {
  if (field.type === 'row' || field.type === 'collapsible') return [{ fields: field.fields }]
  if (field.type === 'group' || field.type === 'array')
    return [{ name: 'name' in field ? field.name : undefined, fields: field.fields }]
  if (field.type === 'tabs')
    return field.tabs.map((tab) => ({
      name: 'name' in tab ? tab.name : undefined,
      fields: tab.fields,
    }))
  if (field.type === 'blocks')
    return blocksOf(field, config).map((block) => ({
      name: field.name,
      fields: block.fields,
      blockType: block.slug,
    }))
  return []
}

const isLocalized = (field: Field) => 'localized' in field && Boolean(field.localized)

// Every field of a collection or global that can name `target`, found from the config so that a
// field added later is moved too. Join fields are virtual (read from the other side) and never
// stored, so they are not among them.
export const referencesTo = ({
  fields,
  target,
  config,
  prefix = '',
  isInLocalized = false,
}: {
  fields: Field[]
  target: string
  config: SanitizedConfig
  prefix?: string
  isInLocalized?: boolean
}): Reference[] =>
  fields.flatMap((field) => {
    if ((field.type === 'relationship' || field.type === 'upload') && relatesTo(field, target)) {
      // A localized reference would need a save per locale; no field is one, so rather than
      // leave such references behind unseen, the merge stops and says which field it is.
      if (isInLocalized || isLocalized(field))
        throw new APIError(
          `Merging cannot move references in a localized field (${prefix}${field.name}).`,
        )
      return [{ path: `${prefix}${field.name}`, isPolymorphic: Array.isArray(field.relationTo) }]
    }
    return childrenOf(field, config).flatMap(({ name, fields: nested }) =>
      referencesTo({
        fields: nested,
        target,
        config,
        prefix: name ? `${prefix}${name}.` : prefix,
        isInLocalized: isInLocalized || isLocalized(field),
      }),
    )
  })

const idOf = (value: unknown): unknown =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

const swapOne = ({
  value,
  isPolymorphic,
  replacement,
}: {
  value: unknown
  isPolymorphic: boolean
  replacement: Replacement
}) => {
  if (!isPolymorphic) return String(idOf(value)) === replacement.from ? replacement.into : value
  const { relationTo, value: id } = (value ?? {}) as { relationTo?: string; value?: unknown }
  return relationTo === replacement.target && String(idOf(id)) === replacement.from
    ? { relationTo, value: replacement.into }
    : value
}

const keyOf = (value: unknown) => {
  if (!value || typeof value !== 'object' || !('relationTo' in value)) return String(idOf(value))
  const { relationTo, value: id } = value as { relationTo: unknown; value?: unknown }
  return `${String(relationTo)}:${String(idOf(id))}`
}

// A hasMany list that named both the duplicate and the target names the target once.
const withoutRepeats = (values: unknown[]) =>
  values.filter(
    (value, index) => values.findIndex((other) => keyOf(other) === keyOf(value)) === index,
  )

const swapValue = ({
  field,
  value,
  replacement,
}: {
  field: RelationField
  value: unknown
  replacement: Replacement
}) => {
  const isPolymorphic = Array.isArray(field.relationTo)
  if (!Array.isArray(value)) return swapOne({ value, isPolymorphic, replacement })
  const swapped = value.map((item) => swapOne({ value: item, isPolymorphic, replacement }))
  return swapped.some((item, index) => item !== value[index]) ? withoutRepeats(swapped) : value
}

// A stored document (the database adapter's, `isStored`) keeps a localized container's value per
// locale ({ en: rows, zh: rows }); one read through Payload in a locale has the value itself.
const valuesIn = ({ value, isPerLocale }: { value: unknown; isPerLocale: boolean }): unknown[] =>
  isPerLocale && value && typeof value === 'object' ? Object.values(value) : [value]

// Replaces the duplicate by the target in `data`, in place.
const replaceIn = ({
  fields,
  data,
  replacement,
  config,
  isStored = false,
}: {
  fields: Field[]
  data: Data
  replacement: Replacement
  config: SanitizedConfig
  isStored?: boolean
}): void => {
  for (const field of fields) {
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      relatesTo(field, replacement.target)
    ) {
      if (field.name in data)
        data[field.name] = swapValue({ field, value: data[field.name], replacement })
      continue
    }
    for (const { name, fields: nested, blockType } of childrenOf(field, config)) {
      const isPerLocale = isStored && isLocalized(field)
      const values = name ? valuesIn({ value: data[name], isPerLocale }) : [data]
      for (const value of values) {
        const rows = Array.isArray(value) ? value : [value]
        for (const row of rows) {
          if (!row || typeof row !== 'object') continue
          // A block's fields apply only to its own rows.
          if (blockType && (row as Data).blockType !== blockType) continue
          replaceIn({ fields: nested, data: row as Data, replacement, config, isStored })
        }
      }
    }
  }
}

// The top-level fields the replacement changed: only those are sent, so that a save neither
// rewrites nor re-validates the rest of the document.
const changedFields = ({ before, after }: { before: Data; after: Data }): Data | null => {
  const changed = Object.keys(after).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
  return changed.length > 0 ? Object.fromEntries(changed.map((key) => [key, after[key]])) : null
}

// The default locale first: a save that validates there is the usual case.
const localesOf = (payload: Payload): TypedLocale[] => {
  const { defaultLocale, localeCodes } = payload.config.localization || {
    defaultLocale: 'en',
    localeCodes: ['en'],
  }
  return [defaultLocale, ...localeCodes.filter((code) => code !== defaultLocale)] as TypedLocale[]
}

type SaveInLocale = {
  read: (locale: TypedLocale) => Promise<Data>
  write: (args: { locale: TypedLocale; data: Data }) => Promise<unknown>
}

// The references are the same in every locale, but a save sends the rows around them (a
// statement's text, a position's title) in one locale and validates their required texts in it.
// A document written only in Chinese does not validate in English, so each locale is tried in
// turn: validation fails before anything is written, and the next locale reads the document again.
const saveInSomeLocale = async ({
  payload,
  fields,
  replacement,
  read,
  write,
}: SaveInLocale & {
  payload: Payload
  fields: Field[]
  replacement: Replacement
}): Promise<boolean> => {
  let lastError: unknown
  for (const locale of localesOf(payload)) {
    const before = await read(locale)
    const after = structuredClone(before)
    replaceIn({ fields, data: after, replacement, config: payload.config })
    const data = changedFields({ before, after })
    if (!data) return false
    try {
      await write({ locale, data })
      return true
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      lastError = error
    }
  }
  throw lastError
}

const hasDrafts = (payload: Payload, collection: CollectionSlug) =>
  Boolean(payload.collections[collection].config.versions?.drafts)

// Each document whose stored copy or newest version names the duplicate.
const idsNaming = async ({
  req,
  collection,
  references,
  replacement,
}: {
  req: PayloadRequest
  collection: CollectionSlug
  references: Reference[]
  replacement: Replacement
}): Promise<string[]> => {
  const naming: Where = {
    or: references.map(({ path, isPolymorphic }) =>
      isPolymorphic
        ? {
            and: [
              { [`${path}.relationTo`]: { equals: replacement.target } },
              { [`${path}.value`]: { equals: replacement.from } },
            ],
          }
        : { [path]: { in: [replacement.from] } },
    ),
  }
  // A collection that names its own kind: the duplicate itself is deleted, not updated.
  const where: Where =
    collection === replacement.target
      ? { and: [naming, { id: { not_equals: replacement.from } }] }
      : naming
  const ids = new Set<string>()
  for (const draft of hasDrafts(req.payload, collection) ? [false, true] : [false]) {
    const { docs } = await req.payload.find({
      collection,
      where,
      draft,
      depth: 0,
      locale: localesOf(req.payload)[0],
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const { id } of docs) ids.add(String(id))
  }
  return [...ids]
}

type DocumentMove = {
  req: PayloadRequest
  collection: CollectionSlug
  id: string
  fields: Field[]
  replacement: Replacement
}

const saveThroughPayload = ({
  req,
  collection,
  id,
  fields,
  replacement,
  draft,
}: DocumentMove & { draft: boolean }) =>
  saveInSomeLocale({
    payload: req.payload,
    fields,
    replacement,
    read: async (locale) =>
      (await req.payload.findByID({
        collection,
        id,
        draft,
        depth: 0,
        locale: locale,
        fallbackLocale: false,
        overrideAccess: true,
        req,
      })) as unknown as Data,
    write: ({ locale, data }) =>
      req.payload.update({
        collection,
        id,
        data,
        draft,
        depth: 0,
        locale: locale,
        fallbackLocale: false,
        overrideAccess: true,
        req,
      }),
  })

// A document with drafts has a stored copy (what the public reads once it is published) and its
// newest version, which is newer when an editor has unpublished changes. Payload's update merges
// what it is sent with the newest version: saving the published copy through it would publish the
// editor's draft. So the stored copy is written as it is stored, every locale included, with only
// the references changed, and the newest version is saved through Payload as a draft on top, as
// the editor's next autosave would be. Older versions are history and stay as they were (on SQLite
// their references to the duplicate go with it when it is deleted, by the foreign key).
const moveInDocumentWithDrafts = async (move: DocumentMove): Promise<boolean> => {
  const { req, collection, id, fields, replacement } = move
  const stored = (await req.payload.db.findOne({
    collection,
    where: { id: { equals: id } },
    req,
  })) as unknown as Data
  const newest = (await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    locale: localesOf(req.payload)[0],
    overrideAccess: true,
    req,
  })) as unknown as Data
  const isPublishedNewest = stored._status === 'published' && newest._status === 'published'
  // The published copy is the newest version: one save through Payload keeps both in step.
  if (isPublishedNewest) return saveThroughPayload({ ...move, draft: false })
  const changed = structuredClone(stored)
  replaceIn({ fields, data: changed, replacement, config: req.payload.config, isStored: true })
  const isStoredChanged = JSON.stringify(changed) !== JSON.stringify(stored)
  if (isStoredChanged)
    await req.payload.db.updateOne({ collection, id, data: changed, req, returning: false })
  const isNewestChanged = await saveThroughPayload({ ...move, draft: true })
  return isStoredChanged || isNewestChanged
}

const moveInCollection = async ({
  req,
  collection,
  fields,
  references,
  replacement,
}: {
  req: PayloadRequest
  collection: CollectionSlug
  fields: Field[]
  references: Reference[]
  replacement: Replacement
}): Promise<number> => {
  let moved = 0
  for (const id of await idsNaming({ req, collection, references, replacement })) {
    const move = { req, collection, id, fields, replacement }
    const isMoved = hasDrafts(req.payload, collection)
      ? await moveInDocumentWithDrafts(move)
      : await saveThroughPayload({ ...move, draft: false })
    if (isMoved) moved += 1
  }
  return moved
}

// No global names a speaker or organisation today; one that does is moved the same way (its
// drafts, if it had them, are not looked at: it would need the dance above).
const moveInGlobal = ({
  req,
  slug,
  fields,
  replacement,
}: {
  req: PayloadRequest
  slug: GlobalSlug
  fields: Field[]
  replacement: Replacement
}) =>
  saveInSomeLocale({
    payload: req.payload,
    fields,
    replacement,
    read: async (locale) =>
      (await req.payload.findGlobal({
        slug,
        depth: 0,
        locale: locale,
        fallbackLocale: false,
        overrideAccess: true,
        req,
      })) as unknown as Data,
    write: ({ locale, data }) =>
      req.payload.updateGlobal({
        slug,
        data,
        depth: 0,
        locale: locale,
        fallbackLocale: false,
        overrideAccess: true,
        req,
      }),
  })

const moveReferences = async ({
  req,
  replacement,
}: {
  req: PayloadRequest
  replacement: Replacement
}) => {
  const { config } = req.payload
  const moved: Record<string, number> = {}
  for (const collection of config.collections) {
    if (isSkippedCollection(collection.slug)) continue
    const references = referencesTo({
      fields: collection.fields,
      target: replacement.target,
      config,
    })
    if (references.length === 0) continue
    moved[collection.slug] = await moveInCollection({
      req,
      collection: collection.slug as CollectionSlug,
      fields: collection.fields,
      references,
      replacement,
    })
  }
  for (const global of config.globals) {
    if (referencesTo({ fields: global.fields, target: replacement.target, config }).length === 0)
      continue
    const isMoved = await moveInGlobal({
      req,
      slug: global.slug as GlobalSlug,
      fields: global.fields,
      replacement,
    })
    moved[global.slug] = isMoved ? 1 : 0
  }
  return moved
}

// What the target takes from the duplicate when it has none of its own (the names in a language
// only the duplicate has, an abbreviation, a portrait…). Lists (positions) and what is derived on
// save (slug, label, visibility) are not among them.
const gapFields: Record<MergeableCollection, string[]> = {
  organisations: ['name', 'abbreviation', 'country', 'website', 'logo', 'description'],
  speakers: ['name', 'honorific', 'portrait', 'bio'],
}

const hasRichText = (value: unknown): boolean => {
  if (!value || typeof value !== 'object') return false
  const node = value as { text?: unknown; children?: unknown[]; root?: unknown; type?: string }
  if (typeof node.text === 'string') return node.text.trim() !== ''
  if (node.root) return hasRichText(node.root)
  // An image or other block without text still counts as content.
  if (!node.children) return node.type !== undefined && node.type !== 'paragraph'
  return node.children.some(hasRichText)
}

const isBlank = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (typeof value === 'object' && 'root' in value && !hasRichText(value))

type Gaps = { shared: Data; byLocale: Record<string, Data> }

// The target's empty fields filled from the duplicate: unlocalized ones, and per locale.
const gapsOf = ({
  fields,
  names,
  target,
  duplicate,
  locales,
}: {
  fields: FlattenedField[]
  names: string[]
  target: Data
  duplicate: Data
  locales: TypedLocale[]
}): Gaps => {
  const gaps: Gaps = {
    shared: {},
    byLocale: Object.fromEntries(locales.map((locale) => [locale, {}])),
  }
  for (const field of fields.filter(({ name }) => names.includes(name))) {
    if (!field.localized) {
      if (isBlank(target[field.name]) && !isBlank(duplicate[field.name]))
        gaps.shared[field.name] = idOf(duplicate[field.name])
      continue
    }
    const ours = (target[field.name] ?? {}) as Data
    const theirs = (duplicate[field.name] ?? {}) as Data
    for (const locale of locales) {
      if (isBlank(ours[locale]) && !isBlank(theirs[locale]))
        gaps.byLocale[locale][field.name] = theirs[locale]
    }
  }
  return gaps
}

// The target is saved at least once even with nothing to fill: the save derives its visibility
// again from the references it has just gained, and expires the cached pages that show it. A
// save validates the target's required texts in its locale, so a target named only in Chinese is
// saved in Chinese (the unlocalized gaps go with the first save that validates).
const fillGaps = async ({
  req,
  collection,
  target,
  duplicate,
}: {
  req: PayloadRequest
  collection: MergeableCollection
  target: Data
  duplicate: Data
}) => {
  const locales = localesOf(req.payload)
  const { shared, byLocale } = gapsOf({
    fields: req.payload.collections[collection].config.flattenedFields,
    names: gapFields[collection],
    target,
    duplicate,
    locales,
  })
  let isSaved = false
  let lastError: unknown
  for (const locale of locales) {
    if (isSaved && Object.keys(byLocale[locale]).length === 0) continue
    try {
      await req.payload.update({
        collection,
        id: String(target.id),
        data: { ...(isSaved ? {} : shared), ...byLocale[locale] },
        depth: 0,
        locale,
        fallbackLocale: false,
        overrideAccess: true,
        req,
      })
      isSaved = true
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      lastError = error
    }
  }
  if (!isSaved) throw lastError
}

const objectIdPattern = /^[0-9a-f]{24}$/i
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// MongoDB ids are ObjectIds; the SQLite adapter is configured with UUIDs (src/payload/database.ts).
export const isIdShaped = ({ payload, id }: { payload: Payload; id: unknown }): boolean =>
  typeof id === 'string' &&
  (payload.db.name === 'mongoose' ? objectIdPattern : uuidPattern).test(id)

const readAllLocales = ({
  req,
  collection,
  id,
}: {
  req: PayloadRequest
  collection: MergeableCollection
  id: string
}) =>
  req.payload.findByID({
    collection,
    id,
    depth: 0,
    locale: 'all',
    disableErrors: true,
    overrideAccess: true,
    req,
  }) as Promise<unknown> as Promise<Data | null>

const checkedRecords = async ({
  req,
  collection,
  from,
  into,
}: {
  req: PayloadRequest
  collection: MergeableCollection
  from: unknown
  into: unknown
}): Promise<{ duplicate: Data; target: Data }> => {
  const noun = nouns[collection]
  if (!isIdShaped({ payload: req.payload, id: from }))
    throw refuse(`"${String(from).slice(0, 40)}" is not the id of a ${noun}.`)
  if (!isIdShaped({ payload: req.payload, id: into }))
    throw refuse(
      `Choose the ${noun} to merge into: "${String(into).slice(0, 40)}" is not the id of one.`,
    )
  if (from === into) throw refuse(`A ${noun} cannot be merged into itself; choose another ${noun}.`)
  const duplicate = await readAllLocales({ req, collection, id: String(from) })
  if (!duplicate) throw refuse(`There is no ${noun} with the id ${from} to merge.`, 404)
  const target = await readAllLocales({ req, collection, id: String(into) })
  if (!target)
    throw refuse(`There is no ${noun} with the id ${into} to merge into; it may have been deleted.`)
  return { duplicate, target }
}

// Payload's local API sets the request's locale to the one each call asks for.
const keepingLocale = async <T>(req: PayloadRequest, run: () => Promise<T>): Promise<T> => {
  const { locale, fallbackLocale } = req
  try {
    return await run()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}

export const mergeRecord = ({
  req,
  collection,
  from,
  into,
}: {
  req: PayloadRequest
  collection: MergeableCollection
  from: unknown
  into: unknown
}): Promise<MergeResult> =>
  keepingLocale(req, async () => {
    const shouldCommit = await initTransaction(req)
    try {
      const { duplicate, target } = await checkedRecords({ req, collection, from, into })
      const replacement = { target: collection, from: String(from), into: String(into) }
      const moved = await moveReferences({ req, replacement })
      await fillGaps({ req, collection, target, duplicate })
      await req.payload.delete({
        collection,
        id: replacement.from,
        locale: localesOf(req.payload)[0],
        overrideAccess: true,
        req,
      })
      if (shouldCommit) await commitTransaction(req)
      return { into: replacement.into, moved }
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
  })
