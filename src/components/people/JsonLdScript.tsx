import type { JsonLdNode } from '@/site/jsonLd'

import { serializeJsonLd } from '@/site/jsonLd'

// serializeJsonLd escapes `<`, so a name or title can never close the script element.
export const JsonLdScript = ({ data }: { data: JsonLdNode }) => (
  <script
    type="application/ld+json"
    dangerouslySetInnerHTML={{ __html: serializeJsonLd({ data }) }}
  />
)
