import type { CollectionConfig } from 'payload'

import { editors } from '@/payload/access/editors'
import { changeEventsSlug, changeRetentionDays } from '@/payload/changes/events'

import { integrationsGroup } from './ChangeEvents'

// One row per attempt to POST a change event to a webhook (src/payload/changes/deliver.ts):
// written by the delivery task only, read by staff from the webhook's page.
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: {
    singular: { en: 'Webhook delivery', zh: 'Webhook 投递' },
    plural: { en: 'Webhook deliveries', zh: 'Webhook 投递' },
  },
  access: { create: () => false, read: editors, update: () => false, delete: () => false },
  admin: {
    defaultColumns: ['createdAt', 'webhook', 'event', 'attempt', 'status', 'error', 'durationMs'],
    group: integrationsGroup,
    description: {
      en: `Every attempt to send a change to a partner, with the answer. Kept ${changeRetentionDays} days.`,
      zh: `每次向合作方发送变更的尝试及其回应。保留 ${changeRetentionDays} 天。`,
    },
  },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'webhook',
      type: 'relationship',
      relationTo: 'webhooks',
      label: { en: 'Webhook', zh: 'Webhook' },
      required: true,
      index: true,
    },
    {
      name: 'event',
      type: 'relationship',
      relationTo: changeEventsSlug,
      label: { en: 'Change event', zh: '变更事件' },
    },
    {
      name: 'attempt',
      type: 'number',
      label: { en: 'Attempt', zh: '尝试次数' },
      required: true,
    },
    {
      name: 'status',
      type: 'number',
      label: { en: 'HTTP status', zh: 'HTTP 状态码' },
      admin: { description: { en: 'Empty when no answer came.', zh: '未收到回应时为空。' } },
    },
    {
      name: 'error',
      type: 'text',
      label: { en: 'Error', zh: '错误' },
    },
    {
      name: 'durationMs',
      type: 'number',
      label: { en: 'Duration (ms)', zh: '耗时（毫秒）' },
    },
  ],
}
