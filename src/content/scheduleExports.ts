import type { Locale } from '@/site/i18n'

import { meetingsCalendar } from '@/site/calendar'
import { getDictionary, interpolate } from '@/site/dictionary'
import { editionYearParam } from '@/site/editionParams'
import { isLocale, siteURL } from '@/site/i18n'
import { buildSchedule, scheduleXML } from '@/site/schedule'

import { getEdition, listScheduleSessions, listSessions } from './editions'
import { getSpeakerCalendar } from './meetingFeeds'

// The responses of an edition's downloads (schedule.json, schedule.xml, calendar.ics) and a
// speaker's calendar, shared by their route handlers; the formats are built in src/site.

const notFound = (sentence: string) =>
  new Response(`${sentence}\n`, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })

const download = ({ body, type, filename }: { body: string; type: string; filename: string }) =>
  new Response(body, {
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'public, max-age=300',
      // Schedule apps and web calendars fetch these from other sites' pages.
      'Access-Control-Allow-Origin': '*',
    },
  })

// The published edition of a year in the address, or the 404 that says why there is none.
const publishedEdition = async ({ locale, year }: { locale: Locale; year: string }) => {
  const dictionary = getDictionary(locale)
  const id = editionYearParam(year)
  if (id === null) return { missing: notFound(dictionary.noSuchEditionYear) }
  const edition = await getEdition({ locale, year: id })
  if (!edition) {
    return {
      missing: notFound(interpolate({ template: dictionary.noSuchEdition, values: { year: id } })),
    }
  }
  return { edition }
}

export const scheduleResponse = async ({
  locale,
  year,
  format,
}: {
  locale: Locale
  year: string
  format: 'json' | 'xml'
}): Promise<Response> => {
  const { edition, missing } = await publishedEdition({ locale, year })
  if (!edition) return missing
  const sessions = await listScheduleSessions({ locale, year: edition.id })
  const schedule = buildSchedule({
    edition,
    sessions,
    locale,
    baseURL: siteURL(),
    dictionary: getDictionary(locale),
  })
  const filename = `cifcc${edition.id}-schedule${locale === 'en' ? '' : `-${locale}`}.${format}`
  return format === 'json'
    ? download({ body: JSON.stringify(schedule, null, 2), type: 'application/json', filename })
    : download({ body: scheduleXML({ schedule }), type: 'application/xml', filename })
}

export const editionCalendarResponse = async ({
  locale,
  year,
}: {
  locale: Locale
  year: string
}): Promise<Response> => {
  const { edition, missing } = await publishedEdition({ locale, year })
  if (!edition) return missing
  const dictionary = getDictionary(locale)
  const sessions = await listSessions({ locale, year: edition.id })
  const body = meetingsCalendar({
    meetings: sessions.map((session) => ({ ...session, edition: edition.id })),
    edition: {
      ...edition,
      title: interpolate({ template: dictionary.editionTitle, values: { year: edition.id } }),
    },
    locale,
    baseURL: siteURL(),
    name: interpolate({ template: dictionary.programmeOf, values: { year: edition.id } }),
  })
  return download({ body, type: 'text/calendar', filename: `cifcc${edition.id}.ics` })
}

export const speakerCalendarResponse = async ({
  locale,
  slug,
}: {
  locale: Locale
  slug: string
}): Promise<Response> => {
  const dictionary = getDictionary(locale)
  const found = /^[a-z0-9-]{1,200}$/.test(slug) ? await getSpeakerCalendar({ locale, slug }) : null
  if (!found) return notFound(dictionary.noSuchSpeaker)
  const body = meetingsCalendar({
    meetings: found.meetings,
    locale,
    baseURL: siteURL(),
    name: interpolate({
      template: dictionary.speakerCalendarName,
      values: { name: found.speaker.name },
    }),
  })
  return download({ body, type: 'text/calendar', filename: `${found.speaker.slug}.ics` })
}

type EditionParams = Promise<{ locale: string; year: string }>

// The route handler of schedule.json or schedule.xml: the two differ by format alone.
export const scheduleRoute =
  (format: 'json' | 'xml') =>
  async (_request: Request, { params }: { params: EditionParams }): Promise<Response> => {
    const { locale, year } = await params
    if (!isLocale(locale)) return new Response('Not found', { status: 404 })
    return scheduleResponse({ locale, year, format })
  }
