import { headers } from 'next/headers'

import type { Locale } from '@/site/i18n'

import { localePath } from '@/site/i18n'
import { sitePathHeader } from '@/site/paths'

// The same page in the other language: strip this locale's prefix, add the other's.
const pathInOtherLocale = ({ pathname, locale }: { pathname: string; locale: Locale }) => {
  const path = locale === 'zh' ? pathname.replace(/^\/zh(?=\/|$)/, '') || '/' : pathname
  return localePath({ locale: locale === 'zh' ? 'en' : 'zh', path })
}

// A server component: the page's address comes from src/proxy.ts, which sets it on every page
// request, so the link is in the HTML and needs no script.
export const LanguageSwitcher = async ({
  locale,
  label,
  ariaLabel,
}: {
  locale: Locale
  label: string
  ariaLabel: string
}) => {
  const pathname = (await headers()).get(sitePathHeader) || localePath({ locale, path: '/' })
  const otherLocale = locale === 'zh' ? 'en' : 'zh'
  return (
    <a
      className="language-switcher"
      href={pathInOtherLocale({ pathname, locale })}
      hrefLang={otherLocale === 'zh' ? 'zh-Hans' : 'en'}
      lang={otherLocale === 'zh' ? 'zh-Hans' : 'en'}
      aria-label={ariaLabel}
    >
      {label}
    </a>
  )
}
