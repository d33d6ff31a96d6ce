import type { UIField } from 'payload'

// "Merge this duplicate into…" in the sidebar of a speaker or organisation (the endpoint is
// src/payload/mergeEndpoint.ts). A ui field stores nothing: no column, no type.
export const mergeRecordField = (): UIField => ({
  name: 'mergeRecord',
  type: 'ui',
  label: { en: 'Merge', zh: '合并' },
  admin: {
    position: 'sidebar',
    // Not a list column either: there is nothing to show per row.
    disableListColumn: true,
    components: { Field: '/components/admin/MergeRecord#MergeRecord' },
  },
})
