import Link from 'next/link'

import type { Site } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { localePath } from '@/site/i18n'

import { LanguageSwitcher } from './LanguageSwitcher'
import { SiteLink } from './SiteLink'

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
      <nav aria-label={dictionary.mainNavigation} className="site-header__nav">
        <ul>
          {(site.headerNavigation ?? []).map((link) => (
            <li key={link.id ?? link.label}>
              <SiteLink link={link} locale={locale} />
            </li>
          ))}
          <li>
            <Link href={localePath({ locale, path: '/search' })} prefetch={false}>
              {dictionary.search}
            </Link>
          </li>
        </ul>
      </nav>
      <LanguageSwitcher
        locale={locale}
        label={dictionary.switchTo}
        ariaLabel={dictionary.switchToLabel}
      />
    </div>
  </header>
)
