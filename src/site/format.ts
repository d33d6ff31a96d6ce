import type { Locale } from './i18n'

import { forumTimeZone } from '@/payload/fields/dateTime'

const intlLocale: Record<Locale, string> = { en: 'en-GB', zh: 'zh-CN' }

type Moment = { iso: string; timeZone?: null | string; locale: Locale }

// Building an Intl.DateTimeFormat costs far more than using one, and a list page formats dozens of
// dates in a handful of styles: keep each formatter once built.
const formatters = new Map<string, Intl.DateTimeFormat>()

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) => {
  const key = `${locale}|${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, formatter)
  }
  return formatter
}

// Dates are shown in the time zone the meeting was entered in (Beijing for the forum), so a
// reader abroad sees the programme's own times.
const formatIn =
  (options: Intl.DateTimeFormatOptions) =>
  ({ iso, timeZone, locale }: Moment): string =>
    dateTimeFormat(intlLocale[locale], { ...options, timeZone: timeZone || forumTimeZone }).format(
      new Date(iso),
    )

export const formatDate = formatIn({ dateStyle: 'long' })

export const formatTime = formatIn({ timeStyle: 'short' })

// Plain-text answers keep the editor's paragraphs: a blank line starts a new one.
export const paragraphsOf = ({ text }: { text: string }): string[] =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)

// An edition's days, "29–31 October 2022" style, as the reader's language writes a range.
export const formatDayRange = ({
  startsOn,
  endsOn,
  locale,
}: {
  startsOn: string
  endsOn?: null | string
  locale: Locale
}): string => {
  const format = dateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: forumTimeZone })
  if (!endsOn || endsOn.slice(0, 10) === startsOn.slice(0, 10))
    return format.format(new Date(startsOn))
  return format.formatRange(new Date(startsOn), new Date(endsOn))
}
