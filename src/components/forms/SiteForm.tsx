'use client'

import type { ReactNode } from 'react'

import { useActionState, useEffect, useRef } from 'react'

import type { Dictionary } from '@/site/dictionary'
import type { FormField, InputField } from '@/content/forms'
import type { Locale } from '@/site/i18n'

import { honeypotName, initialFormState } from '@/site/formState'
import { submitForm } from '@/content/submitForm'

type Strings = Pick<Dictionary, 'formRequired' | 'formErrorSummary' | 'formSending' | 'formChoose'>

const Input = ({
  field,
  id,
  value,
  error,
  strings,
}: {
  field: InputField
  id: string
  value: string | undefined
  error: string | undefined
  strings: Strings
}) => {
  const errorId = `${id}-error`
  const described = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    required: Boolean(field.required),
  }
  const label = (
    <>
      {field.label || field.name}
      {field.required ? (
        <span className="site-form__required"> ({strings.formRequired})</span>
      ) : null}
    </>
  )
  const message = error ? (
    <p className="site-form__error" id={errorId}>
      {error}
    </p>
  ) : null
  const width = field.width && field.width <= 50 ? 'site-form__field--half' : ''

  if (field.blockType === 'checkbox')
    return (
      <div className={`site-form__field site-form__field--checkbox ${width}`}>
        <input
          type="checkbox"
          id={id}
          name={field.name}
          value="true"
          defaultChecked={value ? value === 'true' : Boolean(field.defaultValue)}
          {...described}
        />
        <label htmlFor={id}>{label}</label>
        {message}
      </div>
    )
  return (
    <div className={`site-form__field ${width}`}>
      <label htmlFor={id}>{label}</label>
      {field.blockType === 'textarea' ? (
        <textarea
          id={id}
          name={field.name}
          rows={6}
          defaultValue={value ?? field.defaultValue ?? ''}
          {...described}
        />
      ) : field.blockType === 'select' ? (
        <select
          id={id}
          name={field.name}
          defaultValue={value ?? field.defaultValue ?? ''}
          {...described}
        >
          <option value="">{field.placeholder || strings.formChoose}</option>
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          type={field.blockType === 'email' ? 'email' : 'text'}
          id={id}
          name={field.name}
          autoComplete={
            field.blockType === 'email' ? 'email' : field.name === 'name' ? 'name' : undefined
          }
          defaultValue={value ?? ('defaultValue' in field ? (field.defaultValue ?? '') : '')}
          {...described}
        />
      )}
      {message}
    </div>
  )
}

// A form from the form builder. It posts to a server action, so it also works before (or
// without) JavaScript; the server's messages are shown next to their fields and summed up at the
// top, where the focus moves so that a screen-reader user hears them.
export const SiteForm = ({
  formId,
  locale,
  fields,
  submitLabel,
  messages,
  confirmation,
  strings,
}: {
  formId: string
  locale: Locale
  fields: FormField[]
  submitLabel: string
  // The rich-text "message" blocks of the form and the confirmation, rendered on the server.
  messages: Record<string, ReactNode>
  confirmation: ReactNode
  strings: Strings
}) => {
  const [state, action, isPending] = useActionState(submitForm, initialFormState)
  const summary = useRef<HTMLDivElement>(null)
  const done = useRef<HTMLDivElement>(null)
  const errors = [...Object.values(state.fieldErrors), ...state.formErrors]

  useEffect(() => {
    if (state.status === 'sent') done.current?.focus()
    else if (state.status !== 'editing') summary.current?.focus()
  }, [state])

  if (state.status === 'sent')
    return (
      <div className="site-form__confirmation" role="status" tabIndex={-1} ref={done}>
        {confirmation}
      </div>
    )

  const idOf = (name: string) => `form-${formId}-${name}`
  return (
    <form key={state.attempt} action={action} className="site-form" noValidate>
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="locale" value={locale} />
      {errors.length > 0 ? (
        <div className="site-form__summary" role="alert" tabIndex={-1} ref={summary}>
          {state.status === 'invalid' ? <p>{strings.formErrorSummary}</p> : null}
          <ul>
            {Object.entries(state.fieldErrors).map(([name, message]) => (
              <li key={name}>
                <a href={`#${idOf(name)}`}>{message}</a>
              </li>
            ))}
            {state.formErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="site-form__fields">
        {fields.map((field, index) =>
          field.blockType === 'message' ? (
            <div key={field.id ?? index} className="site-form__message">
              {messages[field.id ?? String(index)]}
            </div>
          ) : (
            <Input
              key={field.id ?? field.name}
              field={field}
              id={idOf(field.name)}
              value={state.values[field.name]}
              error={state.fieldErrors[field.name]}
              strings={strings}
            />
          ),
        )}
      </div>
      <div className="site-form__trap" aria-hidden="true">
        <label>
          Leave this field empty
          <input type="text" name={honeypotName} tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <button type="submit" disabled={isPending} aria-disabled={isPending}>
        {isPending ? strings.formSending : submitLabel}
      </button>
    </form>
  )
}
