import type { FieldAccess } from 'payload'

// For fields that hooks fill in (labels, authors, translation status): no request may set them.
// Local API calls that override access still can, which is how hooks and migrations write them.
export const nobodyField: FieldAccess = () => false
