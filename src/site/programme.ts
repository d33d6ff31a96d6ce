import type { Session } from '@/content/editions'

import { forumTimeZone } from '@/payload/fields/dateTime'

import { dateTimeFormat } from './format'

// An edition's programme laid out as the printed ones are: day by day, a column per room, a row
// per moment a session starts or ends. Pure, so that tests can check the layout without a page.

export type PlacedSession = Session & {
  // 1-based grid lines: the room's column, and the rows from the session's start to its end.
  column: number
  rowStart: number
  rowEnd: number
}

export type ProgrammeDay = {
  date: string
  rooms: string[]
  // Every moment a session starts or ends, in order; the grid's row lines.
  times: string[]
  sessions: PlacedSession[]
}

// A session with no end time fills one row, as long as the next moment on the day.
const endOf = (session: Session) => session.endsAt ?? session.startsAt

const dayOf = (session: Session) =>
  dateTimeFormat('en-CA', {
    timeZone: session.startsAt_tz || forumTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(session.startsAt))

export const noRoom = ''

const roomsOf = (sessions: Session[]) =>
  [...new Set(sessions.map(({ room }) => room?.trim() || noRoom))].sort((a, b) =>
    a === noRoom ? 1 : b === noRoom ? -1 : a.localeCompare(b, undefined, { numeric: true }),
  )

const layOutDay = ({ date, sessions }: { date: string; sessions: Session[] }): ProgrammeDay => {
  const rooms = roomsOf(sessions)
  const times = [
    ...new Set(sessions.flatMap((session) => [session.startsAt, endOf(session)])),
  ].sort()
  const line = (iso: string) => times.indexOf(iso) + 2
  return {
    date,
    rooms,
    times,
    // In reading order: by start, then room by room as the columns run.
    sessions: sessions
      .map((session) => {
        const rowStart = line(session.startsAt)
        return {
          ...session,
          column: rooms.indexOf(session.room?.trim() || noRoom) + 2,
          rowStart,
          rowEnd: Math.max(line(endOf(session)), rowStart + 1),
        }
      })
      .sort((a, b) => a.rowStart - b.rowStart || a.column - b.column),
  }
}

export const programmeDays = ({ sessions }: { sessions: Session[] }): ProgrammeDay[] => {
  const days = new Map<string, Session[]>()
  for (const session of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt)))
    days.set(dayOf(session), [...(days.get(dayOf(session)) ?? []), session])
  return [...days.entries()].map(([date, daySessions]) =>
    layOutDay({ date, sessions: daySessions }),
  )
}

export type ProgrammeFilter = { kind?: string; topic?: string }

export const topicsOf = ({ sessions }: { sessions: Session[] }): string[] =>
  [...new Set(sessions.flatMap(({ topics }) => (topics ?? []).map(({ topic }) => topic.trim())))]
    .filter(Boolean)
    .sort((a, b) => a.localeCompare(b))

export const filterSessions = ({
  sessions,
  filter,
}: {
  sessions: Session[]
  filter: ProgrammeFilter
}): Session[] =>
  sessions.filter(
    (session) =>
      (!filter.kind || session.kind === filter.kind) &&
      (!filter.topic || (session.topics ?? []).some(({ topic }) => topic.trim() === filter.topic)),
  )
