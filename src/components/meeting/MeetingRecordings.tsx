import type { Meeting } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'

import { interpolate } from '@/site/dictionary'
import { isSafeHref } from '@/site/safeHref'
import { videoEmbedOf, videoSiteOf } from '@/site/videoEmbeds.mjs'

import { languageName } from './languageName'
import { RecordingPlayer } from './RecordingPlayer'

type Recording = NonNullable<Meeting['recordings']>[number]

// Each recording: its label and language, a player for the video sites we know (loaded on the
// reader's click, see RecordingPlayer), and always a plain link to the video's own page.
export const MeetingRecordings = ({
  recordings,
  dictionary,
}: {
  recordings: Recording[]
  dictionary: Dictionary
}) => (
  <ul className="meeting-recordings">
    {recordings
      .filter(({ url }) => isSafeHref(url))
      .map((recording, index) => {
        const site = videoSiteOf(recording.url)
        const embed = videoEmbedOf(recording.url)
        const title = recording.label || dictionary.recording
        return (
          <li key={recording.id ?? index} className="recording">
            <p className="recording__title">
              {title}
              <span className="recording__language">
                {' · '}
                {languageName({ language: recording.language, dictionary })}
              </span>
            </p>
            {embed ? (
              <RecordingPlayer
                src={embed.src}
                title={`${title} (${site})`}
                playLabel={dictionary.playRecording}
                note={interpolate({ template: dictionary.playerLoadsFrom, values: { site } })}
              />
            ) : null}
            <a className="recording__link" href={recording.url} rel="external noopener noreferrer">
              {interpolate({ template: dictionary.watchOn, values: { site } })}
            </a>
          </li>
        )
      })}
  </ul>
)
