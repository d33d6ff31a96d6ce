import { createHash } from 'node:crypto'

import { defaultLocale, isLocale, localePath } from '@/site/i18n'

export const previewRoute = '/next/preview'
export const exitPreviewRoute = '/next/exit-preview'

// The secret in a preview link keeps strangers from switching on draft mode; the staff login the
// preview route also checks is what actually guards the drafts. Without PREVIEW_SECRET it is
// derived from PAYLOAD_SECRET, so a new install previews without one more setting.
export const previewSecret = (): string =>
  process.env.PREVIEW_SECRET ||
  createHash('sha256')
    .update(`cifcc-preview:${process.env.PAYLOAD_SECRET ?? ''}`)
    .digest('hex')
    .slice(0, 32)

type Previewable = {
  slug?: string | null
  breadcrumbs?: { url?: string | null }[] | null
}

const publicPathOf = ({ collection, doc }: { collection: string; doc: Previewable }) => {
  if (collection === 'pages') return doc.breadcrumbs?.at(-1)?.url || `/${doc.slug ?? ''}`
  return `/${collection}/${doc.slug ?? ''}`
}

// Where the admin's Preview button and Live Preview pane open a meeting or service page: through
// the preview route, which turns on draft mode and redirects to the page in the edited language.
export const previewLink = ({
  collection,
  doc,
  locale,
}: {
  collection: string
  doc: Previewable
  locale: string | undefined
}): string => {
  const query = new URLSearchParams({
    collection,
    path: localePath({
      locale: isLocale(locale) ? locale : defaultLocale,
      path: publicPathOf({ collection, doc }),
    }),
    previewSecret: previewSecret(),
  })
  return `${(process.env.NEXT_PUBLIC_SERVER_URL ?? '').replace(/\/+$/, '')}${previewRoute}?${query}`
}
