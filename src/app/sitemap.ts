import type { MetadataRoute } from 'next'

import { getPayloadClient } from '@/content/payloadClient'
import { sitemapFor } from '@/content/sitemap'

// Lives outside [locale] (the proxy leaves /sitemap.xml alone): one file for both languages.
// Its reads are tagged, so publishing or unpublishing anything expires it with the pages.
// Rendered on request, not at build time (the build has no database); the reads themselves come
// from the data cache.
export const dynamic = 'force-dynamic'

const sitemap = async (): Promise<MetadataRoute.Sitemap> =>
  sitemapFor({ payload: await getPayloadClient() })

export default sitemap
