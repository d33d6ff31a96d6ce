import type { Meeting } from '@/payload-types'

import { Feed } from 'feed'

import type { Locale } from './i18n'

import { localePath } from './i18n'
import { meetingURL } from './jsonLd'

export type FeedMeeting = Pick<Meeting, 'id' | 'title' | 'slug' | 'startsAt' | 'summary'> &
  Partial<Pick<Meeting, 'publishedAt' | 'updatedAt'>>

// RSS wants RFC 1766 language tags.
const rssLanguage: Record<Locale, string> = { en: 'en-gb', zh: 'zh-cn' }

// A report is news when it is published; meetings imported without a date fall back to the day
// they took place.
export const feedDateOfMeeting = (meeting: FeedMeeting): Date =>
  new Date(meeting.publishedAt || meeting.startsAt)

// An RSS 2.0 feed of the given meetings. Pure, like the calendar: the caller loads the data.
export const meetingsFeed = ({
  meetings,
  locale,
  baseURL,
  title,
  description,
  feedURL,
  copyright,
}: {
  meetings: FeedMeeting[]
  locale: Locale
  baseURL: string
  title: string
  description: string
  feedURL: string
  copyright?: null | string
}): string => {
  const dates = meetings.map(feedDateOfMeeting)
  const home = `${baseURL}${localePath({ locale, path: '/' })}`
  const feed = new Feed({
    id: home,
    title,
    description,
    link: home,
    language: rssLanguage[locale],
    copyright: copyright || undefined,
    // The newest item's date rather than "now", so an unchanged feed stays byte-identical.
    updated: dates.length
      ? new Date(Math.max(...dates.map((date) => date.getTime())))
      : new Date(0),
    generator: false,
    feedLinks: { rss: feedURL },
  })
  const host = new URL(baseURL).host
  meetings.forEach((meeting, index) => {
    const link = meetingURL({ slug: meeting.slug, locale, baseURL })
    feed.addItem({
      title: meeting.title,
      link,
      // The id rather than the address, so a renamed slug is not announced as a new item.
      guid: `${meeting.id}@${host}`,
      date: dates[index],
      description: meeting.summary || undefined,
    })
  })
  return feed.rss2()
}
