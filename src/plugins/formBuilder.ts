import type { Plugin } from 'payload'

import { formBuilderPlugin } from '@payloadcms/plugin-form-builder'

import { admins } from '@/access/admins'
import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { editorsField } from '@/access/editorsField'
import { revalidateAfterChange, revalidateAfterDelete } from '@/hooks/revalidate'
import { validateFormSubmission } from '@/hooks/validateFormSubmission'

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
    admin: { group: 'Forms' },
    // The plugin lets any logged-in account read where a form's e-mails go; readers and disabled
    // accounts are logged in too.
    fields: ({ defaultFields }) =>
      defaultFields.map((field) =>
        'name' in field && field.name === 'emails' && field.type === 'array'
          ? { ...field, access: { ...field.access, read: editorsField } }
          : field,
      ),
    hooks: {
      afterChange: [revalidateAfterChange('forms')],
      afterDelete: [revalidateAfterDelete('forms')],
    },
  },
  formSubmissionOverrides: {
    access: { create: anyone, read: editors, update: () => false, delete: admins },
    admin: {
      group: 'Forms',
      defaultColumns: ['form', 'createdAt'],
      description: 'What visitors sent through the forms on the site.',
    },
    hooks: { beforeValidate: [validateFormSubmission] },
  },
})
