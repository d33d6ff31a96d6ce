import type { Edition, Meeting, Organisation, Photo, Speaker } from '@/payload-types'

import type { Locale } from './i18n'

import { htmlLang, localePath } from './i18n'
import { dateTimeFormat } from './format'
import { editionYear } from '@/content/editionYear'

// Builders for schema.org JSON-LD. They are pure (the site's address comes in as `baseURL`) so
// that tests can check their output without a server or a database.

export type JsonLdValue = boolean | JsonLdNode | JsonLdValue[] | number | string

export type JsonLdNode = { [key: string]: JsonLdValue }

// Drops null, undefined, empty strings, empty arrays and empty objects at every depth: a
// validator reports an empty value as an error, a missing optional one not at all.
const compactValue = (value: unknown): JsonLdValue | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (Array.isArray(value)) {
    const items = value.map(compactValue).filter((item) => item !== undefined)
    return items.length ? items : undefined
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, compactValue(item)] as const)
      .filter(([, item]) => item !== undefined)
    return entries.length ? (Object.fromEntries(entries) as JsonLdNode) : undefined
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value
  return undefined
}

export const compactJsonLd = ({ node }: { node: Record<string, unknown> }): JsonLdNode =>
  (compactValue(node) as JsonLdNode | undefined) ?? {}

// For a <script type="application/ld+json">: `<` escaped so that text such as "</script>" in a
// title cannot end the script element early.
export const serializeJsonLd = ({ data }: { data: JsonLdNode | JsonLdNode[] }): string =>
  JSON.stringify(data).replace(/</g, '\\u003c')

// An instant as local time with its UTC offset in the given zone ("2022-10-30T14:00:00+08:00"):
// schema.org dates and <time dateTime> keep the meeting's own wall-clock time that way.
export const isoWithOffset = ({
  iso,
  timeZone,
}: {
  iso: string
  timeZone?: null | string
}): string => {
  const parts = Object.fromEntries(
    dateTimeFormat('en-US', {
      timeZone: timeZone || 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(new Date(iso))
      .map(({ type, value }) => [type, value]),
  )
  // longOffset is "GMT+08:00", or plain "GMT" at offset zero.
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '')
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}

// Payload stores upload URLs relative to the site unless a server URL is configured.
export const absoluteMediaURL = ({
  url,
  baseURL,
}: {
  url: null | string | undefined
  baseURL: string
}): string | undefined => {
  if (!url) return undefined
  return /^https?:\/\//.test(url) ? url : `${baseURL}${url.startsWith('/') ? '' : '/'}${url}`
}

export const meetingURL = ({
  slug,
  locale,
  baseURL,
}: {
  slug: string
  locale: Locale
  baseURL: string
}): string => `${baseURL}${localePath({ locale, path: `/meetings/${slug}` })}`

type OrganisationLike = Pick<Organisation, 'name' | 'slug'> &
  Partial<Pick<Organisation, 'abbreviation' | 'website'>>

export const organizationJsonLd = ({
  organisation,
  locale,
  baseURL,
  withContext = true,
}: {
  organisation: OrganisationLike
  locale: Locale
  baseURL: string
  withContext?: boolean
}): JsonLdNode =>
  compactJsonLd({
    node: {
      '@context': withContext ? 'https://schema.org' : undefined,
      '@type': 'Organization',
      name: organisation.name,
      alternateName: organisation.abbreviation,
      url: `${baseURL}${localePath({ locale, path: `/organisations/${organisation.slug}` })}`,
      sameAs: organisation.website,
    },
  })

type SpeakerLike = Pick<Speaker, 'name' | 'slug'> & Partial<Pick<Speaker, 'honorific'>>

export const personJsonLd = ({
  speaker,
  locale,
  baseURL,
  jobTitle,
  affiliation,
  withContext = true,
}: {
  speaker: SpeakerLike
  locale: Locale
  baseURL: string
  jobTitle?: null | string
  affiliation?: null | OrganisationLike
  withContext?: boolean
}): JsonLdNode =>
  compactJsonLd({
    node: {
      '@context': withContext ? 'https://schema.org' : undefined,
      '@type': 'Person',
      name: speaker.name,
      honorificPrefix: speaker.honorific,
      url: `${baseURL}${localePath({ locale, path: `/speakers/${speaker.slug}` })}`,
      jobTitle,
      affiliation: affiliation
        ? organizationJsonLd({ organisation: affiliation, locale, baseURL, withContext: false })
        : undefined,
    },
  })

export type EventMeeting = Pick<
  Meeting,
  'title' | 'slug' | 'startsAt' | 'startsAt_tz' | 'endsAt' | 'endsAt_tz' | 'venue' | 'summary'
> &
  Partial<Pick<Meeting, 'statements' | 'photos' | 'edition'>>

// A relationship is an object when populated, an id when not (or when the reader may not see it).
export const populated = <T extends object>(value: null | string | T | undefined): T | null =>
  value && typeof value === 'object' ? value : null

// The best picture for a preview: the Open Graph crop, else the full photo.
export const photoImageURL = ({ photo, baseURL }: { photo: Photo; baseURL: string }) =>
  absoluteMediaURL({ url: photo.sizes?.og?.url || photo.url, baseURL })

export const meetingEventJsonLd = ({
  meeting,
  locale,
  baseURL,
  organizerName,
}: {
  meeting: EventMeeting
  locale: Locale
  baseURL: string
  organizerName: string
}): JsonLdNode => {
  const edition = meeting.edition ? editionYear(meeting.edition) : undefined
  // Each speaker once, in the order they spoke, with the role they spoke in.
  const performers = new Map<string, JsonLdNode>()
  for (const statement of meeting.statements ?? []) {
    const speaker = populated(statement.speaker)
    if (!speaker || performers.has(speaker.slug)) continue
    performers.set(
      speaker.slug,
      personJsonLd({
        speaker,
        locale,
        baseURL,
        jobTitle: statement.position,
        affiliation: populated(statement.organisation),
        withContext: false,
      }),
    )
  }
  const photos = (meeting.photos?.docs ?? []).map(populated).filter((photo) => photo !== null)
  const url = meetingURL({ slug: meeting.slug, locale, baseURL })
  return compactJsonLd({
    node: {
      '@context': 'https://schema.org',
      '@type': 'Event',
      '@id': `${url}#event`,
      name: meeting.title,
      description: meeting.summary,
      url,
      inLanguage: htmlLang[locale],
      startDate: isoWithOffset({ iso: meeting.startsAt, timeZone: meeting.startsAt_tz }),
      endDate: meeting.endsAt
        ? isoWithOffset({ iso: meeting.endsAt, timeZone: meeting.endsAt_tz || meeting.startsAt_tz })
        : undefined,
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      // The venue is free text ("Beijing, China"), which schema.org accepts as the address too.
      location: meeting.venue
        ? { '@type': 'Place', name: meeting.venue, address: meeting.venue }
        : undefined,
      organizer: {
        '@type': 'Organization',
        name: organizerName,
        url: `${baseURL}${localePath({ locale, path: '/' })}`,
      },
      performer: [...performers.values()],
      image: photos.slice(0, 3).map((photo) => photoImageURL({ photo, baseURL })),
      superEvent: edition
        ? { '@id': editionEventId({ year: edition, locale, baseURL }) }
        : undefined,
    },
  })
}

// The forum as a whole, and each year's forum as one event of it: search engines and calendars
// read a meeting as part of its edition, and the edition as part of the series.
export const seriesId = ({ locale, baseURL }: { locale: Locale; baseURL: string }) =>
  `${baseURL}${localePath({ locale, path: '/editions' })}#series`

export const editionEventId = ({
  year,
  locale,
  baseURL,
}: {
  year: number
  locale: Locale
  baseURL: string
}) => `${baseURL}${localePath({ locale, path: `/editions/${year}` })}#event`

export const seriesJsonLd = ({
  name,
  locale,
  baseURL,
  years,
}: {
  name: string
  locale: Locale
  baseURL: string
  years: number[]
}): JsonLdNode =>
  compactJsonLd({
    node: {
      '@context': 'https://schema.org',
      '@type': 'EventSeries',
      '@id': seriesId({ locale, baseURL }),
      name,
      url: `${baseURL}${localePath({ locale, path: '/editions' })}`,
      inLanguage: htmlLang[locale],
      subEvent: years.map((year) => ({ '@id': editionEventId({ year, locale, baseURL }) })),
    },
  })

type EventEdition = Pick<
  Edition,
  'id' | 'theme' | 'startsOn' | 'endsOn' | 'city' | 'venue' | 'summary'
>
type SubEvent = Pick<Meeting, 'slug' | 'title' | 'startsAt' | 'startsAt_tz'>

export const editionEventJsonLd = ({
  edition,
  name,
  seriesName,
  meetings,
  locale,
  baseURL,
}: {
  edition: EventEdition
  name: string
  seriesName: string
  meetings: SubEvent[]
  locale: Locale
  baseURL: string
}): JsonLdNode => {
  const place = [edition.venue, edition.city].filter(Boolean).join(', ')
  return compactJsonLd({
    node: {
      '@context': 'https://schema.org',
      '@type': 'Event',
      '@id': editionEventId({ year: edition.id, locale, baseURL }),
      name: edition.theme ? `${name}: ${edition.theme}` : name,
      description: edition.summary,
      url: `${baseURL}${localePath({ locale, path: `/editions/${edition.id}` })}`,
      inLanguage: htmlLang[locale],
      startDate: edition.startsOn?.slice(0, 10) ?? meetings[0]?.startsAt,
      endDate: edition.endsOn?.slice(0, 10),
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: place ? { '@type': 'Place', name: place, address: place } : undefined,
      superEvent: {
        '@type': 'EventSeries',
        '@id': seriesId({ locale, baseURL }),
        name: seriesName,
      },
      subEvent: meetings.map((meeting) => ({
        '@type': 'Event',
        '@id': `${meetingURL({ slug: meeting.slug, locale, baseURL })}#event`,
        name: meeting.title,
        url: meetingURL({ slug: meeting.slug, locale, baseURL }),
        startDate: isoWithOffset({ iso: meeting.startsAt, timeZone: meeting.startsAt_tz }),
      })),
    },
  })
}
