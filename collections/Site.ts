import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { linkFields } from '@/fields/link'
import { revalidateSite } from '@/hooks/revalidate'

export const Site: GlobalConfig = {
  slug: 'site',
  label: 'Site settings',
  access: { read: anyone, update: editors },
  admin: { group: 'Settings' },
  fields: [
    { name: 'name', type: 'text', label: 'Site name', required: true, localized: true },
    { name: 'tagline', type: 'text', label: 'Tagline', localized: true },
    {
      name: 'headerNavigation',
      type: 'array',
      label: 'Header navigation',
      labels: { singular: 'Link', plural: 'Links' },
      maxRows: 10,
      fields: linkFields(),
    },
    {
      name: 'footerNavigation',
      type: 'array',
      label: 'Footer navigation',
      labels: { singular: 'Link', plural: 'Links' },
      maxRows: 20,
      fields: linkFields(),
    },
    {
      name: 'copyright',
      type: 'text',
      label: 'Copyright line',
      localized: true,
      admin: {
        description:
          'Shown in the footer, e.g. "© 2011–2026 China International Forum on Climate Change".',
      },
    },
    {
      name: 'contact',
      type: 'group',
      label: 'Contact details',
      fields: [
        { name: 'email', type: 'email', label: 'Email' },
        { name: 'phone', type: 'text', label: 'Telephone' },
        { name: 'fax', type: 'text', label: 'Fax' },
        { name: 'address', type: 'textarea', label: 'Postal address', localized: true },
      ],
    },
  ],
  hooks: {
    afterChange: [revalidateSite],
  },
}
