import type { CollectionConfig } from 'payload'

import { editors } from '@/payload/access/editors'
import { changeEventsSlug, changeKinds, changeRetentionDays } from '@/payload/changes/events'

export const integrationsGroup = { en: 'Integrations', zh: '集成' }

// What changed in public content, for partners (src/payload/changes/events.ts). Written by the
// revalidation hooks only; staff read it, nobody edits it. The public reads it through
// GET /api/changes (src/payload/changes/feed.ts), never through this collection's own API.
export const ChangeEvents: CollectionConfig = {
  slug: changeEventsSlug,
  labels: {
    singular: { en: 'Change event', zh: '变更事件' },
    plural: { en: 'Change events', zh: '变更事件' },
  },
  access: { create: () => false, read: editors, update: () => false, delete: () => false },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['at', 'kind', 'collection', 'documentId', 'slug'],
    group: integrationsGroup,
    description: {
      en: `Published, changed and withdrawn public content, as partners read it at /api/changes and receive it by webhook. Kept ${changeRetentionDays} days.`,
      zh: `已发布、已修改和已撤下的公开内容，合作方通过 /api/changes 和 webhook 获取。保留 ${changeRetentionDays} 天。`,
    },
  },
  defaultSort: '-at',
  fields: [
    {
      name: 'collection',
      type: 'text',
      label: { en: 'Collection', zh: '集合' },
      required: true,
    },
    {
      name: 'documentId',
      type: 'text',
      label: { en: 'Document ID', zh: '文档 ID' },
      required: true,
      index: true,
    },
    {
      name: 'kind',
      type: 'select',
      label: { en: 'Change', zh: '变更' },
      required: true,
      options: changeKinds.map((kind) => ({
        value: kind,
        label: {
          published: { en: 'Published', zh: '已发布' },
          updated: { en: 'Updated', zh: '已更新' },
          removed: { en: 'Removed', zh: '已撤下' },
        }[kind],
      })),
    },
    {
      name: 'at',
      type: 'date',
      label: { en: 'At', zh: '时间' },
      required: true,
      // The feed reads the events after a time, oldest first.
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'slug',
      type: 'text',
      label: { en: 'Slug', zh: '网址标识' },
    },
    // What the delivery log and pickers show for an event, instead of its id.
    {
      name: 'label',
      type: 'text',
      label: { en: 'Event', zh: '事件' },
      admin: { hidden: true },
    },
  ],
}
