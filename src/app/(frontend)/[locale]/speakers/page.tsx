import type { Metadata } from 'next'

import type { Organisation } from '@/payload-types'

import type { Locale } from '@/lib/i18n'
import type { SpeakerSummary } from '@/lib/speakers'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { letterAnchor, letterOf, speakerName } from '@/components/people/names'
import { getDictionary } from '@/lib/dictionary'
import { isLocale, localePath } from '@/lib/i18n'
import { pageMetadata } from '@/lib/metadata'
import { listSpeakers } from '@/lib/speakers'

import '../people.css'

type Params = Promise<{ locale: string }>

const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const dictionary = getDictionary(locale)
  return pageMetadata({
    locale,
    path: '/speakers',
    title: dictionary.speakers,
    description: dictionary.speakersDescription,
    siteName: dictionary.siteName,
  })
}

// Letters in alphabetical order, '#' (names with no Latin letter to file under) last. Within a
// letter, English sorts by the name as written; Chinese by the slug, which is the pinyin.
const groupByLetter = ({ speakers, locale }: { speakers: SpeakerSummary[]; locale: Locale }) => {
  const groups = new Map<string, SpeakerSummary[]>()
  for (const speaker of speakers) {
    const letter = letterOf(speaker)
    groups.set(letter, [...(groups.get(letter) ?? []), speaker])
  }
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-CN' : 'en-GB')
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, members]) => ({
      letter,
      speakers: members.sort((a, b) =>
        locale === 'zh' ? a.slug.localeCompare(b.slug) : collator.compare(a.name, b.name),
      ),
    }))
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

const SpeakersPage = async ({ params }: { params: Params }) => {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const dictionary = getDictionary(locale)
  const speakers = await listSpeakers({ locale })
  const groups = groupByLetter({ speakers, locale })
  const present = new Set(groups.map(({ letter }) => letter))
  const separator = locale === 'zh' ? '，' : ', '
  return (
    <div className="people">
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[{ label: dictionary.speakers }]}
      />
      <h1>{dictionary.speakers}</h1>
      {groups.length === 0 ? <p>{dictionary.noResults}</p> : null}
      <nav aria-label={dictionary.letterIndex} className="letter-index">
        <ul>
          {[...alphabet, ...(present.has('#') ? ['#'] : [])].map((letter) => (
            <li key={letter}>
              {present.has(letter) ? (
                <a href={`#${letterAnchor(letter)}`}>{letter}</a>
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
    </div>
  )
}

export default SpeakersPage
