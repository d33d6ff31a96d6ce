'use client'

import type { KeyboardEvent, MouseEvent } from 'react'

import Image from 'next/image'
import { useId, useRef, useState } from 'react'
import { flushSync } from 'react-dom'

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

// Opening a photo in a new tab (or a download) is the reader's choice, not the viewer's.
const wantsBrowserDefault = (event: MouseEvent) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey

// Thumbnails are links to the full-size photo, so the gallery works without JavaScript; with it,
// a click or Enter opens the photo in a modal <dialog> instead. The native dialog traps focus and
// closes on Escape; closing returns focus to the thumbnail that opened it.
export const PhotoGallery = ({
  photos,
  labels,
  preload = 0,
}: {
  photos: ViewablePhoto[]
  labels: GalleryLabels
  // How many thumbnails start loading at once (the first row of the first gallery on the page).
  preload?: number
}) => {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const openerRef = useRef<HTMLAnchorElement | null>(null)
  const [index, setIndex] = useState(0)
  // The large image is only rendered while the viewer is open, so a page of galleries does not
  // download a hero-sized photo per meeting that nobody asked to see.
  const [isOpen, setIsOpen] = useState(false)
  const statusId = useId()
  const photo = photos[index]

  const open = ({ event, at }: { event: MouseEvent<HTMLAnchorElement>; at: number }) => {
    if (wantsBrowserDefault(event)) return
    event.preventDefault()
    openerRef.current = event.currentTarget
    // Render the chosen photo before showModal, so the dialog opens on it rather than the last.
    flushSync(() => {
      setIndex(at)
      setIsOpen(true)
    })
    dialogRef.current?.showModal()
  }

  const step = (delta: number) =>
    setIndex((current) => (current + delta + photos.length) % photos.length)

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'ArrowLeft') step(-1)
    else if (event.key === 'ArrowRight') step(1)
    else return
    event.preventDefault()
  }

  // A click on the backdrop lands on the <dialog> itself, outside its content.
  const onDialogClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) event.currentTarget.close()
  }

  const position = labels.position
    .replace('{current}', String(index + 1))
    .replace('{total}', String(photos.length))

  return (
    <>
      <ul className="gallery">
        {photos.map((item, at) => (
          <li key={item.id}>
            <figure className="gallery__item">
              <a
                className="gallery__link"
                href={item.original.url}
                onClick={(event) => open({ event, at })}
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
        ref={dialogRef}
        className="viewer"
        aria-label={labels.viewer}
        aria-describedby={statusId}
        onKeyDown={onKeyDown}
        onClick={onDialogClick}
        onClose={() => {
          setIsOpen(false)
          openerRef.current?.focus()
        }}
      >
        <div className="viewer__body">
          <button
            type="button"
            className="viewer__close"
            aria-label={labels.close}
            onClick={() => dialogRef.current?.close()}
          >
            <span aria-hidden="true">×</span>
          </button>
          {isOpen && photo ? (
            <figure className="viewer__figure">
              {/* The hero size is already a WebP scaled for screens: no second pass needed. */}
              <Image
                key={photo.id}
                className="viewer__image"
                src={photo.large.url}
                alt={photo.alt}
                width={photo.large.width}
                height={photo.large.height}
                sizes="100vw"
                loading="eager"
                unoptimized
              />
              {photo.caption || photo.credit ? (
                <figcaption className="viewer__caption">
                  {photo.caption ? <span>{photo.caption}</span> : null}
                  {photo.credit ? (
                    <span className="viewer__credit">
                      {labels.creditPrefix}
                      {photo.credit}
                    </span>
                  ) : null}
                </figcaption>
              ) : null}
            </figure>
          ) : null}
          <div className="viewer__controls">
            <button type="button" onClick={() => step(-1)}>
              <span aria-hidden="true">←</span>
              <span className="viewer__button-text">{labels.previous}</span>
            </button>
            <p className="viewer__status" id={statusId} aria-live="polite" aria-atomic="true">
              {position}
            </p>
            <button type="button" onClick={() => step(1)}>
              <span className="viewer__button-text">{labels.next}</span>
              <span aria-hidden="true">→</span>
            </button>
          </div>
        </div>
      </dialog>
    </>
  )
}
