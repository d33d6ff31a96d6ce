import type { Dictionary } from '@/site/dictionary'
import type { PublicForm } from '@/content/forms'
import type { Locale } from '@/site/i18n'

import { RichText } from '@/components/RichText'

import { SiteForm } from './SiteForm'

export const FormSection = ({
  form,
  locale,
  dictionary,
}: {
  form: PublicForm
  locale: Locale
  dictionary: Dictionary
}) => {
  const fields = form.fields ?? []
  const messages = Object.fromEntries(
    fields.flatMap((field, index) =>
      field.blockType === 'message'
        ? [[field.id ?? String(index), <RichText key={index} data={field.message} />]]
        : [],
    ),
  )
  return (
    // A React island: the page keeps Next's client runtime (src/server/clientRuntime.mjs), so the
    // form answers in place; without JavaScript it posts and the page comes back with the answer.
    <section
      className="form-section"
      aria-labelledby={`form-${form.id}-title`}
      data-react-island=""
    >
      <h2 id={`form-${form.id}-title`}>{form.title}</h2>
      <SiteForm
        formId={form.id}
        locale={locale}
        fields={fields}
        submitLabel={form.submitButtonLabel || dictionary.formSubmit}
        messages={messages}
        confirmation={<RichText data={form.confirmationMessage} />}
        strings={{
          formRequired: dictionary.formRequired,
          formErrorSummary: dictionary.formErrorSummary,
          formSending: dictionary.formSending,
          formChoose: dictionary.formChoose,
        }}
      />
    </section>
  )
}
