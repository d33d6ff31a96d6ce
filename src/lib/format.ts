import type { Locale } from './i18n'

import { forumTimeZone } from '@/fields/dateTime'

const intlLocale: Record<Locale, string> = { en: 'en-GB', zh: 'zh-CN' }

type Moment = { iso: string; timeZone?: null | string; locale: Locale }

// Dates are shown in the time zone the meeting was entered in (Beijing for the forum), so a
// reader abroad sees the programme's own times.
const formatIn =
  (options: Intl.DateTimeFormatOptions) =>
  ({ iso, timeZone, locale }: Moment): string =>
    new Intl.DateTimeFormat(intlLocale[locale], {
      ...options,
      timeZone: timeZone || forumTimeZone,
    }).format(new Date(iso))

export const formatDate = formatIn({ dateStyle: 'long' })

export const formatTime = formatIn({ timeStyle: 'short' })
