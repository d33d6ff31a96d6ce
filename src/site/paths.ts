import type { PageDocument } from '@/payload/siteContent'

// A service page lives at its whole path (/about/hotel), which the nested-docs plugin keeps in its
// breadcrumbs; a page saved before its breadcrumbs were computed falls back to its slug.
export const pathOfPage = (page: PageDocument): string =>
  page.breadcrumbs?.at(-1)?.url || `/${page.slug}`

// The page of a document in a collection whose pages live under the collection's name.
export const pathUnder =
  (list: string) =>
  ({ slug }: PageDocument): string =>
    `${list}/${slug}`

// The address a page was asked for (with /zh, without the internal /en), which src/proxy.ts sets
// on every page request for the server components that need it (the language switcher).
export const sitePathHeader = 'x-site-path'
