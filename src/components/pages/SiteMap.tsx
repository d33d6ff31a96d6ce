import Link from 'next/link'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'
import type { PageNode } from '@/content/pages'

import { localePath } from '@/site/i18n'
import { listMeetingsByYear } from '@/content/sitemap'

import { PageTreeItems } from './PageTree'

// The generated part of the Site map page: every section of the site, the meetings by year and
// the service pages as they are nested, so it never goes out of date as editors add pages.
export const SiteMap = async ({
  tree,
  currentPath,
  locale,
  dictionary,
}: {
  tree: PageNode[]
  currentPath: string
  locale: Locale
  dictionary: Dictionary
}) => {
  const years = await listMeetingsByYear({ locale })
  const href = (path: string) => localePath({ locale, path })
  return (
    <nav className="site-map" aria-label={dictionary.siteMap}>
      <ul>
        <li>
          <Link href={href('/')}>{dictionary.home}</Link>
        </li>
        <li>
          <Link href={href('/meetings')}>{dictionary.meetings}</Link>
          {years.length > 0 ? (
            <ul>
              {years.map(({ year, meetings }) => (
                <li key={year}>
                  <span className="site-map__year">{year}</span>
                  <ul>
                    {meetings.map((meeting) => (
                      <li key={meeting.id}>
                        <Link href={href(`/meetings/${meeting.slug}`)}>{meeting.title}</Link>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
        <li>
          <Link href={href('/speakers')}>{dictionary.speakers}</Link>
        </li>
        <li>
          <Link href={href('/organisations')}>{dictionary.organisations}</Link>
        </li>
        <li>
          <Link href={href('/photos')}>{dictionary.photos}</Link>
        </li>
        <PageTreeItems nodes={tree} locale={locale} currentPath={currentPath} />
      </ul>
    </nav>
  )
}
