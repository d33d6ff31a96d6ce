import Image from 'next/image'
import Link from 'next/link'

import type { MeetingGallery } from '@/content/photos'
import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { localePath } from '@/site/i18n'

// The home page's glimpse of the newest gallery: a few thumbnails, the rest one click away.
const shown = 6

export const LatestPhotos = ({
  gallery,
  locale,
  dictionary,
}: {
  gallery: MeetingGallery
  locale: Locale
  dictionary: Dictionary
}) => {
  const href = localePath({ locale, path: `/photos/${gallery.meeting.slug}` })
  return (
    <section aria-labelledby="latest-photos">
      <h2 id="latest-photos">{dictionary.photos}</h2>
      <ul className="latest-photos">
        {gallery.photos.slice(0, shown).map((photo) => {
          const thumbnail = photo.sizes?.thumbnail
          const src = thumbnail?.url || photo.url
          if (!src) return null
          return (
            <li key={photo.id}>
              <Link href={href}>
                <Image
                  src={src}
                  alt={photo.alt}
                  width={thumbnail?.width || photo.width || 400}
                  height={thumbnail?.height || photo.height || 400}
                  sizes="(min-width: 64rem) 11rem, 33vw"
                  loading="lazy"
                />
              </Link>
            </li>
          )
        })}
      </ul>
      <p>
        <Link href={href}>
          {gallery.meeting.title} · {dictionary.allPhotosOfMeeting} →
        </Link>
      </p>
    </section>
  )
}
