import type { CollectionConfig } from 'payload'

import { editors } from '@/payload/access/editors'
import { insiders } from '@/payload/access/insiders'
import { publishedOrInsiders } from '@/payload/access/publishedOrInsiders'
import { slugField } from '@/payload/fields/slug'
import { translationFields } from '@/payload/fields/translation'
import { updatedByField } from '@/payload/fields/updatedBy'
import { setPublishedAt } from '@/payload/hooks/setPublishedAt'
import { revalidateAfterChange, revalidateAfterDelete } from '@/payload/hooks/revalidate'
import { setUpdatedBy } from '@/payload/hooks/setUpdatedBy'
import { trackTranslation } from '@/payload/hooks/trackTranslation'
import { cacheTags } from '@/content/cacheTags'
import { siteContent } from '@/payload/siteContent'
import { pathUnder } from '@/site/paths'

import { scheduleEndpoints } from './endpoints/schedule'

export const newsKindOptions = [
  { label: { en: 'Press release', zh: '新闻稿' }, value: 'press-release' },
  { label: { en: 'Announcement', zh: '公告' }, value: 'announcement' },
] as const

// Press releases and announcements. An editor publishes one at once, or schedules it (Schedule
// Publish in the admin, or POST /api/news/<id>/schedule): it stays a draft until the job runner of
// `npm start` publishes it at that time (src/server/jobRunner.mjs).
export const News: CollectionConfig = {
  slug: 'news',
  custom: siteContent({
    tags: [cacheTags.news],
    publicAPI: true,
    list: '/news',
    page: pathUnder('/news'),
    sitemap: { sort: '-publishedAt' },
    search: { priority: 35 },
  }),
  labels: {
    singular: { en: 'News release', zh: '新闻' },
    plural: { en: 'News', zh: '新闻' },
  },
  // "news" is its own plural: Payload would name both GraphQL queries News.
  graphQL: { singularName: 'NewsRelease', pluralName: 'News' },
  access: {
    create: editors,
    read: publishedOrInsiders,
    readVersions: insiders,
    update: editors,
    delete: editors,
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'publishedAt', '_status', 'translationStatus'],
    group: { en: 'Forum', zh: '论坛' },
    description: {
      en: 'Press releases and announcements. Publish now, or schedule the publication with the arrow beside Publish.',
      zh: '新闻稿和公告。可立即发布，或点击"发布"旁的箭头定时发布。',
    },
    listSearchableFields: ['title', 'slug', 'summary'],
  },
  defaultSort: '-publishedAt',
  endpoints: scheduleEndpoints,
  // The public list: published releases newest first, with Payload's createdAt tie-break.
  indexes: [{ fields: ['_status', 'publishedAt', 'createdAt'] }],
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { en: 'Title', zh: '标题' },
      required: true,
      localized: true,
    },
    {
      name: 'kind',
      type: 'select',
      label: { en: 'Kind', zh: '类型' },
      required: true,
      defaultValue: 'press-release',
      options: [...newsKindOptions],
      index: true,
    },
    {
      name: 'summary',
      type: 'textarea',
      label: { en: 'Summary', zh: '摘要' },
      localized: true,
      admin: {
        description: {
          en: 'One or two sentences for the news list, the feed, search results and link previews.',
          zh: '一两句话，用于新闻列表、订阅源、搜索结果和链接预览。',
        },
      },
    },
    {
      name: 'photo',
      type: 'upload',
      label: { en: 'Photo', zh: '图片' },
      relationTo: 'photos',
      admin: {
        description: {
          en: 'Shown at the top of the release and on shared links.',
          zh: '显示在新闻顶部和分享链接中。',
        },
      },
    },
    { name: 'body', type: 'richText', label: { en: 'Text', zh: '正文' }, localized: true },
    {
      name: 'publishedAt',
      type: 'date',
      label: { en: 'Published', zh: '发布时间' },
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: {
          en: 'Set when it is first published (also by a scheduled publication).',
          zh: '首次发布时自动填写（定时发布亦然）。',
        },
      },
    },
    slugField({ useAsSlug: 'title' }),
    ...translationFields(),
    updatedByField(),
  ],
  hooks: {
    afterChange: [revalidateAfterChange('news')],
    afterDelete: [revalidateAfterDelete('news')],
    beforeChange: [setPublishedAt, setUpdatedBy, trackTranslation({ requiredField: 'title' })],
  },
  versions: {
    drafts: { autosave: { interval: 1500 }, schedulePublish: true },
    maxPerDoc: 50,
  },
}
