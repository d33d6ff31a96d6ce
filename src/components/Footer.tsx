import type { Site } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { localePath } from '@/site/i18n'

import { SiteLink } from './SiteLink'

export const Footer = ({
  site,
  locale,
  dictionary,
}: {
  site: Site
  locale: Locale
  dictionary: Dictionary
}) => (
  <footer className="site-footer">
    <div className="site-footer__inner">
      <nav aria-label={dictionary.footerNavigation}>
        <ul>
          {(site.footerNavigation ?? []).map((link) => (
            <li key={link.id ?? link.label}>
              <SiteLink link={link} locale={locale} />
            </li>
          ))}
        </ul>
      </nav>
      {site.contact?.email || site.contact?.address ? (
        <address>
          {site.contact.address ? <span>{site.contact.address}</span> : null}
          {site.contact.email ? (
            <a href={`mailto:${site.contact.email}`}>{site.contact.email}</a>
          ) : null}
        </address>
      ) : null}
      {/* A file, not a page: a plain link, so Next does not prefetch it. */}
      <p className="site-footer__feed">
        <a href={localePath({ locale, path: '/feed.xml' })} type="application/rss+xml">
          {dictionary.rssFeed}
        </a>
      </p>
      {site.copyright ? <p className="site-footer__copyright">{site.copyright}</p> : null}
    </div>
  </footer>
)
