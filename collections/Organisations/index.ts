import type { CollectionConfig } from 'payload'

import { editors } from '@/payload/access/editors'
import { publicOrInsiders } from '@/payload/access/publicOrInsiders'
import { adminLabelField } from '@/payload/fields/adminLabel'
import { mergeRecordField } from '@/payload/fields/mergeRecord'
import { slugField } from '@/payload/fields/slug'
import { translationFields } from '@/payload/fields/translation'
import { updatedByField } from '@/payload/fields/updatedBy'
import { urlField } from '@/payload/fields/url'
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

import { relabelSpeakers } from './hooks/relabelSpeakers'
import { organisationLabels } from './labels'

export const organisationKindOptions = [
  { label: { en: 'UN agency or programme', zh: '联合国机构或项目' }, value: 'un-agency' },
  {
    label: { en: 'Intergovernmental organisation', zh: '政府间组织' },
    value: 'intergovernmental',
  },
  { label: { en: 'Government body', zh: '政府机构' }, value: 'government' },
  { label: { en: 'Multilateral bank', zh: '多边银行' }, value: 'multilateral-bank' },
  { label: { en: 'University or academy', zh: '大学或研究院' }, value: 'academic' },
  { label: { en: 'Think tank or NGO', zh: '智库或非政府组织' }, value: 'ngo' },
  { label: { en: 'Company', zh: '企业' }, value: 'company' },
  { label: { en: 'Media', zh: '媒体' }, value: 'media' },
] as const

export const Organisations: CollectionConfig = {
  slug: 'organisations',
  custom: siteContent({
    tags: [cacheTags.organisations],
    publicAPI: true,
    list: '/organisations',
    page: pathUnder('/organisations'),
    sitemap: { sort: 'slug' },
    search: { priority: 20 },
  }),
  labels: {
    singular: { en: 'Organisation', zh: '机构' },
    plural: { en: 'Organisations', zh: '机构' },
  },
  access: { create: editors, read: publicOrInsiders, update: editors, delete: editors },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['name', 'abbreviation', 'kind', 'country', 'translationStatus'],
    group: { en: 'People', zh: '人员' },
    listSearchableFields: ['label', 'name', 'abbreviation', 'slug'],
  },
  // The slug follows the English name: the same order, without joining the locales table on
  // every read that does not sort (relationship population uses the default sort).
  defaultSort: 'slug',
  // What another document shows of an organisation it names; its people and meetings joins are
  // read only on the organisation itself.
  defaultPopulate: {
    name: true,
    abbreviation: true,
    slug: true,
    kind: true,
    country: true,
    website: true,
    logo: true,
    // The admin's title (staff-only by field access), for the version comparison's names.
    label: true,
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { en: 'Name', zh: '名称' },
      required: true,
      localized: true,
      index: true,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'abbreviation',
          type: 'text',
          label: { en: 'Abbreviation', zh: '缩写' },
          index: true,
          admin: {
            description: {
              en: 'As the forum writes it: WB, CASS, IFC, UNIDO.',
              zh: '按论坛的写法：WB、CASS、IFC、UNIDO。',
            },
          },
        },
        {
          name: 'kind',
          type: 'select',
          label: { en: 'Kind', zh: '类型' },
          required: true,
          options: [...organisationKindOptions],
          index: true,
        },
        {
          name: 'country',
          type: 'text',
          label: { en: 'Country', zh: '国家或地区' },
          localized: true,
          admin: {
            description: {
              en: 'Where it is based; leave empty for international bodies.',
              zh: '总部所在地；国际组织留空。',
            },
          },
        },
      ],
    },
    urlField({ name: 'website', label: { en: 'Website', zh: '网站' } }),
    { name: 'logo', type: 'upload', label: { en: 'Logo', zh: '标志' }, relationTo: 'photos' },
    {
      name: 'description',
      type: 'richText',
      label: { en: 'Description', zh: '简介' },
      localized: true,
    },
    {
      name: 'people',
      type: 'join',
      label: { en: 'People', zh: '人员' },
      collection: 'speakers',
      on: 'organisations',
      // Sorting a join by a localized field (name) builds invalid SQL in @payloadcms/drizzle
      // 3.90; the slug follows the name closely enough for A–Z.
      defaultSort: 'slug',
      admin: {
        description: {
          en: 'Speakers with a position at this organisation.',
          zh: '在本机构任职的演讲嘉宾。',
        },
      },
    },
    {
      name: 'meetings',
      type: 'join',
      label: { en: 'Meetings attended', zh: '参加的会议' },
      collection: 'meetings',
      on: 'attendingOrganisations',
      defaultSort: '-startsAt',
    },
    slugField({ useAsSlug: 'name' }),
    ...standingFields({ noun: 'organisation' }),
    adminLabelField({
      labelsFor: organisationLabels,
      withAbbreviation: true,
      description: {
        en: 'What pickers and lists show, made on save from the name and abbreviation.',
        zh: '选择框和列表中显示的名称，保存时由名称和缩写生成。',
      },
    }),
    ...translationFields(),
    updatedByField(),
    mergeRecordField(),
  ],
  hooks: {
    beforeOperation: [searchEveryLocale({ field: 'label' })],
    beforeChange: [
      deriveVisibility('organisations'),
      setUpdatedBy,
      trackTranslation({ requiredField: 'name' }),
    ],
    afterChange: [
      revalidateAfterChange('organisations'),
      syncSearchVisibility('organisations'),
      relabelSpeakers,
    ],
    afterDelete: [revalidateAfterDelete('organisations')],
  },
  endpoints: [mergeEndpoint('organisations')],
}
