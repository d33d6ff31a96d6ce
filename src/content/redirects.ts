import type { Redirect } from '@/payload-types'

import { siteContentOf } from '@/payload/siteContent'
import { redirectTargets } from '@/payload/plugins/redirects'
import type { Locale } from '@/site/i18n'
import { isLocale, localePath } from '@/site/i18n'
import { redirectPathOf } from '@/site/redirectPath'
import { sitePath } from '@/site/safeHref'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import { getPayloadClient } from './payloadClient'

type Target = NonNullable<NonNullable<Redirect['to']>['reference']>

const isTargetCollection = (slug: string): slug is (typeof redirectTargets)[number] =>
  (redirectTargets as readonly string[]).includes(slug)

// The public address of the document a redirect names, in its language, or null when the public
// cannot read it (a draft, an embargoed speaker, a deleted page): then the old address is a 404.
const publicPathOf = async ({
  reference,
  locale,
}: {
  reference: Target
  locale: Locale
}): Promise<null | string> => {
  const { relationTo, value } = reference
  if (!isTargetCollection(relationTo)) return null
  const id = typeof value === 'object' ? value.id : value
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: relationTo,
    where: { id: { equals: id } },
    locale,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    select: relationTo === 'pages' ? { slug: true, breadcrumbs: true } : { slug: true },
  })
  const doc = docs[0]
  const config = payload.collections[relationTo].config
  const pageOf = siteContentOf(config)?.page
  if (!doc || !pageOf) return null
  return localePath({ locale, path: pageOf(doc) })
}

// Where an old address leads, or null: the path on this site a 301 sends the reader to. Asked
// only for an address no page here answers (the catch-all route), so normal pages never pay for it.
export const findRedirect = cachedQuery({
  name: 'findRedirect',
  tags: [cacheTags.redirects, cacheTags.meetings, cacheTags.pages, cacheTags.speakers],
  query: async ({ path }: { path: string }): Promise<null | string> => {
    const from = redirectPathOf(path)
    if (!from) return null
    const payload = await getPayloadClient()
    // The redirects collection is staff-only, since it names drafts and where they came from;
    // all the public gets of it is the address below, which a public read decides.
    const { docs } = await payload.find({
      collection: 'redirects',
      where: { from: { equals: from } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      select: { to: true, locale: true },
    })
    const redirect = docs[0]
    if (!redirect) return null
    const { to } = redirect
    // A custom address back to the old one would send the reader round in a loop.
    if (to?.type === 'custom') {
      const target = sitePath(to.url)
      return target && redirectPathOf(target) !== from ? target : null
    }
    if (!to?.reference) return null
    const locale = isLocale(redirect.locale) ? redirect.locale : 'en'
    return publicPathOf({ reference: to.reference, locale })
  },
})
