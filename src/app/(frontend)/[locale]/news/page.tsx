import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { NewsCard } from '@/components/NewsCard'
import { Pagination } from '@/components/Pagination'
import { getDictionary } from '@/site/dictionary'
import { isLocale, localePath } from '@/site/i18n'
import { pageMetadata } from '@/site/metadata'
import { parsePageParam, pathOfPageNumber, titleOfPage } from '@/site/pagination'
import { listNews } from '@/content/news'
import { getSite } from '@/content/site'

import '../meeting.css'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const path = '/news'

// The language and page number of the address, or null when it is not a page of the list (404).
const readAddress = async ({ params, searchParams }: Props) => {
  const { locale } = await params
  const page = parsePageParam((await searchParams).page)
  return isLocale(locale) && page !== null ? { locale, page } : null
}

// Paginated (?page=N), so rendered per request; reads come from the data cache, and anonymous
// readers get the page from the page cache.
export const dynamic = 'force-dynamic'

export const generateMetadata = async (props: Props): Promise<Metadata> => {
  const address = await readAddress(props)
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

const NewsPage = async (props: Props) => {
  const address = await readAddress(props)
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
