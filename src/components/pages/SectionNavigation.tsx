import Link from 'next/link'

import type { Locale } from '@/site/i18n'
import type { PageNode } from '@/content/pages'

import { localePath } from '@/site/i18n'

// The section a page belongs to: its parent first, then the parent's children, the page being
// read marked as the current one.
export const SectionNavigation = ({
  section,
  currentPath,
  locale,
  label,
}: {
  section: PageNode
  currentPath: string
  locale: Locale
  label: string
}) => {
  const current = (path: string) => (path === currentPath ? ('page' as const) : undefined)
  return (
    <aside className="section-nav">
      <nav aria-labelledby="section-nav-label">
        <p className="section-nav__label" id="section-nav-label">
          {label}
        </p>
        <ul>
          <li>
            <Link
              className="section-nav__parent"
              href={localePath({ locale, path: section.path })}
              aria-current={current(section.path)}
            >
              {section.title}
            </Link>
            <ul>
              {section.children.map((child) => (
                <li key={child.id}>
                  <Link
                    href={localePath({ locale, path: child.path })}
                    aria-current={current(child.path)}
                  >
                    {child.title}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        </ul>
      </nav>
    </aside>
  )
}
