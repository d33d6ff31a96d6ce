import Link from 'next/link'

import type { Locale } from '@/site/i18n'
import type { PageNode } from '@/content/pages'

import { localePath } from '@/site/i18n'

// A parent page (About, Services) introduces its children with their summaries.
export const ChildPages = ({
  pages,
  locale,
  heading,
}: {
  pages: PageNode[]
  locale: Locale
  heading: string
}) => (
  <section className="child-pages" aria-labelledby="child-pages-title">
    <h2 id="child-pages-title">{heading}</h2>
    <ul className="card-grid">
      {pages.map((page) => (
        <li key={page.id}>
          <article className="card">
            <h3 className="card__title">
              <Link href={localePath({ locale, path: page.path })}>{page.title}</Link>
            </h3>
            {page.summary ? <p className="card__summary">{page.summary}</p> : null}
          </article>
        </li>
      ))}
    </ul>
  </section>
)
