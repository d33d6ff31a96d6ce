import type { Metadata } from 'next'

import type { Organisation, Photo, Speaker } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'
import type { SpeakerMeeting } from '@/content/speakers'

import Image from 'next/image'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { DatedMeetingList } from '@/components/meeting/DatedMeetingList'
import { JsonLdScript } from '@/components/people/JsonLdScript'
import { speakerName } from '@/components/people/names'
import { PositionDates } from '@/components/people/PositionDates'
import { imageSource, Portrait } from '@/components/people/Portrait'
import { RichText } from '@/components/RichText'
import { getDictionary } from '@/site/dictionary'
import { isLocale, localePath } from '@/site/i18n'
import { pageMetadata } from '@/site/metadata'
import { absoluteFileURL, personJsonLd } from '@/site/peopleJsonLd'
import { getSpeaker } from '@/content/speakers'

import '../../people.css'

type Params = Promise<{ locale: string; slug: string }>

// Speakers are rendered on first request and then cached; none are known at build time because
// the build does not read the database.
export const generateStaticParams = () => []

const organisationOf = (position: NonNullable<Speaker['positions']>[number]) =>
  position.organisation && typeof position.organisation === 'object'
    ? (position.organisation as Pick<Organisation, 'id' | 'name' | 'abbreviation' | 'slug'>)
    : null

const portraitOf = (speaker: Speaker) =>
  speaker.portrait && typeof speaker.portrait === 'object' ? (speaker.portrait as Photo) : null

// "Vice President, School of Environment and Natural Resources, Renmin University of China".
const describe = ({
  speaker,
  locale,
  dictionary,
}: {
  speaker: Speaker
  locale: Locale
  dictionary: Dictionary
}) => {
  const position = speaker.positions?.[0]
  if (!position) return dictionary.speakerFallbackDescription
  const organisation = organisationOf(position)
  const separator = locale === 'zh' ? '，' : ', '
  return organisation ? `${position.title}${separator}${organisation.name}` : position.title
}

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale, slug } = await params
  if (!isLocale(locale)) return {}
  const found = await getSpeaker({ locale, slug })
  if (!found) return {}
  const { speaker } = found
  const dictionary = getDictionary(locale)
  const description = describe({ speaker, locale, dictionary })
  const portrait = portraitOf(speaker)
  const portraitURL = absoluteFileURL(portrait?.url)
  return pageMetadata({
    locale,
    path: `/speakers/${speaker.slug}`,
    title: speaker.name,
    shareTitle: speakerName({ speaker, locale }),
    description,
    siteName: dictionary.siteName,
    type: 'profile',
    // The original rather than the 1200×630 crop, which would cut a square portrait's head off.
    image: portrait && portraitURL ? { ...portrait, url: portraitURL } : null,
  })
}

const isHost = ({ meeting, speaker }: { meeting: SpeakerMeeting; speaker: Speaker }) =>
  [meeting.host, ...(meeting.coHosts ?? [])].some(
    (host) => (typeof host === 'object' ? host?.id : host) === speaker.id,
  )

const SpeakerPage = async ({ params }: { params: Params }) => {
  const { locale, slug } = await params
  if (!isLocale(locale)) notFound()
  const found = await getSpeaker({ locale, slug })
  if (!found) notFound()
  const { speaker, photos } = found
  const dictionary = getDictionary(locale)
  const name = speakerName({ speaker, locale })
  const portrait = portraitOf(speaker)
  const positions = speaker.positions ?? []
  // Unpublished meetings are left out of the join for readers; anything not populated is skipped.
  const meetings = ((speaker.meetings?.docs ?? []) as (string | SpeakerMeeting)[]).filter(
    (meeting): meeting is SpeakerMeeting => typeof meeting === 'object',
  )
  const separator = locale === 'zh' ? '，' : ', '
  return (
    <article className="profile">
      <JsonLdScript data={personJsonLd({ speaker, locale })} />
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[
          { label: dictionary.speakers, href: localePath({ locale, path: '/speakers' }) },
          { label: name },
        ]}
      />
      <header className={portrait ? 'profile__header' : 'profile__header profile__header--text'}>
        {portrait ? (
          <Portrait
            className="profile__portrait"
            photo={portrait}
            sizes="(min-width: 48rem) 12rem, 8rem"
            preload
          />
        ) : null}
        <div className="profile__intro">
          <h1 className="profile__name">{name}</h1>
          {positions.length > 0 ? (
            <section aria-labelledby="positions">
              <h2 id="positions" className="visually-hidden">
                {dictionary.positions}
              </h2>
              <ul className="positions">
                {positions.map((position, index) => {
                  const organisation = organisationOf(position)
                  return (
                    <li key={position.id ?? index} className="position">
                      <span className="position__title">{position.title}</span>
                      {organisation ? (
                        <>
                          {separator}
                          <Link
                            href={localePath({
                              locale,
                              path: `/organisations/${organisation.slug}`,
                            })}
                          >
                            {organisation.name}
                          </Link>
                        </>
                      ) : null}
                      <PositionDates
                        startDate={position.startDate}
                        endDate={position.endDate}
                        locale={locale}
                        dictionary={dictionary}
                      />
                    </li>
                  )
                })}
              </ul>
            </section>
          ) : null}
        </div>
      </header>

      {speaker.bio ? (
        <section aria-labelledby="biography">
          <h2 id="biography">{dictionary.biography}</h2>
          <RichText data={speaker.bio} />
        </section>
      ) : null}

      {meetings.length > 0 ? (
        <section aria-labelledby="meetings">
          <h2 id="meetings">{dictionary.meetingsOfSpeaker}</h2>
          <DatedMeetingList
            meetings={meetings}
            locale={locale}
            note={(meeting) =>
              isHost({ meeting, speaker }) ? (
                <span className="role-badge">{dictionary.host}</span>
              ) : null
            }
          />
        </section>
      ) : null}

      {photos.length > 0 ? (
        <section aria-labelledby="photos">
          <h2 id="photos">{dictionary.photosOfSpeaker}</h2>
          <ul className="photo-grid">
            {photos.map((photo) => {
              const source = imageSource({ photo, size: 'thumbnail' })
              if (!source || !photo.url) return null
              return (
                <li key={photo.id}>
                  {/* The thumbnail is a square crop: the link opens the whole picture. */}
                  <a href={photo.url}>
                    <Image
                      src={source.url}
                      width={source.width}
                      height={source.height}
                      alt={photo.alt}
                      sizes="(min-width: 48rem) 12rem, 45vw"
                      loading="lazy"
                    />
                  </a>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
    </article>
  )
}

export default SpeakerPage
