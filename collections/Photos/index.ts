import type { CollectionConfig } from 'payload'

import { anyone } from '@/payload/access/anyone'
import { editors } from '@/payload/access/editors'
import { answerUnchangedFiles } from '@/payload/fileETags'
import { updatedByField } from '@/payload/fields/updatedBy'
import { revalidateAfterChange, revalidateAfterDelete } from '@/payload/hooks/revalidate'
import { setUpdatedBy } from '@/payload/hooks/setUpdatedBy'
import { cacheTags } from '@/content/cacheTags'
import { siteContent } from '@/payload/siteContent'

import { checkImageFile } from './hooks/checkImageFile'
import { shareUploadBuffer } from './hooks/shareUploadBuffer'

const photosDir = process.env.MEDIA_DIR || 'media'

export const photoMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

// Every size is a crop to exactly width × height (around the focal point) except the hero, which
// the gallery's viewer shows whole: it fits inside a 1920×1080 screen, as a portrait or a
// landscape, so its height and width depend on the photo's shape.
export const photoSizes = {
  thumbnail: { width: 320, height: 320, fit: 'cover' },
  card: { width: 768, height: 512, fit: 'cover' },
  hero: { width: 1920, height: 1080, fit: 'inside' },
  og: { width: 1200, height: 630, fit: 'cover' },
} as const

// Of libwebp's 0-6, the default 4 takes 3-4 times as long as 2 for about 3 % smaller files at the
// same quality: on a 1620×1080 hero, 0.2 s of CPU against 0.06 s for 2 KB. Only the hero reaches
// readers as it is; next/image re-encodes the thumbnail and card for each screen.
const webpEffort = 2

export const Photos: CollectionConfig = {
  slug: 'photos',
  // Photos have no page of their own: the "Live pictures" list shows those of meetings.
  custom: siteContent({
    tags: [cacheTags.photos],
    publicAPI: true,
    list: '/photos',
    sitemap: { sort: '-updatedAt', where: { meeting: { exists: true } } },
  }),
  labels: { singular: { en: 'Photo', zh: '照片' }, plural: { en: 'Photos', zh: '照片' } },
  access: { create: editors, read: anyone, update: editors, delete: editors },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'meeting', 'takenAt'],
    group: { en: 'Media', zh: '媒体' },
    listSearchableFields: ['alt', 'filename', 'credit'],
  },
  defaultSort: '-takenAt',
  upload: {
    staticDir: photosDir,
    handlers: [answerUnchangedFiles(photosDir)],
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
        formatOptions: { format: 'webp', options: { quality: 78, effort: webpEffort } },
      },
      {
        name: 'card',
        ...photoSizes.card,
        formatOptions: { format: 'webp', options: { quality: 80, effort: webpEffort } },
      },
      // Not cropped: a crop is what made the hero slow, since Payload cuts a crop around the focal
      // point by resizing the whole photo twice without JPEG shrink-on-load (two full decodes of a
      // 24 MP original), while 'inside' is one sharp resize that decodes at half size.
      {
        name: 'hero',
        ...photoSizes.hero,
        withoutEnlargement: true,
        formatOptions: { format: 'webp', options: { quality: 82, effort: webpEffort } },
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
      label: { en: 'Alternative text', zh: '替代文字' },
      required: true,
      localized: true,
      admin: {
        description: {
          en: 'What the photo shows, for readers who cannot see it, e.g. "Zou Ji speaking at the round table".',
          zh: '为看不到照片的读者说明照片内容，例如"邹骥在圆桌会议上发言"。',
        },
      },
    },
    {
      name: 'caption',
      type: 'textarea',
      label: { en: 'Caption', zh: '图片说明' },
      localized: true,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'credit',
          type: 'text',
          label: { en: 'Credit', zh: '署名' },
          admin: { description: { en: 'Photographer or agency.', zh: '摄影师或图片机构。' } },
        },
        {
          name: 'takenAt',
          type: 'date',
          label: { en: 'Taken', zh: '拍摄时间' },
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'meeting',
      type: 'relationship',
      label: { en: 'Meeting', zh: '会议' },
      relationTo: 'meetings',
      index: true,
      admin: {
        description: {
          en: 'Shows the photo in this meeting’s "Live pictures".',
          zh: '在该会议的"现场图片"中显示此照片。',
        },
      },
    },
    {
      name: 'people',
      type: 'relationship',
      label: { en: 'People shown', zh: '照片中的人物' },
      relationTo: 'speakers',
      hasMany: true,
      index: true,
    },
    updatedByField(),
  ],
  hooks: {
    beforeOperation: [checkImageFile, shareUploadBuffer],
    beforeChange: [setUpdatedBy],
    afterChange: [revalidateAfterChange('photos')],
    afterDelete: [revalidateAfterDelete('photos')],
  },
}
