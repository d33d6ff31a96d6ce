import type { Plugin } from 'payload'

import { formBuilderPlugin } from '@payloadcms/plugin-form-builder'

import { admins } from '@/payload/access/admins'
import { anyone } from '@/payload/access/anyone'
import { editors } from '@/payload/access/editors'
import { editorsField } from '@/payload/access/editorsField'
import { revalidateAfterChange, revalidateAfterDelete } from '@/payload/hooks/revalidate'
import { siteContent } from '@/payload/siteContent'
import { cacheTags } from '@/content/cacheTags'
import { nameSubmission } from '@/payload/hooks/nameSubmission'
import { validateFormSubmission } from '@/payload/hooks/validateFormSubmission'

// Forms an editor builds in the admin (the contact form first) and the submissions visitors send.
// Form definitions are public, since the site renders them; the e-mail settings inside them are
// staff-only. Submissions are readable by staff only, and never
// edited, so what a visitor sent stays as they sent it.
export const forms: Plugin = formBuilderPlugin({
  fields: {
    text: true,
    textarea: true,
    email: true,
    select: true,
    checkbox: true,
    message: true,
    number: false,
    date: false,
    country: false,
    state: false,
    payment: false,
  },
  formOverrides: {
    access: { create: editors, read: anyone, update: editors, delete: editors },
    labels: { singular: { en: 'Form', zh: '表单' }, plural: { en: 'Forms', zh: '表单' } },
    admin: { group: { en: 'Forms', zh: '表单' } },
    // The plugin lets any logged-in account read where a form's e-mails go; readers and disabled
    // accounts are logged in too.
    fields: ({ defaultFields }) =>
      defaultFields.map((field) =>
        'name' in field && field.name === 'emails' && field.type === 'array'
          ? { ...field, access: { ...field.access, read: editorsField } }
          : field,
      ),
    // Read by the pages that show a form; its REST reads are not shared (they differ for staff).
    custom: siteContent({ tags: [cacheTags.forms] }),
    hooks: {
      afterChange: [revalidateAfterChange('forms')],
      afterDelete: [revalidateAfterDelete('forms')],
    },
  },
  formSubmissionOverrides: {
    access: { create: anyone, read: editors, update: () => false, delete: admins },
    labels: {
      singular: { en: 'Form submission', zh: '表单提交' },
      plural: { en: 'Form submissions', zh: '表单提交' },
    },
    admin: {
      group: { en: 'Forms', zh: '表单' },
      useAsTitle: 'sender',
      defaultColumns: ['sender', 'form', 'createdAt'],
      listSearchableFields: ['sender'],
      description: {
        en: 'What visitors sent through the forms on the site.',
        zh: '访客通过网站表单发送的内容。',
      },
    },
    fields: ({ defaultFields }) => [
      {
        name: 'sender',
        type: 'text',
        label: { en: 'Sent by', zh: '发送人' },
        admin: {
          readOnly: true,
          description: {
            en: 'The name and e-mail address the visitor gave.',
            zh: '访客填写的姓名和电子邮件地址。',
          },
        },
      },
      ...defaultFields,
    ],
    hooks: { beforeValidate: [validateFormSubmission], beforeChange: [nameSubmission] },
  },
})
