import type { Metadata } from 'next'

import type { Meeting, Organisation, Photo, Speaker } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import Image from 'next/image'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { DatedMeetingList } from '@/components/meeting/DatedMeetingList'
import { JsonLdScript } from '@/components/people/JsonLdScript'
import { organisationKindLabel } from '@/site/kinds'
import { speakerName } from '@/components/people/names'
import { RichText } from '@/components/RichText'
import { getDictionary } from '@/site/dictionary'
import { isLocale, localePath } from '@/site/i18n'
import { pageMetadata } from '@/site/metadata'
import { getOrganisation } from '@/content/organisations'
import { absoluteFileURL, organizationJsonLd } from '@/site/peopleJsonLd'

import '../../people.css'

type Params = Promise<{ locale: string; slug: string }>

type Person = Pick<Speaker, 'id' | 'name' | 'honorific' | 'slug' | 'positions'>
type AttendedMeeting = Pick<Meeting, 'id' | 'title' | 'slug' | 'startsAt' | 'startsAt_tz'>

// Organisations are rendered on first request and then cached; the build does not read the
// database.
export const generateStaticParams = () => []

const logoOf = (organisation: Organisation) =>
  organisation.logo && typeof organisation.logo === 'object' ? (organisation.logo as Photo) : null

const hostname = (website: string) => {
  try {
    return new URL(website).hostname
  } catch {
    return website
  }
}

// "World Resources Institute (WRI): Think tank or NGO, United States. Organisation taking part…"
const describe = ({
  organisation,
  locale,
  dictionary,
}: {
  organisation: Organisation
  locale: Locale
  dictionary: Dictionary
}) => {
  const zh = locale === 'zh'
  const name = organisation.abbreviation
    ? `${organisation.name}${zh ? '（' : ' ('}${organisation.abbreviation}${zh ? '）' : ')'}`
    : organisation.name
  const facts = [
    organisationKindLabel({ kind: organisation.kind, dictionary }),
    organisation.country,
  ]
    .filter(Boolean)
    .join(zh ? '，' : ', ')
  return `${name}${zh ? '：' : ': '}${facts}${zh ? '。' : '. '}${dictionary.organisationFallbackDescription}`
}

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale, slug } = await params
  if (!isLocale(locale)) return {}
  const organisation = await getOrganisation({ locale, slug })
  if (!organisation) return {}
  const dictionary = getDictionary(locale)
  const description = describe({ organisation, locale, dictionary })
  const logo = logoOf(organisation)
  const logoURL = absoluteFileURL(logo?.url)
  return pageMetadata({
    locale,
    path: `/organisations/${organisation.slug}`,
    title: organisation.name,
    description,
    siteName: dictionary.siteName,
    image: logo && logoURL ? { ...logo, url: logoURL } : null,
  })
}

// The titles a person holds at this organisation (the join is read at depth 1, so each
// position's organisation is an id here).
const titlesAt = ({ person, organisationId }: { person: Person; organisationId: string }) =>
  (person.positions ?? [])
    .filter(({ organisation }) =>
      organisation && typeof organisation === 'object'
        ? organisation.id === organisationId
        : organisation === organisationId,
    )
    .map(({ title }) => title)

const OrganisationPage = async ({ params }: { params: Params }) => {
  const { locale, slug } = await params
  if (!isLocale(locale)) notFound()
  const organisation = await getOrganisation({ locale, slug })
  if (!organisation) notFound()
  const dictionary = getDictionary(locale)
  const logo = logoOf(organisation)
  const people = ((organisation.people?.docs ?? []) as (string | Person)[]).filter(
    (person): person is Person => typeof person === 'object',
  )
  // Unpublished meetings are left out of the join for readers; anything not populated is skipped.
  const meetings = ((organisation.meetings?.docs ?? []) as (string | AttendedMeeting)[]).filter(
    (meeting): meeting is AttendedMeeting => typeof meeting === 'object',
  )
  // Titles carry commas of their own ("Vice President, School of…"): semicolons keep them apart.
  const separator = locale === 'zh' ? '；' : '; '
  return (
    <article className="profile">
      <JsonLdScript data={organizationJsonLd({ organisation, locale })} />
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[
          { label: dictionary.organisations, href: localePath({ locale, path: '/organisations' }) },
          { label: organisation.name },
        ]}
      />
      <header className="organisation__header">
        {logo?.url && logo.width && logo.height ? (
          // The original file: a logo must not be cropped the way the thumbnail and card are.
          <Image
            className="organisation__logo"
            src={logo.url}
            width={logo.width}
            height={logo.height}
            alt={logo.alt}
            sizes="10rem"
            preload
          />
        ) : null}
        <h1 className="organisation__name">
          {organisation.name}
          {organisation.abbreviation ? (
            <span className="organisation__abbreviation"> ({organisation.abbreviation})</span>
          ) : null}
        </h1>
      </header>
      <dl className="meta-list">
        <dt>{dictionary.organisationKind}</dt>
        <dd>{organisationKindLabel({ kind: organisation.kind, dictionary })}</dd>
        {organisation.country ? (
          <>
            <dt>{dictionary.country}</dt>
            <dd>{organisation.country}</dd>
          </>
        ) : null}
        {organisation.website ? (
          <>
            <dt>{dictionary.website}</dt>
            <dd>
              <a href={organisation.website} rel="noopener noreferrer">
                {hostname(organisation.website)}
              </a>
            </dd>
          </>
        ) : null}
      </dl>

      <RichText data={organisation.description} />

      {people.length > 0 ? (
        <section aria-labelledby="people">
          <h2 id="people">{dictionary.people}</h2>
          <ul className="people-list">
            {people.map((person) => {
              const titles = titlesAt({ person, organisationId: organisation.id })
              return (
                <li key={person.id} className="people-list__item">
                  <Link
                    className="people-list__name"
                    href={localePath({ locale, path: `/speakers/${person.slug}` })}
                  >
                    {speakerName({ speaker: person, locale })}
                  </Link>
                  {titles.length > 0 ? (
                    <span className="people-list__detail">{titles.join(separator)}</span>
                  ) : null}
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}

      {meetings.length > 0 ? (
        <section aria-labelledby="meetings">
          <h2 id="meetings">{dictionary.meetingsAttended}</h2>
          <DatedMeetingList meetings={meetings} locale={locale} />
        </section>
      ) : null}
    </article>
  )
}

export default OrganisationPage
