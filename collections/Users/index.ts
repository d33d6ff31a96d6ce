import type { CollectionConfig } from 'payload'

import { admins, adminsField } from '@/payload/access/admins'
import { adminsOrSelf, adminsOrStaffSelf } from '@/payload/access/adminsOrSelf'
import { isStaff } from '@/payload/access/isStaff'
import { authCookies } from '@/payload/authCookies'

import { checkPassword, checkResetPassword } from './hooks/checkPassword'
import { guardDisabling, refuseDisabledLogin } from './hooks/disabledAccounts'
import { forgetFailedLogins, refuseLockedOutLogin } from './hooks/loginLimits'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { en: 'User', zh: '用户' }, plural: { en: 'Users', zh: '用户' } },
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
    group: { en: 'Settings', zh: '设置' },
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
    { name: 'name', type: 'text', label: { en: 'Name', zh: '姓名' }, required: true },
    {
      name: 'role',
      type: 'select',
      label: { en: 'Role', zh: '角色' },
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: [
        {
          label: { en: 'Admin: manages users and all content', zh: '管理员：管理用户和全部内容' },
          value: 'admin',
        },
        { label: { en: 'Editor: edits all content', zh: '编辑：编辑全部内容' }, value: 'editor' },
        {
          label: {
            en: 'Reader: reads content and drafts with an API key, changes nothing',
            zh: '读者：用 API 密钥读取内容和草稿，不做任何修改',
          },
          value: 'reader',
        },
      ],
      access: { create: adminsField, update: adminsField },
      admin: {
        position: 'sidebar',
        description: { en: 'Only admins can change roles.', zh: '只有管理员可以更改角色。' },
        // On the create-first-user screen nobody is logged in and the account becomes admin
        // anyway (makeFirstUserAdmin); offering "Editor" there would only mislead.
        condition: (_data, _siblingData, { user }) => Boolean(user),
      },
    },
    {
      name: 'disabled',
      type: 'checkbox',
      label: { en: 'Disabled', zh: '已停用' },
      defaultValue: false,
      access: { create: adminsField, update: adminsField },
      admin: {
        position: 'sidebar',
        description: {
          en:
            'A disabled account cannot log in, and its sessions and API key stop working at once. ' +
            'Nothing it wrote is removed. Only admins can change this, and not on their own account.',
          zh: '停用的账户无法登录，其会话和 API 密钥立即失效，但它写过的内容不会被删除。只有管理员可以更改此项，且不能停用自己的账户。',
        },
        condition: (_data, _siblingData, { user }) => Boolean(user),
      },
    },
    // Merged by Payload into its own API key fields: only admins hand out keys (by default anyone
    // who may open the admin panel could give themselves one).
    {
      name: 'apiKey',
      type: 'text',
      label: { en: 'API key', zh: 'API 密钥' },
      access: { create: adminsField, update: adminsField },
    },
  ],
  hooks: {
    beforeOperation: [checkResetPassword, refuseLockedOutLogin],
    beforeValidate: [checkPassword],
    beforeChange: [makeFirstUserAdmin, guardDisabling],
    beforeLogin: [refuseDisabledLogin],
    afterLogin: [forgetFailedLogins],
  },
}
