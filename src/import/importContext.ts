import type { Payload, PayloadRequest } from 'payload'

import crypto from 'node:crypto'

import type { Directory } from './directory'
import type { ImportNote, NoteRecord } from './notes'
import type { PageOrganisation } from './organisationNames'
import type { Confidence, Extracted, Language } from './types'

// What the stages of one page's import share: where they write, what they found already, and the
// notes for the editor.

export type Context = {
  payload: Payload
  req: PayloadRequest
  directory: Directory
  language: Language
  notes: ImportNote[]
  // The texts in `notes`, so that a page with thousands of notes is not checked pair by pair.
  noted: Set<string>
  created: { speakers: number; organisations: number }
  // Resolved once per page, however often a name recurs.
  organisationIds: Map<string, string | null>
  // The page's organisations (organisationNames.ts pageOrganisations) by nameKey of their names
  // and abbreviations, so that each way the page writes one resolves to the same.
  pageOrganisations: Map<string, PageOrganisation>
  speakerIds: Map<string, string>
}

export const createContext = ({
  payload,
  req,
  directory,
  language,
}: {
  payload: Payload
  req: PayloadRequest
  directory: Directory
  language: Language
}): Context => ({
  payload,
  req,
  directory,
  language,
  notes: [],
  noted: new Set(),
  created: { speakers: 0, organisations: 0 },
  organisationIds: new Map(),
  pageOrganisations: new Map(),
  speakerIds: new Map(),
})

export const note = (
  context: Context,
  confidence: Exclude<Confidence, 'high'>,
  text: string,
  record?: NoteRecord,
) => {
  if (context.noted.has(text)) return
  context.noted.add(text)
  context.notes.push({ confidence, text, ...(record ? { record } : {}) })
}

export const noteField = (context: Context, field: Extracted<unknown> | null, label: string) => {
  if (!field || field.confidence === 'high') return
  note(context, field.confidence, field.note ?? `${label}: check this value.`)
}

// The SQLite adapter answers synchronously, so an import that never waits for anything else
// holds the event loop from its first query to its last (a page naming 190 speakers: 28 s).
// Letting the loop turn before each query or write keeps the site answering meanwhile.
export const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve))

export const writeOptions = (context: Context) =>
  ({ req: context.req, overrideAccess: !context.req.user, depth: 0 }) as const

export const shortHash = (text: string) =>
  crypto.createHash('sha256').update(text).digest('hex').slice(0, 8)

// Slugs are unique: a name or title that is taken gets a numbered address, and the editor is
// told, since the taken one may be the same thing entered by hand.
export const freeSlug = async (
  context: Context,
  collection: 'meetings' | 'organisations' | 'speakers',
  slug: string,
  exceptId?: string,
): Promise<{ slug: string; takenBy?: { id: string; title: string } }> => {
  await letOthersRun()
  const { docs } = await context.payload.find({
    collection,
    where: { slug: { like: slug } },
    draft: true,
    pagination: false,
    select: { slug: true, ...(collection === 'meetings' ? { title: true } : { name: true }) },
    ...writeOptions(context),
  })
  const taken = new Set(docs.filter((doc) => doc.id !== exceptId).map((doc) => doc.slug))
  if (!taken.has(slug)) return { slug }
  const holder = docs.find((doc) => doc.slug === slug)!
  let number = 2
  while (taken.has(`${slug}-${number}`)) number += 1
  const label = 'title' in holder ? holder.title : 'name' in holder ? holder.name : slug
  return { slug: `${slug}-${number}`, takenBy: { id: holder.id, title: String(label) } }
}
