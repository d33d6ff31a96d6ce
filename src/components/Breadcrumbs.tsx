import Link from 'next/link'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { localePath } from '@/site/i18n'

export type Crumb = { label: string; href?: string }

// Every trail starts at the home page of the reader's language; pages give the rest of it.
export const Breadcrumbs = ({
  trail,
  locale,
  dictionary,
}: {
  trail: Crumb[]
  locale: Locale
  dictionary: Pick<Dictionary, 'home' | 'breadcrumbs'>
}) => {
  const crumbs = [{ label: dictionary.home, href: localePath({ locale, path: '/' }) }, ...trail]
  return (
    <nav aria-label={dictionary.breadcrumbs} className="breadcrumbs">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={`${crumb.label}-${index}`}>
            {crumb.href && index < crumbs.length - 1 ? (
              <Link href={crumb.href}>{crumb.label}</Link>
            ) : (
              <span aria-current={index === crumbs.length - 1 ? 'page' : undefined}>
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
