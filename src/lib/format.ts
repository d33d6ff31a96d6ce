import type { Locale } from './i18n'

import { forumTimeZone } from '@/fields/dateTime'

const intlLocale: Record<Locale, string> = { en: 'en-GB', zh: 'zh-CN' }

// Dates are shown in the time zone the meeting was entered in (Beijing for the forum), so a
// reader abroad sees the programme's own times.
export const formatDateTime = ({
  iso,
  timeZone,
  locale,
}: {
  iso: string
  timeZone?: null | string
  locale: Locale
}): string =>
  new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: timeZone || forumTimeZone,
  }).format(new Date(iso))

export const formatDate = ({
  iso,
  timeZone,
  locale,
}: {
  iso: string
  timeZone?: null | string
  locale: Locale
}): string =>
  new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeZone: timeZone || forumTimeZone,
  }).format(new Date(iso))

export const formatTime = ({
  iso,
  timeZone,
  locale,
}: {
  iso: string
  timeZone?: null | string
  locale: Locale
}): string =>
  new Intl.DateTimeFormat(intlLocale[locale], {
    timeStyle: 'short',
    timeZone: timeZone || forumTimeZone,
  }).format(new Date(iso))
