// The player is the video site's page: framing it sends the reader's address to that site and
// lets it set cookies, so nothing of it loads until the reader asks. Until then a button stands in
// its place, which public/islands.js turns into the site's player (`data-src`, `data-title`).
// Without JavaScript the whole frame is hidden (styles.css, `html:not(.js)`): the button could do
// nothing, and the link beside it is the way to the video.
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
}) => (
  <div className="recording__frame recording__frame--waiting" data-src={src} data-title={title}>
    <button type="button" className="recording__play">
      {playLabel}
    </button>
    <p className="recording__note">{note}</p>
  </div>
)
