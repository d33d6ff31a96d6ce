import type { CollectionConfig } from 'payload'

import { admins, adminsField } from '@/access/admins'
import { adminsOrSelf } from '@/access/adminsOrSelf'

import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'User', plural: 'Users' },
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: admins,
    read: adminsOrSelf,
    update: adminsOrSelf,
    delete: admins,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
    group: 'Settings',
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
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
  ],
  hooks: {
    beforeChange: [makeFirstUserAdmin],
  },
}
