import type { Plugin } from 'payload'

import { searchPlugin } from '@payloadcms/plugin-search'

import { admins } from '@/access/admins'
import { anyone } from '@/access/anyone'

type Indexed = {
  slug?: string
  title?: string
  name?: string
  summary?: string | null
  abbreviation?: string | null
  breadcrumbs?: { url?: string | null }[] | null
  positions?: { title?: string | null }[] | null
}

const pathOf = ({ collection, doc }: { collection: string; doc: Indexed }) =>
  collection === 'pages'
    ? doc.breadcrumbs?.at(-1)?.url || `/${doc.slug}`
    : `/${collection}/${doc.slug}`

// What a hit shows under its title: a meeting's or page's summary, a speaker's positions, an
// organisation's abbreviation.
const excerptOf = (doc: Indexed) =>
  doc.summary ||
  doc.positions
    ?.map(({ title }) => title)
    .filter(Boolean)
    .join(' · ') ||
  doc.abbreviation ||
  ''

// One index over meetings, speakers, organisations and service pages, in both languages. The
// plugin indexes only published documents and drops a document when it is unpublished.
export const siteSearch: Plugin = searchPlugin({
  collections: ['meetings', 'speakers', 'organisations', 'pages'],
  localize: true,
  defaultPriorities: { speakers: 10, organisations: 20, meetings: 30, pages: 40 },
  beforeSync: ({ collectionSlug, originalDoc, searchDoc }) => {
    const doc = originalDoc as Indexed
    return {
      ...searchDoc,
      title: doc.title ?? doc.name ?? '',
      excerpt: excerptOf(doc),
      path: pathOf({ collection: collectionSlug, doc }),
    }
  },
  searchOverrides: {
    labels: { singular: 'Search entry', plural: 'Search index' },
    access: { create: admins, read: anyone, update: admins, delete: admins },
    admin: {
      group: 'Settings',
      description: 'Kept up to date automatically from published content.',
    },
    fields: ({ defaultFields }) => [
      ...defaultFields,
      {
        name: 'excerpt',
        type: 'textarea',
        label: 'Excerpt',
        localized: true,
        admin: { readOnly: true },
      },
      {
        name: 'path',
        type: 'text',
        label: 'Address on the site',
        admin: { readOnly: true },
      },
    ],
  },
})
