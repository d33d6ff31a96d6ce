import type { CollectionConfig } from 'payload'

import { admins, adminsField } from '@/access/admins'
import { adminsOrSelf, adminsOrStaffSelf } from '@/access/adminsOrSelf'
import { isStaff } from '@/access/isStaff'
import { authCookies } from '@/lib/authCookies'

import { checkPassword, checkResetPassword } from './hooks/checkPassword'
import { guardDisabling, refuseDisabledLogin } from './hooks/disabledAccounts'
import { forgetFailedLogins, refuseLockedOutLogin } from './hooks/loginLimits'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'User', plural: 'Users' },
  access: {
    // The admin panel is for staff: readers use the API, disabled accounts nothing.
    admin: ({ req: { user } }) => isStaff(user),
    create: admins,
    read: adminsOrSelf,
    update: adminsOrStaffSelf,
    delete: admins,
    // Payload lets any logged-in user call its unlock endpoint.
    unlock: admins,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'disabled'],
    group: 'Settings',
  },
  auth: {
    // Counted per account and address instead (hooks/loginLimits.ts): Payload's lock-out of the
    // whole account was a way to keep its owner out.
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    cookies: authCookies({ serverURL: process.env.NEXT_PUBLIC_SERVER_URL }),
    // Partners' programs read the content with `Authorization: users API-Key <key>`.
    useAPIKey: true,
  },
  fields: [
    { name: 'name', type: 'text', label: 'Name', required: true },
    {
      name: 'role',
      type: 'select',
      label: 'Role',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: [
        { label: 'Admin: manages users and all content', value: 'admin' },
        { label: 'Editor: edits all content', value: 'editor' },
        {
          label: 'Reader: reads content and drafts with an API key, changes nothing',
          value: 'reader',
        },
      ],
      access: { create: adminsField, update: adminsField },
      admin: {
        position: 'sidebar',
        description: 'Only admins can change roles.',
        // On the create-first-user screen nobody is logged in and the account becomes admin
        // anyway (makeFirstUserAdmin); offering "Editor" there would only mislead.
        condition: (_data, _siblingData, { user }) => Boolean(user),
      },
    },
    {
      name: 'disabled',
      type: 'checkbox',
      label: 'Disabled',
      defaultValue: false,
      access: { create: adminsField, update: adminsField },
      admin: {
        position: 'sidebar',
        description:
          'A disabled account cannot log in, and its sessions and API key stop working at once. ' +
          'Nothing it wrote is removed. Only admins can change this, and not on their own account.',
        condition: (_data, _siblingData, { user }) => Boolean(user),
      },
    },
    // Merged by Payload into its own API key fields: only admins hand out keys (by default anyone
    // who may open the admin panel could give themselves one).
    { name: 'apiKey', type: 'text', access: { create: adminsField, update: adminsField } },
  ],
  hooks: {
    beforeOperation: [checkResetPassword, refuseLockedOutLogin],
    beforeValidate: [checkPassword],
    beforeChange: [makeFirstUserAdmin, guardDisabling],
    beforeLogin: [refuseDisabledLogin],
    afterLogin: [forgetFailedLogins],
  },
}
