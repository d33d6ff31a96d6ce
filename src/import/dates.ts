import type { Extracted, ExtractedDate, ParseFailure, PartOfDay } from './types'

import { excerpt } from './limits'
import { chineseNumbers } from './numbers'

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

const monthNumber = (name: string): number | undefined => {
  const lower = name.toLowerCase().replace(/\.$/, '')
  const index = months.findIndex(
    (month) => month === lower || (lower.length >= 3 && month.startsWith(lower)),
  )
  return index >= 0 ? index + 1 : undefined
}

const pad = (value: number) => String(value).padStart(2, '0')

const isoDate = ({ year, month, day }: { year: number; month: number; day: number }) => {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${year}-${pad(month)}-${pad(day)}`
}

const partsOfDay: Record<string, PartOfDay> = {
  morning: 'morning',
  afternoon: 'afternoon',
  evening: 'evening',
  night: 'evening',
  上午: 'morning',
  早上: 'morning',
  下午: 'afternoon',
  晚上: 'evening',
  晚间: 'evening',
}

// Indicative hours for a meeting the page only places in a part of the day.
export const partOfDayHours: Record<PartOfDay, string> = {
  morning: '09:00',
  afternoon: '14:00',
  evening: '19:00',
}

const monthPattern =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'

type Found = { date: string; index: number; partOfDay?: PartOfDay; time?: string }

// Built once: the dates are looked for in every paragraph until one has a date. (matchAll works
// on a copy, so sharing a global pattern is safe.)
const english = [
  // October 30, 2022 / Oct. 30-31, 2022
  new RegExp(
    `\\b${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?,?\\s+(\\d{4})`,
    'gi',
  ),
  // 30 October 2022
  new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthPattern},?\\s+(\\d{4})`, 'gi'),
]

// "下午2点", "晚上7点半", "上午9:30": a Chinese clock time, in the afternoon or evening counted
// from noon.
const chineseHours: Record<string, number> = { ...chineseNumbers, 十一: 11, 十二: 12 }

const findChineseTime = (text: string): string | undefined => {
  const match =
    /(上午|早上|中午|下午|晚上|晚间)?\s*(\d{1,2}|十[一二]?|[一二两三四五六七八九])\s*(?:[:：](\d{2})|[点时](?:\s*(\d{1,2})\s*分|(半))?)/u.exec(
      text,
    )
  // "2:30" alone may be "2:30 pm": left to findTime unless a Chinese word places it.
  if (!match || (match[3] && !match[1])) return undefined
  const [, part, hourWritten, colonMinutes, minutesWritten, half] = match
  const hour = chineseHours[hourWritten] ?? Number(hourWritten)
  const isAfterNoon = /下午|晚上|晚间/u.test(part ?? '') && hour < 12
  const minutes = colonMinutes ?? (half ? '30' : pad(Number(minutesWritten ?? 0)))
  return `${pad(isAfterNoon ? hour + 12 : hour)}:${minutes}`
}

const findTime = (text: string): string | undefined => {
  const match = /\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)|\b(\d{1,2}):(\d{2})\b/i.exec(text)
  if (!match) return undefined
  if (match[4]) return `${pad(Number(match[4]))}:${match[5]}`
  let hour = Number(match[1]) % 12
  if (/^p/i.test(match[3])) hour += 12
  return `${pad(hour)}:${match[2] ?? '00'}`
}

// The clock time just after the date ("October 30, 2022, at 9:30 am", "2022年11月9日晚上7点"), or
// just before it in the same sentence ("At 2:30 pm on 12 November 2015").
const timeNear = ({ text, index }: { text: string; index: number }): string | undefined => {
  const after = text.slice(index, index + 60)
  const sentenceBefore =
    text
      .slice(Math.max(0, index - 40), index)
      .split(/[.。;；]\s/u)
      .pop() ?? ''
  return (
    findChineseTime(after.slice(0, 24)) ??
    findTime(after) ??
    findChineseTime(sentenceBefore) ??
    findTime(sentenceBefore)
  )
}

const findDates = (text: string): Found[] => {
  const found: Found[] = []
  const push = (index: number, parts: { year: number; month?: number; day: number }) => {
    if (!parts.month) return
    const date = isoDate({ year: parts.year, month: parts.month, day: parts.day })
    if (!date) return
    // "On the afternoon of October 30", "2022年10月30日下午": the words around the date.
    const before = text.slice(Math.max(0, index - 40), index)
    const partOfDay = /(morning|afternoon|evening|night)\s+of\s*$/i.exec(before)?.[1]
    const chinesePart = /^[^，。,]*?日\s*(上午|早上|下午|晚上|晚间)/.exec(
      text.slice(index, index + 20),
    )
    // "Posted: 2011-11-10" is when the page went up, not when the meeting was held.
    if (
      /(?:posted|published|updated|发布(?:时间|日期)?|更新(?:时间|日期)?)\s*(?:on|at)?\s*[:：]?\s*$/i.test(
        before,
      )
    )
      return
    found.push({
      date,
      index,
      partOfDay: partsOfDay[(partOfDay ?? chinesePart?.[1] ?? '').toLowerCase()],
      time: timeNear({ text, index }),
    })
  }
  for (const match of text.matchAll(english[0]))
    push(match.index, {
      year: Number(match[3]),
      month: monthNumber(match[1]),
      day: Number(match[2]),
    })
  for (const match of text.matchAll(english[1]))
    push(match.index, {
      year: Number(match[3]),
      month: monthNumber(match[2]),
      day: Number(match[1]),
    })
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))
    push(match.index, { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) })
  for (const match of text.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g))
    push(match.index, { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) })
  return found.sort((a, b) => a.index - b.index)
}

// The meeting's date: the first date in the report's opening paragraphs. A date in the first
// paragraph is what these pages lead with ("On the afternoon of October 30, 2022, …").
export const extractDate = ({
  paragraphs,
}: {
  paragraphs: string[]
}): Extracted<ExtractedDate> | null => {
  for (const [position, paragraph] of paragraphs.entries()) {
    const [first, ...others] = findDates(paragraph)
    if (!first) continue
    const value: ExtractedDate = { date: first.date }
    if (first.time) value.time = first.time
    if (first.partOfDay) value.partOfDay = first.partOfDay
    const otherDates = [...new Set(others.map(({ date }) => date))].filter((d) => d !== first.date)
    const isLeading = position === 0 && first.index < 80
    const notes: string[] = []
    if (!isLeading) notes.push('the date was not at the start of the report')
    if (otherDates.length > 0) notes.push(`the paragraph also names ${otherDates.join(', ')}`)
    return {
      value,
      confidence: notes.length === 0 ? 'high' : 'medium',
      note: notes.length > 0 ? `Date ${first.date}: ${notes.join('; ')}.` : undefined,
    }
  }
  return null
}

// A meeting needs a date: a page without one is not imported.
export const findMeetingDate = ({
  heading,
  paragraphs,
}: {
  heading: string
  paragraphs: string[]
}): Extracted<ExtractedDate> | ParseFailure =>
  extractDate({ paragraphs }) ?? {
    reason: `No meeting date was found in the report under "${excerpt(heading)}" (a date such as "October 30, 2022" or "2022年10月30日").`,
  }
