import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { revalidateAfterChange, revalidateAfterDelete } from '@/hooks/revalidate'

export const photoMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

export const photoSizes = {
  thumbnail: { width: 320, height: 320 },
  card: { width: 768, height: 512 },
  hero: { width: 1920, height: 1080 },
  og: { width: 1200, height: 630 },
} as const

export const Photos: CollectionConfig = {
  slug: 'photos',
  labels: { singular: 'Photo', plural: 'Photos' },
  access: { create: editors, read: anyone, update: editors, delete: editors },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'meeting', 'takenAt'],
    group: 'Media',
    listSearchableFields: ['alt', 'filename', 'credit'],
  },
  defaultSort: '-takenAt',
  upload: {
    staticDir: process.env.MEDIA_DIR || 'media',
    mimeTypes: photoMimeTypes,
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    // Sizes are WebP (smaller at the same quality) except the Open Graph crop, which some
    // link-preview crawlers still only read as JPEG.
    imageSizes: [
      {
        name: 'thumbnail',
        ...photoSizes.thumbnail,
        position: 'centre',
        formatOptions: { format: 'webp', options: { quality: 78 } },
      },
      {
        name: 'card',
        ...photoSizes.card,
        formatOptions: { format: 'webp', options: { quality: 80 } },
      },
      {
        name: 'hero',
        ...photoSizes.hero,
        withoutEnlargement: true,
        formatOptions: { format: 'webp', options: { quality: 82 } },
      },
      {
        name: 'og',
        ...photoSizes.og,
        formatOptions: { format: 'jpeg', options: { quality: 82, mozjpeg: true } },
      },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: 'Alternative text',
      required: true,
      localized: true,
      admin: {
        description:
          'What the photo shows, for readers who cannot see it, e.g. "Zou Ji speaking at the round table".',
      },
    },
    { name: 'caption', type: 'textarea', label: 'Caption', localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'credit',
          type: 'text',
          label: 'Credit',
          admin: { description: 'Photographer or agency.' },
        },
        {
          name: 'takenAt',
          type: 'date',
          label: 'Taken',
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'meeting',
      type: 'relationship',
      label: 'Meeting',
      relationTo: 'meetings',
      index: true,
      admin: { description: 'Shows the photo in this meeting’s "Live pictures".' },
    },
    {
      name: 'people',
      type: 'relationship',
      label: 'People shown',
      relationTo: 'speakers',
      hasMany: true,
      index: true,
    },
  ],
  hooks: {
    afterChange: [revalidateAfterChange('photos')],
    afterDelete: [revalidateAfterDelete('photos')],
  },
}
