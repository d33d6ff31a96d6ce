import type { PayloadRequest, Where } from 'payload'

import type { Meeting } from '@/payload-types'
import type { Locale } from '@/site/i18n'

import { isLocale, locales } from '@/site/i18n'

import { keepLocale } from './keepLocale'

// The embargo (issue 14). A speaker or organisation created by an import stays embargoed until an
// editor confirms it (issue 19): what a parser half-understood never reaches the public. Otherwise
// it is public when
//   - staff ticked "Announced", or
//   - a published meeting names it (host, statement, answer; statement organisation, attending
//     organisation), or
//   - (organisations) a public speaker holds a position at it, or
//   - nothing names it at all: a directory entry staff made by hand.
// Otherwise it is named only by meetings that are still drafts (or, for an organisation, only by
// embargoed speakers) and is embargoed: staff and readers see it, the public does not. The result
// is stored in `visibility` so that read access is a plain `where`, and recomputed whenever one of
// its inputs changes (see src/payload/hooks/visibility.ts and the meetings' refreshNamedPeople).

export type Visibility = 'public' | 'embargoed'

export type PeopleCollection = 'speakers' | 'organisations'

export type NamedPeople = { speakers: string[]; organisations: string[] }

type Reference = string | { id: string } | null | undefined

const idOf = (reference: Reference): string | undefined =>
  reference && typeof reference === 'object' ? reference.id : (reference ?? undefined)

export const idsOf = (references: Reference[] | null | undefined): string[] => [
  ...new Set((references ?? []).map(idOf).filter((id): id is string => Boolean(id))),
]

export const noPeople: NamedPeople = { speakers: [], organisations: [] }

// Speakers come from `participants`, which collectParticipants fills in from the host, the
// statements and the answers before every save, drafts included.
export const peopleNamedBy = (meeting: Partial<Meeting> | null | undefined): NamedPeople => ({
  speakers: idsOf(meeting?.participants),
  organisations: idsOf([
    ...(meeting?.statements ?? []).map((statement) => statement.organisation),
    ...(meeting?.attendingOrganisations ?? []),
  ]),
})

// What a meeting must be read with for peopleNamedBy.
export const namingFieldsSelect = {
  participants: true,
  attendingOrganisations: true,
  statements: { organisation: true },
} as const

// Ids in one list and not the other: the only people whose standing a change can move.
export const changedBetween = (before: string[], after: string[]): string[] => [
  ...before.filter((id) => !after.includes(id)),
  ...after.filter((id) => !before.includes(id)),
]

const meetingsNaming = (collection: PeopleCollection, id: string): Where =>
  collection === 'speakers'
    ? { participants: { in: [id] } }
    : {
        or: [
          { 'statements.organisation': { equals: id } },
          { attendingOrganisations: { in: [id] } },
        ],
      }

// The public copy of a meeting is its main document; a newer draft lives only in its versions.
const isNamedByPublishedMeeting = async ({ req, where }: { req: PayloadRequest; where: Where }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'meetings',
    where: { and: [where, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

// Every meeting's newest version, draft or published: a person added to the draft of a published
// meeting is named by that meeting, though its public copy does not name them yet.
const isNamedByAnyMeeting = async ({ req, where }: { req: PayloadRequest; where: Where }) => {
  const { totalDocs } = await req.payload.countVersions({
    collection: 'meetings',
    where: { and: [{ latest: { equals: true } }, prefixVersion(where)] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

const prefixVersion = (where: Where): Where =>
  Object.fromEntries(
    Object.entries(where).map(([key, value]) =>
      key === 'and' || key === 'or'
        ? [key, (value as Where[]).map(prefixVersion)]
        : [`version.${key}`, value],
    ),
  )

const countSpeakersAt = async ({
  req,
  organisation,
  onlyPublic,
}: {
  req: PayloadRequest
  organisation: string
  onlyPublic: boolean
}) => {
  const { totalDocs } = await req.payload.count({
    collection: 'speakers',
    where: {
      and: [
        { organisations: { in: [organisation] } },
        ...(onlyPublic ? [{ visibility: { equals: 'public' } }] : []),
      ],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs
}

const isPublicSpeaker = async ({ req, id }: { req: PayloadRequest; id: string }) => {
  const where = meetingsNaming('speakers', id)
  if (await isNamedByPublishedMeeting({ req, where })) return true
  return !(await isNamedByAnyMeeting({ req, where }))
}

const isPublicOrganisation = async ({ req, id }: { req: PayloadRequest; id: string }) => {
  const where = meetingsNaming('organisations', id)
  if (await isNamedByPublishedMeeting({ req, where })) return true
  if ((await countSpeakersAt({ req, organisation: id, onlyPublic: true })) > 0) return true
  if (await isNamedByAnyMeeting({ req, where })) return false
  return (await countSpeakersAt({ req, organisation: id, onlyPublic: false })) === 0
}

// What staff decided about a person, as stored on it.
export type Standing = { isAnnounced?: boolean | null; needsConfirmation?: boolean | null }

export const standingSelect = { isAnnounced: true, needsConfirmation: true } as const

// A document being created has no id yet, so nothing can name it: it starts public, unless an
// import created it.
export const visibilityOf = async ({
  req,
  collection,
  id,
  standing,
}: {
  req: PayloadRequest
  collection: PeopleCollection
  id?: string
  standing: Standing
}): Promise<Visibility> => {
  if (standing.needsConfirmation) return 'embargoed'
  if (standing.isAnnounced || !id) return 'public'
  const isPublic =
    collection === 'speakers'
      ? await isPublicSpeaker({ req, id })
      : await isPublicOrganisation({ req, id })
  return isPublic ? 'public' : 'embargoed'
}

// The locale to save a person in: the request's, unless their name (required) is only in the other
// one, as for the people a Chinese page's import created: saved in English they would fail
// validation, and with them the publication of the meeting that named them.
export const savingLocale = ({
  req,
  name,
}: {
  req: PayloadRequest
  name: Partial<Record<Locale, string | null>> | string | null | undefined
}): Locale => {
  const wanted = isLocale(req.locale) ? req.locale : locales[0]
  if (!name || typeof name === 'string' || name[wanted]) return wanted
  return locales.find((locale) => name[locale]) ?? wanted
}

// Saves each listed document whose stored visibility is out of date; its own hooks then derive
// the new value, expire the cached pages, update its search entry and, for a speaker, refresh the
// organisations it holds positions at. One at a time: they share the caller's transaction.
export const refreshVisibility = async ({
  req,
  collection,
  ids,
}: {
  req: PayloadRequest
  collection: PeopleCollection
  ids: string[]
}): Promise<void> => {
  for (const id of ids) {
    const doc = await keepLocale(req, () =>
      req.payload.findByID({
        collection,
        id,
        depth: 0,
        select: { visibility: true, name: true, ...standingSelect },
        locale: 'all',
        disableErrors: true,
        overrideAccess: true,
        req,
      }),
    )
    if (!doc) continue
    const visibility = await visibilityOf({ req, collection, id, standing: doc })
    if (visibility === doc.visibility) continue
    // In the locale it has a name in; the request's own is kept for the rest of its save.
    await keepLocale(req, () =>
      req.payload.update({
        collection,
        id,
        data: { visibility },
        locale: savingLocale({ req, name: doc.name as unknown as Record<Locale, string> }),
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
  }
}

// Speakers first: whether an organisation is public depends on its speakers.
export const refreshPeople = async ({
  req,
  people,
}: {
  req: PayloadRequest
  people: NamedPeople
}): Promise<void> => {
  await refreshVisibility({ req, collection: 'speakers', ids: people.speakers })
  await refreshVisibility({ req, collection: 'organisations', ids: people.organisations })
}
