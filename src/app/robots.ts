import type { MetadataRoute } from 'next'

import { siteURL } from '@/site/i18n'

// The admin and the REST/GraphQL API are for editors and the site itself, not for search
// engines. Uploaded photos are served from /api/photos/file/…, but the pages show them through
// Next's image optimiser (/_next/image), which stays crawlable.
const robots = (): MetadataRoute.Robots => ({
  rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/'] }],
  sitemap: `${siteURL()}/sitemap.xml`,
})

export default robots
