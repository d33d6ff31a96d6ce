import { decodeHTML } from 'entities'

import type { Context } from './importContext'

import { note, writeOptions } from './importContext'
import { redirectPathOf } from '@/site/redirectPath'

// The address the page had on the old site, when the page says so: its canonical link, or its
// og:url. Each tag is read once up to its ">" (linear in the page, like html.ts); only an http(s)
// address or a path counts.
export const oldAddressInPage = (text: string): null | string => {
  for (const [tag] of text.matchAll(/<(?:link|meta)\b[^>]*/gi)) {
    const isCanonical = /\brel\s*=\s*["']?canonical\b/i.test(tag)
    const isOgURL = /\bproperty\s*=\s*["']?og:url\b/i.test(tag)
    if (!isCanonical && !isOgURL) continue
    const value = /\b(?:href|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag)
    const address = decodeHTML(value?.[1] ?? value?.[2] ?? value?.[3] ?? '').trim()
    if (/^(?:https?:\/\/|\/)/i.test(address) && redirectPathOf(address)) return address
  }
  return null
}

type Redirect = { id: string; to?: { reference?: { relationTo: string; value: unknown } | null } }

const leadsTo = (redirect: Redirect, meetingId: string | undefined): boolean => {
  const reference = redirect.to?.reference
  const value = reference?.value
  const id = typeof value === 'object' && value !== null ? (value as { id: string }).id : value
  return reference?.relationTo === 'meetings' && id === meetingId
}

// Before the meeting is saved: whether the old address is free for it. One a redirect already
// sends elsewhere (made by an editor, or by the import of another page) is left as it is, and the
// import notes say so.
export const checkOldAddress = async ({
  context,
  from,
  meetingId,
}: {
  context: Context
  from: string
  meetingId?: string
}): Promise<{ isFree: boolean }> => {
  const { docs } = await context.payload.find({
    collection: 'redirects',
    where: { from: { equals: from } },
    limit: 1,
    pagination: false,
    ...writeOptions(context),
  })
  const existing = docs[0] as Redirect | undefined
  if (existing && !leadsTo(existing, meetingId))
    note(
      context,
      'medium',
      `The old address ${from} already leads elsewhere (see Redirects); it was left as it is.`,
    )
  return { isFree: !existing }
}

// After the meeting is saved: the old address answers with a 301 to it (collections: redirects),
// in the page's language, once it is published; src/content/redirects.ts follows a redirect only
// to a public page.
export const redirectOldAddress = async ({
  context,
  from,
  meetingId,
}: {
  context: Context
  from: string
  meetingId: string
}) => {
  await context.payload.create({
    collection: 'redirects',
    data: {
      from,
      to: { type: 'reference', reference: { relationTo: 'meetings', value: meetingId } },
      locale: context.language,
    },
    ...writeOptions(context),
  })
}
