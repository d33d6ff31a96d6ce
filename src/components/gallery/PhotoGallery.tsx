import Image from 'next/image'

import type { ViewablePhoto } from '@/content/photos'

export type GalleryLabels = {
  viewer: string
  previous: string
  next: string
  close: string
  // "Photo {current} of {total}"
  position: string
  // "Photo: " before the photographer's name, with the language's own colon.
  creditPrefix: string
}

// Thumbnails fill a column of the grid in gallery.css: two on phones, three from 48rem, in a
// main column at most 72rem wide.
const thumbnailSizes = '(min-width: 72rem) 370px, (min-width: 48rem) 33vw, 50vw'

// Thumbnails are links to the full-size photo, so the gallery works without JavaScript. With it
// (public/islands.js), a click or Enter opens the photo in the modal <dialog> below instead: the
// link carries the large size and the credit, the thumbnail its alt text and caption. The native
// dialog traps focus and closes on Escape; closing returns focus to the thumbnail that opened it.
export const PhotoGallery = ({
  id,
  photos,
  labels,
  preload = 0,
}: {
  // Unique on the page: names the viewer's status line.
  id: string
  photos: ViewablePhoto[]
  labels: GalleryLabels
  // How many thumbnails start loading at once (the first row of the first gallery on the page).
  preload?: number
}) => {
  const statusId = `${id}-viewer-status`
  return (
    <div className="photo-gallery" data-gallery="">
      <ul className="gallery">
        {photos.map((item, at) => (
          <li key={item.id}>
            <figure className="gallery__item">
              <a
                className="gallery__link"
                href={item.original.url}
                data-large={item.large.url}
                data-width={item.large.width}
                data-height={item.large.height}
                data-credit={item.credit ? `${labels.creditPrefix}${item.credit}` : undefined}
              >
                <Image
                  className="gallery__thumbnail"
                  src={item.original.url}
                  alt={item.alt}
                  width={item.original.width}
                  height={item.original.height}
                  sizes={thumbnailSizes}
                  preload={at < preload}
                  // The first thumbnail is the page's largest paint: fetch it before the rest.
                  fetchPriority={at === 0 && preload > 0 ? 'high' : undefined}
                />
              </a>
              {item.caption ? (
                <figcaption className="gallery__caption">{item.caption}</figcaption>
              ) : null}
            </figure>
          </li>
        ))}
      </ul>
      <dialog
        className="viewer"
        aria-label={labels.viewer}
        aria-describedby={statusId}
        data-position={labels.position}
      >
        <div className="viewer__body">
          <button
            type="button"
            className="viewer__close"
            aria-label={labels.close}
            data-viewer="close"
          >
            <span aria-hidden="true">×</span>
          </button>
          <div className="viewer__controls">
            <button type="button" data-viewer="previous">
              <span aria-hidden="true">←</span>
              <span className="viewer__button-text">{labels.previous}</span>
            </button>
            <p className="viewer__status" id={statusId} aria-live="polite" aria-atomic="true" />
            <button type="button" data-viewer="next">
              <span className="viewer__button-text">{labels.next}</span>
              <span aria-hidden="true">→</span>
            </button>
          </div>
        </div>
      </dialog>
    </div>
  )
}
