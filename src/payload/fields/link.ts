import type { Field, TextFieldSingleValidation } from 'payload'

import { isWebAddress } from './url'

// A navigation entry points at a service page (its address follows the page if it moves), a
// path of the site such as /meetings, or another site.
export const linkFields = (): Field[] => [
  {
    type: 'row',
    fields: [
      {
        name: 'label',
        type: 'text',
        label: { en: 'Label', zh: '文字' },
        required: true,
        localized: true,
      },
      {
        name: 'kind',
        type: 'radio',
        label: { en: 'Links to', zh: '链接到' },
        required: true,
        defaultValue: 'page',
        options: [
          { label: { en: 'A service page', zh: '服务页面' }, value: 'page' },
          { label: { en: 'A path on this site', zh: '本站路径' }, value: 'path' },
          { label: { en: 'Another website', zh: '其他网站' }, value: 'url' },
        ],
      },
    ],
  },
  {
    name: 'page',
    type: 'relationship',
    label: { en: 'Page', zh: '页面' },
    relationTo: 'pages',
    required: true,
    admin: { condition: (_, siblingData) => siblingData?.kind === 'page' },
  },
  {
    name: 'path',
    type: 'text',
    label: { en: 'Path', zh: '路径' },
    required: true,
    admin: {
      condition: (_, siblingData) => siblingData?.kind === 'path',
      description: { en: 'Starts with a slash, e.g. /meetings', zh: '以斜杠开头，例如 /meetings' },
    },
    validate: ((value, { siblingData }) => {
      if ((siblingData as { kind?: string }).kind !== 'path') return true
      return value && /^\/[^\s]*$/.test(value) && !value.startsWith('//')
        ? true
        : 'A path starts with a single slash and has no spaces, e.g. /meetings'
    }) satisfies TextFieldSingleValidation,
  },
  {
    name: 'url',
    type: 'text',
    label: { en: 'Address', zh: '网址' },
    required: true,
    admin: { condition: (_, siblingData) => siblingData?.kind === 'url' },
    validate: ((value, { siblingData }) => {
      if ((siblingData as { kind?: string }).kind !== 'url') return true
      return value && isWebAddress(value) ? true : 'Write the full address, starting with https://'
    }) satisfies TextFieldSingleValidation,
  },
  {
    name: 'openInNewTab',
    type: 'checkbox',
    label: { en: 'Open in a new tab', zh: '在新标签页中打开' },
    defaultValue: false,
  },
]
