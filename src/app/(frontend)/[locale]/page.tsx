import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import { MeetingCard } from '@/components/MeetingCard'
import { getDictionary } from '@/site/dictionary'
import { isLocale, localePath } from '@/site/i18n'
import { listMeetings } from '@/content/meetings'
import { listPages } from '@/content/pages'
import { pathOfPage } from '@/site/paths'
import { getSite } from '@/content/site'
import { alternates } from '@/site/metadata'

type Params = Promise<{ locale: string }>

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  return { alternates: alternates({ locale, path: '/' }) }
}

const HomePage = async ({ params }: { params: Params }) => {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const dictionary = getDictionary(locale)
  const [site, { meetings }, pages] = await Promise.all([
    getSite({ locale }),
    listMeetings({ locale, limit: 6 }),
    listPages({ locale }),
  ])
  const sections = pages.filter((page) => !page.parent)
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{site.name || dictionary.siteName}</h1>
        {site.tagline ? <p className="hero__tagline">{site.tagline}</p> : null}
      </section>
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
