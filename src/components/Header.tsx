import Link from 'next/link'

import type { Site } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { localePath } from '@/site/i18n'

import { LanguageSwitcher } from './LanguageSwitcher'
import { hrefOfLink } from './SiteLink'

// The site's own sections, after the links staff choose under Site settings › Header navigation.
// One line each: the path, and the dictionary's word for it.
const siteSections = [{ path: '/search', word: 'search' }] as const satisfies readonly {
  path: string
  word: keyof Dictionary
}[]

type HeaderLink = { href: string; label: string; newTab?: boolean }

const headerLinks = ({
  site,
  locale,
  dictionary,
}: {
  site: Site
  locale: Locale
  dictionary: Dictionary
}): HeaderLink[] => [
  ...(site.headerNavigation ?? []).flatMap((link) => {
    const href = hrefOfLink({ link, locale })
    return href
      ? [{ href, label: link.label, newTab: link.kind === 'url' && Boolean(link.openInNewTab) }]
      : []
  }),
  ...siteSections.map(({ path, word }) => ({
    href: localePath({ locale, path }),
    label: dictionary[word],
  })),
]

// On a phone the links fold into a menu: a <details> whose <summary> is the button, so it opens
// without JavaScript; from a tablet's width up they show in the bar (styles.css). The links are
// plain anchors, not next/link: a client-side navigation would keep this layout, and the menu
// open, on the next page; a full load closes it (and is served from the page cache).
export const Header = ({
  site,
  locale,
  dictionary,
}: {
  site: Site
  locale: Locale
  dictionary: Dictionary
}) => (
  <header className="site-header">
    <div className="site-header__inner">
      <Link
        className="site-header__brand"
        href={localePath({ locale, path: '/' })}
        prefetch={false}
      >
        <span className="site-header__mark" aria-hidden="true">
          CIFCC
        </span>
        <span className="site-header__name">{site.name || dictionary.siteName}</span>
      </Link>
      <details className="site-menu">
        <summary className="site-menu__button">
          <span className="site-menu__icon" aria-hidden="true" />
          {dictionary.menu}
        </summary>
        <nav aria-label={dictionary.mainNavigation} className="site-header__nav">
          <ul>
            {headerLinks({ site, locale, dictionary }).map(({ href, label, newTab }, index) => (
              <li key={`${index}-${href}`}>
                <a
                  href={href}
                  {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </details>
      <LanguageSwitcher
        locale={locale}
        label={dictionary.switchTo}
        ariaLabel={dictionary.switchToLabel}
      />
    </div>
  </header>
)
