import type { CollectionConfig } from 'payload'

import { editors } from '@/access/editors'
import { publicOrInsiders } from '@/access/publicOrInsiders'
import { slugField } from '@/fields/slug'
import { isAnnouncedField, visibilityField } from '@/fields/visibility'
import { revalidateAfterChange, revalidateAfterDelete } from '@/hooks/revalidate'
import { deriveVisibility, syncSearchVisibility } from '@/hooks/visibility'

import { collectOrganisations } from './hooks/collectOrganisations'
import {
  refreshOrganisationsAfterChange,
  refreshOrganisationsAfterDelete,
} from './hooks/refreshOrganisationsVisibility'

export const Speakers: CollectionConfig = {
  slug: 'speakers',
  labels: { singular: 'Speaker', plural: 'Speakers' },
  access: { create: editors, read: publicOrInsiders, update: editors, delete: editors },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'honorific', 'updatedAt'],
    group: 'People',
    listSearchableFields: ['name', 'slug'],
  },
  // The slug follows the English name: the same order, without joining the locales table on
  // every read that does not sort (relationship population uses the default sort).
  defaultSort: 'slug',
  // What another document shows of a speaker it names (a meeting's host and statements, a photo's
  // people), over REST, GraphQL and the local API alike, unless the reader asks for more: without
  // it, depth 1 read each speaker in full, its meetings join included, and a page of 20 meetings
  // was megabytes of JSON.
  defaultPopulate: { name: true, honorific: true, slug: true, portrait: true, positions: true },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'honorific',
          type: 'text',
          label: 'Honorific',
          localized: true,
          admin: { width: '25%', description: 'Mr, Ms, Dr, Prof…' },
        },
        {
          name: 'name',
          type: 'text',
          label: 'Name',
          required: true,
          localized: true,
          index: true,
          admin: { description: 'As printed in the programme, e.g. "Zou Ji" (family name first).' },
        },
      ],
    },
    {
      name: 'portrait',
      type: 'upload',
      label: 'Portrait',
      relationTo: 'photos',
    },
    {
      name: 'positions',
      type: 'array',
      label: 'Positions',
      labels: { singular: 'Position', plural: 'Positions' },
      admin: { description: 'Every role the speaker holds, the most important first.' },
      fields: [
        { name: 'title', type: 'text', label: 'Title', required: true, localized: true },
        {
          name: 'organisation',
          type: 'relationship',
          label: 'Organisation',
          relationTo: 'organisations',
        },
        {
          type: 'row',
          fields: [
            {
              name: 'startDate',
              type: 'date',
              label: 'From',
              admin: { date: { pickerAppearance: 'monthOnly', displayFormat: 'MMM yyyy' } },
            },
            {
              name: 'endDate',
              type: 'date',
              label: 'Until',
              admin: {
                date: { pickerAppearance: 'monthOnly', displayFormat: 'MMM yyyy' },
                description: 'Leave empty while the position is held.',
              },
            },
          ],
        },
      ],
    },
    { name: 'bio', type: 'richText', label: 'Short biography', localized: true },
    {
      name: 'meetings',
      type: 'join',
      label: 'Meetings',
      collection: 'meetings',
      on: 'participants',
      defaultSort: '-startsAt',
      admin: { description: 'Meetings this speaker hosted, spoke at or answered questions in.' },
    },
    {
      name: 'organisations',
      type: 'relationship',
      label: 'Organisations',
      relationTo: 'organisations',
      hasMany: true,
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Filled in on save from the positions.',
      },
    },
    slugField({ useAsSlug: 'name' }),
    visibilityField({ noun: 'speaker' }),
    isAnnouncedField({ noun: 'speaker' }),
  ],
  hooks: {
    afterChange: [
      revalidateAfterChange('speakers'),
      refreshOrganisationsAfterChange,
      syncSearchVisibility('speakers'),
    ],
    afterDelete: [revalidateAfterDelete('speakers'), refreshOrganisationsAfterDelete],
    beforeChange: [collectOrganisations, deriveVisibility('speakers')],
  },
}
