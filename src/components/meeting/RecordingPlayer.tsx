'use client'

import { useState, useSyncExternalStore } from 'react'

const subscribeToNothing = () => () => {}

// The player is the video site's page: framing it sends the reader's address to that site and
// lets it set cookies, so nothing of it loads until the reader asks. Until then a button stands in
// its place; without JavaScript there is no button (it could do nothing), only the link beside it.
export const RecordingPlayer = ({
  src,
  title,
  playLabel,
  note,
}: {
  src: string
  title: string
  playLabel: string
  note: string
}) => {
  const isHydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  )
  const [isPlaying, setIsPlaying] = useState(false)
  if (!isHydrated) return null
  if (isPlaying)
    return (
      <div className="recording__frame">
        {/* The site's own player, with the fullscreen and autoplay it asks for; its origin is one
            the Content-Security-Policy's frame-src lists (src/site/videoEmbeds.mjs). */}
        <iframe
          src={src}
          title={title}
          allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
    )
  return (
    <div className="recording__frame recording__frame--waiting">
      <button type="button" className="recording__play" onClick={() => setIsPlaying(true)}>
        {playLabel}
      </button>
      <p className="recording__note">{note}</p>
    </div>
  )
}
