import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { NewsCard } from '@/components/NewsCard'
import { Pagination } from '@/components/Pagination'
import { getDictionary } from '@/site/dictionary'
import type { ListPageProps } from '@/site/pagination'

import { localePath } from '@/site/i18n'
import { pageMetadata } from '@/site/metadata'
import { pathOfPageNumber, readListPage, titleOfPage } from '@/site/pagination'
import { listNews } from '@/content/news'
import { getSite } from '@/content/site'

import '../meeting.css'

const path = '/news'

// Paginated (?page=N), so rendered per request; reads come from the data cache, and anonymous
// readers get the page from the page cache.
export const dynamic = 'force-dynamic'

export const generateMetadata = async (props: ListPageProps): Promise<Metadata> => {
  const address = await readListPage(props)
  if (!address) return {}
  const { locale, page } = address
  const dictionary = getDictionary(locale)
  const site = await getSite({ locale })
  return pageMetadata({
    locale,
    path: pathOfPageNumber({ path, page }),
    title: titleOfPage({ title: dictionary.news, page, pageNumber: dictionary.pageNumber }),
    description: dictionary.newsDescription,
    siteName: site.name || dictionary.siteName,
  })
}

const NewsPage = async (props: ListPageProps) => {
  const address = await readListPage(props)
  if (!address) notFound()
  const { locale, page } = address
  const dictionary = getDictionary(locale)
  const { releases, totalPages } = await listNews({ locale, page })
  // Past the last page: Payload answers with an empty page, which should not look like a result.
  if (page > Math.max(totalPages, 1)) notFound()
  return (
    <div className="meetings-page">
      <Breadcrumbs locale={locale} dictionary={dictionary} trail={[{ label: dictionary.news }]} />
      <h1>{titleOfPage({ title: dictionary.news, page, pageNumber: dictionary.pageNumber })}</h1>
      <p className="lead">{dictionary.newsDescription}</p>
      {releases.length ? (
        <ul className="card-grid">
          {releases.map((release) => (
            <li key={release.id}>
              <NewsCard release={release} locale={locale} dictionary={dictionary} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{dictionary.noNews}</p>
      )}
      <Pagination
        page={page}
        totalPages={totalPages}
        dictionary={dictionary}
        hrefOfPage={(number) =>
          localePath({ locale, path: pathOfPageNumber({ path, page: number }) })
        }
      />
      <ul className="meetings-page__subscribe">
        <li>
          <a href={localePath({ locale, path: '/feed.xml' })} type="application/rss+xml">
            {dictionary.rssFeed}
          </a>
        </li>
      </ul>
    </div>
  )
}

export default NewsPage
