import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { PhotoGallery } from '@/components/gallery/PhotoGallery'
import { galleryLabels } from '@/components/gallery/labels'
import { getDictionary, interpolate } from '@/site/dictionary'
import { formatDate } from '@/site/format'
import { isLocale, localePath } from '@/site/i18n'
import { pageMetadata } from '@/site/metadata'
import { getGallery, toViewablePhoto } from '@/content/photos'
import { getSite } from '@/content/site'

import '../../gallery.css'

type Params = Promise<{ locale: string; slug: string }>

// A meeting's gallery is rendered on first request and then cached, like the meeting itself.
export const generateStaticParams = () => []

// One meeting's live pictures, all of them, in the viewer: where "Live pictures" and the meeting
// page send a reader who wants more than the first few.
export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale, slug } = await params
  if (!isLocale(locale)) return {}
  const [site, gallery] = await Promise.all([getSite({ locale }), getGallery({ locale, slug })])
  if (!gallery?.photos.length) return {}
  const dictionary = getDictionary(locale)
  const cover = gallery.photos[0]
  const og = cover.sizes?.og
  return pageMetadata({
    locale,
    path: `/photos/${gallery.meeting.slug}`,
    title: `${gallery.meeting.title} · ${dictionary.photos}`,
    description: dictionary.photoCount.replace('{count}', String(gallery.totalPhotos)),
    siteName: site.name || dictionary.siteName,
    image: og?.url ? { ...og, url: og.url, alt: cover.alt } : null,
  })
}

const MeetingGalleryPage = async ({ params }: { params: Params }) => {
  const { locale, slug } = await params
  if (!isLocale(locale)) notFound()
  const gallery = await getGallery({ locale, slug })
  // A meeting with no photos (or not published) has no gallery to show.
  if (!gallery?.photos.length) notFound()
  const { meeting, photos } = gallery
  const dictionary = getDictionary(locale)
  const viewable = photos.flatMap((photo) => toViewablePhoto(photo) ?? [])
  const meetingPath = localePath({ locale, path: `/meetings/${meeting.slug}` })
  return (
    <div className="photos-page">
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[
          { label: dictionary.photos, href: localePath({ locale, path: '/photos' }) },
          { label: meeting.title },
        ]}
      />
      <h1>{meeting.title}</h1>
      <p className="photos-page__meta">
        <time dateTime={meeting.startsAt}>
          {formatDate({ iso: meeting.startsAt, timeZone: meeting.startsAt_tz, locale })}
        </time>
        {' · '}
        {interpolate({ template: dictionary.photoCount, values: { count: viewable.length } })}
        {' · '}
        <Link href={meetingPath}>{dictionary.aboutThisMeeting}</Link>
      </p>
      <PhotoGallery
        id="gallery"
        photos={viewable}
        labels={galleryLabels({ dictionary, locale })}
        preload={3}
      />
    </div>
  )
}

export default MeetingGalleryPage
