// Shared by the form on the page and the server action that receives it; free of server imports
// so that the browser bundle can use it.
export type FormState = {
  status: 'editing' | 'invalid' | 'sent' | 'failed'
  // Messages by field name, and the ones that belong to no single field.
  fieldErrors: Record<string, string>
  formErrors: string[]
  // What the visitor typed, so that a form sent back with errors keeps it.
  values: Record<string, string>
  // Counts the tries: the form is drawn afresh for each, since React resets a form after its
  // action and would otherwise drop the chosen option of a select.
  attempt: number
}

export const initialFormState: FormState = {
  status: 'editing',
  fieldErrors: {},
  formErrors: [],
  values: {},
  attempt: 0,
}

// Bots fill in every field they find; people never see this one (see ContactForm).
export const honeypotName = 'homepage'
