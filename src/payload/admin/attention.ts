import type { CollectionSlug, Payload, Where } from 'payload'

import type { User } from '@/payload-types'

import type { Locale } from '@/site/i18n'
import type { TranslationState } from '../translationStatus'

import { importNoteLines, readImportNotes } from '@/import/notes'

// What the admin dashboard lists for staff (src/components/admin/Attention.tsx): drafts waiting
// for publication, published texts whose translation is missing or out of date, imported drafts
// with their notes, and the last changes with who made them. Every query runs with the reader's
// own access, and every list is short, with a link to the whole of it in the list view.

export const attentionLimit = 10

type ContentCollection =
  'editions' | 'meetings' | 'pages' | 'news' | 'speakers' | 'organisations' | 'photos' | 'documents'

const versioned = new Set<ContentCollection>(['editions', 'meetings', 'pages', 'news'])

type Reader = { payload: Payload; user?: null | User; locale?: Locale; limit?: number }

export type AttentionItem = {
  collection: ContentCollection
  id: string
  title: string
  updatedAt: string
  updatedBy: null | string
  href: string
}

export type SeeAll = { collection: ContentCollection; totalDocs: number; href: string }

export type AttentionList<Item = AttentionItem> = { items: Item[]; seeAll: SeeAll[] }

type Row = Record<string, unknown> & { id: string; updatedAt: string }

const titleFieldOf = ({ payload, collection }: { payload: Payload; collection: CollectionSlug }) =>
  payload.collections[collection].config.admin.useAsTitle ?? 'id'

const adminURL = ({ payload, path }: { payload: Payload; path: string }) =>
  `${payload.config.routes.admin}${path}`

// where[_status][equals]=draft, as the list view reads its filter from the address.
export const whereQuery = (value: unknown, prefix = 'where'): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, nested]) => whereQuery(nested, `${prefix}[${key}]`))
    : [`${prefix}=${encodeURIComponent(String(value))}`]

const listURL = ({
  payload,
  collection,
  where,
  sort = '-updatedAt',
}: {
  payload: Payload
  collection: ContentCollection
  where?: Where
  sort?: string
}) =>
  adminURL({
    payload,
    path: `/collections/${collection}?${[`sort=${sort}`, ...(where ? whereQuery(where) : [])].join('&')}`,
  })

const idOf = (value: unknown): null | string =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : (value as string)

const toItem = ({
  payload,
  collection,
  row,
}: {
  payload: Payload
  collection: ContentCollection
  row: Row
}): AttentionItem => ({
  collection,
  id: String(row.id),
  title: String(row[titleFieldOf({ payload, collection })] ?? ''),
  updatedAt: row.updatedAt,
  updatedBy: idOf(row.updatedBy) ?? null,
  href: adminURL({ payload, path: `/collections/${collection}/${row.id}` }),
})

const newestFirst = <Item extends { updatedAt: string }>(items: Item[]) =>
  items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))

// One list of several collections' lists: the newest first, and a link per collection.
const combined = <Item extends AttentionItem>(
  lists: { items: Item[]; seeAll: SeeAll }[],
  limit: number,
): AttentionList<Item> => ({
  items: newestFirst(lists.flatMap(({ items }) => items)).slice(0, limit),
  seeAll: lists.map(({ seeAll }) => seeAll),
})

// One bounded query per collection, with the reader's access; `extra` names the fields a list
// needs besides the title and the change.
const findRows = async ({
  payload,
  user,
  locale,
  limit = attentionLimit,
  collection,
  where,
  draft,
  extra = {},
}: Reader & {
  collection: ContentCollection
  where?: Where
  draft: boolean
  extra?: Record<string, true>
}) => {
  const { docs, totalDocs } = await payload.find({
    collection,
    where,
    draft,
    locale,
    user,
    overrideAccess: false,
    depth: 0,
    limit,
    sort: '-updatedAt',
    select: {
      [titleFieldOf({ payload, collection })]: true,
      updatedAt: true,
      updatedBy: true,
      ...extra,
    },
  })
  const rows = docs as unknown as Row[]
  return { rows: await titleFromAnyLocale({ payload, user, collection, rows }), totalDocs }
}

// A draft titled only in the other language (a new meeting a Chinese editor started) is named by
// that title rather than by its id; one with no title in any language keeps an empty title, which
// the dashboard shows as "no title yet". One more query, for the untitled rows only.
const titleFromAnyLocale = async ({
  payload,
  user,
  collection,
  rows,
}: Reader & { collection: ContentCollection; rows: Row[] }): Promise<Row[]> => {
  const titleField = titleFieldOf({ payload, collection })
  const untitled = rows.filter((row) => !row[titleField]).map(({ id }) => id)
  if (untitled.length === 0) return rows
  const { docs } = await payload.find({
    collection,
    where: { id: { in: untitled } },
    locale: 'all',
    draft: true,
    user,
    overrideAccess: false,
    depth: 0,
    pagination: false,
    select: { [titleField]: true },
  })
  const titles = new Map(
    docs.map((doc) => {
      const value = (doc as unknown as Record<string, unknown>)[titleField]
      const any = value && typeof value === 'object' ? Object.values(value).find(Boolean) : value
      return [String(doc.id), any ? String(any) : '']
    }),
  )
  return rows.map((row) =>
    row[titleField] ? row : { ...row, [titleField]: titles.get(row.id) ?? '' },
  )
}

const isDraft: Where = { _status: { equals: 'draft' } }

// Of these documents, those with a published version: without `draft`, a find reads the
// published documents, not their newer drafts.
const publishedAmong = async ({
  payload,
  user,
  collection,
  rows,
}: {
  payload: Payload
  user?: null | User
  collection: 'editions' | 'meetings' | 'pages' | 'news'
  rows: Row[]
}): Promise<Set<string>> => {
  if (rows.length === 0) return new Set()
  const { docs } = await payload.find({
    collection,
    where: { id: { in: rows.map(({ id }) => id) }, _status: { equals: 'published' } },
    user,
    overrideAccess: false,
    depth: 0,
    pagination: false,
    select: { _status: true },
  })
  return new Set(docs.map(({ id }) => String(id)))
}

export type DraftItem = AttentionItem & { wasPublished: boolean }

// Editions, meetings, pages and news whose latest version is a draft (an edition an import or a
// meeting's year made is one, waiting for its theme and dates; a release scheduled for later is
// one until its time): never published, or published with changes not published yet
// (`wasPublished`: the published version is still what readers see).
export const draftsAwaitingPublication = async (
  reader: Reader,
): Promise<AttentionList<DraftItem>> => {
  const { payload, user, limit = attentionLimit } = reader
  const lists = await Promise.all(
    (['editions', 'meetings', 'pages', 'news'] as const).map(async (collection) => {
      const { rows, totalDocs } = await findRows({
        ...reader,
        collection,
        where: isDraft,
        draft: true,
      })
      const publishedIds = await publishedAmong({ payload, user, collection, rows })
      return {
        items: rows.map((row) => ({
          ...toItem({ payload, collection, row }),
          wasPublished: publishedIds.has(String(row.id)),
        })),
        seeAll: { collection, totalDocs, href: listURL({ payload, collection, where: isDraft }) },
      }
    }),
  )
  return combined(lists, limit)
}

export type TranslationItem = AttentionItem & { translation: TranslationState }

const translationBehind: Where = {
  or: [
    { 'translation.enStatus': { in: ['missing', 'outdated'] } },
    { 'translation.zhStatus': { in: ['missing', 'outdated'] } },
  ],
}

// What the public reads (published meetings and pages, speakers and organisations out of
// embargo) with a language missing or older than the other.
const isPublic = (collection: ContentCollection): Where =>
  versioned.has(collection)
    ? { _status: { equals: 'published' } }
    : { visibility: { equals: 'public' } }

export const translationsToDo = async (reader: Reader): Promise<AttentionList<TranslationItem>> => {
  const { payload, limit = attentionLimit } = reader
  const lists = await Promise.all(
    (['editions', 'meetings', 'pages', 'news', 'speakers', 'organisations'] as const).map(
      async (collection) => {
        const where: Where = { and: [isPublic(collection), translationBehind] }
        const { rows, totalDocs } = await findRows({
          ...reader,
          collection,
          where,
          draft: false,
          extra: { translation: true },
        })
        return {
          items: rows.map((row) => ({
            ...toItem({ payload, collection, row }),
            translation: (row.translation ?? {}) as TranslationState,
          })),
          seeAll: { collection, totalDocs, href: listURL({ payload, collection, where }) },
        }
      },
    ),
  )
  return combined(lists, limit)
}

export type ImportItem = AttentionItem & { legacySource: string; notes: string[] }

const isImportedDraft: Where = {
  and: [isDraft, { legacySource: { exists: true } }, { importNotes: { exists: true } }],
}

// Meetings made from old news pages, still drafts, with what the import was unsure of.
export const importedDrafts = async (reader: Reader): Promise<AttentionList<ImportItem>> => {
  const { payload } = reader
  const { rows, totalDocs } = await findRows({
    ...reader,
    collection: 'meetings',
    where: isImportedDraft,
    draft: true,
    extra: { legacySource: true, importNotes: true },
  })
  return {
    items: rows.map((row) => ({
      ...toItem({ payload, collection: 'meetings', row }),
      legacySource: String(row.legacySource ?? ''),
      notes: importNoteLines(readImportNotes(row.importNotes)),
    })),
    seeAll: [
      {
        collection: 'meetings',
        totalDocs,
        href: listURL({ payload, collection: 'meetings', where: isImportedDraft }),
      },
    ],
  }
}

const needsConfirmation: Where = { needsConfirmation: { equals: true } }

// Speakers and organisations an import created, hidden from the public until an editor confirms
// them (src/payload/fields/visibility.ts). Meetings naming them cannot be published before.
export const awaitingConfirmation = async (reader: Reader): Promise<AttentionList> => {
  const { payload, limit = attentionLimit } = reader
  const lists = await Promise.all(
    (['speakers', 'organisations'] as const).map(async (collection) => {
      const { rows, totalDocs } = await findRows({
        ...reader,
        collection,
        where: needsConfirmation,
        draft: false,
      })
      return {
        items: rows.map((row) => toItem({ payload, collection, row })),
        seeAll: {
          collection,
          totalDocs,
          href: listURL({ payload, collection, where: needsConfirmation }),
        },
      }
    }),
  )
  return combined(lists, limit)
}

const changedCollections: ContentCollection[] = [
  'meetings',
  'pages',
  'speakers',
  'organisations',
  'photos',
  'documents',
]

// The latest saves of any content, drafts and autosaves included, newest first.
export const recentChanges = async (reader: Reader): Promise<AttentionList> => {
  const { payload, limit = attentionLimit } = reader
  const lists = await Promise.all(
    changedCollections.map(async (collection) => {
      const { rows, totalDocs } = await findRows({
        ...reader,
        collection,
        draft: versioned.has(collection),
      })
      return {
        items: rows.map((row) => toItem({ payload, collection, row })),
        seeAll: { collection, totalDocs, href: listURL({ payload, collection }) },
      }
    }),
  )
  return combined(lists, limit)
}
