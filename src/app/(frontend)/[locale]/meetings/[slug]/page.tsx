import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import type { Photo } from '@/payload-types'
import type { MeetingDocument } from '@/content/meetings'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { PreviewBar } from '@/components/preview/PreviewBar'
import { RichText } from '@/components/RichText'
import { JsonLdScript } from '@/components/meeting/JsonLdScript'
import { MeetingDocuments } from '@/components/meeting/MeetingDocuments'
import { MeetingPhotos } from '@/components/meeting/MeetingPhotos'
import { MeetingRecordings } from '@/components/meeting/MeetingRecordings'
import { MeetingTime } from '@/components/meeting/MeetingTime'
import { QuestionList } from '@/components/meeting/QuestionList'
import { StatementList } from '@/components/meeting/StatementList'
import { meetingKindLabel } from '@/site/kinds'
import { getDictionary, interpolate } from '@/site/dictionary'
import { isLocale, localePath, siteURL } from '@/site/i18n'
import { meetingEventJsonLd, absoluteMediaURL, populated } from '@/site/jsonLd'
import { getAdjacentMeetings, getMeeting } from '@/content/meetings'
import { pageMetadata } from '@/site/metadata'
import { getPreviewViewer } from '@/content/preview'
import { getSite } from '@/content/site'

import '../../meeting.css'

type Params = Promise<{ locale: string; slug: string }>

// Rendered on first request and then cached until a meeting, speaker, organisation or photo
// changes (see src/content/cachedQuery.ts): nothing is built ahead.
export const generateStaticParams = () => []

// Slugs are made of a-z, 0-9 and hyphens (src/payload/fields/slug.ts); anything else cannot match.
const isSlug = (slug: string) => /^[a-z0-9-]{1,200}$/.test(slug)

const photosOf = (meeting: { photos?: { docs?: (string | Photo)[] } }): Photo[] =>
  (meeting.photos?.docs ?? []).map(populated).filter((photo) => photo !== null)

const documentsOf = (meeting: { documents?: { docs?: (string | MeetingDocument)[] } }) =>
  (meeting.documents?.docs ?? []).filter((document) => typeof document === 'object')

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale, slug } = await params
  if (!isLocale(locale) || !isSlug(slug)) return {}
  const viewer = await getPreviewViewer()
  const [meeting, site] = await Promise.all([
    getMeeting({ locale, slug, viewer }),
    getSite({ locale }),
  ])
  if (!meeting) return {}
  const path = `/meetings/${meeting.slug}`
  const ogPhoto = photosOf(meeting).find((photo) => photo.sizes?.og?.url)
  const ogImage = absoluteMediaURL({ url: ogPhoto?.sizes?.og?.url, baseURL: siteURL() })
  return pageMetadata({
    locale,
    path,
    title: meeting.title,
    description: meeting.summary,
    siteName: site.name || getDictionary(locale).siteName,
    type: 'article',
    image: ogPhoto && ogImage ? { url: ogImage, width: 1200, height: 630, alt: ogPhoto.alt } : null,
    times: { published: meeting.publishedAt, modified: meeting.updatedAt },
  })
}

const MeetingPage = async ({ params }: { params: Params }) => {
  const { locale, slug } = await params
  if (!isLocale(locale) || !isSlug(slug)) notFound()
  const dictionary = getDictionary(locale)
  const viewer = await getPreviewViewer()
  const [meeting, site] = await Promise.all([
    getMeeting({ locale, slug, viewer }),
    getSite({ locale }),
  ])
  if (!meeting) notFound()
  const { previous, next } = await getAdjacentMeetings({ locale, startsAt: meeting.startsAt })
  const hosts = [meeting.host, ...(meeting.coHosts ?? [])]
    .map(populated)
    .filter((host) => host !== null)
  const photos = photosOf(meeting)
  const documents = documentsOf(meeting)
  const organisations = (meeting.attendingOrganisations ?? [])
    .map(populated)
    .filter((organisation) => organisation !== null)
  const path = `/meetings/${meeting.slug}`
  // Populated only when the edition is published; a draft edition is not linked.
  const edition = typeof meeting.edition === 'object' ? meeting.edition : null
  return (
    <article className="meeting" aria-labelledby="meeting-title">
      {viewer ? (
        <PreviewBar
          path={localePath({ locale, path: `/meetings/${slug}` })}
          dictionary={dictionary}
        />
      ) : null}
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[
          { label: dictionary.news, href: localePath({ locale, path: '/meetings' }) },
          { label: meeting.title },
        ]}
      />
      <header className="meeting__header">
        <p className="meeting__kind">{meetingKindLabel({ kind: meeting.kind, dictionary })}</p>
        <h1 id="meeting-title">{meeting.title}</h1>
        <dl className="meta-list">
          <dt>{dictionary.date}</dt>
          <dd>
            <MeetingTime
              startsAt={meeting.startsAt}
              endsAt={meeting.endsAt}
              timeZone={meeting.startsAt_tz}
              locale={locale}
              dictionary={dictionary}
            />
          </dd>
          {meeting.venue || meeting.room ? (
            <>
              <dt>{dictionary.venue}</dt>
              <dd>{[meeting.venue, meeting.room].filter(Boolean).join(' · ')}</dd>
            </>
          ) : null}
          {edition ? (
            <>
              <dt>{dictionary.partOfEdition}</dt>
              <dd>
                <Link href={localePath({ locale, path: `/editions/${edition.id}` })}>
                  {interpolate({ template: dictionary.editionTitle, values: { year: edition.id } })}
                  {edition.theme ? `: ${edition.theme}` : ''}
                </Link>
              </dd>
            </>
          ) : null}
          {hosts.length > 0 ? (
            <>
              <dt>{hosts.length > 1 ? dictionary.hosts : dictionary.host}</dt>
              {hosts.map((host) => (
                <dd key={host.id}>
                  <Link href={localePath({ locale, path: `/speakers/${host.slug}` })}>
                    {host.name}
                  </Link>
                </dd>
              ))}
            </>
          ) : null}
          {meeting.focus ? (
            <>
              <dt>{dictionary.focus}</dt>
              <dd>{meeting.focus}</dd>
            </>
          ) : null}
        </dl>
        <p className="meeting__actions">
          {/* A file download, not a page: a plain link, so Next does not try to prefetch it. */}
          <a
            className="meeting__calendar"
            href={localePath({ locale, path: `${path}/calendar.ics` })}
            type="text/calendar"
            download={`${meeting.slug}.ics`}
          >
            {dictionary.addToCalendar}
          </a>
        </p>
      </header>

      {meeting.summary ? <p className="lead">{meeting.summary}</p> : null}

      {meeting.topics?.length ? (
        <section aria-labelledby="meeting-topics">
          <h2 id="meeting-topics">{dictionary.topics}</h2>
          <ul className="meeting__topics">
            {meeting.topics.map((topic) => (
              <li key={topic.id ?? topic.topic}>{topic.topic}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {meeting.recordings?.length ? (
        <section aria-labelledby="meeting-recordings">
          <h2 id="meeting-recordings">{dictionary.recordings}</h2>
          <MeetingRecordings recordings={meeting.recordings} dictionary={dictionary} />
        </section>
      ) : null}

      <RichText data={meeting.body} className="prose meeting__body" />

      {meeting.statements?.length ? (
        <section aria-labelledby="meeting-statements">
          <h2 id="meeting-statements">{dictionary.statements}</h2>
          <StatementList statements={meeting.statements} locale={locale} />
        </section>
      ) : null}

      {meeting.questions?.length ? (
        <section aria-labelledby="meeting-questions">
          <h2 id="meeting-questions">{dictionary.questions}</h2>
          <QuestionList questions={meeting.questions} locale={locale} dictionary={dictionary} />
        </section>
      ) : null}

      {organisations.length ? (
        <section aria-labelledby="meeting-organisations">
          <h2 id="meeting-organisations">{dictionary.attendingOrganisations}</h2>
          <ul className="meeting__organisations">
            {organisations.map((organisation) => (
              <li key={organisation.id}>
                <Link href={localePath({ locale, path: `/organisations/${organisation.slug}` })}>
                  {organisation.name}
                </Link>
                {organisation.abbreviation && organisation.abbreviation !== organisation.name ? (
                  <span className="meeting__abbreviation"> ({organisation.abbreviation})</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {documents.length ? (
        <section aria-labelledby="meeting-documents">
          <h2 id="meeting-documents">{dictionary.documents}</h2>
          <MeetingDocuments documents={documents} dictionary={dictionary} />
        </section>
      ) : null}

      {photos.length ? (
        <section aria-labelledby="meeting-photos">
          <h2 id="meeting-photos">{dictionary.photos}</h2>
          <MeetingPhotos
            photos={photos}
            galleryHref={localePath({ locale, path: `/photos/${meeting.slug}` })}
            dictionary={dictionary}
          />
        </section>
      ) : null}

      {previous || next ? (
        <nav className="meeting__adjacent" aria-label={dictionary.meetingNavigation}>
          <ul>
            {previous ? (
              <li className="meeting__previous">
                <span className="meeting__adjacent-label">{dictionary.previousMeeting}</span>
                <Link href={localePath({ locale, path: `/meetings/${previous.slug}` })} rel="prev">
                  {previous.title}
                </Link>
              </li>
            ) : null}
            {next ? (
              <li className="meeting__next">
                <span className="meeting__adjacent-label">{dictionary.nextMeeting}</span>
                <Link href={localePath({ locale, path: `/meetings/${next.slug}` })} rel="next">
                  {next.title}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}

      <JsonLdScript
        data={meetingEventJsonLd({
          meeting,
          locale,
          baseURL: siteURL(),
          organizerName: site.name || dictionary.siteName,
        })}
      />
    </article>
  )
}

export default MeetingPage
