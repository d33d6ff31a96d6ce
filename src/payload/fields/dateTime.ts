import type { DateField, StaticLabel } from 'payload'

export const forumTimeZone = 'Asia/Shanghai'

export const supportedTimeZones = [
  { label: 'China (Beijing, Shanghai)', value: 'Asia/Shanghai' },
  { label: 'UTC', value: 'UTC' },
  { label: 'Central Europe (Paris, Berlin)', value: 'Europe/Paris' },
  { label: 'UK (London)', value: 'Europe/London' },
  { label: 'US Eastern (New York)', value: 'America/New_York' },
  { label: 'Japan (Tokyo)', value: 'Asia/Tokyo' },
  { label: 'Egypt (Cairo)', value: 'Africa/Cairo' },
  { label: 'UAE (Dubai)', value: 'Asia/Dubai' },
]

// The time zone is stored beside the instant (as <name>_tz) so that a meeting in Beijing shows
// Beijing time to a reader anywhere.
export const dateTimeField = ({
  name,
  label,
  required = false,
  description,
}: {
  name: string
  label: StaticLabel
  required?: boolean
  description?: StaticLabel
}): DateField => ({
  name,
  type: 'date',
  label,
  required,
  index: true,
  timezone: { defaultTimezone: forumTimeZone, supportedTimezones: supportedTimeZones },
  admin: {
    description,
    date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' },
  },
})
