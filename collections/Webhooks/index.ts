import type { CollectionConfig } from 'payload'

import { admins, adminsField } from '@/payload/access/admins'
import { editors } from '@/payload/access/editors'
import { nobodyField } from '@/payload/access/nobody'
import { changeCollectionsOf } from '@/payload/changes/events'
import { partnerURLProblem } from '@/payload/changes/partnerAddress'

import { integrationsGroup } from '../ChangeEvents'
import { decryptSecret, encryptSecret, generateSecret } from '@/payload/changes/secret'

type Labelled = Pick<CollectionConfig, 'slug' | 'custom' | 'labels'>

const optionLabel = ({ slug, labels }: Labelled) =>
  (labels?.plural as { en: string; zh: string } | undefined) ?? { en: slug, zh: slug }

// Partners' addresses that receive every change event of the collections they chose, signed with
// the webhook's secret (src/payload/changes/deliver.ts). Admins manage them, since a secret is a
// credential like an API key; editors see them and their delivery log.
export const webhooksCollection = (collections: Labelled[]): CollectionConfig => {
  const changeCollections = changeCollectionsOf(collections)
  return {
    slug: 'webhooks',
    labels: {
      singular: { en: 'Webhook', zh: 'Webhook' },
      plural: { en: 'Webhooks', zh: 'Webhook' },
    },
    access: { create: admins, read: editors, update: admins, delete: admins },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'url', 'collections', 'active', 'lastDeliveryStatus'],
      group: integrationsGroup,
      description: {
        en: 'Partners\u2019 addresses that receive each published, changed or withdrawn document as a signed POST.',
        zh: '合作方的接收地址：每次发布、修改或撤下内容时，都会收到一条带签名的 POST 请求。',
      },
    },
    fields: [
      {
        name: 'name',
        type: 'text',
        label: { en: 'Name', zh: '名称' },
        required: true,
        admin: {
          description: {
            en: 'Who receives it, e.g. "UNFCCC newsroom".',
            zh: '接收方，例如“UNFCCC 新闻室”。',
          },
        },
      },
      {
        name: 'url',
        type: 'text',
        label: { en: 'Partner URL', zh: '合作方地址' },
        required: true,
        validate: (value: unknown) => partnerURLProblem(value) ?? true,
        admin: {
          description: {
            en: 'An https address on the internet, e.g. https://partner.example/cifcc-changes.',
            zh: '互联网上的 https 地址，例如 https://partner.example/cifcc-changes。',
          },
        },
      },
      {
        name: 'collections',
        type: 'select',
        label: { en: 'Collections', zh: '集合' },
        hasMany: true,
        required: true,
        options: collections
          .filter(({ slug }) => changeCollections.includes(slug))
          .map((collection) => ({ value: collection.slug, label: optionLabel(collection) })),
      },
      {
        name: 'active',
        type: 'checkbox',
        label: { en: 'Active', zh: '启用' },
        defaultValue: true,
        admin: { position: 'sidebar' },
      },
      {
        name: 'secret',
        type: 'text',
        label: { en: 'Secret', zh: '密钥' },
        access: { read: adminsField, create: nobodyField, update: nobodyField },
        hooks: { beforeChange: [encryptSecret], afterRead: [decryptSecret] },
        admin: {
          readOnly: true,
          position: 'sidebar',
          description: {
            en: 'Give it to the partner: each delivery carries X-CIFCC-Signature, the HMAC-SHA256 of its body with this secret.',
            zh: '请交给合作方：每次投递都带有 X-CIFCC-Signature，即用此密钥对请求体计算的 HMAC-SHA256。',
          },
        },
      },
      {
        name: 'regenerateSecret',
        type: 'checkbox',
        label: { en: 'Regenerate secret on save', zh: '保存时重新生成密钥' },
        virtual: true,
        access: { read: adminsField },
        admin: { position: 'sidebar' },
      },
      {
        name: 'lastDeliveryStatus',
        type: 'text',
        label: { en: 'Last delivery', zh: '最近投递' },
        access: { create: nobodyField, update: nobodyField },
        admin: { readOnly: true, position: 'sidebar' },
      },
      {
        name: 'deliveries',
        type: 'join',
        label: { en: 'Deliveries', zh: '投递记录' },
        collection: 'webhook-deliveries',
        on: 'webhook',
        defaultSort: '-createdAt',
        defaultLimit: 20,
        admin: {
          // Written by the delivery task only.
          allowCreate: false,
          defaultColumns: ['createdAt', 'event', 'attempt', 'status', 'error', 'durationMs'],
        },
      },
    ],
    hooks: {
      beforeChange: [generateSecret],
    },
  }
}
