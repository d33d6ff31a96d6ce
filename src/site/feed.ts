import type { Meeting, News } from '@/payload-types'

import { Feed } from 'feed'

import type { Locale } from './i18n'

import { localePath } from './i18n'

export type FeedMeeting = Pick<Meeting, 'id' | 'title' | 'slug' | 'startsAt' | 'summary'> &
  Partial<Pick<Meeting, 'publishedAt' | 'updatedAt'>>

export type FeedRelease = Pick<News, 'id' | 'title' | 'slug' | 'summary' | 'publishedAt'>

type FeedItem = { id: string; title: string; path: string; date: Date; summary?: null | string }

// RSS wants RFC 1766 language tags.
const rssLanguage: Record<Locale, string> = { en: 'en-gb', zh: 'zh-cn' }

// A report is news when it is published; meetings imported without a date fall back to the day
// they took place.
export const feedDateOfMeeting = (meeting: FeedMeeting): Date =>
  new Date(meeting.publishedAt || meeting.startsAt)

const meetingItem = (meeting: FeedMeeting): FeedItem => ({
  ...meeting,
  path: `/meetings/${meeting.slug}`,
  date: feedDateOfMeeting(meeting),
})

// Only published releases reach the feed, and publishing one sets its date.
const releaseItem = (release: FeedRelease): FeedItem => ({
  ...release,
  path: `/news/${release.slug}`,
  date: new Date(release.publishedAt ?? 0),
})

// The two lists merged newest first, each keeping the order it was read in.
const itemsOf = ({
  meetings,
  releases,
  length,
}: {
  meetings: FeedMeeting[]
  releases: FeedRelease[]
  length: number
}): FeedItem[] => {
  const fromMeetings = meetings.map(meetingItem)
  const fromReleases = releases.map(releaseItem)
  const items: FeedItem[] = []
  while (items.length < length && (fromMeetings.length || fromReleases.length)) {
    const isReleaseNext =
      fromReleases.length > 0 &&
      (fromMeetings.length === 0 || fromReleases[0].date > fromMeetings[0].date)
    items.push((isReleaseNext ? fromReleases : fromMeetings).shift()!)
  }
  return items
}

// An RSS 2.0 feed of the given meetings and news releases, newest first, at most `length` items.
// Pure, like the calendar: the caller loads the data.
export const meetingsFeed = ({
  meetings,
  releases = [],
  length = meetings.length + releases.length,
  locale,
  baseURL,
  title,
  description,
  feedURL,
  copyright,
}: {
  meetings: FeedMeeting[]
  releases?: FeedRelease[]
  length?: number
  locale: Locale
  baseURL: string
  title: string
  description: string
  feedURL: string
  copyright?: null | string
}): string => {
  const items = itemsOf({ meetings, releases, length })
  const dates = items.map(({ date }) => date)
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
  for (const item of items) {
    feed.addItem({
      title: item.title,
      link: `${baseURL}${localePath({ locale, path: item.path })}`,
      // The id rather than the address, so a renamed slug is not announced as a new item.
      guid: `${item.id}@${host}`,
      date: item.date,
      description: item.summary || undefined,
    })
  }
  return feed.rss2()
}
