import Image from 'next/image'
import Link from 'next/link'

import type { Photo } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'

// Below the fold, so loaded lazily; `sizes` follows the grid in meeting.css: one column on
// phones, two from 40rem, three from 64rem inside the 52rem-wide article.
const gridSizes = '(min-width: 64rem) 17rem, (min-width: 40rem) 50vw, 100vw'

export const MeetingPhotos = ({
  photos,
  galleryHref,
  dictionary,
}: {
  photos: Photo[]
  galleryHref: string
  dictionary: Dictionary
}) => (
  <>
    <ul className="meeting-photos">
      {photos.map((photo) => {
        const card = photo.sizes?.card
        const src = card?.url || photo.url
        if (!src) return null
        return (
          <li key={photo.id}>
            <figure>
              <Link href={galleryHref}>
                <Image
                  src={src}
                  alt={photo.alt}
                  // The card crop is 768×512 (collections/Photos/index.ts); an older upload without it
                  // falls back to the original's own size.
                  width={(card?.url ? card.width : photo.width) || 768}
                  height={(card?.url ? card.height : photo.height) || 512}
                  sizes={gridSizes}
                  loading="lazy"
                />
              </Link>
              {photo.caption || photo.credit ? (
                <figcaption>
                  {photo.caption}
                  {photo.credit ? (
                    <span className="meeting-photos__credit">
                      {' '}
                      {dictionary.credit}: {photo.credit}
                    </span>
                  ) : null}
                </figcaption>
              ) : null}
            </figure>
          </li>
        )
      })}
    </ul>
    <p>
      <Link href={galleryHref}>{dictionary.allPhotosOfMeeting} →</Link>
    </p>
  </>
)
