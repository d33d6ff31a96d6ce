import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { Form, FormSubmission } from '@/payload-types'
import type { Locale } from '@/site/i18n'

import { getDictionary, interpolate } from '@/site/dictionary'

type FormField = NonNullable<Form['fields']>[number]
type InputField = Exclude<FormField, { blockType: 'message' }>
type Problem = { path: string; message: string }

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const maxLength: Record<InputField['blockType'], number> = {
  text: 500,
  email: 254,
  textarea: 5000,
  select: 500,
  checkbox: 5,
}

// Visitors read these next to the field they typed in, so they speak the submission's language.
const messagesIn = (locale: Locale) => {
  const words = getDictionary(locale)
  const fill = (template: string, values: Record<string, number | string>) =>
    interpolate({ template, values })
  return {
    noForm: words.formProblemNoForm,
    unknownField: (name: string) => fill(words.formProblemUnknownField, { name }),
    sentTwice: (name: string) => fill(words.formProblemSentTwice, { name }),
    required: (label: string) => fill(words.formProblemRequired, { label }),
    unticked: (label: string) => fill(words.formProblemUnticked, { label }),
    tooLong: (label: string, limit: number) => fill(words.formProblemTooLong, { label, limit }),
    email: (label: string) => fill(words.formProblemEmail, { label }),
    choice: (label: string) => fill(words.formProblemChoice, { label }),
  }
}

type Messages = ReturnType<typeof messagesIn>

const isInput = (field: FormField): field is InputField => field.blockType !== 'message'

const checkValue = ({
  field,
  value,
  say,
}: {
  field: InputField
  value: string
  say: Messages
}): string | null => {
  const label = field.label || field.name
  const isBlank = value.trim() === '' || (field.blockType === 'checkbox' && value !== 'true')
  if (isBlank && !field.required) return null
  if (isBlank) return field.blockType === 'checkbox' ? say.unticked(label) : say.required(label)
  if (value.length > maxLength[field.blockType])
    return say.tooLong(label, maxLength[field.blockType])
  if (field.blockType === 'email' && !emailPattern.test(value.trim())) return say.email(label)
  if (field.blockType === 'select' && !field.options?.some((option) => option.value === value))
    return say.choice(label)
  return null
}

// The plugin stores whatever name/value pairs it is sent. Hold every submission, from the site
// or straight through the API, to the form it answers: only that form's fields, each required one
// filled in, e-mail addresses that look like one, choices from the list, and bounded lengths.
export const validateFormSubmission: CollectionBeforeValidateHook<FormSubmission> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || !data) return data
  const say = messagesIn(req.locale === 'zh' ? 'zh' : 'en')
  const formID = typeof data.form === 'object' && data.form ? data.form.id : data.form
  const form = formID
    ? await req.payload
        .findByID({
          collection: 'forms',
          id: formID,
          depth: 0,
          req,
          select: { fields: true },
          disableErrors: true,
        })
        .catch(() => null)
    : null
  if (!form)
    throw new ValidationError({
      collection: 'form-submissions',
      errors: [{ path: 'form', message: say.noForm }],
    })

  const submitted = Array.isArray(data.submissionData) ? data.submissionData : []
  const inputs = (form.fields ?? []).filter(isInput)
  const problems: Problem[] = []
  const values = new Map<string, string>()
  for (const entry of submitted) {
    const name = String(entry?.field ?? '')
    if (!inputs.some((field) => field.name === name))
      problems.push({ path: 'submissionData', message: say.unknownField(name) })
    else if (values.has(name))
      problems.push({ path: 'submissionData', message: say.sentTwice(name) })
    else values.set(name, typeof entry.value === 'string' ? entry.value : String(entry.value ?? ''))
  }
  for (const field of inputs) {
    const message = checkValue({ field, value: values.get(field.name) ?? '', say })
    if (message) problems.push({ path: `submissionData.${field.name}`, message })
  }
  if (problems.length > 0)
    throw new ValidationError({ collection: 'form-submissions', errors: problems })

  // Keep what was sent in the form's own order, trimmed, and without the fields left empty.
  return {
    ...data,
    submissionData: inputs
      .filter((field) => (values.get(field.name) ?? '').trim() !== '')
      .map((field) => ({ field: field.name, value: values.get(field.name)!.trim() })),
  }
}
