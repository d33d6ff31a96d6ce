import type { CollectionConfig, RelationshipField } from 'payload'

import { editors } from '@/payload/access/editors'
import { insiders } from '@/payload/access/insiders'
import { publishedOrInsiders } from '@/payload/access/publishedOrInsiders'
import { translationFields } from '@/payload/fields/translation'
import { updatedByField } from '@/payload/fields/updatedBy'
import { revalidateAfterChange, revalidateAfterDelete } from '@/payload/hooks/revalidate'
import { setUpdatedBy } from '@/payload/hooks/setUpdatedBy'
import { trackTranslation } from '@/payload/hooks/trackTranslation'
import { cacheTags } from '@/content/cacheTags'
import { siteContent } from '@/payload/siteContent'
import { pathUnder } from '@/site/paths'

import { slugFromYear } from './hooks/slugFromYear'

export const partnerRoles = [
  { name: 'hosts', label: { en: 'Hosts', zh: '主办单位' } },
  { name: 'coOrganisers', label: { en: 'Co-organisers', zh: '协办单位' } },
  { name: 'supporters', label: { en: 'Supporters', zh: '支持单位' } },
  { name: 'mediaPartners', label: { en: 'Media partners', zh: '合作媒体' } },
] as const

export type PartnerRole = (typeof partnerRoles)[number]['name']

const partnerField = ({ name, label }: (typeof partnerRoles)[number]): RelationshipField => ({
  name,
  type: 'relationship',
  label,
  relationTo: 'organisations',
  // In the order the edition's materials list them; drag to reorder.
  hasMany: true,
})

// One forum a year: its year is its id, so a meeting's `edition` is the year it always was (the
// REST and GraphQL value partners already read, and `where[edition][equals]=2022`).
export const Editions: CollectionConfig = {
  slug: 'editions',
  custom: siteContent({
    tags: [cacheTags.editions],
    publicAPI: true,
    list: '/editions',
    page: pathUnder('/editions'),
    sitemap: { sort: '-id' },
    search: { priority: 10 },
  }),
  labels: {
    singular: { en: 'Forum edition', zh: '论坛届次' },
    plural: { en: 'Forum editions', zh: '论坛届次' },
  },
  access: {
    create: editors,
    read: publishedOrInsiders,
    readVersions: insiders,
    update: editors,
    delete: editors,
  },
  admin: {
    useAsTitle: 'id',
    defaultColumns: ['id', 'theme', 'city', 'startsOn', '_status', 'translationStatus'],
    group: { en: 'Forum', zh: '论坛' },
    description: {
      en: 'One forum a year: its theme, dates, venue and partners. Meetings belong to an edition.',
      zh: '每年一届论坛：主题、日期、地点和合作单位。会议属于某一届论坛。',
    },
    listSearchableFields: ['theme', 'city'],
  },
  defaultSort: '-id',
  // What a meeting shows of its edition at depth 1 (REST, GraphQL, the local API): the year and
  // what names it, not the edition's own meetings join and partners.
  defaultPopulate: {
    theme: true,
    startsOn: true,
    endsOn: true,
    city: true,
    venue: true,
    slug: true,
  },
  fields: [
    {
      name: 'id',
      type: 'number',
      label: { en: 'Year', zh: '年份' },
      required: true,
      min: 2000,
      max: 2100,
      admin: {
        description: { en: 'The year of the forum, e.g. 2022.', zh: '论坛举办年份，例如 2022。' },
      },
    },
    { name: 'theme', type: 'text', label: { en: 'Theme', zh: '主题' }, localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'startsOn',
          type: 'date',
          label: { en: 'First day', zh: '开幕日期' },
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
        },
        {
          name: 'endsOn',
          type: 'date',
          label: { en: 'Last day', zh: '闭幕日期' },
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'city', type: 'text', label: { en: 'City', zh: '城市' }, localized: true },
        { name: 'venue', type: 'text', label: { en: 'Venue', zh: '会场' }, localized: true },
      ],
    },
    {
      name: 'heroPhoto',
      type: 'upload',
      label: { en: 'Photo', zh: '主图' },
      relationTo: 'photos',
    },
    {
      name: 'summary',
      type: 'textarea',
      label: { en: 'Summary', zh: '简介' },
      localized: true,
    },
    {
      name: 'partners',
      type: 'group',
      label: { en: 'Partners', zh: '合作单位' },
      fields: partnerRoles.map(partnerField),
    },
    {
      name: 'meetings',
      type: 'join',
      label: { en: 'Meetings', zh: '会议' },
      collection: 'meetings',
      on: 'edition',
      defaultSort: 'startsAt',
    },
    {
      name: 'slug',
      type: 'text',
      index: true,
      // The year as text, so the sitemap, search and links address it as they do every page.
      admin: { hidden: true },
    },
    ...translationFields(),
    updatedByField(),
  ],
  hooks: {
    afterChange: [revalidateAfterChange('editions')],
    afterDelete: [revalidateAfterDelete('editions')],
    beforeChange: [slugFromYear, setUpdatedBy, trackTranslation({ requiredField: 'summary' })],
  },
  versions: { drafts: true, maxPerDoc: 20 },
}
