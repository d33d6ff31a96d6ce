import { isLocale } from '@/site/i18n'
import { meetingsFeedResponse } from '@/content/meetingFeeds'

type Params = Promise<{ locale: string }>

// Chinese at /zh/feed.xml. English is served at /feed.xml by src/app/(frontend)/feed.xml, which
// the proxy leaves alone; /en/feed.xml redirects there.
export const GET = async (_request: Request, { params }: { params: Params }) => {
  const { locale } = await params
  if (!isLocale(locale)) return new Response('Not found', { status: 404 })
  return meetingsFeedResponse({ locale })
}
