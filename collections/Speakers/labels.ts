import type { PayloadRequest } from 'payload'

import type { LabelsFor } from '@/payload/fields/adminLabel'
import type { AdminLabels, LabelledOrganisation, Localized } from '@/payload/admin/adminLabels'

import { localizedAfterSave } from '@/payload/fields/adminLabel'
import { labelsInEveryLocale, speakerLabel } from '@/payload/admin/adminLabels'

type Position = { organisation?: null | string | { id: string } }

const firstOrganisationId = (positions: unknown): null | string => {
  const organisation = Array.isArray(positions)
    ? (positions[0] as Position | undefined)?.organisation
    : undefined
  if (!organisation) return null
  return typeof organisation === 'object' ? organisation.id : organisation
}

// Read from the database directly, in the save's transaction: the local API would set the
// request's locale to 'all' for the rest of the save, and the names are needed in every locale.
const findOrganisation = async ({
  req,
  id,
}: {
  req: PayloadRequest
  id: null | string
}): Promise<LabelledOrganisation | null> =>
  id
    ? await req.payload.db.findOne<LabelledOrganisation & { id: string }>({
        collection: 'organisations',
        where: { id: { equals: id } },
        req,
      })
    : null

export const labelsOfSpeaker = async ({
  req,
  name,
  positions,
}: {
  req: PayloadRequest
  name: Localized<string>
  positions: unknown
}): Promise<AdminLabels> => {
  const organisation = await findOrganisation({ req, id: firstOrganisationId(positions) })
  return labelsInEveryLocale((locale) => speakerLabel({ name, organisation, locale }))
}

export const speakerLabels: LabelsFor = ({ data, stored, locale, req }) =>
  labelsOfSpeaker({
    req,
    name: localizedAfterSave({ data, stored, locale, field: 'name' }),
    positions: data.positions,
  })
