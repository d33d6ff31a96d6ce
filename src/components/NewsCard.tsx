import Link from 'next/link'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'
import type { NewsSummary } from '@/content/news'

import { formatDate } from '@/site/format'
import { localePath } from '@/site/i18n'
import { newsKindLabel } from '@/site/newsKinds'

export const NewsCard = ({
  release,
  locale,
  dictionary,
}: {
  release: NewsSummary
  locale: Locale
  dictionary: Dictionary
}) => (
  <article className="card">
    <p className="card__meta">
      {newsKindLabel({ kind: release.kind, dictionary })}
      {release.publishedAt ? (
        <>
          {' · '}
          <time dateTime={release.publishedAt}>
            {formatDate({ iso: release.publishedAt, locale })}
          </time>
        </>
      ) : null}
    </p>
    <h3 className="card__title">
      <Link href={localePath({ locale, path: `/news/${release.slug}` })}>{release.title}</Link>
    </h3>
    {release.summary ? <p className="card__summary">{release.summary}</p> : null}
  </article>
)
