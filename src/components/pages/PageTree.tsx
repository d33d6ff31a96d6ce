import Link from 'next/link'

import type { Locale } from '@/site/i18n'
import type { PageNode } from '@/content/pages'

import { localePath } from '@/site/i18n'

// Service pages as nested lists, to any depth (list items only, so it can sit inside a longer list).
export const PageTreeItems = ({
  nodes,
  locale,
  currentPath,
}: {
  nodes: PageNode[]
  locale: Locale
  currentPath?: string
}) =>
  nodes.map((node) => (
    <li key={node.id}>
      <Link
        href={localePath({ locale, path: node.path })}
        aria-current={node.path === currentPath ? 'page' : undefined}
      >
        {node.title}
      </Link>
      {node.children.length > 0 ? (
        <ul>
          <PageTreeItems nodes={node.children} locale={locale} currentPath={currentPath} />
        </ul>
      ) : null}
    </li>
  ))
