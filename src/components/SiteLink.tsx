import Link from 'next/link'

import type { Page, Site } from '@/payload-types'

import type { Locale } from '@/site/i18n'

import { localePath } from '@/site/i18n'
import { pathOfPage } from '@/site/paths'

type NavigationLink = NonNullable<Site['headerNavigation']>[number]

export const hrefOfLink = ({ link, locale }: { link: NavigationLink; locale: Locale }) => {
  if (link.kind === 'url') return link.url ?? '#'
  if (link.kind === 'path') return localePath({ locale, path: link.path ?? '/' })
  const page = link.page as Page | null | string | undefined
  // An unpublished or deleted page arrives as a bare id (or nothing): no link to a 404.
  if (!page || typeof page !== 'object') return null
  return localePath({ locale, path: pathOfPage(page) })
}

export const SiteLink = ({ link, locale }: { link: NavigationLink; locale: Locale }) => {
  const href = hrefOfLink({ link, locale })
  if (!href) return null
  if (link.kind === 'url')
    return (
      <a
        href={href}
        {...(link.openInNewTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      >
        {link.label}
      </a>
    )
  // Menus link every section from every page; prefetching them all on each visit would render
  // each section on the server for a click that mostly never comes.
  return (
    <Link href={href} prefetch={false}>
      {link.label}
    </Link>
  )
}
