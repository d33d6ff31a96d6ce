import { meetingsCalendar } from '@/site/calendar'
import { getDictionary } from '@/site/dictionary'
import { isLocale, siteURL } from '@/site/i18n'
import { listUpcomingMeetings } from '@/content/meetingFeeds'
import { getSite } from '@/content/site'

type Params = Promise<{ locale: string }>

const hour = 60 * 60 * 1000

// Every upcoming published meeting, for subscribing in a calendar app.
export const GET = async (_request: Request, { params }: { params: Params }) => {
  const { locale } = await params
  if (!isLocale(locale)) return new Response('Not found', { status: 404 })
  const now = new Date()
  // The query is cached per hour; the exact cut-off is applied here.
  const from = new Date(Math.floor(now.getTime() / hour) * hour).toISOString()
  const [meetings, site] = await Promise.all([
    listUpcomingMeetings({ locale, from }),
    getSite({ locale }),
  ])
  const dictionary = getDictionary(locale)
  const body = meetingsCalendar({
    meetings: meetings.filter((meeting) => new Date(meeting.startsAt) >= now),
    locale,
    baseURL: siteURL(),
    name: `${site.name || dictionary.siteName} · ${dictionary.meetings}`,
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      // Inline: calendar apps subscribe to this address rather than download it once.
      'Content-Disposition': 'inline; filename="meetings.ics"',
      'Cache-Control': 'public, max-age=900',
    },
  })
}
