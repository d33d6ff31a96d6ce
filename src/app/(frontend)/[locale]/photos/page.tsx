import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { PhotoGallery } from '@/components/gallery/PhotoGallery'
import { galleryLabels } from '@/components/gallery/labels'
import { Pagination } from '@/components/Pagination'
import { getDictionary, interpolate } from '@/site/dictionary'
import { formatDate } from '@/site/format'
import { isLocale, localePath } from '@/site/i18n'
import { pageMetadata } from '@/site/metadata'
import { parsePageParam, pathOfPageNumber, titleOfPage } from '@/site/pagination'
import { listGalleries, toViewablePhoto } from '@/content/photos'
import { getSite } from '@/content/site'

import '../gallery.css'

type Params = Promise<{ locale: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

const path = '/photos'

// Three thumbnails make the first row on a desktop; on a phone the third is just below it.
const firstRow = 3

// Paginated (?page=N), so rendered per request; reads come from the data cache, and anonymous
// readers get the page from the page cache.
export const dynamic = 'force-dynamic'

export const generateMetadata = async ({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}): Promise<Metadata> => {
  const { locale } = await params
  const page = parsePageParam((await searchParams).page)
  if (!isLocale(locale) || page === null) return {}
  const dictionary = getDictionary(locale)
  const [site, { galleries }] = await Promise.all([
    getSite({ locale }),
    listGalleries({ locale, page }),
  ])
  const cover = galleries[0]?.photos[0]
  const og = cover?.sizes?.og
  return pageMetadata({
    locale,
    path: pathOfPageNumber({ path, page }),
    title: titleOfPage({ title: dictionary.photos, page, pageNumber: dictionary.pageNumber }),
    description: dictionary.photosDescription,
    siteName: site.name || dictionary.siteName,
    image: og?.url ? { ...og, url: og.url, alt: cover.alt } : null,
  })
}

const PhotosPage = async ({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) => {
  const { locale } = await params
  const page = parsePageParam((await searchParams).page)
  if (!isLocale(locale) || page === null) notFound()
  const dictionary = getDictionary(locale)
  const { galleries, totalPages } = await listGalleries({ locale, page })
  // Past the last page: Payload answers with an empty page, which should not look like a result.
  if (page > Math.max(totalPages, 1)) notFound()
  const labels = galleryLabels({ dictionary, locale })
  return (
    <div className="photos-page">
      <Breadcrumbs locale={locale} dictionary={dictionary} trail={[{ label: dictionary.photos }]} />
      <h1>{titleOfPage({ title: dictionary.photos, page, pageNumber: dictionary.pageNumber })}</h1>
      <p className="photos-page__intro">{dictionary.photosDescription}</p>
      {galleries.length === 0 ? <p>{dictionary.noPhotos}</p> : null}
      {galleries.map(({ meeting, photos, totalPhotos }, position) => {
        const viewable = photos.flatMap((photo) => toViewablePhoto(photo) ?? [])
        const headingId = `${meeting.slug}-title`
        const galleryPath = localePath({ locale, path: `/photos/${meeting.slug}` })
        return (
          <section
            key={meeting.id}
            id={meeting.slug}
            className="photos-page__meeting"
            aria-labelledby={headingId}
          >
            <h2 id={headingId}>
              <Link href={localePath({ locale, path: `/meetings/${meeting.slug}` })}>
                {meeting.title}
              </Link>
            </h2>
            <p className="photos-page__meta">
              <time dateTime={meeting.startsAt}>
                {formatDate({ iso: meeting.startsAt, timeZone: meeting.startsAt_tz, locale })}
              </time>
              {' · '}
              {totalPhotos > viewable.length ? (
                <Link href={galleryPath}>
                  {interpolate({
                    template: dictionary.allPhotosCount,
                    values: { count: totalPhotos },
                  })}{' '}
                  →
                </Link>
              ) : (
                dictionary.photoCount.replace('{count}', String(viewable.length))
              )}
            </p>
            <PhotoGallery
              id={`gallery-${meeting.id}`}
              photos={viewable}
              labels={labels}
              preload={page === 1 && position === 0 ? firstRow : 0}
            />
          </section>
        )
      })}
      <Pagination
        page={page}
        totalPages={totalPages}
        dictionary={dictionary}
        hrefOfPage={(number) =>
          localePath({ locale, path: pathOfPageNumber({ path, page: number }) })
        }
      />
    </div>
  )
}

export default PhotosPage
