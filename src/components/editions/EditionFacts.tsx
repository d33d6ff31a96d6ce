import type { EditionCard } from '@/content/editions'
import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { formatDayRange } from '@/site/format'

// Dates, city and venue of an edition, each only when staff have filled it in.
export const EditionFacts = ({
  edition,
  locale,
  dictionary,
}: {
  edition: Pick<EditionCard, 'startsOn' | 'endsOn' | 'city' | 'venue'>
  locale: Locale
  dictionary: Dictionary
}) => (
  <dl className="meta-list">
    {edition.startsOn ? (
      <>
        <dt>{dictionary.dates}</dt>
        <dd>{formatDayRange({ startsOn: edition.startsOn, endsOn: edition.endsOn, locale })}</dd>
      </>
    ) : null}
    {edition.city ? (
      <>
        <dt>{dictionary.city}</dt>
        <dd>{edition.city}</dd>
      </>
    ) : null}
    {edition.venue ? (
      <>
        <dt>{dictionary.venue}</dt>
        <dd>{edition.venue}</dd>
      </>
    ) : null}
  </dl>
)
