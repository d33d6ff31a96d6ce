import Link from 'next/link'

import type { Meeting } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'

import { meetingKindLabel, meetingKinds } from '@/site/kinds'

// A plain GET form: it works without JavaScript, and its result is an address one can share.
export const MeetingFilters = ({
  action,
  editions,
  year,
  kind,
  dictionary,
}: {
  action: string
  editions: number[]
  year?: number
  kind?: Meeting['kind']
  dictionary: Dictionary
}) => (
  <form
    className="meeting-filters"
    method="get"
    action={action}
    aria-label={dictionary.filterMeetings}
  >
    <div className="meeting-filters__field">
      <label htmlFor="filter-year">{dictionary.filterByYear}</label>
      <select id="filter-year" name="year" defaultValue={year ? String(year) : ''}>
        <option value="">{dictionary.allYears}</option>
        {editions.map((edition) => (
          <option key={edition} value={edition}>
            {edition}
          </option>
        ))}
      </select>
    </div>
    <div className="meeting-filters__field">
      <label htmlFor="filter-kind">{dictionary.filterByKind}</label>
      <select id="filter-kind" name="kind" defaultValue={kind ?? ''}>
        <option value="">{dictionary.allKinds}</option>
        {meetingKinds.map((value) => (
          <option key={value} value={value}>
            {meetingKindLabel({ kind: value, dictionary })}
          </option>
        ))}
      </select>
    </div>
    <div className="meeting-filters__actions">
      <button type="submit">{dictionary.apply}</button>
      {year || kind ? <Link href={action}>{dictionary.clearFilters}</Link> : null}
    </div>
  </form>
)
