import type { Metadata } from 'next'

import type { Locale } from './i18n'

import { getDictionary } from './dictionary'
import { absoluteURL, locales, ogLocale } from './i18n'

// The news feed in the page's language, linked from every page's head (the layout's, and each
// page's own alternates, which replace the layout's).
export const feedAlternates = ({ locale }: { locale: Locale }) => ({
  'application/rss+xml': [
    { url: absoluteURL({ locale, path: '/feed.xml' }), title: getDictionary(locale).rssFeed },
  ],
})

// Canonical address in this language, and the same page in every language for hreflang.
export const alternates = ({
  locale,
  path,
}: {
  locale: Locale
  path: string
}): Metadata['alternates'] => ({
  canonical: absoluteURL({ locale, path }),
  languages: {
    ...Object.fromEntries(
      locales.map((other) => [
        other === 'zh' ? 'zh-Hans' : 'en',
        absoluteURL({ locale: other, path }),
      ]),
    ),
    'x-default': absoluteURL({ locale: 'en', path }),
  },
  types: feedAlternates({ locale }),
})

export type ShareImage = {
  url: string
  width?: number | null
  height?: number | null
  alt?: string | null
}

// Title, description, canonical and hreflang, and the Open Graph card with its absolute URL, in
// one shape for every page type.
export const pageMetadata = ({
  locale,
  path,
  title,
  description,
  siteName,
  type = 'website',
  shareTitle = title,
  image,
  times,
}: {
  locale: Locale
  path: string
  title: string
  description?: string | null
  siteName: string
  type?: 'website' | 'article' | 'profile'
  // The title on a shared card, where the page's own may need more context.
  shareTitle?: string
  image?: ShareImage | null
  // For articles: when the page was first published and last changed.
  times?: { published?: string | null; modified?: string | null }
}): Metadata => ({
  title,
  description: description || undefined,
  alternates: alternates({ locale, path }),
  openGraph: {
    type,
    url: absoluteURL({ locale, path }),
    title: shareTitle,
    description: description || undefined,
    siteName,
    locale: ogLocale[locale],
    alternateLocale: locales.filter((other) => other !== locale).map((other) => ogLocale[other]),
    images: image
      ? [
          {
            url: image.url,
            width: image.width ?? undefined,
            height: image.height ?? undefined,
            alt: image.alt ?? undefined,
          },
        ]
      : undefined,
    ...(type === 'article'
      ? {
          publishedTime: times?.published || undefined,
          modifiedTime: times?.modified || undefined,
        }
      : {}),
  },
  twitter: { card: image ? 'summary_large_image' : 'summary' },
})
