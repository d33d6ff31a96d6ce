import type { Payload } from 'payload'

import type { Page } from '@/payload-types'

import { pages } from './content/pages'
import { richText } from '@/content/richText'
import { ensureBySlug, startStep } from './write'

export const seedPages = async ({
  payload,
  contactFormId,
}: {
  payload: Payload
  contactFormId: string
}) => {
  const step = startStep({ step: 'pages', total: pages.length })
  const ids: Record<string, string> = {}
  for (const page of pages) {
    const parent = page.parent ? ids[page.parent] : undefined
    if (page.parent && !parent) throw new Error(`seed: page "${page.slug}" comes before its parent`)
    const { doc, outcome } = await ensureBySlug({
      payload,
      collection: 'pages',
      slug: page.slug,
      marker: 'title',
      en: () => ({
        title: page.title.en,
        summary: page.summary.en,
        body: richText({ paragraphs: page.body.en }),
        navOrder: page.navOrder,
        parent,
        form: page.hasContactForm ? contactFormId : undefined,
        _status: 'published' as const,
      }),
      zh: () => ({
        title: page.title.zh,
        summary: page.summary.zh,
        body: richText({ paragraphs: page.body.zh }),
        _status: 'published' as const,
      }),
    })
    ids[page.slug] = (doc as Page).id
    step.count({ outcome })
  }
  return { ids, report: step.report }
}
