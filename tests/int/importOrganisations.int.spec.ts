import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import type { ImportOutcome } from '@/import/importPage'
import type { Meeting } from '@/payload-types'

import { importLegacyPage } from '@/import/importPage'

import { idsOf } from '../helpers/ids'
import { getTestPayload } from '../helpers/payload'

// Organisations as pages list them: a name and its abbreviation in brackets, the abbreviation
// alone later, "and" between two names, articles. The database starts empty, so every
// organisation here is one the import created.

type Imported = Extract<ImportOutcome, { outcome: 'created' | 'updated' }>

// A full name with its abbreviation, then the abbreviation alone; two organisations joined by
// "and"; one that is not a known organisation, given the same two ways.
const roundTable = `Home >> News Media >> News
2024 CIFCC Round Table--Rivers and Cities

On November 5, 2024, at 9:30 am, the 2024 CIFCC round table "Rivers and Cities" was held in Beijing. Lena Okafor, director of the Urban Water Programme at the C40 Cities Climate Leadership Group (C40), chaired the round table.

The meeting focused on “room for the river”. Guests from the Asian Infrastructure Investment Bank (AIIB) and Tongji University, C40 and the Delta Cities Leadership Group (DCLG) attended the meeting.

Lena Okafor pointed out: cities that give their rivers room flood less often and recover sooner.

Wang Tao, professor of the College of Civil Engineering, Tongji University, stated: sponge parks work best upstream of the old town.

Piet Visser, secretary of DCLG, said that delta cities share their flood maps every spring.

Print | Close
`

// A later page that names the same organisations by abbreviation and by name.
const workshop = `Home >> News Media >> News
2024 CIFCC Workshop--Paying for Flood Walls

On November 6, 2024, at 2:00 pm, the 2024 CIFCC workshop "Paying for Flood Walls" was held in Beijing. Chen Yu, senior investment officer of AIIB, chaired the workshop.

The workshop focused on “who pays for defences”. Guests from AIIB, the Delta Cities Leadership Group and the Asian Infrastructure Investment Bank attended the workshop.

Chen Yu pointed out: flood walls pay for themselves within twenty years in most coastal cities.

Print | Close
`

// A Chinese page naming the bank by its Chinese name with its Chinese abbreviation, and by the
// abbreviation alone.
const chineseSideEvent = `首页 >> 新闻中心 >> 新闻
2024年中国国际气候变化论坛边会——城市防洪融资

2024年11月7日下午2:00，2024年中国国际气候变化论坛边会在北京举行。边会由亚洲基础设施投资银行（亚投行）气候融资局局长王兰主持。来自亚投行和同济大学的代表参加了边会。

王兰指出：城市防洪设施的投资回报周期较长，需要长期资金的支持。

Print | Close
`

let payload: Payload

const importOrThrow = async (text: string, source: string): Promise<Imported> => {
  const result = await importLegacyPage({ payload, bytes: Buffer.from(text, 'utf8'), source })
  if (result.outcome === 'failed') throw new Error(result.reason)
  return result
}

const readMeeting = (id: string): Promise<Meeting> =>
  payload.findByID({ collection: 'meetings', id, draft: true, depth: 0, locale: 'en' })

const allOrganisations = async () =>
  (
    await payload.find({
      collection: 'organisations',
      locale: 'en',
      // An organisation a Chinese page created has only a Chinese name.
      fallbackLocale: 'zh',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs
    .map(({ id, name, abbreviation, kind }) => ({
      id,
      name,
      abbreviation: abbreviation ?? null,
      kind,
    }))
    // By name: the order they were created in is the order the stages ran, not the page's.
    .sort((a, b) => a.name.localeCompare(b.name))

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('importing organisations written as lists, with and without abbreviations', () => {
  let first: Meeting
  let afterFirst: Awaited<ReturnType<typeof allOrganisations>>

  beforeAll(async () => {
    first = await readMeeting((await importOrThrow(roundTable, 'rivers-and-cities.txt')).id)
    afterFirst = await allOrganisations()
  }, 120_000)

  it('creates each organisation once, with its abbreviation and kind', () => {
    expect(afterFirst.map(({ id: _id, ...organisation }) => organisation)).toEqual([
      {
        name: 'Asian Infrastructure Investment Bank',
        abbreviation: 'AIIB',
        kind: 'multilateral-bank',
      },
      {
        name: 'C40 Cities Climate Leadership Group',
        abbreviation: 'C40',
        kind: 'ngo',
      },
      // Not a known organisation: its abbreviation is the page's, its kind guessed.
      { name: 'Delta Cities Leadership Group', abbreviation: 'DCLG', kind: 'ngo' },
      { name: 'Tongji University', abbreviation: null, kind: 'academic' },
    ])
  })

  it('links the attending list and the speakers to those organisations', () => {
    const idNamed = (name: string) => afterFirst.find((o) => o.name === name)?.id
    expect({
      attending: idsOf(first.attendingOrganisations),
      statements: first.statements?.map(({ organisation }) => organisation),
    }).toEqual({
      attending: [
        idNamed('Asian Infrastructure Investment Bank'),
        idNamed('Tongji University'),
        idNamed('C40 Cities Climate Leadership Group'),
        idNamed('Delta Cities Leadership Group'),
      ],
      statements: [
        idNamed('C40 Cities Climate Leadership Group'),
        idNamed('Tongji University'),
        idNamed('Delta Cities Leadership Group'),
      ],
    })
  })

  it('reuses them on a later page that names them by abbreviation or by name', async () => {
    const second = await readMeeting((await importOrThrow(workshop, 'flood-walls.txt')).id)
    const idNamed = (name: string) => afterFirst.find((o) => o.name === name)?.id

    expect({
      organisations: await allOrganisations(),
      attending: idsOf(second.attendingOrganisations),
      statements: second.statements?.map(({ organisation }) => organisation),
    }).toEqual({
      organisations: afterFirst,
      attending: [
        idNamed('Asian Infrastructure Investment Bank'),
        idNamed('Delta Cities Leadership Group'),
      ],
      statements: [idNamed('Asian Infrastructure Investment Bank')],
    })
  })

  it('reuses them on a Chinese page that names them by Chinese name or abbreviation', async () => {
    const chinese = await readMeeting(
      (await importOrThrow(chineseSideEvent, 'flood-finance-zh.txt')).id,
    )
    const organisations = await allOrganisations()
    const aiib = afterFirst.find((o) => o.name === 'Asian Infrastructure Investment Bank')?.id

    expect({
      // 同济大学 is new: nothing gives the database its Chinese name.
      created: organisations.length - afterFirst.length,
      host: chinese.host && typeof chinese.host === 'object' ? chinese.host.id : chinese.host,
      attending: idsOf(chinese.attendingOrganisations)[0],
      hostOrganisation: (
        await payload.find({
          collection: 'speakers',
          where: { name: { equals: '王兰' } },
          locale: 'zh',
          depth: 0,
          overrideAccess: true,
        })
      ).docs[0]?.positions?.[0]?.organisation,
    }).toEqual({
      created: 1,
      host: expect.any(String),
      attending: aiib,
      hostOrganisation: aiib,
    })
  })
})
