import type { ReactNode } from 'react'

import Link from 'next/link'

import type { Meeting } from '@/payload-types'

import type { Locale } from '@/site/i18n'

import { formatDate } from '@/site/format'
import { localePath } from '@/site/i18n'

type DatedMeeting = Pick<Meeting, 'id' | 'title' | 'slug' | 'startsAt' | 'startsAt_tz'>

// The meetings a speaker or an organisation took part in: date, title, and an optional note such
// as the speaker's role.
export const DatedMeetingList = <M extends DatedMeeting>({
  meetings,
  locale,
  note,
}: {
  meetings: M[]
  locale: Locale
  note?: (meeting: M) => ReactNode
}) => (
  <ul className="dated-list">
    {meetings.map((meeting) => (
      <li key={meeting.id} className="dated-list__item">
        <time className="dated-list__date" dateTime={meeting.startsAt}>
          {formatDate({ iso: meeting.startsAt, timeZone: meeting.startsAt_tz, locale })}
        </time>
        <Link href={localePath({ locale, path: `/meetings/${meeting.slug}` })}>
          {meeting.title}
        </Link>
        {note?.(meeting)}
      </li>
    ))}
  </ul>
)
