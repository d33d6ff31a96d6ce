import type { CollectionConfig } from 'payload'

import { editors } from '@/payload/access/editors'
import { insiders } from '@/payload/access/insiders'
import { publishedOrInsiders } from '@/payload/access/publishedOrInsiders'
import { slugField } from '@/payload/fields/slug'
import { translationFields } from '@/payload/fields/translation'
import { updatedByField } from '@/payload/fields/updatedBy'
import { previewLink } from '@/payload/previewLink'
import { setPublishedAt } from '@/payload/hooks/setPublishedAt'
import { revalidateAfterChange, revalidateAfterDelete } from '@/payload/hooks/revalidate'
import { setUpdatedBy } from '@/payload/hooks/setUpdatedBy'
import { trackTranslation } from '@/payload/hooks/trackTranslation'
import { cacheTags } from '@/content/cacheTags'
import { siteContent } from '@/payload/siteContent'
import { pathOfPage } from '@/site/paths'

// `parent` and `breadcrumbs` are added by the nested-docs plugin in payload.config.ts.
export const Pages: CollectionConfig = {
  slug: 'pages',
  custom: siteContent({
    tags: [cacheTags.pages],
    publicAPI: true,
    page: pathOfPage,
    sitemap: { sort: 'navOrder' },
    search: { priority: 40 },
  }),
  labels: {
    singular: { en: 'Service page', zh: '服务页面' },
    plural: { en: 'Service pages', zh: '服务页面' },
  },
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
    defaultColumns: ['title', 'slug', 'parent', 'navOrder', '_status', 'translationStatus'],
    group: { en: 'Forum', zh: '论坛' },
    description: {
      en: 'Significance, Hotel, Visa, Contact us and the other service pages.',
      zh: '论坛意义、酒店、签证、联系我们等服务页面。',
    },
  },
  defaultSort: 'navOrder',
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { en: 'Title', zh: '标题' },
      required: true,
      localized: true,
    },
    {
      name: 'summary',
      type: 'textarea',
      label: { en: 'Summary', zh: '摘要' },
      localized: true,
      admin: {
        description: {
          en: 'One or two sentences for menus, search results and link previews.',
          zh: '一两句话，用于菜单、搜索结果和链接预览。',
        },
      },
    },
    { name: 'body', type: 'richText', label: { en: 'Body', zh: '正文' }, localized: true },
    {
      name: 'form',
      type: 'relationship',
      label: { en: 'Form', zh: '表单' },
      relationTo: 'forms',
      admin: {
        description: {
          en: 'A form shown under the text, such as the contact form.',
          zh: '显示在正文下方的表单，例如联系表单。',
        },
      },
    },
    {
      name: 'navOrder',
      type: 'number',
      label: { en: 'Order in navigation', zh: '导航顺序' },
      defaultValue: 100,
      index: true,
      admin: {
        position: 'sidebar',
        description: {
          en: 'Lower numbers come first among pages with the same parent.',
          zh: '同一上级页面下，数字小的排在前面。',
        },
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: { en: 'Published', zh: '发布时间' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    slugField({ useAsSlug: 'title' }),
    ...translationFields(),
    updatedByField(),
  ],
  hooks: {
    afterChange: [revalidateAfterChange('pages')],
    afterDelete: [revalidateAfterDelete('pages')],
    beforeChange: [setPublishedAt, setUpdatedBy, trackTranslation({ requiredField: 'title' })],
  },
  versions: {
    // Autosave keeps the live preview in step with the editor's typing.
    drafts: { autosave: { interval: 1500 } },
    maxPerDoc: 50,
  },
}
