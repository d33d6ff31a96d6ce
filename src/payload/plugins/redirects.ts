import type { Field, Plugin, TextFieldSingleValidation } from 'payload'

import { redirectsPlugin } from '@payloadcms/plugin-redirects'

import { editors } from '@/payload/access/editors'
import { insiders } from '@/payload/access/insiders'
import { revalidateAfterChange, revalidateAfterDelete } from '@/payload/hooks/revalidate'
import { siteContent } from '@/payload/siteContent'
import { cacheTags } from '@/content/cacheTags'
import { locales } from '@/site/i18n'
import { redirectPathOf } from '@/site/redirectPath'
import { sitePath } from '@/site/safeHref'

// The collections a redirect may lead to: those with a public page of their own.
export const redirectTargets = ['meetings', 'pages', 'speakers'] as const

const labels: Record<string, { en: string; zh: string }> = {
  from: { en: 'Old address', zh: '旧地址' },
  type: { en: 'Leads to', zh: '指向' },
  reference: { en: 'Page on this site', zh: '本站页面' },
  url: { en: 'Address on this site', zh: '本站地址' },
}

const optionLabels: Record<string, { en: string; zh: string }> = {
  reference: { en: 'A meeting, speaker or page', zh: '会议、嘉宾或页面' },
  custom: { en: 'An address', zh: '地址' },
}

// A redirect answers for this site only: an address elsewhere would make the site an open
// redirect (src/site/safeHref.ts).
const validateSitePath: TextFieldSingleValidation = (value, { siblingData }) =>
  (siblingData as { type?: string }).type !== 'custom' || sitePath(value) !== null
    ? true
    : 'Give a path on this site, starting with "/" (e.g. /meetings/green-industry).'

const validateOldAddress: TextFieldSingleValidation = (value) =>
  redirectPathOf(value) ? true : 'Give the old address, e.g. /news/2019/1234.html.'

const relabel = (field: Field): Field => {
  if (!('name' in field)) return field
  if (field.type === 'group') return { ...field, fields: field.fields.map(relabel) } as Field
  const label = labels[field.name] ?? field.label
  if (field.name === 'from')
    return {
      ...field,
      label,
      validate: validateOldAddress,
      admin: {
        description: {
          en: 'The old site’s address, as a path or a whole URL; it is kept as its path (/news/2019/1234.html). Only an address no page here answers is redirected.',
          zh: '旧网站的地址，可填写路径或完整网址，保存为路径（/news/2019/1234.html）。只有本站没有页面的地址才会被重定向。',
        },
      },
      hooks: { beforeValidate: [({ value }) => redirectPathOf(value) ?? value] },
    } as Field
  if (field.type === 'radio')
    return {
      ...field,
      label,
      options: field.options.map((option) =>
        typeof option === 'string'
          ? option
          : { ...option, label: optionLabels[option.value] ?? option.label },
      ),
    } as Field
  if (field.name === 'url') return { ...field, label, validate: validateSitePath } as Field
  return { ...field, label } as Field
}

// Which language's address a reference leads to; a custom address is used as it is.
const localeField: Field = {
  name: 'locale',
  type: 'select',
  label: { en: 'Language of the page', zh: '页面语言' },
  required: true,
  defaultValue: 'en',
  options: locales.map((locale) => ({
    value: locale,
    label: locale === 'en' ? { en: 'English', zh: '英文' } : { en: 'Chinese', zh: '中文' },
  })),
  admin: {
    position: 'sidebar',
    description: {
      en: 'For a meeting, speaker or page: the language of its address that the old one leads to.',
      zh: '指向会议、嘉宾或页面时：旧地址跳转到哪种语言的页面。',
    },
  },
}

// Old addresses of the forum's previous site, answered with a 301 to their page here (the
// catch-all route, src/app/(frontend)/[locale]/[...segments]). Staff write them; imports make
// them from an old page's address. Only staff and readers read the collection itself, since it
// names drafts: the site looks a redirect up for the public and follows it only to a public page
// (src/content/redirects.ts).
export const redirects: Plugin = redirectsPlugin({
  collections: [...redirectTargets],
  overrides: {
    access: { create: editors, read: insiders, update: editors, delete: editors },
    labels: {
      singular: { en: 'Redirect', zh: '重定向' },
      plural: { en: 'Redirects', zh: '重定向' },
    },
    admin: {
      useAsTitle: 'from',
      group: { en: 'Settings', zh: '设置' },
      defaultColumns: ['from', 'to.type', 'locale', 'updatedAt'],
      description: {
        en: 'Addresses of the old site and the page here each one leads to (answered with 301).',
        zh: '旧网站的地址及其在本站指向的页面（以 301 跳转）。',
      },
    },
    custom: siteContent({ tags: [cacheTags.redirects] }),
    fields: ({ defaultFields }) => [...defaultFields.map(relabel), localeField],
    hooks: {
      afterChange: [revalidateAfterChange('redirects')],
      afterDelete: [revalidateAfterDelete('redirects')],
    },
  },
})
