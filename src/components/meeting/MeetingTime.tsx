import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { forumTimeZone } from '@/payload/fields/dateTime'
import { dateTimeFormat, formatDate, formatTime } from '@/site/format'
import { isoWithOffset } from '@/site/jsonLd'

// "Beijing time" for the forum's own zone (what its programme says), else the zone's generic
// name in the reader's language ("Central European Time").
const zoneName = ({
  timeZone,
  locale,
  dictionary,
}: {
  timeZone: string
  locale: Locale
  dictionary: Dictionary
}): string => {
  if (timeZone === forumTimeZone) return dictionary.beijingTime
  return (
    dateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone,
      timeZoneName: 'longGeneric',
    })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  )
}

// "30 October 2022, 14:00–17:30 (Beijing time)", with both ends in the zone the meeting was
// entered in; a meeting running past midnight repeats the date.
export const MeetingTime = ({
  startsAt,
  endsAt,
  timeZone,
  locale,
  dictionary,
}: {
  startsAt: string
  endsAt?: null | string
  timeZone?: null | string
  locale: Locale
  dictionary: Dictionary
}) => {
  const zone = timeZone || forumTimeZone
  const startDate = formatDate({ iso: startsAt, timeZone: zone, locale })
  const startTime = formatTime({ iso: startsAt, timeZone: zone, locale })
  const endDate = endsAt ? formatDate({ iso: endsAt, timeZone: zone, locale }) : null
  const endTime = endsAt ? formatTime({ iso: endsAt, timeZone: zone, locale }) : null
  const dateSeparator = locale === 'zh' ? ' ' : ', '
  const zoneText = zoneName({ timeZone: zone, locale, dictionary })
  return (
    <>
      <time dateTime={isoWithOffset({ iso: startsAt, timeZone: zone })}>
        {startDate}
        {dateSeparator}
        {startTime}
      </time>
      {endsAt ? (
        <>
          {endDate === startDate ? '–' : ' – '}
          <time dateTime={isoWithOffset({ iso: endsAt, timeZone: zone })}>
            {endDate === startDate ? endTime : `${endDate}${dateSeparator}${endTime}`}
          </time>
        </>
      ) : null}
      {locale === 'zh' ? `（${zoneText}）` : ` (${zoneText})`}
    </>
  )
}
