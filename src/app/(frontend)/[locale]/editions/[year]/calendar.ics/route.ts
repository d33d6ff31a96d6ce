import { editionCalendarResponse } from '@/content/scheduleExports'
import { isLocale } from '@/site/i18n'

type Params = Promise<{ locale: string; year: string }>

// The edition's programme as an .ics file: every published session, and the forum's days.
export const GET = async (_request: Request, { params }: { params: Params }) => {
  const { locale, year } = await params
  if (!isLocale(locale)) return new Response('Not found', { status: 404 })
  return editionCalendarResponse({ locale, year })
}
