import type { Payload } from 'payload'

import type { Form } from '@/payload-types'

import type { Outcome } from './write'

import { contactForm } from './content/forms'
import { richText } from '@/content/richText'
import { startStep, withContext, writeOptions } from './write'

type FormFieldRow = NonNullable<Form['fields']>[number]

// Forms have no slug, so the contact form is recognised by its English title.
export const seedContactForm = async ({ payload }: { payload: Payload }) => {
  const step = startStep({ step: 'forms', total: 1 })
  const { docs } = await payload.find({
    collection: 'forms',
    where: { title: { equals: contactForm.title.en } },
    locale: 'en',
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  let outcome: Outcome = 'unchanged'
  let form = docs[0]
  if (!form) {
    form = await withContext({
      label: 'creating the contact form',
      run: () =>
        payload.create({
          collection: 'forms',
          data: {
            title: contactForm.title.en,
            submitButtonLabel: contactForm.submitButtonLabel.en,
            confirmationType: 'message',
            confirmationMessage: richText({ paragraphs: contactForm.confirmation.en }),
            fields: contactForm.fields.map(
              ({ label, ...field }) =>
                ({
                  ...field,
                  label: label.en,
                  ...('options' in field
                    ? {
                        options: field.options.map((option) => ({
                          ...option,
                          label: option.label.en,
                        })),
                      }
                    : {}),
                }) as FormFieldRow,
            ),
          },
          locale: 'en',
          ...writeOptions,
        }),
    })
    outcome = 'created'
  }
  const english = form
  const chinese = await payload.findByID({
    collection: 'forms',
    id: english.id,
    locale: 'zh',
    fallbackLocale: false,
    depth: 0,
    overrideAccess: true,
  })
  if (!chinese.submitButtonLabel) {
    await withContext({
      label: 'translating the contact form',
      run: () =>
        payload.update({
          collection: 'forms',
          id: english.id,
          data: {
            submitButtonLabel: contactForm.submitButtonLabel.zh,
            confirmationMessage: richText({ paragraphs: contactForm.confirmation.zh }),
            fields: (english.fields ?? []).map((row, index): FormFieldRow => {
              const seeded = contactForm.fields[index]
              if (!seeded || row.blockType === 'message') return row
              if (row.blockType === 'select' && 'options' in seeded)
                return {
                  ...row,
                  label: seeded.label.zh,
                  options: (row.options ?? []).map((option, optionIndex) => ({
                    ...option,
                    label: seeded.options[optionIndex]?.label.zh ?? option.label,
                  })),
                }
              return { ...row, label: seeded.label.zh }
            }),
          },
          locale: 'zh',
          ...writeOptions,
        }),
    })
    if (outcome === 'unchanged') outcome = 'updated'
  }
  step.count({ outcome })
  return { id: english.id, report: step.report }
}
