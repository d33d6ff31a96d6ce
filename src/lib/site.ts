import type { Locale } from './meetings'

import { getPayloadClient } from './payload'

export const getSiteIdentity = async ({ locale = 'en' }: { locale?: Locale }) => {
  const payload = await getPayloadClient()
  return payload.findGlobal({
    slug: 'site',
    locale,
    depth: 0,
    overrideAccess: false,
    select: { name: true, tagline: true, copyright: true },
  })
}
