import Link from 'next/link'

import type { Locale } from '@/site/i18n'
import type { MeetingSummary } from '@/content/meetings'

import { formatDate } from '@/site/format'
import { localePath } from '@/site/i18n'

export const MeetingCard = ({ meeting, locale }: { meeting: MeetingSummary; locale: Locale }) => (
  <article className="card">
    <p className="card__meta">
      <time dateTime={meeting.startsAt}>
        {formatDate({ iso: meeting.startsAt, timeZone: meeting.startsAt_tz, locale })}
      </time>
    </p>
    <h3 className="card__title">
      <Link href={localePath({ locale, path: `/meetings/${meeting.slug}` })}>{meeting.title}</Link>
    </h3>
    {meeting.summary ? <p className="card__summary">{meeting.summary}</p> : null}
  </article>
)
