import type { GlobalConfig } from 'payload'

import { anyone } from '@/payload/access/anyone'
import { editors } from '@/payload/access/editors'
import { linkFields } from '@/payload/fields/link'
import { revalidateSite } from '@/payload/hooks/revalidate'
import { cacheTags } from '@/content/cacheTags'
import { siteContent } from '@/payload/siteContent'

export const Site: GlobalConfig = {
  slug: 'site',
  custom: siteContent({ tags: [cacheTags.site], publicAPI: true }),
  label: { en: 'Site settings', zh: '网站设置' },
  access: { read: anyone, update: editors },
  admin: { group: { en: 'Settings', zh: '设置' } },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { en: 'Site name', zh: '网站名称' },
      required: true,
      localized: true,
    },
    { name: 'tagline', type: 'text', label: { en: 'Tagline', zh: '标语' }, localized: true },
    {
      name: 'headerNavigation',
      type: 'array',
      label: { en: 'Header navigation', zh: '页眉导航' },
      labels: { singular: { en: 'Link', zh: '链接' }, plural: { en: 'Links', zh: '链接' } },
      maxRows: 10,
      fields: linkFields(),
    },
    {
      name: 'footerNavigation',
      type: 'array',
      label: { en: 'Footer navigation', zh: '页脚导航' },
      labels: { singular: { en: 'Link', zh: '链接' }, plural: { en: 'Links', zh: '链接' } },
      maxRows: 20,
      fields: linkFields(),
    },
    {
      name: 'copyright',
      type: 'text',
      label: { en: 'Copyright line', zh: '版权声明' },
      localized: true,
      admin: {
        description: {
          en: 'Shown in the footer, e.g. "© 2011–2026 China International Forum on Climate Change".',
          zh: '显示在页脚，例如"© 2011–2026 应对气候变化国际论坛"。',
        },
      },
    },
    {
      name: 'contact',
      type: 'group',
      label: { en: 'Contact details', zh: '联系方式' },
      fields: [
        { name: 'email', type: 'email', label: { en: 'Email', zh: '电子邮件' } },
        { name: 'phone', type: 'text', label: { en: 'Telephone', zh: '电话' } },
        { name: 'fax', type: 'text', label: { en: 'Fax', zh: '传真' } },
        {
          name: 'address',
          type: 'textarea',
          label: { en: 'Postal address', zh: '通信地址' },
          localized: true,
        },
      ],
    },
  ],
  hooks: {
    afterChange: [revalidateSite],
  },
}
