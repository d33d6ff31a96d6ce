import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import type { GalleryLabels } from '@/components/gallery/PhotoGallery'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { PhotoGallery } from '@/components/gallery/PhotoGallery'
import { getDictionary } from '@/lib/dictionary'
import { formatDate } from '@/lib/format'
import { isLocale, localePath } from '@/lib/i18n'
import { pageMetadata } from '@/lib/metadata'
import { listGalleries, toViewablePhoto } from '@/lib/photos'
import { getSite } from '@/lib/site'

import '../gallery.css'

type Params = Promise<{ locale: string }>

const path = '/photos'

// Three thumbnails make the first row on a desktop; on a phone the third is just below it.
const firstRow = 3

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const dictionary = getDictionary(locale)
  const [site, galleries] = await Promise.all([getSite({ locale }), listGalleries({ locale })])
  const cover = galleries[0]?.photos[0]
  const og = cover?.sizes?.og
  return pageMetadata({
    locale,
    path,
    title: dictionary.photos,
    description: dictionary.photosDescription,
    siteName: site.name || dictionary.siteName,
    image: og?.url ? { ...og, url: og.url, alt: cover.alt } : null,
  })
}

const PhotosPage = async ({ params }: { params: Params }) => {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const dictionary = getDictionary(locale)
  const galleries = await listGalleries({ locale })
  const labels: GalleryLabels = {
    viewer: dictionary.photoViewer,
    previous: dictionary.previousPhoto,
    next: dictionary.nextPhoto,
    close: dictionary.close,
    position: dictionary.photoPosition,
    creditPrefix: `${dictionary.credit}${locale === 'zh' ? '：' : ': '}`,
  }
  return (
    <div className="photos-page">
      <Breadcrumbs locale={locale} dictionary={dictionary} trail={[{ label: dictionary.photos }]} />
      <h1>{dictionary.photos}</h1>
      <p className="photos-page__intro">{dictionary.photosDescription}</p>
      {galleries.length === 0 ? <p>{dictionary.noPhotos}</p> : null}
      {galleries.map(({ meeting, photos }, position) => {
        const viewable = photos.flatMap((photo) => toViewablePhoto(photo) ?? [])
        const headingId = `${meeting.slug}-title`
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
              {dictionary.photoCount.replace('{count}', String(viewable.length))}
            </p>
            <PhotoGallery
              photos={viewable}
              labels={labels}
              preload={position === 0 ? firstRow : 0}
            />
          </section>
        )
      })}
    </div>
  )
}

export default PhotosPage
