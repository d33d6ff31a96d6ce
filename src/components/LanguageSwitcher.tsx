'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

import type { Locale } from '@/site/i18n'

import { localePath } from '@/site/i18n'

// The same page in the other language: strip this locale's prefix, add the other's.
const pathInOtherLocale = ({ pathname, locale }: { pathname: string; locale: Locale }) => {
  const path = locale === 'zh' ? pathname.replace(/^\/zh(?=\/|$)/, '') || '/' : pathname
  return localePath({ locale: locale === 'zh' ? 'en' : 'zh', path })
}

export const LanguageSwitcher = ({
  locale,
  label,
  ariaLabel,
}: {
  locale: Locale
  label: string
  ariaLabel: string
}) => {
  const pathname = usePathname() || '/'
  const otherLocale = locale === 'zh' ? 'en' : 'zh'
  return (
    <Link
      className="language-switcher"
      href={pathInOtherLocale({ pathname, locale })}
      hrefLang={otherLocale === 'zh' ? 'zh-Hans' : 'en'}
      lang={otherLocale === 'zh' ? 'zh-Hans' : 'en'}
      aria-label={ariaLabel}
      prefetch={false}
    >
      {label}
    </Link>
  )
}
