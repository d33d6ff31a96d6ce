import Link from 'next/link'

import type { FeaturedSpeaker } from '@/content/home'
import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { Portrait } from '@/components/people/Portrait'
import { localePath } from '@/site/i18n'

export const FeaturedSpeakers = ({
  speakers,
  locale,
  dictionary,
}: {
  speakers: FeaturedSpeaker[]
  locale: Locale
  dictionary: Dictionary
}) => (
  <section aria-labelledby="featured-speakers">
    <h2 id="featured-speakers">{dictionary.speakers}</h2>
    <ul className="featured-speakers">
      {speakers.map((speaker) => {
        const portrait = typeof speaker.portrait === 'object' ? speaker.portrait : null
        return (
          <li key={speaker.id}>
            <Link href={localePath({ locale, path: `/speakers/${speaker.slug}` })}>
              {portrait ? (
                <Portrait photo={portrait} className="featured-speakers__portrait" sizes="6rem" />
              ) : (
                <span className="featured-speakers__portrait" aria-hidden="true" />
              )}
              <span className="featured-speakers__name">{speaker.name}</span>
            </Link>
            {speaker.positions?.[0]?.title ? (
              <span className="featured-speakers__position">{speaker.positions[0].title}</span>
            ) : null}
          </li>
        )
      })}
    </ul>
    <p>
      <Link href={localePath({ locale, path: '/speakers' })}>{dictionary.speakers} →</Link>
    </p>
  </section>
)
