import { meetingsFeedResponse } from '@/content/meetingFeeds'

// The English feed at /feed.xml (the proxy does not rewrite this address to /en).
export const GET = () => meetingsFeedResponse({ locale: 'en' })
