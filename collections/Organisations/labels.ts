import type { LabelsFor } from '@/payload/fields/adminLabel'

import { localizedAfterSave } from '@/payload/fields/adminLabel'
import { labelsInEveryLocale, organisationLabel } from '@/payload/admin/adminLabels'

export const organisationLabels: LabelsFor = async ({ data, stored, locale }) => {
  const organisation = {
    name: localizedAfterSave({ data, stored, locale, field: 'name' }),
    abbreviation: data.abbreviation as null | string | undefined,
  }
  return labelsInEveryLocale((code) => organisationLabel({ organisation, locale: code }))
}
