import type { Payload } from 'payload'

import type { Site } from '@/payload-types'

import type { Outcome } from './write'

import { siteSettings } from './content/site'
import { startStep, withContext, writeOptions } from './write'

type NavigationRow = NonNullable<Site['headerNavigation']>[number]

export const seedSite = async ({
  payload,
  pageIds,
}: {
  payload: Payload
  pageIds: Record<string, string>
}) => {
  const step = startStep({ step: 'site settings', total: 1 })
  const read = (locale: 'en' | 'zh') =>
    payload.findGlobal({
      slug: 'site',
      locale,
      fallbackLocale: false,
      depth: 0,
      overrideAccess: true,
    })
  const toRows = (links: typeof siteSettings.headerNavigation): NavigationRow[] =>
    links.map((link) =>
      link.kind === 'path'
        ? { label: link.label.en, kind: 'path', path: link.path }
        : { label: link.label.en, kind: 'page', page: pageIds[link.page] },
    )
  const translateRows = (
    rows: Site['headerNavigation'],
    links: typeof siteSettings.headerNavigation,
  ): NavigationRow[] =>
    (rows ?? []).map((row, index) => ({ ...row, label: links[index]?.label.zh ?? row.label }))
  const copyright = siteSettings.copyright({ year: new Date().getFullYear() })

  let outcome: Outcome = 'unchanged'
  let site = await read('en')
  if (!site.name) {
    site = await withContext({
      label: 'writing the site settings',
      run: () =>
        payload.updateGlobal({
          slug: 'site',
          data: {
            name: siteSettings.name.en,
            tagline: siteSettings.tagline.en,
            headerNavigation: toRows(siteSettings.headerNavigation),
            footerNavigation: toRows(siteSettings.footerNavigation),
            copyright: copyright.en,
            contact: {
              email: siteSettings.contact.email,
              address: siteSettings.contact.address.en,
            },
          },
          locale: 'en',
          ...writeOptions,
        }),
    })
    outcome = 'created'
  }
  const english = site
  if (!(await read('zh')).name) {
    await withContext({
      label: 'translating the site settings',
      run: () =>
        payload.updateGlobal({
          slug: 'site',
          data: {
            name: siteSettings.name.zh,
            tagline: siteSettings.tagline.zh,
            headerNavigation: translateRows(
              english.headerNavigation,
              siteSettings.headerNavigation,
            ),
            footerNavigation: translateRows(
              english.footerNavigation,
              siteSettings.footerNavigation,
            ),
            copyright: copyright.zh,
            contact: { ...english.contact, address: siteSettings.contact.address.zh },
          },
          locale: 'zh',
          ...writeOptions,
        }),
    })
    if (outcome === 'unchanged') outcome = 'updated'
  }
  step.count({ outcome })
  return { report: step.report }
}
