import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

import type { ImportOutcome } from '@/import/importPage'
import type { Meeting, Organisation, Speaker } from '@/payload-types'

import { editionYear } from '@/content/editionYear'
import { importLegacyPage } from '@/import/importPage'
import { importNoteLines, readImportNotes } from '@/import/notes'

import { idOf, idsOf } from '../helpers/ids'
import { getTestPayload } from '../helpers/payload'

// Pages written for these tests in the shapes the forum's archive has: no Q&A, Chinese, HTML
// with markup, other date phrasings, speakers with one position. The database starts empty, so
// every speaker and organisation is created by the import.
const fixtures = path.resolve(process.cwd(), 'tests/int/fixtures/import')

type Imported = Extract<ImportOutcome, { outcome: 'created' | 'updated' }>

let payload: Payload

const importFixture = (file: string) =>
  importLegacyPage({ payload, bytes: fs.readFileSync(path.join(fixtures, file)), source: file })

const importOrThrow = async (file: string): Promise<Imported> => {
  const result = await importFixture(file)
  if (result.outcome === 'failed') throw new Error(result.reason)
  return result
}

const readMeeting = (id: string, locale: 'en' | 'zh') =>
  payload.findByID({
    collection: 'meetings',
    id,
    draft: true,
    depth: 1,
    locale,
    fallbackLocale: false,
  })

const counts = async () => ({
  meetings: (await payload.count({ collection: 'meetings' })).totalDocs,
  speakers: (await payload.count({ collection: 'speakers' })).totalDocs,
  organisations: (await payload.count({ collection: 'organisations' })).totalDocs,
})

const notesOf = (meeting: Meeting) =>
  importNoteLines(readImportNotes(meeting.importNotes)).join('\n')

const nameOf = (value: unknown) => (value as Speaker | Organisation | null | undefined)?.name

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('a workshop page with no Q&A, a passive host and "said that"', () => {
  let result: Imported
  let meeting: Meeting

  beforeAll(async () => {
    result = await importOrThrow('workshop-2019-no-qa.txt')
    meeting = await readMeeting(result.id, 'en')
  })

  it('reads the date written day first, with no time given', () => {
    expect([meeting.startsAt, editionYear(meeting.edition), meeting.kind]).toEqual([
      '2019-11-12T01:00:00.000Z',
      2019,
      'workshop',
    ])
  })

  it('flags the start time it had to choose', () => {
    expect(notesOf(meeting)).toContain('[low] Start time: the page gives no time on 2019-11-12')
  })

  it('takes the host from "chaired by" and links her statement', () => {
    expect([nameOf(meeting.host), meeting.statements?.map((s) => nameOf(s.speaker))]).toEqual([
      'Maria Lindqvist',
      ['Maria Lindqvist', 'Rahul Menon', 'Chen Li'],
    ])
  })

  it('gives each speaker their one position and organisation', () => {
    expect(meeting.statements?.map((s) => [s.position, nameOf(s.organisation)])).toEqual([
      ['Senior adviser, Nordic Climate Facility', 'Nordic Climate Facility'],
      ['Climate finance specialist, Asian Development Bank', 'Asian Development Bank'],
      ['Professor, Shanghai Ocean University', 'Shanghai Ocean University'],
    ])
  })

  it('resolves the attending abbreviations to full names', () => {
    expect(meeting.attendingOrganisations?.map(nameOf)).toEqual([
      'Asian Development Bank',
      'World Wide Fund for Nature',
      'Shanghai Ocean University',
    ])
  })

  it('stores no questions', () => {
    expect(meeting.questions).toEqual([])
  })
})

describe('a Chinese page', () => {
  let result: Imported
  let chinese: Meeting
  let english: Meeting

  beforeAll(async () => {
    result = await importOrThrow('roundtable-2021-zh.txt')
    chinese = await readMeeting(result.id, 'zh')
    english = await readMeeting(result.id, 'en')
  })

  it('is imported into the Chinese texts only', () => {
    expect([result.language, chinese.title, english.title]).toEqual([
      'zh',
      '碳市场与绿色金融',
      undefined,
    ])
  })

  it('gets an address from its date, since the title has no Latin letters', () => {
    expect(chinese.slug).toBe('meeting-2021-11-05')
  })

  it('reads the morning date, host, focus and topics', () => {
    expect({
      startsAt: chinese.startsAt,
      host: nameOf(chinese.host),
      focus: chinese.focus,
      topics: chinese.topics?.map(({ topic }) => topic),
    }).toEqual({
      startsAt: '2021-11-05T01:00:00.000Z',
      host: '王海',
      focus: '市场与机制',
      topics: ['全国碳市场建设', '绿色金融工具创新'],
    })
  })

  it('splits each Chinese position into organisation, unit and title', () => {
    expect(
      chinese.statements?.map((s) => [nameOf(s.speaker), s.position, nameOf(s.organisation)]),
    ).toEqual([
      ['李明', '副院长，环境学院，中国人民大学', '中国人民大学'],
      ['刘芳', '高级投资官，国际金融公司', '国际金融公司'],
    ])
  })

  it('links the answer to the speaker who gave it', () => {
    expect(
      chinese.questions?.map(({ question, answers }) => [
        question,
        answers?.map((a) => nameOf(a.speaker)),
      ]),
    ).toEqual([['中小企业如何参与碳市场？', ['李明']]])
  })

  it('links the attending organisations by their Chinese names', () => {
    expect(chinese.attendingOrganisations?.map(nameOf)).toEqual([
      '欧盟',
      '世界银行',
      '国际金融公司',
    ])
  })
})

describe('an HTML page with markup, entities, a script and images', () => {
  let result: Imported
  let meeting: Meeting

  beforeAll(async () => {
    result = await importOrThrow('panel-2021.html')
    meeting = await readMeeting(result.id, 'en')
  })

  it('reads the title, kind and the exact start time', () => {
    expect([meeting.title, meeting.kind, meeting.startsAt]).toEqual([
      'Clean Heating for Northern Cities',
      'plenary',
      '2021-06-15T01:30:00.000Z',
    ])
  })

  it('decodes entities in the focus and the statements', () => {
    expect([meeting.focus, JSON.stringify(meeting.statements?.[1].statement)]).toEqual([
      'warm homes, clean air',
      expect.stringContaining('a district’s winter demand'),
    ])
  })

  it('keeps both positions of a speaker who holds two', () => {
    expect(meeting.statements?.[1].position).toBe(
      'Chief engineer, Beijing District Heating Group; Member, Heat Pump Committee, China Building Energy Association',
    )
  })

  it('lists the live pictures for the editor to upload', () => {
    expect(notesOf(meeting)).toContain('/uploads/2021/plenary-1.jpg, /uploads/2021/plenary-2.jpg')
  })

  it('leaves scripts and navigation out of the report', () => {
    expect(JSON.stringify(meeting.body)).not.toMatch(/tracking|Significance|Contact Us/)
  })
})

describe('a new speaker', () => {
  it('is created with every position the page gives, linked to its organisations', async () => {
    const { docs } = await payload.find({
      collection: 'speakers',
      where: { name: { equals: 'Zhou Wei' } },
      depth: 1,
    })

    expect(docs[0].positions?.map((p) => [p.title, nameOf(p.organisation)])).toEqual([
      ['Chief engineer', 'Beijing District Heating Group'],
      ['Member, Heat Pump Committee', 'China Building Energy Association'],
    ])
  })
})

describe('importing every page again', () => {
  it('updates each draft and creates nothing new', async () => {
    const before = await counts()
    const files = ['workshop-2019-no-qa.txt', 'roundtable-2021-zh.txt', 'panel-2021.html']
    const sequential: Imported[] = []
    for (const file of files) sequential.push(await importOrThrow(file))

    expect({ outcomes: sequential.map((r) => r.outcome), counts: await counts() }).toEqual({
      outcomes: ['updated', 'updated', 'updated'],
      counts: before,
    })
  })
})

describe('pages that are not meeting reports', () => {
  it('are reported with the reason, and nothing is written', async () => {
    const before = await counts()
    const results = [
      await importFixture('notice-no-date.txt'),
      await importFixture('notice-no-speakers.txt'),
    ]

    expect({ results, counts: await counts() }).toEqual({
      results: [
        {
          outcome: 'failed',
          source: 'notice-no-date.txt',
          reason: expect.stringContaining('No meeting date was found'),
        },
        {
          outcome: 'failed',
          source: 'notice-no-speakers.txt',
          reason: expect.stringContaining('not a meeting report'),
        },
      ],
      counts: before,
    })
  })

  it('report an empty file as empty', async () => {
    const result = await importLegacyPage({ payload, bytes: new Uint8Array(), source: 'empty.txt' })

    expect(result).toEqual({ outcome: 'failed', source: 'empty.txt', reason: 'The file is empty.' })
  })
})

describe('ids in statements', () => {
  it('point at speakers that exist', async () => {
    const { docs } = await payload.find({
      collection: 'meetings',
      draft: true,
      depth: 0,
      pagination: false,
    })
    const speakerIds = docs.flatMap((m) => (m.statements ?? []).map((s) => idOf(s.speaker)))
    const { docs: speakers } = await payload.find({
      collection: 'speakers',
      where: { id: { in: speakerIds } },
      pagination: false,
    })

    expect(idsOf(speakers).sort()).toEqual([...new Set(speakerIds)].sort())
  })
})
