import type { Site } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { getPayloadClient } from './payloadClient'

export const getSite = cachedQuery({
  name: 'getSite',
  tags: [cacheTags.site, cacheTags.pages],
  query: async ({ locale }: { locale: Locale }): Promise<Site> => {
    const payload = await getPayloadClient()
    return payload.findGlobal({
      slug: 'site',
      locale,
      depth: 1,
      overrideAccess: false,
      populate: { pages: { title: true, slug: true, breadcrumbs: true } },
    })
  },
})
