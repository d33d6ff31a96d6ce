'use server'

import { redirect } from 'next/navigation'

import { getDictionary } from '@/site/dictionary'
import type { FormState } from '@/site/formState'
import { honeypotName } from '@/site/formState'
import { getForm, isInputField } from './forms'
import { defaultLocale, isLocale } from '@/site/i18n'
import { getPayloadClient } from './payloadClient'

type ErrorDetails = { status?: number; data?: { errors?: { path?: string; message?: string }[] } }

// Payload's ValidationError, recognised by its shape: in a production build Next bundles its own
// copy of the class (so `instanceof` fails) and minifies its name.
const isValidationError = (error: unknown): error is ErrorDetails =>
  (error as ErrorDetails | null)?.status === 400 &&
  Array.isArray((error as ErrorDetails).data?.errors)

const fieldOfPath = (path = '') => path.match(/^submissionData\.(.+)$/)?.[1]

// Receives a form from the public site, with or without JavaScript. The submission goes through
// the Local API as an anonymous visitor, so the collection's access rules and the validation hook
// (src/payload/hooks/validateFormSubmission.ts) decide, exactly as for a submission sent to the REST API.
export const submitForm = async (previous: FormState, data: FormData): Promise<FormState> => {
  const attempt = previous.attempt + 1
  const localeValue = data.get('locale')
  const locale = isLocale(localeValue) ? localeValue : defaultLocale
  const dictionary = getDictionary(locale)
  const formID = String(data.get('formId') ?? '')
  const form = formID ? await getForm({ id: formID, locale }) : null
  if (!form)
    return {
      status: 'failed',
      fieldErrors: {},
      formErrors: [dictionary.formUnavailable],
      values: {},
      attempt,
    }

  const inputs = (form.fields ?? []).filter(isInputField)
  const values = Object.fromEntries(
    inputs.map((field) => {
      const value = data.get(field.name)
      if (field.blockType === 'checkbox') return [field.name, value ? 'true' : 'false']
      return [field.name, typeof value === 'string' ? value : '']
    }),
  )
  // Tell a bot it succeeded, so it does not try again, and keep nothing.
  const honeypot = data.get(honeypotName)
  if (typeof honeypot === 'string' && honeypot.trim() !== '')
    return { status: 'sent', fieldErrors: {}, formErrors: [], values: {}, attempt }

  const payload = await getPayloadClient()
  try {
    await payload.create({
      collection: 'form-submissions',
      data: {
        form: form.id,
        submissionData: Object.entries(values).map(([field, value]) => ({ field, value })),
      },
      locale,
      overrideAccess: false,
      depth: 0,
      select: {},
    })
  } catch (error) {
    if (!isValidationError(error)) {
      payload.logger.error({ err: error, msg: `Form "${form.title}": submission failed` })
      return {
        status: 'failed',
        fieldErrors: {},
        formErrors: [dictionary.formFailed],
        values,
        attempt,
      }
    }
    const fieldErrors: Record<string, string> = {}
    const formErrors: string[] = []
    for (const { path, message = '' } of error.data?.errors ?? []) {
      const field = fieldOfPath(path)
      if (field && field in values) fieldErrors[field] ??= message
      else formErrors.push(message)
    }
    return { status: 'invalid', fieldErrors, formErrors, values, attempt }
  }

  if (form.confirmationType === 'redirect' && form.redirect?.url) redirect(form.redirect.url)
  return { status: 'sent', fieldErrors: {}, formErrors: [], values: {}, attempt }
}
