import type { CollectionBeforeChangeHook } from 'payload'

import type { FormSubmission } from '@/payload-types'

type Datum = NonNullable<FormSubmission['submissionData']>[number]

const valueOf = (data: Datum[], names: string[]) =>
  data.find(({ field }) => names.includes(field.toLowerCase()))?.value?.trim() ?? ''

// Staff find a submission by who sent it: its title in the admin (list, header, breadcrumbs) is
// the sender's name and e-mail address, as the visitor typed them, rather than the submission's id.
export const nameSubmission: CollectionBeforeChangeHook<FormSubmission> = ({ data, operation }) => {
  if (operation !== 'create') return data
  const submitted = data.submissionData ?? []
  const name = valueOf(submitted, ['name', 'full-name', 'fullname'])
  const email = valueOf(submitted, ['email', 'e-mail'])
  const sender = [name, email && `<${email}>`].filter(Boolean).join(' ').slice(0, 300)
  return { ...data, sender: sender || null }
}
