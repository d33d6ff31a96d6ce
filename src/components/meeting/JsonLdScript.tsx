import type { JsonLdNode } from '@/site/jsonLd'

import { serializeJsonLd } from '@/site/jsonLd'

export const JsonLdScript = ({ data }: { data: JsonLdNode | JsonLdNode[] }) => (
  <script
    type="application/ld+json"
    // serializeJsonLd escapes `<`, so content cannot close the script element.
    dangerouslySetInnerHTML={{ __html: serializeJsonLd({ data }) }}
  />
)
