import type { Metadata } from 'next'

import type { Organisation } from '@/payload-types'

import type { SpeakerSummary } from '@/content/speakers'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Pagination } from '@/components/Pagination'
import { speakerName } from '@/components/people/names'
import { getDictionary } from '@/site/dictionary'
import { isLocale, localePath } from '@/site/i18n'
import { letterAnchor, letterOfSlug } from '@/site/letters'
import { pageMetadata } from '@/site/metadata'
import { parsePageParam, pathOfPageNumber, titleOfPage } from '@/site/pagination'
import { listSpeakerLetterPages, listSpeakers } from '@/content/speakers'

import '../people.css'

type Params = Promise<{ locale: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

const path = '/speakers'

const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']

// The directory is paginated (?page=N), so it is rendered per request; its reads still come from
// the data cache, and anonymous readers get it from the page cache.
export const dynamic = 'force-dynamic'

export const generateMetadata = async ({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}): Promise<Metadata> => {
  const { locale } = await params
  const page = parsePageParam((await searchParams).page)
  if (!isLocale(locale) || page === null) return {}
  const dictionary = getDictionary(locale)
  return pageMetadata({
    locale,
    path: pathOfPageNumber({ path, page }),
    title: titleOfPage({ title: dictionary.speakers, page, pageNumber: dictionary.pageNumber }),
    description: dictionary.speakersDescription,
    siteName: dictionary.siteName,
  })
}

// A page's speakers arrive in slug order, so each letter is one run of them.
const groupByLetter = (speakers: SpeakerSummary[]) => {
  const groups: { letter: string; speakers: SpeakerSummary[] }[] = []
  for (const speaker of speakers) {
    const letter = letterOfSlug(speaker.slug)
    const last = groups.at(-1)
    if (last?.letter === letter) last.speakers.push(speaker)
    else groups.push({ letter, speakers: [speaker] })
  }
  return groups
}

const firstPosition = (speaker: SpeakerSummary) => {
  const position = speaker.positions?.[0]
  if (!position) return null
  const organisation =
    position.organisation && typeof position.organisation === 'object'
      ? (position.organisation as Pick<Organisation, 'name'>)
      : null
  return { title: position.title, organisation: organisation?.name }
}

const SpeakersPage = async ({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) => {
  const { locale } = await params
  const page = parsePageParam((await searchParams).page)
  if (!isLocale(locale) || page === null) notFound()
  const dictionary = getDictionary(locale)
  const [{ speakers, totalPages }, letterPages] = await Promise.all([
    listSpeakers({ locale, page }),
    listSpeakerLetterPages({}),
  ])
  // Past the last page: Payload answers with an empty page, which should not look like a result.
  if (page > Math.max(totalPages, 1)) notFound()
  const groups = groupByLetter(speakers)
  const hrefOfPage = (number: number) =>
    localePath({ locale, path: pathOfPageNumber({ path, page: number }) })
  // A letter on this page is a jump down the page; one on another page, a link to that page.
  const hrefOfLetter = (letter: string) => {
    const anchor = `#${letterAnchor(letter)}`
    return letterPages[letter] === page ? anchor : `${hrefOfPage(letterPages[letter])}${anchor}`
  }
  const separator = locale === 'zh' ? '，' : ', '
  return (
    <div className="people">
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[{ label: dictionary.speakers }]}
      />
      <h1>
        {titleOfPage({ title: dictionary.speakers, page, pageNumber: dictionary.pageNumber })}
      </h1>
      {groups.length === 0 ? <p>{dictionary.noResults}</p> : null}
      <nav aria-label={dictionary.letterIndex} className="letter-index">
        <ul>
          {[...alphabet, ...('#' in letterPages ? ['#'] : [])].map((letter) => (
            <li key={letter}>
              {letter in letterPages ? (
                <a href={hrefOfLetter(letter)}>{letter}</a>
              ) : (
                // A letter nobody is filed under stays visible to keep the alphabet's shape, but
                // is not a link to nowhere.
                <span className="letter-index__empty">{letter}</span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {groups.map(({ letter, speakers: members }) => (
        <section key={letter} className="letter-group" aria-labelledby={letterAnchor(letter)}>
          <h2 id={letterAnchor(letter)} className="letter-group__letter">
            {letter}
          </h2>
          <ul className="people-list">
            {members.map((speaker) => {
              const position = firstPosition(speaker)
              return (
                <li key={speaker.id} className="people-list__item">
                  <Link
                    className="people-list__name"
                    href={localePath({ locale, path: `/speakers/${speaker.slug}` })}
                  >
                    {speakerName({ speaker, locale })}
                  </Link>
                  {position ? (
                    <span className="people-list__detail">
                      {position.title}
                      {position.organisation ? `${separator}${position.organisation}` : null}
                    </span>
                  ) : null}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
      <Pagination
        page={page}
        totalPages={totalPages}
        dictionary={dictionary}
        hrefOfPage={hrefOfPage}
      />
    </div>
  )
}

export default SpeakersPage
