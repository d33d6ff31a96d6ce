import type { CollectionConfig } from 'payload'

import { editors } from '@/payload/access/editors'
import { publicOrInsiders } from '@/payload/access/publicOrInsiders'
import { adminLabelField } from '@/payload/fields/adminLabel'
import { mergeRecordField } from '@/payload/fields/mergeRecord'
import { slugField } from '@/payload/fields/slug'
import { translationFields } from '@/payload/fields/translation'
import { updatedByField } from '@/payload/fields/updatedBy'
import { standingFields } from '@/payload/fields/visibility'
import { revalidateAfterChange, revalidateAfterDelete } from '@/payload/hooks/revalidate'
import { searchEveryLocale } from '@/payload/hooks/searchEveryLocale'
import { setUpdatedBy } from '@/payload/hooks/setUpdatedBy'
import { trackTranslation } from '@/payload/hooks/trackTranslation'
import { deriveVisibility, syncSearchVisibility } from '@/payload/hooks/visibility'
import { cacheTags } from '@/content/cacheTags'
import { mergeEndpoint } from '@/payload/mergeEndpoint'
import { siteContent } from '@/payload/siteContent'
import { pathUnder } from '@/site/paths'

import { collectOrganisations } from './hooks/collectOrganisations'
import {
  refreshOrganisationsAfterChange,
  refreshOrganisationsAfterDelete,
} from './hooks/refreshOrganisationsVisibility'
import { speakerLabels } from './labels'

export const Speakers: CollectionConfig = {
  slug: 'speakers',
  custom: siteContent({
    tags: [cacheTags.speakers],
    publicAPI: true,
    list: '/speakers',
    page: pathUnder('/speakers'),
    sitemap: { sort: 'slug' },
    search: { priority: 10 },
  }),
  labels: {
    singular: { en: 'Speaker', zh: '演讲嘉宾' },
    plural: { en: 'Speakers', zh: '演讲嘉宾' },
  },
  access: { create: editors, read: publicOrInsiders, update: editors, delete: editors },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['name', 'organisations', 'honorific', 'translationStatus', 'updatedAt'],
    group: { en: 'People', zh: '人员' },
    listSearchableFields: ['label', 'name', 'slug'],
  },
  // The slug follows the English name: the same order, without joining the locales table on
  // every read that does not sort (relationship population uses the default sort).
  defaultSort: 'slug',
  // What another document shows of a speaker it names (a meeting's host and statements, a photo's
  // people), over REST, GraphQL and the local API alike, unless the reader asks for more: without
  // it, depth 1 read each speaker in full, its meetings join included, and a page of 20 meetings
  // was megabytes of JSON. The label is the admin's title (staff-only, by field access): without it
  // the version comparison showed a meeting's speakers as bare ids.
  defaultPopulate: {
    name: true,
    honorific: true,
    slug: true,
    portrait: true,
    positions: true,
    label: true,
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'honorific',
          type: 'text',
          label: { en: 'Honorific', zh: '称谓' },
          localized: true,
          admin: {
            width: '25%',
            description: { en: 'Mr, Ms, Dr, Prof…', zh: '先生、女士、博士、教授……' },
          },
        },
        {
          name: 'name',
          type: 'text',
          label: { en: 'Name', zh: '姓名' },
          required: true,
          localized: true,
          index: true,
          admin: {
            description: {
              en: 'As printed in the programme, e.g. "Zou Ji" (family name first).',
              zh: '按会议议程的写法，例如"邹骥"。',
            },
          },
        },
      ],
    },
    {
      name: 'portrait',
      type: 'upload',
      label: { en: 'Portrait', zh: '肖像' },
      relationTo: 'photos',
    },
    {
      name: 'positions',
      type: 'array',
      label: { en: 'Positions', zh: '职务' },
      labels: { singular: { en: 'Position', zh: '职务' }, plural: { en: 'Positions', zh: '职务' } },
      admin: {
        description: {
          en: 'Every role the speaker holds, the most important first.',
          zh: '嘉宾担任的所有职务，最重要的排在最前。',
        },
      },
      fields: [
        {
          name: 'title',
          type: 'text',
          label: { en: 'Title', zh: '职务名称' },
          required: true,
          localized: true,
        },
        {
          name: 'organisation',
          type: 'relationship',
          label: { en: 'Organisation', zh: '机构' },
          relationTo: 'organisations',
        },
        {
          type: 'row',
          fields: [
            {
              name: 'startDate',
              type: 'date',
              label: { en: 'From', zh: '起始' },
              admin: { date: { pickerAppearance: 'monthOnly', displayFormat: 'MMM yyyy' } },
            },
            {
              name: 'endDate',
              type: 'date',
              label: { en: 'Until', zh: '截止' },
              admin: {
                date: { pickerAppearance: 'monthOnly', displayFormat: 'MMM yyyy' },
                description: {
                  en: 'Leave empty while the position is held.',
                  zh: '仍在任时留空。',
                },
              },
            },
          ],
        },
      ],
    },
    {
      name: 'bio',
      type: 'richText',
      label: { en: 'Short biography', zh: '简介' },
      localized: true,
    },
    {
      name: 'meetings',
      type: 'join',
      label: { en: 'Meetings', zh: '会议' },
      collection: 'meetings',
      on: 'participants',
      defaultSort: '-startsAt',
      admin: {
        description: {
          en: 'Meetings this speaker hosted, spoke at or answered questions in.',
          zh: '该嘉宾主持、发言或回答提问的会议。',
        },
      },
    },
    {
      name: 'organisations',
      type: 'relationship',
      label: { en: 'Organisations', zh: '所属机构' },
      relationTo: 'organisations',
      hasMany: true,
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: { en: 'Filled in on save from the positions.', zh: '保存时根据职务填写。' },
      },
    },
    slugField({ useAsSlug: 'name' }),
    ...standingFields({ noun: 'speaker' }),
    adminLabelField({
      labelsFor: speakerLabels,
      description: {
        en: 'What pickers and lists show, made on save from the name and the organisation of the first position.',
        zh: '选择框和列表中显示的名称，保存时由姓名和第一个职务的机构生成。',
      },
    }),
    ...translationFields(),
    updatedByField(),
    mergeRecordField(),
  ],
  hooks: {
    beforeOperation: [searchEveryLocale({ field: 'label' })],
    beforeChange: [
      collectOrganisations,
      deriveVisibility('speakers'),
      setUpdatedBy,
      trackTranslation({ requiredField: 'name' }),
    ],
    afterChange: [
      revalidateAfterChange('speakers'),
      refreshOrganisationsAfterChange,
      syncSearchVisibility('speakers'),
    ],
    afterDelete: [revalidateAfterDelete('speakers'), refreshOrganisationsAfterDelete],
  },
  endpoints: [mergeEndpoint('speakers')],
}
