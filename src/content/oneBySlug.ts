// The find arguments of a page's one document, found by its slug. One document is wanted, not a
// page of them: `pagination: false` skips the count query.
export const oneBySlug = (slug: string) =>
  ({ where: { slug: { equals: slug } }, limit: 1, pagination: false }) as const
