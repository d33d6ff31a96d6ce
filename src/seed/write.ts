// What every seeding step shares: the context and options its writes carry, its report of what
// it did, and the find-or-create of a slugged document in both languages.
import type { DataFromCollectionSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'

import type { SeedStep } from './index'

export type Outcome = 'created' | 'updated' | 'unchanged'

type SluggedCollection = 'editions' | 'organisations' | 'speakers' | 'meetings' | 'pages'

// Other hooks (revalidation, notifications) can recognise the seed's writes by this context.
const seedContext = { isSeeding: true }
export const writeOptions = { overrideAccess: true, context: seedContext, depth: 0 } as const

export const startStep = ({ step, total }: { step: string; total: number }) => {
  const report: SeedStep = { step, total, created: 0, updated: 0, unchanged: 0 }
  return {
    report,
    count: ({ outcome }: { outcome: Outcome }) => {
      report[outcome] += 1
    },
  }
}

// Payload's ValidationError lists the offending fields in `data.errors`; the message alone only
// says "The following field is invalid", which is useless when a seed fails on a fresh install.
export const withContext = async <T>({ label, run }: { label: string; run: () => Promise<T> }) => {
  try {
    return await run()
  } catch (error) {
    const details = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data
      ?.errors
    const fields = details?.map(({ path, message }) => `${path}: ${message}`).join('; ')
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`seed: ${label} failed: ${message}${fields ? ` (${fields})` : ''}`, {
      cause: error,
    })
  }
}

const findBySlug = async <S extends SluggedCollection>({
  payload,
  collection,
  slug,
}: {
  payload: Payload
  collection: S
  slug: string
}): Promise<DataFromCollectionSlug<S> | undefined> => {
  const { docs } = await payload.find({
    collection,
    where: { slug: { equals: slug } },
    locale: 'en',
    depth: 0,
    limit: 1,
    pagination: false,
    draft: true,
    overrideAccess: true,
  })
  return docs[0] as DataFromCollectionSlug<S> | undefined
}

// A document counts as translated once its title-like field has a Chinese value of its own
// (read without fallback, which would otherwise return the English one).
export const hasChinese = async <S extends SluggedCollection | 'photos'>({
  payload,
  collection,
  id,
  field,
}: {
  payload: Payload
  collection: S
  id: number | string
  field: string
}): Promise<boolean> => {
  const doc = await payload.findByID({
    collection,
    id,
    locale: 'zh',
    fallbackLocale: false,
    depth: 0,
    draft: true,
    overrideAccess: true,
  })
  return Boolean((doc as unknown as Record<string, unknown>)[field])
}

// Creates the English document when no document has the slug, then adds the Chinese texts when
// they are missing. An existing, translated document is left exactly as it is, so a second run
// writes nothing (and adds no versions).
export const ensureBySlug = async <S extends SluggedCollection>({
  payload,
  collection,
  slug,
  marker,
  en,
  zh,
}: {
  payload: Payload
  collection: S
  slug: string
  // A localized field every seeded document has in Chinese.
  marker: string
  en: () => Omit<RequiredDataFromCollectionSlug<S>, 'slug'>
  // Gets the English document so that array rows keep their ids: rows are matched by id, and a
  // row sent without one would replace the English row instead of translating it.
  zh: ({ doc }: { doc: DataFromCollectionSlug<S> }) => Partial<RequiredDataFromCollectionSlug<S>>
}): Promise<{ doc: DataFromCollectionSlug<S>; outcome: Outcome }> => {
  const existing = await findBySlug({ payload, collection, slug })
  let outcome: Outcome = 'unchanged'
  let doc = existing
  if (!doc) {
    doc = (await withContext({
      label: `creating ${collection} "${slug}"`,
      run: () =>
        payload.create({
          collection,
          data: { ...en(), slug } as unknown as RequiredDataFromCollectionSlug<S>,
          locale: 'en',
          ...writeOptions,
        }),
    })) as DataFromCollectionSlug<S>
    outcome = 'created'
  }
  const created = doc
  if (!(await hasChinese({ payload, collection, id: created.id, field: marker }))) {
    await withContext({
      label: `translating ${collection} "${slug}"`,
      run: () =>
        payload.update({
          collection,
          id: created.id,
          data: zh({ doc: created }) as Parameters<typeof payload.update<S, never>>[0]['data'],
          locale: 'zh',
          ...writeOptions,
        }),
    })
    if (outcome === 'unchanged') outcome = 'updated'
  }
  return { doc: created, outcome }
}
