import type { Metadata } from 'next'

import type { Locale } from './i18n'

import { absoluteURL, locales } from './i18n'

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
})
