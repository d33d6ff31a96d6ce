import type { Form } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { getPayloadClient } from './payloadClient'

// What the site needs to draw a form and confirm a submission; the form's e-mail settings stay in
// the admin.
const formSelect = {
  title: true,
  fields: true,
  submitButtonLabel: true,
  confirmationType: true,
  confirmationMessage: true,
  redirect: true,
} as const

export type PublicForm = Pick<Form, 'id' | keyof typeof formSelect>
export type FormField = NonNullable<Form['fields']>[number]
export type InputField = Exclude<FormField, { blockType: 'message' }>

export const isInputField = (field: FormField): field is InputField => field.blockType !== 'message'

export const getForm = cachedQuery({
  name: 'getForm',
  tags: [cacheTags.forms],
  query: async ({ id, locale }: { id: string; locale: Locale }) => {
    const payload = await getPayloadClient()
    const form = await payload.findByID({
      collection: 'forms',
      id,
      locale,
      depth: 0,
      overrideAccess: false,
      disableErrors: true,
      select: formSelect,
    })
    return (form as PublicForm | null) ?? null
  },
})
