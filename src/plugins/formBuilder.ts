import type { Plugin } from 'payload'

import { formBuilderPlugin } from '@payloadcms/plugin-form-builder'

import { admins } from '@/access/admins'
import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { revalidateAfterChange, revalidateAfterDelete } from '@/hooks/revalidate'
import { validateFormSubmission } from '@/hooks/validateFormSubmission'

// Forms an editor builds in the admin (the contact form first) and the submissions visitors send.
// Form definitions are public, since the site renders them; the e-mail settings inside them are
// staff-only by the plugin's own field access. Submissions are readable by staff only, and never
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
