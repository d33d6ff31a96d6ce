import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import type { Meeting } from '@/payload-types'

import type { NamedPeople } from '@/payload/visibility'

import {
  changedBetween,
  namingFieldsSelect,
  noPeople,
  peopleNamedBy,
  refreshPeople,
} from '@/payload/visibility'

// Whether a speaker or organisation is public depends on two things a meeting save can change
// (src/payload/visibility.ts): who its public copy names (the main document, when published) and who
// its newest version names (drafts included). Only the people who join or leave either list are
// looked at again, so the work is bounded by the one meeting.

const publishedPeopleKey = (id: string) => `visibility:publishedPeople:${id}`
const latestPeopleKey = (id: string) => `visibility:latestPeople:${id}`

const readPublishedPeople = async ({ req, id }: { req: PayloadRequest; id: string }) => {
  const { docs } = await req.payload.find({
    collection: 'meetings',
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    select: namingFieldsSelect,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return peopleNamedBy(docs[0])
}

const readLatestPeople = async ({ req, id }: { req: PayloadRequest; id: string }) =>
  peopleNamedBy(
    await req.payload.findByID({
      collection: 'meetings',
      id,
      draft: true,
      select: namingFieldsSelect,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    }),
  )

const isEmpty = ({ speakers, organisations }: NamedPeople) =>
  speakers.length === 0 && organisations.length === 0

const unique = (ids: string[]) => [...new Set(ids)]

// previousDoc is the newest version before the save, which is not the public copy when a draft
// was pending: the public copy is read before the save replaces it.
export const rememberPublishedPeople: CollectionBeforeChangeHook<Meeting> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc?.id) return data
  const people = await readPublishedPeople({ req, id: originalDoc.id })
  // Each local API call replaces req.context with a copy, so it is written after the read.
  req.context[publishedPeopleKey(originalDoc.id)] = people
  return data
}

export const refreshNamedPeopleAfterChange: CollectionAfterChangeHook<Meeting> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const publishedBefore = (req.context[publishedPeopleKey(doc.id)] as NamedPeople) ?? noPeople
  delete req.context[publishedPeopleKey(doc.id)]
  // Saving a draft leaves the public copy as it was and unpublishing withdraws it; both arrive
  // here as a draft, so the public copy is read again unless there was none.
  const publishedAfter =
    doc._status === 'published' || !isEmpty(publishedBefore)
      ? await readPublishedPeople({ req, id: doc.id })
      : noPeople
  const latestBefore = peopleNamedBy(previousDoc)
  // A save asked with `select` returns only part of the meeting.
  const latestAfter =
    doc.participants === undefined
      ? await readLatestPeople({ req, id: doc.id })
      : peopleNamedBy(doc)
  const changed = (kind: keyof NamedPeople) =>
    unique([
      ...changedBetween(publishedBefore[kind], publishedAfter[kind]),
      ...changedBetween(latestBefore[kind], latestAfter[kind]),
    ])
  await refreshPeople({
    req,
    people: { speakers: changed('speakers'), organisations: changed('organisations') },
  })
  return doc
}

// The versions go with the meeting, so who its newest draft named is read before they do.
export const rememberLatestPeople: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const people = await readLatestPeople({ req, id: String(id) })
  req.context[latestPeopleKey(String(id))] = people
}

export const refreshNamedPeopleAfterDelete: CollectionAfterDeleteHook<Meeting> = async ({
  doc,
  req,
}) => {
  const latest = (req.context[latestPeopleKey(doc.id)] as NamedPeople) ?? noPeople
  delete req.context[latestPeopleKey(doc.id)]
  const main = peopleNamedBy(doc)
  await refreshPeople({
    req,
    people: {
      speakers: unique([...main.speakers, ...latest.speakers]),
      organisations: unique([...main.organisations, ...latest.organisations]),
    },
  })
  return doc
}
