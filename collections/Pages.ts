import type { CollectionConfig } from 'payload'

import { editors } from '@/access/editors'
import { insiders } from '@/access/insiders'
import { publishedOrInsiders } from '@/access/publishedOrInsiders'
import { slugField } from '@/fields/slug'
import { previewLink } from '@/lib/previewLink'
import { setPublishedAt } from '@/hooks/setPublishedAt'
import { revalidateAfterChange, revalidateAfterDelete } from '@/hooks/revalidate'

// `parent` and `breadcrumbs` are added by the nested-docs plugin in payload.config.ts.
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: 'Service page', plural: 'Service pages' },
  access: {
    create: editors,
    read: publishedOrInsiders,
    readVersions: insiders,
    update: editors,
    delete: editors,
  },
  admin: {
    useAsTitle: 'title',
    preview: (doc, { locale }) => previewLink({ collection: 'pages', doc, locale }),
    defaultColumns: ['title', 'slug', 'parent', 'navOrder', '_status'],
    group: 'Forum',
    description: 'Significance, Hotel, Visa, Contact us and the other service pages.',
  },
  defaultSort: 'navOrder',
  fields: [
    { name: 'title', type: 'text', label: 'Title', required: true, localized: true },
    {
      name: 'summary',
      type: 'textarea',
      label: 'Summary',
      localized: true,
      admin: { description: 'One or two sentences for menus, search results and link previews.' },
    },
    { name: 'body', type: 'richText', label: 'Body', localized: true },
    {
      name: 'form',
      type: 'relationship',
      label: 'Form',
      relationTo: 'forms',
      admin: { description: 'A form shown under the text, such as the contact form.' },
    },
    {
      name: 'navOrder',
      type: 'number',
      label: 'Order in navigation',
      defaultValue: 100,
      index: true,
      admin: {
        position: 'sidebar',
        description: 'Lower numbers come first among pages with the same parent.',
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: 'Published',
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    slugField({ useAsSlug: 'title' }),
  ],
  hooks: {
    afterChange: [revalidateAfterChange('pages')],
    afterDelete: [revalidateAfterDelete('pages')],
    beforeChange: [setPublishedAt],
  },
  versions: {
    // Autosave keeps the live preview in step with the editor's typing.
    drafts: { autosave: { interval: 1500 } },
    maxPerDoc: 50,
  },
}
