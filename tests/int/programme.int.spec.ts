import { describe, expect, it } from 'vitest'

import type { Session } from '@/content/editions'

import { filterSessions, noRoom, programmeDays, topicsOf } from '@/site/programme'

// The programme's layout, from sessions as the edition's read returns them.
let next = 0
const session = (fields: Partial<Session> & Pick<Session, 'startsAt'>): Session => ({
  id: `s${(next += 1)}`,
  title: `Session ${next}`,
  slug: `session-${next}`,
  kind: 'round-table',
  startsAt_tz: 'Asia/Shanghai',
  updatedAt: '2031-01-01T00:00:00.000Z',
  ...fields,
})

// 09:00 Beijing is 01:00 UTC.
const at = (date: string, hour: number) => `${date}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`

describe('the programme grid', () => {
  const opening = session({
    startsAt: at('2031-10-28', 9),
    endsAt: at('2031-10-28', 11),
    room: 'Main Hall',
  })
  const finance = session({
    startsAt: at('2031-10-28', 11),
    endsAt: at('2031-10-28', 12),
    room: 'Room A',
  })
  const cities = session({
    startsAt: at('2031-10-28', 11),
    endsAt: at('2031-10-28', 13),
    room: 'Room B',
  })
  const unplaced = session({ startsAt: at('2031-10-28', 14) })
  const closing = session({
    startsAt: at('2031-10-29', 9),
    endsAt: at('2031-10-29', 10),
    room: 'Main Hall',
  })
  const days = programmeDays({ sessions: [closing, cities, unplaced, finance, opening] })

  it('groups sessions by their day in the forum’s time zone, in time order', () => {
    expect(days.map(({ date, sessions }) => [date, sessions.map(({ id }) => id)])).toEqual([
      ['2031-10-28', [opening.id, finance.id, cities.id, unplaced.id]],
      ['2031-10-29', [closing.id]],
    ])
  })

  it('gives each room of a day a column, rooms without a name last', () => {
    expect(days[0].rooms).toEqual(['Main Hall', 'Room A', 'Room B', noRoom])
  })

  it('spans each session from the row of its start to the row of its end', () => {
    const placed = Object.fromEntries(
      days[0].sessions.map((s) => [s.id, [s.column, s.rowStart, s.rowEnd]]),
    )
    // Rows: 09:00, 11:00, 12:00, 13:00, 14:00 (lines 2–6); column 1 holds the times.
    expect(placed).toEqual({
      [opening.id]: [2, 2, 3],
      [finance.id]: [3, 3, 4],
      [cities.id]: [4, 3, 5],
      [unplaced.id]: [5, 6, 7],
    })
  })
})

describe('the programme filters', () => {
  const sessions = [
    session({ startsAt: at('2031-10-28', 9), kind: 'plenary', topics: [{ topic: 'Finance ' }] }),
    session({ startsAt: at('2031-10-28', 10), kind: 'workshop', topics: [{ topic: 'Cities' }] }),
    session({ startsAt: at('2031-10-28', 11), kind: 'plenary', topics: [{ topic: 'Cities' }] }),
  ]

  it('offers each topic once, trimmed and sorted', () => {
    expect(topicsOf({ sessions })).toEqual(['Cities', 'Finance'])
  })

  it('keeps the sessions of the chosen kind and topic', () => {
    expect(filterSessions({ sessions, filter: { kind: 'plenary', topic: 'Cities' } })).toEqual([
      sessions[2],
    ])
    expect(filterSessions({ sessions, filter: { topic: 'Finance' } })).toEqual([sessions[0]])
    expect(filterSessions({ sessions, filter: {} })).toEqual(sessions)
  })
})
