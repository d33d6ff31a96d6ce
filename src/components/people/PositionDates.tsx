import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { forumTimeZone } from '@/payload/fields/dateTime'
import { dateTimeFormat } from '@/site/format'

const intlLocale: Record<Locale, string> = { en: 'en-GB', zh: 'zh-CN' }

// Positions are entered with a month picker. Reading the date in Beijing time gives the month the
// editor picked whether the admin stored local or UTC midnight of its first day.
const month = ({ iso, locale }: { iso: string; locale: Locale }) => {
  const date = new Date(iso)
  const parts = dateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    timeZone: forumTimeZone,
  }).formatToParts(date)
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value
  return {
    machine: `${part('year')}-${part('month')}`,
    human: dateTimeFormat(intlLocale[locale], {
      year: 'numeric',
      month: 'short',
      timeZone: forumTimeZone,
    }).format(date),
  }
}

const MonthTime = ({ iso, locale }: { iso: string; locale: Locale }) => {
  const { machine, human } = month({ iso, locale })
  return <time dateTime={machine}>{human}</time>
}

// "Mar 2019 – present", "– Jun 2021" or nothing, as the editor filled in the dates.
export const PositionDates = ({
  startDate,
  endDate,
  locale,
  dictionary,
}: {
  startDate?: null | string
  endDate?: null | string
  locale: Locale
  dictionary: Dictionary
}) => {
  if (!startDate && !endDate) return null
  return (
    <span className="position__dates">
      {startDate ? <MonthTime iso={startDate} locale={locale} /> : null}
      {' – '}
      {endDate ? <MonthTime iso={endDate} locale={locale} /> : dictionary.positionPresent}
    </span>
  )
}
