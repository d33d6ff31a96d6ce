// Every cache tag the site uses, in one place. Data access tags each read with the collections
// it shows (a meeting page shows speakers, organisations and photos too); the collections'
// afterChange/afterDelete hooks expire the tag of the collection that changed. An edit to a
// speaker therefore refreshes the speaker's page, every meeting page and every list that shows
// speakers, the sitemap and the feeds.
export const cacheTags = {
  meetings: 'meetings',
  editions: 'editions',
  // Which meetings are published, when they start and what they are called: what the previous
  // and next links read. An edit to a meeting's content leaves it alone.
  meetingSchedule: 'meeting-schedule',
  speakers: 'speakers',
  organisations: 'organisations',
  photos: 'photos',
  documents: 'documents',
  pages: 'pages',
  news: 'news',
  forms: 'forms',
  redirects: 'redirects',
  site: 'site',
} as const

export type CacheTag = (typeof cacheTags)[keyof typeof cacheTags]

// A tag that expires a part of a collection's changes stands for the collection when a read's
// tags are checked (src/payload/siteContent.ts): the previous/next links read meetings, but only
// a change of schedule may change them.
export const broaderTags: Partial<Record<CacheTag, CacheTag>> = {
  [cacheTags.meetingSchedule]: cacheTags.meetings,
}

export type CollectionWithTag = Exclude<keyof typeof cacheTags, 'site' | 'meetingSchedule'>
