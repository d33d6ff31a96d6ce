import type { Metadata } from 'next'

import Image from 'next/image'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { EditionFacts } from '@/components/editions/EditionFacts'
import { Partners } from '@/components/editions/Partners'
import { FeaturedSpeakers } from '@/components/home/FeaturedSpeakers'
import { LatestPhotos } from '@/components/home/LatestPhotos'
import { MeetingCard } from '@/components/MeetingCard'
import { NewsCard } from '@/components/NewsCard'
import { getCurrentEdition } from '@/content/editions'
import { listFeaturedSpeakers } from '@/content/home'
import { listMeetings } from '@/content/meetings'
import { listNews } from '@/content/news'
import { listPages } from '@/content/pages'
import { listGalleries } from '@/content/photos'
import { getSite } from '@/content/site'
import { getDictionary, interpolate } from '@/site/dictionary'
import { isLocale, localePath } from '@/site/i18n'
import { populated } from '@/site/jsonLd'
import { alternates } from '@/site/metadata'
import { pathOfPage } from '@/site/paths'

import './home.css'

type Params = Promise<{ locale: string }>

// The newest releases, from the first page of the news list (one cached read for both pages).
const latestNewsCount = 3

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  return { alternates: alternates({ locale, path: '/' }) }
}

// Built around the current (newest published) edition: its hero, its people, its pictures and its
// partners; then the latest meetings and the service pages.
const HomePage = async ({ params }: { params: Params }) => {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const dictionary = getDictionary(locale)
  const [site, edition, { meetings }, pages, { galleries }, { releases }] = await Promise.all([
    getSite({ locale }),
    getCurrentEdition({ locale }),
    listMeetings({ locale, limit: 6 }),
    listPages({ locale }),
    listGalleries({ locale }),
    listNews({ locale }),
  ])
  const speakers = edition ? await listFeaturedSpeakers({ locale, year: edition.id }) : []
  const sections = pages.filter((page) => !page.parent)
  const photo = edition ? populated(edition.heroPhoto ?? null) : null
  const photoSrc = photo?.sizes?.hero?.url || photo?.url
  const editionPath = edition ? localePath({ locale, path: `/editions/${edition.id}` }) : ''
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        {photo && photoSrc ? (
          <Image
            className="hero__photo"
            src={photoSrc}
            alt=""
            width={photo.sizes?.hero?.width || photo.width || 1600}
            height={photo.sizes?.hero?.height || photo.height || 900}
            sizes="100vw"
            preload
          />
        ) : null}
        <div className="hero__text">
          <h1 id="home-title">{site.name || dictionary.siteName}</h1>
          {site.tagline ? <p className="hero__tagline">{site.tagline}</p> : null}
          {edition ? (
            <div className="hero__edition">
              <p className="hero__edition-name">
                <Link href={editionPath}>
                  {interpolate({ template: dictionary.editionTitle, values: { year: edition.id } })}
                </Link>
                {edition.theme ? <span className="hero__theme">{edition.theme}</span> : null}
              </p>
              <EditionFacts edition={edition} locale={locale} dictionary={dictionary} />
              <p>
                <Link className="hero__action" href={`${editionPath}/programme`}>
                  {dictionary.seeProgramme}
                </Link>
              </p>
            </div>
          ) : null}
        </div>
      </section>
      {speakers.length ? (
        <FeaturedSpeakers speakers={speakers} locale={locale} dictionary={dictionary} />
      ) : null}
      <section aria-labelledby="latest-meetings">
        <h2 id="latest-meetings">{dictionary.latestMeetings}</h2>
        <ul className="card-grid">
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              <MeetingCard meeting={meeting} locale={locale} />
            </li>
          ))}
        </ul>
        <p>
          <Link href={localePath({ locale, path: '/meetings' })}>{dictionary.allMeetings} →</Link>
        </p>
      </section>
      {releases.length ? (
        <section aria-labelledby="latest-news">
          <h2 id="latest-news">{dictionary.news}</h2>
          <ul className="card-grid">
            {releases.slice(0, latestNewsCount).map((release) => (
              <li key={release.id}>
                <NewsCard release={release} locale={locale} dictionary={dictionary} />
              </li>
            ))}
          </ul>
          <p>
            <Link href={localePath({ locale, path: '/news' })}>{dictionary.news} →</Link>
          </p>
        </section>
      ) : null}
      {galleries[0] ? (
        <LatestPhotos gallery={galleries[0]} locale={locale} dictionary={dictionary} />
      ) : null}
      {edition ? (
        <Partners partners={edition.partners} locale={locale} dictionary={dictionary} />
      ) : null}
      <section aria-labelledby="services">
        <h2 id="services">{dictionary.services}</h2>
        <ul className="section-list">
          {sections.map((page) => (
            <li key={page.id}>
              <Link href={localePath({ locale, path: pathOfPage(page) })}>{page.title}</Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

export default HomePage
