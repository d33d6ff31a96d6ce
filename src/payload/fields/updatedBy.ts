import type { RelationshipField } from 'payload'

import { editorsField } from '@/payload/access/editorsField'
import { nobodyField } from '@/payload/access/nobody'

// Payload's versions record when a document changed, not who changed it. Set on every save by
// src/payload/hooks/setUpdatedBy.ts; staff only, since it names a colleague's account.
export const updatedByField = (): RelationshipField => ({
  name: 'updatedBy',
  type: 'relationship',
  label: { en: 'Last changed by', zh: '最后修改人' },
  relationTo: 'users',
  access: { read: editorsField, create: nobodyField, update: nobodyField },
  admin: {
    position: 'sidebar',
    readOnly: true,
    components: { Field: '/components/admin/UpdatedBy#UpdatedBy' },
  },
})
