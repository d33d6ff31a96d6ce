import type { CollectionConfig, DateFieldValidation } from 'payload'

import { editors } from '@/payload/access/editors'
import { editorsField } from '@/payload/access/editorsField'
import { insiders } from '@/payload/access/insiders'
import { publishedOrInsiders } from '@/payload/access/publishedOrInsiders'
import { dateTimeField } from '@/payload/fields/dateTime'
import { slugField } from '@/payload/fields/slug'
import { translationFields } from '@/payload/fields/translation'
import { updatedByField } from '@/payload/fields/updatedBy'
import { previewLink } from '@/payload/previewLink'
import { recordingsField } from '@/payload/fields/recordings'
import { setPublishedAt } from '@/payload/hooks/setPublishedAt'
import { revalidateAfterChange, revalidateAfterDelete } from '@/payload/hooks/revalidate'
import { setUpdatedBy } from '@/payload/hooks/setUpdatedBy'
import { trackTranslation } from '@/payload/hooks/trackTranslation'
import { cacheTags } from '@/content/cacheTags'
import { siteContent } from '@/payload/siteContent'
import { pathUnder } from '@/site/paths'

import { importPageEndpoint } from './endpoints/importPage'
import { collectParticipants } from './hooks/collectParticipants'
import { fileUnderEdition, validateEdition } from './hooks/fileUnderEdition'
import { refuseUnconfirmedPeople } from './hooks/refuseUnconfirmedPeople'
import {
  refreshNamedPeopleAfterChange,
  refreshNamedPeopleAfterDelete,
  rememberLatestPeople,
  rememberPublishedPeople,
} from './hooks/refreshNamedPeople'
import {
  revalidateScheduleAfterChange,
  revalidateScheduleAfterDelete,
} from './hooks/revalidateSchedule'

export const meetingKindOptions = [
  { label: { en: 'Round table', zh: '圆桌会议' }, value: 'round-table' },
  { label: { en: 'Plenary session', zh: '全体会议' }, value: 'plenary' },
  { label: { en: 'Forum session', zh: '分论坛' }, value: 'forum' },
  { label: { en: 'Workshop', zh: '研讨会' }, value: 'workshop' },
  { label: { en: 'Side event', zh: '边会' }, value: 'side-event' },
  { label: { en: 'Press event', zh: '新闻发布会' }, value: 'press-event' },
] as const

export const Meetings: CollectionConfig = {
  slug: 'meetings',
  custom: siteContent({
    tags: [cacheTags.meetings],
    publicAPI: true,
    list: '/meetings',
    page: pathUnder('/meetings'),
    sitemap: { sort: '-startsAt' },
    search: { priority: 30 },
  }),
  labels: { singular: { en: 'Meeting', zh: '会议' }, plural: { en: 'Meetings', zh: '会议' } },
  access: {
    create: editors,
    read: publishedOrInsiders,
    readVersions: insiders,
    update: editors,
    delete: editors,
  },
  admin: {
    useAsTitle: 'title',
    preview: (doc, { locale }) => previewLink({ collection: 'meetings', doc, locale }),
    defaultColumns: ['title', 'edition', 'kind', 'startsAt', '_status', 'translationStatus'],
    group: { en: 'Forum', zh: '论坛' },
    description: {
      en: 'Round tables, plenaries and other sessions of the forum.',
      zh: '论坛的圆桌会议、全体会议和其他会议。',
    },
    listSearchableFields: ['title', 'slug', 'venue'],
    components: { beforeListTable: ['/components/admin/ImportPageButton#ImportPageButton'] },
  },
  defaultSort: '-startsAt',
  // The public list: published meetings newest first, with Payload's createdAt tie-break. With
  // this index the database walks the meetings in order and stops at the page asked for; with
  // the _status index alone it sorted all 10,000 published meetings for every page.
  indexes: [{ fields: ['_status', 'startsAt', 'createdAt'] }],
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { en: 'Title', zh: '标题' },
      required: true,
      localized: true,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: { en: 'Kind of meeting', zh: '会议类型' },
          required: true,
          defaultValue: 'round-table',
          options: [...meetingKindOptions],
          index: true,
        },
        {
          name: 'edition',
          type: 'relationship',
          label: { en: 'Forum edition', zh: '论坛届次' },
          relationTo: 'editions',
          required: true,
          index: true,
          // Payload checks that a related document exists only as the database's foreign key,
          // which would answer a wrong year with a 500; a year out of range is refused in words.
          validate: validateEdition,
          admin: {
            description: {
              en: 'The year of the forum this meeting belongs to; + adds a year not listed yet. (An import or API save naming a new year makes a draft edition to complete.)',
              zh: '本会议所属论坛的年份；如未列出，可用 + 添加。（导入或通过 API 保存新的年份时，会新建一个待完善的草稿届次。）',
            },
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        dateTimeField({
          name: 'startsAt',
          label: { en: 'Starts', zh: '开始时间' },
          required: true,
        }),
        {
          ...dateTimeField({ name: 'endsAt', label: { en: 'Ends', zh: '结束时间' } }),
          validate: ((value, { siblingData }) => {
            const startsAt = (siblingData as { startsAt?: string }).startsAt
            if (value && startsAt && new Date(value) < new Date(startsAt))
              return 'The meeting cannot end before it starts.'
            return true
          }) satisfies DateFieldValidation,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'venue', type: 'text', label: { en: 'Venue', zh: '地点' }, localized: true },
        {
          name: 'room',
          type: 'text',
          label: { en: 'Room', zh: '会议室' },
          localized: true,
          admin: {
            description: {
              en: 'Where in the venue, for the programme: e.g. Hall A.',
              zh: '会场内的具体位置，用于日程：例如 A 厅。',
            },
          },
        },
      ],
    },
    {
      name: 'host',
      type: 'relationship',
      label: { en: 'Host', zh: '主持人' },
      relationTo: 'speakers',
      admin: {
        description: {
          en: 'The speaker who chaired or moderated the meeting.',
          zh: '主持会议的嘉宾。',
        },
      },
    },
    {
      name: 'coHosts',
      type: 'relationship',
      label: { en: 'Co-hosts', zh: '共同主持人' },
      relationTo: 'speakers',
      hasMany: true,
      admin: {
        description: {
          en: 'When several people chaired the meeting: everyone after the host, in order.',
          zh: '多人共同主持时，主持人之外的其他人，按顺序填写。',
        },
      },
    },
    {
      name: 'focus',
      type: 'textarea',
      label: { en: 'Focus', zh: '主题' },
      localized: true,
      admin: {
        description: {
          en: 'The theme in a sentence, e.g. "policy and trend, city and project".',
          zh: '用一句话概括主题，例如"政策与趋势、城市与项目"。',
        },
      },
    },
    {
      name: 'topics',
      type: 'array',
      label: { en: 'Topics', zh: '议题' },
      labels: { singular: { en: 'Topic', zh: '议题' }, plural: { en: 'Topics', zh: '议题' } },
      fields: [
        {
          name: 'topic',
          type: 'text',
          label: { en: 'Topic', zh: '议题' },
          required: true,
          localized: true,
        },
      ],
    },
    {
      name: 'summary',
      type: 'textarea',
      label: { en: 'Summary', zh: '摘要' },
      localized: true,
      admin: {
        description: {
          en: 'Two or three sentences for lists, search results and link previews.',
          zh: '两三句话，用于列表、搜索结果和链接预览。',
        },
      },
    },
    { name: 'body', type: 'richText', label: { en: 'Report', zh: '报道' }, localized: true },
    {
      name: 'statements',
      type: 'array',
      label: { en: 'Statements', zh: '发言' },
      labels: {
        singular: { en: 'Statement', zh: '发言' },
        plural: { en: 'Statements', zh: '发言' },
      },
      admin: {
        description: {
          en: 'What each speaker said, in the order they spoke.',
          zh: '每位嘉宾的发言，按发言顺序排列。',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'speaker',
              type: 'relationship',
              label: { en: 'Speaker', zh: '发言人' },
              relationTo: 'speakers',
              required: true,
            },
            {
              name: 'organisation',
              type: 'relationship',
              label: { en: 'Speaking for', zh: '代表机构' },
              relationTo: 'organisations',
              admin: {
                description: {
                  en: 'The organisation the speaker represented at this meeting.',
                  zh: '嘉宾在本次会议上代表的机构。',
                },
              },
            },
          ],
        },
        {
          name: 'position',
          type: 'text',
          label: { en: 'Position', zh: '职务' },
          localized: true,
          admin: {
            description: {
              en: 'The role they spoke in, e.g. "Senior Investment Officer".',
              zh: '发言时的身份，例如"高级投资官"。',
            },
          },
        },
        {
          name: 'statement',
          type: 'richText',
          label: { en: 'Statement', zh: '发言内容' },
          localized: true,
        },
      ],
    },
    {
      name: 'questions',
      type: 'array',
      label: { en: 'Questions and answers', zh: '问答' },
      labels: { singular: { en: 'Question', zh: '问题' }, plural: { en: 'Questions', zh: '问题' } },
      fields: [
        {
          name: 'question',
          type: 'textarea',
          label: { en: 'Question', zh: '问题' },
          required: true,
          localized: true,
        },
        {
          name: 'askedBy',
          type: 'text',
          label: { en: 'Asked by', zh: '提问人' },
          localized: true,
          admin: {
            description: {
              en: 'Optional: who asked, e.g. "the moderator" or a name.',
              zh: '可选：提问人，例如"主持人"或姓名。',
            },
          },
        },
        {
          name: 'answers',
          type: 'array',
          label: { en: 'Answers', zh: '回答' },
          labels: { singular: { en: 'Answer', zh: '回答' }, plural: { en: 'Answers', zh: '回答' } },
          fields: [
            {
              name: 'speaker',
              type: 'relationship',
              label: { en: 'Answered by', zh: '回答人' },
              relationTo: 'speakers',
              required: true,
            },
            {
              name: 'answer',
              type: 'textarea',
              label: { en: 'Answer', zh: '回答' },
              required: true,
              localized: true,
            },
          ],
        },
      ],
    },
    {
      name: 'attendingOrganisations',
      type: 'relationship',
      label: { en: 'Attending organisations', zh: '参会机构' },
      relationTo: 'organisations',
      hasMany: true,
    },
    {
      name: 'photos',
      type: 'join',
      label: { en: 'Photos', zh: '照片' },
      collection: 'photos',
      on: 'meeting',
      defaultSort: 'takenAt',
      admin: {
        description: {
          en: 'Photos whose "Meeting" is this one ("Live pictures").',
          zh: '"会议"为本会议的照片（"现场图片"）。',
        },
      },
    },
    recordingsField,
    {
      name: 'documents',
      type: 'join',
      label: { en: 'Documents', zh: '文件' },
      collection: 'documents',
      on: 'meeting',
      // In the order they were uploaded (Payload's SQLite join cannot sort by a localized title).
      defaultSort: 'createdAt',
      admin: {
        description: {
          en: 'Slides, statements and reports (PDF) whose "Meeting" is this one; add one here.',
          zh: '"会议"为本会议的演示文稿、发言稿和报告（PDF），可在此添加。',
        },
      },
    },
    {
      name: 'participants',
      type: 'relationship',
      label: { en: 'Participants', zh: '参与嘉宾' },
      relationTo: 'speakers',
      hasMany: true,
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: {
          en: 'Filled in on save from the host, the statements and the answers.',
          zh: '保存时根据主持人、发言和回答填写。',
        },
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: { en: 'Published', zh: '发布时间' },
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: {
          en: 'Set on first publication; change it to back-date a report.',
          zh: '首次发布时设置；修改它可以将报道的日期提前。',
        },
      },
    },
    {
      name: 'legacySource',
      type: 'text',
      label: { en: 'Imported from', zh: '导入来源' },
      index: true,
      // Import bookkeeping is for staff; published meetings are otherwise public.
      access: { read: editorsField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.legacySource),
        description: {
          en: 'The old page this draft was imported from; importing it again updates it.',
          zh: '此草稿导入自的旧网页；再次导入会更新它。',
        },
      },
    },
    {
      name: 'legacyAddress',
      type: 'text',
      label: { en: 'Old address', zh: '旧地址' },
      // Import bookkeeping is for staff, like legacySource.
      access: { read: editorsField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.legacyAddress),
        description: {
          en: 'Where the imported page was on the old site. Once this meeting is published, that address leads here (see Redirects).',
          zh: '导入的网页在旧网站上的地址。本会议发布后，该地址将跳转到这里（见“重定向”）。',
        },
      },
    },
    {
      // { summary, notes: [{ confidence, text, record? }] } (src/import/importContext.ts); a plain
      // string in drafts imported before notes linked to their records.
      name: 'importNotes',
      type: 'json',
      label: { en: 'Import notes', zh: '导入备注' },
      access: { read: editorsField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.importNotes),
        components: { Field: '/components/admin/ImportNotes#ImportNotes' },
        description: {
          en: 'What the import was unsure of, and the speakers and organisations it created. Check each point, confirm each new record, then publish.',
          zh: '导入时不确定的内容，以及导入新建的嘉宾和机构。请逐条核对并确认每条新记录，然后发布。',
        },
      },
    },
    slugField({ useAsSlug: 'title' }),
    ...translationFields(),
    updatedByField(),
  ],
  hooks: {
    beforeValidate: [fileUnderEdition],
    afterChange: [
      revalidateAfterChange('meetings'),
      revalidateScheduleAfterChange,
      refreshNamedPeopleAfterChange,
    ],
    afterDelete: [
      revalidateAfterDelete('meetings'),
      revalidateScheduleAfterDelete,
      refreshNamedPeopleAfterDelete,
    ],
    beforeChange: [
      collectParticipants,
      refuseUnconfirmedPeople,
      setPublishedAt,
      rememberPublishedPeople,
      setUpdatedBy,
      trackTranslation({ requiredField: 'title' }),
    ],
    beforeDelete: [rememberLatestPeople],
  },
  endpoints: [importPageEndpoint],
  versions: {
    // Autosave keeps the live preview in step with the editor's typing.
    drafts: { autosave: { interval: 1500 } },
    maxPerDoc: 50,
  },
}
