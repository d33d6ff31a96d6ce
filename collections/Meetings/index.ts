import type { CollectionConfig, DateFieldValidation } from 'payload'

import { editors } from '@/access/editors'
import { editorsField } from '@/access/editorsField'
import { insiders } from '@/access/insiders'
import { publishedOrInsiders } from '@/access/publishedOrInsiders'
import { dateTimeField } from '@/fields/dateTime'
import { slugField } from '@/fields/slug'
import { previewLink } from '@/lib/previewLink'
import { setPublishedAt } from '@/hooks/setPublishedAt'
import { revalidateAfterChange, revalidateAfterDelete } from '@/hooks/revalidate'

import { importPageEndpoint } from './endpoints/importPage'
import { collectParticipants } from './hooks/collectParticipants'
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

export const meetingKinds = [
  { label: 'Round table', value: 'round-table' },
  { label: 'Plenary session', value: 'plenary' },
  { label: 'Forum session', value: 'forum' },
  { label: 'Workshop', value: 'workshop' },
  { label: 'Side event', value: 'side-event' },
  { label: 'Press event', value: 'press-event' },
] as const

export const Meetings: CollectionConfig = {
  slug: 'meetings',
  labels: { singular: 'Meeting', plural: 'Meetings' },
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
    defaultColumns: ['title', 'kind', 'startsAt', '_status'],
    group: 'Forum',
    description: 'Round tables, plenaries and other sessions of the forum.',
    listSearchableFields: ['title', 'slug', 'venue'],
    components: { beforeListTable: ['/components/admin/ImportPageButton#ImportPageButton'] },
  },
  defaultSort: '-startsAt',
  // The public list: published meetings newest first, with Payload's createdAt tie-break. With
  // this index the database walks the meetings in order and stops at the page asked for; with
  // the _status index alone it sorted all 10,000 published meetings for every page.
  indexes: [{ fields: ['_status', 'startsAt', 'createdAt'] }],
  fields: [
    { name: 'title', type: 'text', label: 'Title', required: true, localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: 'Kind of meeting',
          required: true,
          defaultValue: 'round-table',
          options: [...meetingKinds],
          index: true,
        },
        {
          name: 'edition',
          type: 'number',
          label: 'Forum edition (year)',
          required: true,
          min: 2000,
          max: 2100,
          index: true,
          admin: { description: 'The year of the forum this meeting belongs to, e.g. 2022.' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        dateTimeField({ name: 'startsAt', label: 'Starts', required: true }),
        {
          ...dateTimeField({ name: 'endsAt', label: 'Ends' }),
          validate: ((value, { siblingData }) => {
            const startsAt = (siblingData as { startsAt?: string }).startsAt
            if (value && startsAt && new Date(value) < new Date(startsAt))
              return 'The meeting cannot end before it starts.'
            return true
          }) satisfies DateFieldValidation,
        },
      ],
    },
    { name: 'venue', type: 'text', label: 'Venue', localized: true },
    {
      name: 'host',
      type: 'relationship',
      label: 'Host',
      relationTo: 'speakers',
      admin: { description: 'The speaker who chaired or moderated the meeting.' },
    },
    {
      name: 'focus',
      type: 'textarea',
      label: 'Focus',
      localized: true,
      admin: { description: 'The theme in a sentence, e.g. "policy and trend, city and project".' },
    },
    {
      name: 'topics',
      type: 'array',
      label: 'Topics',
      labels: { singular: 'Topic', plural: 'Topics' },
      fields: [{ name: 'topic', type: 'text', label: 'Topic', required: true, localized: true }],
    },
    {
      name: 'summary',
      type: 'textarea',
      label: 'Summary',
      localized: true,
      admin: { description: 'Two or three sentences for lists, search results and link previews.' },
    },
    { name: 'body', type: 'richText', label: 'Report', localized: true },
    {
      name: 'statements',
      type: 'array',
      label: 'Statements',
      labels: { singular: 'Statement', plural: 'Statements' },
      admin: { description: 'What each speaker said, in the order they spoke.' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'speaker',
              type: 'relationship',
              label: 'Speaker',
              relationTo: 'speakers',
              required: true,
            },
            {
              name: 'organisation',
              type: 'relationship',
              label: 'Speaking for',
              relationTo: 'organisations',
              admin: { description: 'The organisation the speaker represented at this meeting.' },
            },
          ],
        },
        {
          name: 'position',
          type: 'text',
          label: 'Position',
          localized: true,
          admin: { description: 'The role they spoke in, e.g. "Senior Investment Officer".' },
        },
        { name: 'statement', type: 'richText', label: 'Statement', localized: true },
      ],
    },
    {
      name: 'questions',
      type: 'array',
      label: 'Questions and answers',
      labels: { singular: 'Question', plural: 'Questions' },
      fields: [
        { name: 'question', type: 'textarea', label: 'Question', required: true, localized: true },
        {
          name: 'askedBy',
          type: 'text',
          label: 'Asked by',
          localized: true,
          admin: { description: 'Optional: who asked, e.g. "the moderator" or a name.' },
        },
        {
          name: 'answers',
          type: 'array',
          label: 'Answers',
          labels: { singular: 'Answer', plural: 'Answers' },
          fields: [
            {
              name: 'speaker',
              type: 'relationship',
              label: 'Answered by',
              relationTo: 'speakers',
              required: true,
            },
            { name: 'answer', type: 'textarea', label: 'Answer', required: true, localized: true },
          ],
        },
      ],
    },
    {
      name: 'attendingOrganisations',
      type: 'relationship',
      label: 'Attending organisations',
      relationTo: 'organisations',
      hasMany: true,
    },
    {
      name: 'photos',
      type: 'join',
      label: 'Photos',
      collection: 'photos',
      on: 'meeting',
      defaultSort: 'takenAt',
      admin: { description: 'Photos whose "Meeting" is this one ("Live pictures").' },
    },
    {
      name: 'participants',
      type: 'relationship',
      label: 'Participants',
      relationTo: 'speakers',
      hasMany: true,
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Filled in on save from the host, the statements and the answers.',
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: 'Published',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set on first publication; change it to back-date a report.',
      },
    },
    {
      name: 'legacySource',
      type: 'text',
      label: 'Imported from',
      index: true,
      // Import bookkeeping is for staff; published meetings are otherwise public.
      access: { read: editorsField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.legacySource),
        description: 'The old page this draft was imported from; importing it again updates it.',
      },
    },
    {
      name: 'importNotes',
      type: 'textarea',
      label: 'Import notes',
      access: { read: editorsField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        rows: 12,
        condition: (data) => Boolean(data?.importNotes),
        description: 'What the import was unsure of. Check each point before publishing.',
      },
    },
    slugField({ useAsSlug: 'title' }),
  ],
  hooks: {
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
    beforeChange: [collectParticipants, setPublishedAt, rememberPublishedPeople],
    beforeDelete: [rememberLatestPeople],
  },
  endpoints: [importPageEndpoint],
  versions: {
    // Autosave keeps the live preview in step with the editor's typing.
    drafts: { autosave: { interval: 1500 } },
    maxPerDoc: 50,
  },
}
