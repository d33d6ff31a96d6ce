import { meetingsCalendar } from '@/site/calendar'
import { isLocale, siteURL } from '@/site/i18n'
import { getCalendarMeeting } from '@/content/meetingFeeds'

type Params = Promise<{ locale: string; slug: string }>

// One meeting as an .ics file, for "Add to calendar".
export const GET = async (_request: Request, { params }: { params: Params }) => {
  const { locale, slug } = await params
  if (!isLocale(locale) || !/^[a-z0-9-]{1,200}$/.test(slug))
    return new Response('Not found', { status: 404 })
  const meeting = await getCalendarMeeting({ locale, slug })
  if (!meeting) return new Response('Not found', { status: 404 })
  const body = meetingsCalendar({
    meetings: [meeting],
    locale,
    baseURL: siteURL(),
    name: meeting.title,
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${meeting.slug}.ics"`,
      'Cache-Control': 'public, max-age=300',
    },
  })
}
