'use client'

import type { TextFieldClientComponent } from 'payload'

import { TextField, useDocumentInfo, useField, useFormFields, useLocale } from '@payloadcms/ui'
import { useEffect } from 'react'

import { organisationLabel, speakerLabel } from '@/payload/admin/adminLabels'
import { defaultLocale, isLocale } from '@/site/i18n'

export type LiveLabelProps = { withAbbreviation?: boolean }

// The label is the admin's title for speakers and organisations, made on save from the name (and
// the organisation's abbreviation, or the speaker's organisation). Until a new document is saved
// it has none, and the header said "[Untitled]" while staff typed the name: so on create the label
// follows the name as typed, made by the same functions as the saved one (a speaker's
// organisation is only known on save). The server makes the real one (the field takes no input).
export const LiveLabel: TextFieldClientComponent = (props) => {
  const { withAbbreviation } = props as unknown as LiveLabelProps
  const { id } = useDocumentInfo()
  const { code } = useLocale()
  const { value, setValue } = useField<string>({ path: props.path })
  const name = useFormFields(([fields]) => fields.name?.value)
  const abbreviation = useFormFields(([fields]) => fields.abbreviation?.value)

  const locale = isLocale(code) ? code : defaultLocale
  const typed = { [locale]: typeof name === 'string' ? name : '' }
  const provisional =
    (withAbbreviation
      ? organisationLabel({
          organisation: {
            name: typed,
            abbreviation: typeof abbreviation === 'string' ? abbreviation : null,
          },
          locale,
        })
      : speakerLabel({ name: typed, locale })) ?? ''

  // Only on a change: each value set is a form change, which asks the server for the form's
  // state again and would cancel the request that renders a new array row.
  useEffect(() => {
    if (!id && (value ?? '') !== provisional) setValue(provisional, true)
  }, [id, value, provisional, setValue])

  return <TextField {...props} />
}
