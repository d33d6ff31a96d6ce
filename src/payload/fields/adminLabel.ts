import type { FieldHook, PayloadRequest, TextField } from 'payload'

import type { AdminLabels, Localized } from '@/payload/admin/adminLabels'
import type { Locale } from '@/site/i18n'

import { editorsField } from '@/payload/access/editorsField'
import { nobodyField } from '@/payload/access/nobody'
import { isLocale } from '@/site/i18n'

type Data = Record<string, unknown>

export type LabelSources = {
  // The document as saved, in the locale being saved.
  data: Data
  // The stored document with every locale (empty on create).
  stored: Data
  locale: Locale
  req: PayloadRequest
}

export type LabelsFor = (sources: LabelSources) => Promise<AdminLabels>

// A localized field's values in every locale once this save is done.
export const localizedAfterSave = ({
  data,
  stored,
  locale,
  field,
}: Omit<LabelSources, 'req'> & { field: string }): Localized<string> => {
  const others = stored[field]
  return {
    ...(others && typeof others === 'object' ? (others as Localized<string>) : {}),
    [locale]: data[field] as null | string | undefined,
  }
}

// The labels worth writing: in the languages the document has (see src/payload/admin/adminLabels.ts).
export const writableLabels = (labels: AdminLabels): Partial<AdminLabels> =>
  Object.fromEntries(Object.entries(labels).filter(([, label]) => label !== null))

// Payload saves a localized field's returned value in the locale being saved and keeps the other
// locales as the stored document has them, so the other locales' labels (which a new abbreviation
// changes too) are put there.
const fillLabels =
  (labelsFor: LabelsFor): FieldHook =>
  async ({ req, siblingData, siblingDocWithLocales, value }) => {
    if (!isLocale(req.locale)) return value
    const labels = await labelsFor({
      data: siblingData,
      stored: siblingDocWithLocales ?? {},
      locale: req.locale,
      req,
    })
    if (siblingDocWithLocales) {
      const stored = siblingDocWithLocales.label
      siblingDocWithLocales.label = {
        ...(stored && typeof stored === 'object' ? stored : {}),
        ...writableLabels(labels),
      }
    }
    return labels[req.locale]
  }

// What relationship pickers and lists show of a document, and what they search (Payload's picker
// searches only `admin.useAsTitle`): a stored, localized text made on save. For staff only, like
// the rest of the admin's bookkeeping; the public API keeps showing names.
export const adminLabelField = ({
  labelsFor,
  description,
  withAbbreviation = false,
}: {
  labelsFor: LabelsFor
  description: Record<Locale, string>
  // How the label looks before the first save: "name (abbreviation)" for organisations.
  withAbbreviation?: boolean
}): TextField => ({
  name: 'label',
  type: 'text',
  label: { en: 'Label', zh: '显示名称' },
  localized: true,
  access: { read: editorsField, create: nobodyField, update: nobodyField },
  admin: {
    position: 'sidebar',
    readOnly: true,
    description,
    components: {
      Field: {
        path: '/components/admin/LiveLabel#LiveLabel',
        clientProps: { withAbbreviation },
      },
    },
  },
  hooks: { beforeChange: [fillLabels(labelsFor)] },
})
