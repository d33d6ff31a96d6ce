import type { CSSProperties } from 'react'

import Link from 'next/link'

import type { Session } from '@/content/editions'
import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'
import type { PlacedSession, ProgrammeDay } from '@/site/programme'

import { formatDate, formatTime } from '@/site/format'
import { localePath } from '@/site/i18n'
import { meetingKindLabel } from '@/site/kinds'
import { noRoom, programmeDays } from '@/site/programme'

// The programme as one list of sessions per day, in time order: what a phone, a screen reader
// and a printer get. On wide screens the same list becomes a grid of rooms by time
// (programme.css), each session placed by the grid lines programmeDays computed.

const roomName = ({ room, dictionary }: { room: string; dictionary: Dictionary }) =>
  room === noRoom ? dictionary.noRoom : room

const SessionItem = ({
  session,
  locale,
  dictionary,
}: {
  session: PlacedSession
  locale: Locale
  dictionary: Dictionary
}) => {
  const zone = session.startsAt_tz
  const style = {
    gridColumn: session.column,
    gridRow: `${session.rowStart} / ${session.rowEnd}`,
  } as CSSProperties
  return (
    <li className="programme__session" style={style} data-kind={session.kind}>
      <p className="programme__when">
        <time dateTime={session.startsAt}>
          {formatTime({ iso: session.startsAt, timeZone: zone, locale })}
        </time>
        {session.endsAt ? (
          <>
            –
            <time dateTime={session.endsAt}>
              {formatTime({ iso: session.endsAt, timeZone: zone, locale })}
            </time>
          </>
        ) : null}
        <span className="programme__room">
          {' · '}
          {roomName({ room: session.room?.trim() || noRoom, dictionary })}
        </span>
      </p>
      <p className="programme__kind">{meetingKindLabel({ kind: session.kind, dictionary })}</p>
      <h3 className="programme__title">
        <Link href={localePath({ locale, path: `/meetings/${session.slug}` })}>
          {session.title}
        </Link>
      </h3>
    </li>
  )
}

type HeadingLevel = 2 | 3

const Day = ({
  day,
  locale,
  dictionary,
  headingLevel,
}: {
  day: ProgrammeDay
  locale: Locale
  dictionary: Dictionary
  headingLevel: HeadingLevel
}) => {
  const headingId = `day-${day.date}`
  const zone = day.sessions[0]?.startsAt_tz
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="programme__day" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {formatDate({ iso: day.sessions[0].startsAt, timeZone: zone, locale })}
      </Heading>
      <div className="programme__grid" style={{ '--rooms': day.rooms.length } as CSSProperties}>
        {/* The grid's headings repeat what each session says; screen readers read the list. */}
        {day.rooms.map((room, index) => (
          <p
            key={room || 'no-room'}
            className="programme__room-heading"
            style={{ gridColumn: index + 2, gridRow: 1 }}
            aria-hidden="true"
          >
            {roomName({ room, dictionary })}
          </p>
        ))}
        {day.times.map((time, index) => (
          <p
            key={time}
            className="programme__time"
            style={{ gridColumn: 1, gridRow: index + 2 }}
            aria-hidden="true"
          >
            {formatTime({ iso: time, timeZone: zone, locale })}
          </p>
        ))}
        <ol className="programme__sessions">
          {day.sessions.map((session) => (
            <SessionItem
              key={session.id}
              session={session}
              locale={locale}
              dictionary={dictionary}
            />
          ))}
        </ol>
      </div>
    </section>
  )
}

export const Programme = ({
  sessions,
  locale,
  dictionary,
  headingLevel = 2,
}: {
  sessions: Session[]
  locale: Locale
  dictionary: Dictionary
  // The level of each day's heading: 2 on the programme page, 3 inside an edition's page.
  headingLevel?: HeadingLevel
}) => {
  if (sessions.length === 0) return <p className="programme__empty">{dictionary.noSessions}</p>
  return (
    <div className="programme">
      {programmeDays({ sessions }).map((day) => (
        <Day
          key={day.date}
          day={day}
          locale={locale}
          dictionary={dictionary}
          headingLevel={headingLevel}
        />
      ))}
    </div>
  )
}
