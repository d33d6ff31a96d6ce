import type { CollectionConfig } from 'payload'

import { editors } from '@/access/editors'
import { publicOrInsiders } from '@/access/publicOrInsiders'
import { slugField } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { isAnnouncedField, visibilityField } from '@/fields/visibility'
import { revalidateAfterChange, revalidateAfterDelete } from '@/hooks/revalidate'
import { deriveVisibility, syncSearchVisibility } from '@/hooks/visibility'

export const organisationKinds = [
  { label: 'UN agency or programme', value: 'un-agency' },
  { label: 'Intergovernmental organisation', value: 'intergovernmental' },
  { label: 'Government body', value: 'government' },
  { label: 'Multilateral bank', value: 'multilateral-bank' },
  { label: 'University or academy', value: 'academic' },
  { label: 'Think tank or NGO', value: 'ngo' },
  { label: 'Company', value: 'company' },
  { label: 'Media', value: 'media' },
] as const

export const Organisations: CollectionConfig = {
  slug: 'organisations',
  labels: { singular: 'Organisation', plural: 'Organisations' },
  access: { create: editors, read: publicOrInsiders, update: editors, delete: editors },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'abbreviation', 'kind', 'country'],
    group: 'People',
    listSearchableFields: ['name', 'abbreviation', 'slug'],
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
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: 'Name',
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
          label: 'Abbreviation',
          index: true,
          admin: { description: 'As the forum writes it: WB, CASS, IFC, UNIDO.' },
        },
        {
          name: 'kind',
          type: 'select',
          label: 'Kind',
          required: true,
          options: [...organisationKinds],
          index: true,
        },
        {
          name: 'country',
          type: 'text',
          label: 'Country',
          localized: true,
          admin: { description: 'Where it is based; leave empty for international bodies.' },
        },
      ],
    },
    urlField({ name: 'website', label: 'Website' }),
    { name: 'logo', type: 'upload', label: 'Logo', relationTo: 'photos' },
    { name: 'description', type: 'richText', label: 'Description', localized: true },
    {
      name: 'people',
      type: 'join',
      label: 'People',
      collection: 'speakers',
      on: 'organisations',
      // Sorting a join by a localized field (name) builds invalid SQL in @payloadcms/drizzle
      // 3.90; the slug follows the name closely enough for A–Z.
      defaultSort: 'slug',
      admin: { description: 'Speakers with a position at this organisation.' },
    },
    {
      name: 'meetings',
      type: 'join',
      label: 'Meetings attended',
      collection: 'meetings',
      on: 'attendingOrganisations',
      defaultSort: '-startsAt',
    },
    slugField({ useAsSlug: 'name' }),
    visibilityField({ noun: 'organisation' }),
    isAnnouncedField({ noun: 'organisation' }),
  ],
  hooks: {
    afterChange: [revalidateAfterChange('organisations'), syncSearchVisibility('organisations')],
    afterDelete: [revalidateAfterDelete('organisations')],
    beforeChange: [deriveVisibility('organisations')],
  },
}
