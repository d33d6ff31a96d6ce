import type { CollectionConfig, CollectionSlug, Plugin } from 'payload'

import { searchPlugin } from '@payloadcms/plugin-search'

import { admins } from '@/payload/access/admins'
import { publicOrInsiders } from '@/payload/access/publicOrInsiders'
import { visibilityOptions } from '@/payload/fields/visibility'
import { publicCollectionsOf, siteContent } from '@/payload/siteContent'

type Indexed = {
  slug?: string
  title?: string
  theme?: string | null
  name?: string
  summary?: string | null
  abbreviation?: string | null
  breadcrumbs?: { url?: string | null }[] | null
  positions?: { title?: string | null }[] | null
  visibility?: 'public' | 'embargoed' | null
}

// An edition is known by its year and theme: "2022 · Green and low-carbon development".
const editionTitle = ({ slug, theme }: Indexed) => [slug, theme].filter(Boolean).join(' · ')

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
// plugin indexes only published documents and drops a document when it is unpublished. Speakers
// and organisations are always indexed; an embargoed one's entry carries its visibility, and the
// index's read access hides it as the person's own does (src/payload/visibility.ts).
// The collections and their priorities come from their configs (siteContent's `search`).
export const siteSearch = (collections: CollectionConfig[]): Plugin => {
  const searched = publicCollectionsOf(collections).filter(({ search }) => search)
  // The collections under embargo rules (speakers, organisations): those with a visibility field.
  const embargoable = new Set(
    collections
      .filter(({ fields }) =>
        fields.some((field) => 'name' in field && field.name === 'visibility'),
      )
      .map(({ slug }) => slug),
  )
  const pathOf = ({ collection, doc }: { collection: string; doc: Indexed }) =>
    searched.find(({ slug }) => slug === collection)?.page?.(doc) ?? ''
  return searchPlugin({
    collections: searched.map(({ slug }) => slug as CollectionSlug),
    localize: true,
    defaultPriorities: Object.fromEntries(
      searched.map(({ slug, search }) => [slug, search!.priority]),
    ),
    beforeSync: ({ collectionSlug, originalDoc, searchDoc }) => {
      const doc = originalDoc as Indexed
      return {
        ...searchDoc,
        title: doc.title ?? doc.name ?? editionTitle(doc),
        excerpt: excerptOf(doc),
        path: pathOf({ collection: collectionSlug, doc }),
        visibility: embargoable.has(collectionSlug) ? doc.visibility : 'public',
      }
    },
    searchOverrides: {
      // An entry changes with the document it stands for; the index is read as they are.
      custom: siteContent({
        tags: [...new Set(searched.flatMap(({ tags }) => tags))],
        publicAPI: true,
      }),
      labels: { singular: 'Search entry', plural: 'Search index' },
      access: { create: admins, read: publicOrInsiders, update: admins, delete: admins },
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
        {
          name: 'visibility',
          type: 'select',
          label: 'Visibility',
          options: [...visibilityOptions],
          // Meetings and pages are indexed only once published; entries written past the hooks
          // (an old archive, seed:scale) are public as they were.
          defaultValue: 'public',
          index: true,
          admin: { readOnly: true },
        },
      ],
    },
  })
}
