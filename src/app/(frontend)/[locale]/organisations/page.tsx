import type { Metadata } from 'next'

import type { Locale } from '@/site/i18n'
import type { OrganisationSummary } from '@/content/organisations'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { organisationKindLabel, organisationKinds } from '@/site/kinds'
import { getDictionary } from '@/site/dictionary'
import { isLocale, localePath } from '@/site/i18n'
import { pageMetadata } from '@/site/metadata'
import { listOrganisations } from '@/content/organisations'

import '../people.css'

type Params = Promise<{ locale: string }>

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const dictionary = getDictionary(locale)
  return pageMetadata({
    locale,
    path: '/organisations',
    title: dictionary.organisations,
    description: dictionary.organisationsDescription,
    siteName: dictionary.siteName,
  })
}

// Kinds in the order of the admin's picker, empty kinds left out; names sorted in the reader's
// language (the Chinese collation orders by pinyin).
const groupByKind = ({
  organisations,
  locale,
}: {
  organisations: OrganisationSummary[]
  locale: Locale
}) => {
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-CN' : 'en-GB')
  return organisationKinds
    .map((kind) => ({
      kind,
      organisations: organisations
        .filter((organisation) => organisation.kind === kind)
        .sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .filter((group) => group.organisations.length > 0)
}

const OrganisationsPage = async ({ params }: { params: Params }) => {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const dictionary = getDictionary(locale)
  const organisations = await listOrganisations({ locale })
  const groups = groupByKind({ organisations, locale })
  return (
    <div className="people">
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[{ label: dictionary.organisations }]}
      />
      <h1>{dictionary.organisations}</h1>
      {groups.length === 0 ? <p>{dictionary.noResults}</p> : null}
      {groups.map(({ kind, organisations: members }) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{organisationKindLabel({ kind, dictionary })}</h2>
          <ul className="people-list">
            {members.map((organisation) => (
              <li key={organisation.id} className="people-list__item">
                <Link
                  className="people-list__name"
                  href={localePath({ locale, path: `/organisations/${organisation.slug}` })}
                >
                  {organisation.name}
                </Link>
                {organisation.abbreviation || organisation.country ? (
                  <span className="people-list__detail">
                    {organisation.abbreviation ? (
                      <abbr title={organisation.name}>{organisation.abbreviation}</abbr>
                    ) : null}
                    {organisation.abbreviation && organisation.country ? ' · ' : null}
                    {organisation.country}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

export default OrganisationsPage
