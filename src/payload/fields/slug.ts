import type { Field, RowField, TextFieldSingleValidation } from 'payload'

import { slugField as payloadSlugField } from 'payload'

import { defaultLocale } from '@/site/i18n'

// Transliterates accents away (Clarence-Smith, Pasternak, Curaçao → curacao) so URLs stay ASCII;
// a title with no Latin letters at all (a Chinese-only title) gives no slug and the editor is asked for one.
export const toSlug = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/g, '')
  return slug || undefined
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const validateSlug: TextFieldSingleValidation = (value) => {
  if (!value) return 'A slug is required: type one, or give the document a title in Latin letters.'
  if (!slugPattern.test(value))
    return 'Use lower-case letters, digits and single hyphens only (for example "green-industry-2022").'
  return true
}

const sourceNames: Record<string, string> = { title: '标题', name: '名称' }

// The slug is one for every language and is made from the English title. Payload remakes a young
// draft's slug from the title on each save, in whatever locale the editor is saving: a Chinese
// save would turn "COP29 回顾" into "cop29", or a Chinese-only title into no slug at all. So a
// save in another locale keeps the slug it has, and only makes one where there is none.
const slugInLocale: NonNullable<Parameters<typeof payloadSlugField>[0]>['slugify'] = ({
  data,
  req,
  valueToSlugify,
}) => {
  const current = typeof data?.slug === 'string' && data.slug ? data.slug : undefined
  if (current && req.locale && req.locale !== defaultLocale) return current
  return toSlug(valueToSlugify)
}

export const slugField = ({ useAsSlug = 'title' }: { useAsSlug?: string } = {}): RowField =>
  payloadSlugField({
    useAsSlug,
    slugify: slugInLocale,
    overrides: (row) => ({
      ...row,
      fields: row.fields.map((field): Field =>
        field.type === 'text' && !field.hasMany && field.name === 'slug'
          ? {
              ...field,
              label: { en: 'Slug', zh: '网址标识' },
              validate: validateSlug,
              admin: {
                ...field.admin,
                description: {
                  en: `The last part of the public address, made from the ${useAsSlug} until you change it.`,
                  zh: `公开网址的最后一部分；在您修改之前由${sourceNames[useAsSlug] ?? useAsSlug}生成。`,
                },
              },
            }
          : field,
      ),
    }),
  })
