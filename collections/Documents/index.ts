import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { editors } from '@/payload/access/editors'
import { answerUnchangedFiles } from '@/payload/fileETags'
import { ofPublishedMeetingOrInsiders } from '@/payload/access/ofPublishedMeetingOrInsiders'
import { contentLanguageField } from '@/payload/fields/language'
import { updatedByField } from '@/payload/fields/updatedBy'
import { revalidateAfterChange, revalidateAfterDelete } from '@/payload/hooks/revalidate'
import { setUpdatedBy } from '@/payload/hooks/setUpdatedBy'
import { cacheTags } from '@/content/cacheTags'
import { siteContent } from '@/payload/siteContent'

import { checkPdfFile } from './hooks/checkPdfFile'

const documentsDir = path.join(process.env.MEDIA_DIR || 'media', 'documents')

// Slides, statements and reports of a meeting, as PDF files. They have no page of their own: the
// meeting's page lists them, and links to the file.
export const Documents: CollectionConfig = {
  slug: 'documents',
  custom: siteContent({ tags: [cacheTags.documents], publicAPI: true }),
  labels: {
    singular: { en: 'Document', zh: '文件' },
    plural: { en: 'Documents', zh: '文件' },
  },
  access: {
    create: editors,
    read: ofPublishedMeetingOrInsiders,
    update: editors,
    delete: editors,
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'meeting', 'language', 'filesize'],
    group: { en: 'Media', zh: '媒体' },
    description: {
      en: 'Slides, statements and reports of the meetings, as PDF files. The public sees those of published meetings.',
      zh: '会议的演示文稿、发言稿和报告（PDF 文件）。公众只能看到已发布会议的文件。',
    },
    listSearchableFields: ['title', 'filename'],
  },
  defaultSort: 'title',
  upload: {
    // A folder of its own inside the photos' one (the same volume in a deployment); the archive's
    // export lists each upload folder without the folders of the others. On object storage they
    // are under documents/ (src/payload/objectStorage.ts).
    staticDir: documentsDir,
    handlers: [answerUnchangedFiles(documentsDir)],
    mimeTypes: ['application/pdf'],
    // Nothing to fetch from another server: a document is uploaded from the editor's computer.
    pasteURL: false,
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { en: 'Title', zh: '标题' },
      required: true,
      localized: true,
      admin: {
        description: {
          en: 'As readers see it in the list, e.g. "Slides: Green finance in Chinese cities".',
          zh: '读者在列表中看到的标题，例如"演示文稿：中国城市的绿色金融"。',
        },
      },
    },
    {
      type: 'row',
      fields: [
        contentLanguageField({ label: { en: 'Language of the document', zh: '文件语言' } }),
        {
          name: 'meeting',
          type: 'relationship',
          label: { en: 'Meeting', zh: '会议' },
          relationTo: 'meetings',
          required: true,
          index: true,
          admin: {
            description: {
              en: 'Listed on this meeting’s page once the meeting is published.',
              zh: '会议发布后，在该会议页面中列出。',
            },
          },
        },
      ],
    },
    {
      // Payload's own field, made a list column that reads "2.4 MB"; the upload's details in the
      // edit view already show the size.
      name: 'filesize',
      type: 'number',
      label: { en: 'Size', zh: '大小' },
      admin: {
        hidden: false,
        readOnly: true,
        condition: () => false,
        components: { Cell: '/components/admin/FileSizeCell#FileSizeCell' },
      },
    },
    updatedByField(),
  ],
  hooks: {
    beforeOperation: [checkPdfFile],
    beforeChange: [setUpdatedBy],
    afterChange: [revalidateAfterChange('documents')],
    afterDelete: [revalidateAfterDelete('documents')],
  },
}
