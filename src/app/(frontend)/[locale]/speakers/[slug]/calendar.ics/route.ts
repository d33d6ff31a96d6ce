import { speakerCalendarResponse } from '@/content/scheduleExports'
import { isLocale } from '@/site/i18n'

type Params = Promise<{ locale: string; slug: string }>

// A speaker's published meetings as an .ics file.
export const GET = async (_request: Request, { params }: { params: Params }) => {
  const { locale, slug } = await params
  if (!isLocale(locale)) return new Response('Not found', { status: 404 })
  return speakerCalendarResponse({ locale, slug })
}
