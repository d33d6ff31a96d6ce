import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { Meeting } from '@/payload-types'

import type { Localized } from '@/payload/admin/adminLabels'
import type { PeopleCollection } from '@/payload/visibility'

import { nameIn } from '@/payload/admin/adminLabels'
import { keepLocale } from '@/payload/keepLocale'
import { defaultLocale, isLocale } from '@/site/i18n'
import { idsOf, peopleNamedBy } from '@/payload/visibility'

type Unconfirmed = { collection: PeopleCollection; names: string[] }

const unconfirmedAmong = async ({
  req,
  collection,
  ids,
}: {
  req: PayloadRequest
  collection: PeopleCollection
  ids: string[]
}): Promise<Unconfirmed> => {
  if (ids.length === 0) return { collection, names: [] }
  const { docs } = await keepLocale(req, () =>
    req.payload.find({
      collection,
      where: { and: [{ id: { in: ids } }, { needsConfirmation: { equals: true } }] },
      select: { name: true },
      // A Chinese page's people have only Chinese names: name them in whichever language they have.
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    }),
  )
  return {
    collection,
    names: docs.map(({ name }) =>
      nameIn({
        name: name as unknown as Localized<string>,
        locale: isLocale(req.locale) ? req.locale : defaultLocale,
      }),
    ),
  }
}

// The organisations of the speakers' positions show beside their names on the meeting's page.
const organisationsOfSpeakers = async ({ req, ids }: { req: PayloadRequest; ids: string[] }) => {
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'speakers',
    where: { id: { in: ids } },
    select: { organisations: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.flatMap(({ organisations }) => idsOf(organisations))
}

const words = {
  en: {
    speakers: 'speakers',
    organisations: 'organisations',
    refusal: (names: string) =>
      `This meeting names records an import created that no editor has confirmed yet: ${names}. Confirm each one (in the Import notes, or by unticking "Awaiting confirmation" on it), or merge it into an existing record, then publish.`,
  },
  zh: {
    speakers: '嘉宾',
    organisations: '机构',
    refusal: (names: string) =>
      `本会议提到的以下记录由导入创建，尚未经编辑确认：${names}。请逐一确认（在导入备注中，或在记录上取消勾选"待确认"），或将其合并到已有记录，然后再发布。`,
  },
}

const describe = (unconfirmed: Unconfirmed[], text: (typeof words)['en']): string =>
  unconfirmed
    .filter(({ names }) => names.length > 0)
    .map(({ collection, names }) => `${text[collection]} ${names.join(', ')}`)
    .join('; ')

// What an import created stays hidden until an editor confirms it (src/payload/visibility.ts), so a
// meeting naming it cannot go public first: its page would lose those names, or show junk. Drafts
// and autosaves are not checked; only publishing is.
export const refuseUnconfirmedPeople: CollectionBeforeChangeHook<Meeting> = async ({
  data,
  originalDoc,
  req,
}) => {
  if (data._status !== 'published') return data
  const named = peopleNamedBy({ ...originalDoc, ...data })
  const unconfirmed = [
    await unconfirmedAmong({ req, collection: 'speakers', ids: named.speakers }),
    await unconfirmedAmong({
      req,
      collection: 'organisations',
      ids: [
        ...new Set([
          ...named.organisations,
          ...(await organisationsOfSpeakers({ req, ids: named.speakers })),
        ]),
      ],
    }),
  ]
  if (unconfirmed.every(({ names }) => names.length === 0)) return data
  const text = req.i18n?.language === 'zh' ? words.zh : words.en
  throw new APIError(text.refusal(describe(unconfirmed, text)), 400, null, true)
}
