import Image from 'next/image'
import Link from 'next/link'

import type { Edition } from '@/payload-types'
import type { PartnerRole } from '@collections/Editions'
import type { Partner } from '@/content/editions'
import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { partnerRoles } from '@collections/Editions'
import { localePath } from '@/site/i18n'
import { populated } from '@/site/jsonLd'

// The page's heading for each role the collection has, in the collection's order: a role added
// there does not compile until it has its word here.
const roleWords: Record<PartnerRole, keyof Dictionary> = {
  hosts: 'partnerHosts',
  coOrganisers: 'partnerCoOrganisers',
  supporters: 'partnerSupporters',
  mediaPartners: 'partnerMediaPartners',
}
const roles = partnerRoles.map(({ name }) => [name, roleWords[name]] as const)

const Logo = ({ partner }: { partner: Partner }) => {
  const logo = partner.logo && typeof partner.logo === 'object' ? partner.logo : null
  const src = logo?.sizes?.thumbnail?.url || logo?.url
  if (!logo || !src) return null
  return (
    <Image
      src={src}
      alt=""
      width={logo.sizes?.thumbnail?.width || logo.width || 160}
      height={logo.sizes?.thumbnail?.height || logo.height || 160}
      sizes="5rem"
      loading="lazy"
    />
  )
}

// The edition's partners by role, in the order staff gave, each with its logo when it has one.
export const Partners = ({
  partners,
  locale,
  dictionary,
  headingLevel = 2,
}: {
  partners: Edition['partners']
  locale: Locale
  dictionary: Dictionary
  headingLevel?: 2 | 3
}) => {
  const filled = roles
    .map(([role, word]) => ({
      role,
      label: dictionary[word],
      organisations: ((partners?.[role] ?? []) as (number | string | Partner)[])
        .map((value) => populated(value as string | Partner))
        .filter((partner) => partner !== null),
    }))
    .filter(({ organisations }) => organisations.length > 0)
  if (filled.length === 0) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="partners" aria-labelledby="partners-heading">
      <Heading id="partners-heading">{dictionary.partners}</Heading>
      {filled.map(({ role, label, organisations }) => (
        <div key={role} className="partners__role">
          <p className="partners__label">{label}</p>
          <ul>
            {organisations.map((partner) => (
              <li key={partner.id}>
                <Link href={localePath({ locale, path: `/organisations/${partner.slug}` })}>
                  <Logo partner={partner} />
                  <span>{partner.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
