import type { Field, TextFieldSingleValidation } from 'payload'

import { isWebAddress } from './url'

// A navigation entry points at a service page (its address follows the page if it moves), a
// path of the site such as /meetings, or another site.
export const linkFields = (): Field[] => [
  {
    type: 'row',
    fields: [
      { name: 'label', type: 'text', label: 'Label', required: true, localized: true },
      {
        name: 'kind',
        type: 'radio',
        label: 'Links to',
        required: true,
        defaultValue: 'page',
        options: [
          { label: 'A service page', value: 'page' },
          { label: 'A path on this site', value: 'path' },
          { label: 'Another website', value: 'url' },
        ],
      },
    ],
  },
  {
    name: 'page',
    type: 'relationship',
    label: 'Page',
    relationTo: 'pages',
    required: true,
    admin: { condition: (_, siblingData) => siblingData?.kind === 'page' },
  },
  {
    name: 'path',
    type: 'text',
    label: 'Path',
    required: true,
    admin: {
      condition: (_, siblingData) => siblingData?.kind === 'path',
      description: 'Starts with a slash, e.g. /meetings',
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
    label: 'Address',
    required: true,
    admin: { condition: (_, siblingData) => siblingData?.kind === 'url' },
    validate: ((value, { siblingData }) => {
      if ((siblingData as { kind?: string }).kind !== 'url') return true
      return value && isWebAddress(value) ? true : 'Write the full address, starting with https://'
    }) satisfies TextFieldSingleValidation,
  },
  { name: 'openInNewTab', type: 'checkbox', label: 'Open in a new tab', defaultValue: false },
]
