import type { Page } from '@/payload-types'

import { cacheTags } from './cacheTags'
import type { PreviewArgs } from './cachedQuery'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { pathOfPage } from '@/site/paths'

import { getPayloadClient } from './payloadClient'

export type PageLink = Pick<
  Page,
  'id' | 'title' | 'slug' | 'summary' | 'breadcrumbs' | 'navOrder' | 'parent'
>

export type PageNode = PageLink & { path: string; children: PageNode[] }

const linkSelect = {
  title: true,
  slug: true,
  summary: true,
  breadcrumbs: true,
  navOrder: true,
  parent: true,
} as const

export const listPages = cachedQuery({
  name: 'listPages',
  tags: [cacheTags.pages],
  query: async ({ locale }: { locale: Locale }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'pages',
      locale,
      depth: 0,
      pagination: false,
      sort: 'navOrder',
      overrideAccess: false,
      select: linkSelect,
    })
    return docs as PageLink[]
  },
})

// A service page is addressed by its whole path (/services/hotel): the last segment finds it, and
// the breadcrumbs must match the rest, so /about/hotel is not found.
export const getPageByPath = cachedQuery({
  name: 'getPageByPath',
  tags: [cacheTags.pages],
  query: async ({
    locale,
    segments,
    viewer,
  }: { locale: Locale; segments: string[] } & PreviewArgs) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'pages',
      locale,
      where: { slug: { equals: segments.at(-1) } },
      limit: 1,
      // One document is wanted, not a page of them: skip the count query.
      pagination: false,
      depth: 0,
      overrideAccess: false,
      draft: Boolean(viewer),
      user: viewer ?? undefined,
      select: { ...linkSelect, body: true, form: true, updatedAt: true },
    })
    const page = (docs[0] as Page | undefined) ?? null
    if (!page || pathOfPage(page) !== `/${segments.join('/')}`) return null
    return page
  },
})

// The pages as a tree, nested by their breadcrumb paths (/services is the parent of
// /services/hotel) and kept in navigation order. A published page under an unpublished parent has
// no parent to hang from, so it becomes a root rather than disappearing from the menus.
export const buildPageTree = ({ pages }: { pages: PageLink[] }): PageNode[] => {
  const byPath = new Map<string, PageNode>()
  for (const page of pages)
    byPath.set(pathOfPage(page), { ...page, path: pathOfPage(page), children: [] })
  const roots: PageNode[] = []
  for (const node of byPath.values()) {
    const parentPath = node.breadcrumbs?.at(-2)?.url
    const parent = parentPath ? byPath.get(parentPath) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

const findNode = ({ nodes, path }: { nodes: PageNode[]; path: string }): PageNode | null => {
  for (const node of nodes) {
    if (node.path === path) return node
    const found = findNode({ nodes: node.children, path })
    if (found) return found
  }
  return null
}

// Where a page sits: its own node (for the list of its children) and the section it belongs to,
// the parent with all its children, for the sibling navigation. A top-level page with children
// is its own section; a top-level page without any has none.
export const locatePage = ({
  tree,
  path,
}: {
  tree: PageNode[]
  path: string
}): { node: PageNode | null; section: PageNode | null } => {
  const node = findNode({ nodes: tree, path })
  if (!node) return { node: null, section: null }
  const parentPath = node.breadcrumbs?.at(-2)?.url
  const parent = parentPath ? findNode({ nodes: tree, path: parentPath }) : null
  return { node, section: parent ?? (node.children.length > 0 ? node : null) }
}
