import type { CollectionSlug, Payload } from 'payload'

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { richText } from '@/content/richText'
import { drawBaseImages, linkImage } from './images'
import { randomSource } from './random'
import * as words from './vocabulary'

export type ScaleCounts = {
  editions: number
  meetings: number
  speakers: number
  organisations: number
  photos: number
  documents: number
  news: number
}

export const defaultScale: ScaleCounts = {
  editions: 10,
  meetings: 10_000,
  speakers: 5_000,
  organisations: 1_000,
  photos: 20_000,
  documents: 2_000,
  news: 500,
}

export type Progress = (event: { step: string; done: number; total: number }) => void

// Localized fields are stored per locale; the synthetic forum is written in English, which the
// Chinese site falls back to.
const en = <T>(value: T) => ({ en: value })

const progressEvery = 250

// Array rows carry an id of their own, which Payload's hooks would otherwise have given them.
const rowId = () => randomBytes(12).toString('hex')

// Each edition is a forum of a few days at the end of October; its sessions fill the day's slots
// room by room, so a programme has parallel sessions in as many rooms as its count needs.
const forumDays = 3
const slotHours = [9, 10.75, 13.5, 15.25, 17]
const sessionMinutes = 90
const lastYear = 2026

const insertEditions = async ({
  payload,
  count,
  random,
}: {
  payload: Payload
  count: number
  random: ReturnType<typeof randomSource>
}): Promise<number[]> => {
  const years = Array.from({ length: count }, (_, index) => lastYear - index)
  for (const year of years) {
    await payload.db.create({
      collection: 'editions',
      data: {
        id: year,
        slug: String(year),
        theme: en(`${random.pick(words.subjects)} and ${random.pick(words.subjects)}`),
        startsOn: new Date(Date.UTC(year, 9, 28)).toISOString(),
        endsOn: new Date(Date.UTC(year, 9, 27 + forumDays)).toISOString(),
        city: en('Beijing'),
        venue: en(random.pick(words.venues)),
        summary: en(random.pick(words.sentences)),
        _status: 'published',
      },
      select: { id: true },
    })
  }
  return years
}

// The n-th meeting's edition, day, time and room: meetings go round the editions, and within one
// fill each slot of each day before opening another room.
const sessionSlot = ({
  n,
  years,
  perEdition,
}: {
  n: number
  years: number[]
  perEdition: number
}) => {
  const year = years[n % years.length]!
  const k = Math.floor(n / years.length) % perEdition
  const slotsPerRoom = forumDays * slotHours.length
  const day = k % forumDays
  const hour = slotHours[Math.floor(k / forumDays) % slotHours.length]!
  const room = `Room ${Math.floor(k / slotsPerRoom) + 1}`
  // Beijing is UTC+8.
  const startsAt = new Date(Date.UTC(year, 9, 28 + day, 0, (hour - 8) * 60))
  return { year, room, startsAt }
}

// Writes straight through the database adapter: the collection hooks (slugs, derived joins,
// search index, revalidation, image resizing) would make 36,000 documents take an hour, so this
// fills in what they would have (participants, organisations, search entries, image sizes) itself.
// Everything is published; slugs start with "scale-" so the data is easy to recognise.
export const seedScale = async ({
  payload,
  counts,
  seed = 2022,
  onProgress = () => {},
}: {
  payload: Payload
  counts: ScaleCounts
  seed?: number
  onProgress?: Progress
}) => {
  const random = randomSource(seed)
  const run = Date.now().toString(36)
  const insert = async (collection: CollectionSlug, data: Record<string, unknown>) => {
    const doc = await payload.db.create({ collection, data, select: { id: true } })
    return String(doc.id)
  }
  const index = async (
    collection: string,
    id: string,
    title: string,
    excerpt: string,
    slug: string,
  ) =>
    insert('search', {
      title: en(title),
      excerpt: en(excerpt),
      path: en(`/${collection}/${slug}`),
      priority: { organisations: 20, speakers: 10, meetings: 30, news: 35 }[collection],
      doc: { relationTo: collection, value: id },
      visibility: 'public',
    })
  const report = (step: string, done: number, total: number) => {
    if (done % progressEvery === 0 || done === total) onProgress({ step, done, total })
  }

  const organisations: { id: string; name: string }[] = []
  report('organisations', 0, counts.organisations)
  for (let n = 1; n <= counts.organisations; n += 1) {
    const name = `${random.pick(words.organisationStems)} ${random.pick(words.subjects)} ${n}`
    const slug = `scale-${run}-organisation-${n}`
    const id = await insert('organisations', {
      name: en(name),
      slug,
      // A slug of its own, as an editor who typed one: later edits keep it.
      generateSlug: false,
      abbreviation: name
        .split(/\s+/)
        .map((word) => word[0])
        .join('')
        .toUpperCase(),
      kind: random.pick(words.organisationKinds),
      country: en(random.pick(words.countries)),
      website: `https://example.org/${slug}`,
      description: en(richText({ paragraphs: [random.pick(words.sentences)] })),
      // Every meeting here is published, and whoever no meeting names is a directory entry: all
      // public (src/payload/visibility.ts).
      visibility: 'public',
    })
    await index('organisations', id, name, '', slug)
    organisations.push({ id, name })
    report('organisations', n, counts.organisations)
  }

  const speakers: { id: string; organisation: string; title: string }[] = []
  report('speakers', 0, counts.speakers)
  for (let n = 1; n <= counts.speakers; n += 1) {
    const name = `${random.pick(words.givenNames)} ${random.pick(words.familyNames)}`
    const slug = `scale-${run}-speaker-${n}`
    const positions = random.sample(organisations, random.integer(1, 3)).map((organisation) => ({
      id: rowId(),
      title: en(`${random.pick(words.roles)}, ${organisation.name}`),
      organisation: organisation.id,
    }))
    const id = await insert('speakers', {
      honorific: en(random.pick(words.honorifics)),
      name: en(name),
      slug,
      // A slug of its own, as an editor who typed one: later edits keep it.
      generateSlug: false,
      positions,
      organisations: positions.map((position) => position.organisation),
      bio: en(richText({ paragraphs: random.sample(words.sentences, 2) })),
      visibility: 'public',
    })
    const title = positions[0]!.title.en
    await index('speakers', id, name, title, slug)
    speakers.push({ id, organisation: positions[0]!.organisation, title })
    report('speakers', n, counts.speakers)
  }

  report('editions', 0, counts.editions)
  const years = await insertEditions({ payload, count: counts.editions, random })
  report('editions', counts.editions, counts.editions)
  const meetings: { id: string; participants: string[]; startsAt: Date }[] = []
  report('meetings', 0, counts.meetings)
  for (let n = 1; n <= counts.meetings; n += 1) {
    const subject = random.pick(words.subjects)
    const title = `${subject}: ${random.pick(words.questions).replace(/\?$/, '')} (${n})`
    const slug = `scale-${run}-meeting-${n}`
    const slot = sessionSlot({ n, years, perEdition: Math.ceil(counts.meetings / years.length) })
    const startsAt = slot.startsAt
    const host = random.pick(speakers)
    const statements = random.sample(speakers, random.integer(4, 8)).map((speaker) => ({
      id: rowId(),
      speaker: speaker.id,
      organisation: speaker.organisation,
      position: en(speaker.title),
      statement: en(richText({ paragraphs: random.sample(words.sentences, 2) })),
    }))
    const questions = Array.from({ length: random.integer(1, 3) }, () => ({
      id: rowId(),
      question: en(random.pick(words.questions)),
      answers: [
        {
          id: rowId(),
          speaker: random.pick(statements).speaker,
          answer: en(random.pick(words.sentences)),
        },
      ],
    }))
    const participants = [
      ...new Set([
        host.id,
        ...statements.map(({ speaker }) => speaker),
        ...questions.flatMap(({ answers }) => answers.map(({ speaker }) => speaker)),
      ]),
    ]
    const summary = `${random.pick(words.sentences)} ${random.pick(words.sentences)}`
    const id = await insert('meetings', {
      title: en(title),
      slug,
      // A slug of its own, as an editor who typed one: later edits keep it.
      generateSlug: false,
      kind: random.pick(words.meetingKinds),
      edition: slot.year,
      room: en(slot.room),
      startsAt: startsAt.toISOString(),
      startsAt_tz: 'Asia/Shanghai',
      endsAt: new Date(startsAt.getTime() + sessionMinutes * 60_000).toISOString(),
      endsAt_tz: 'Asia/Shanghai',
      venue: en(random.pick(words.venues)),
      host: host.id,
      focus: en(subject),
      topics: random.sample(words.subjects, 3).map((topic) => ({ id: rowId(), topic: en(topic) })),
      summary: en(summary),
      body: en(richText({ paragraphs: random.sample(words.sentences, 4) })),
      statements,
      questions,
      attendingOrganisations: random.sample(organisations, random.integer(3, 10)).map((o) => o.id),
      participants,
      publishedAt: startsAt.toISOString(),
      _status: 'published',
    })
    await index('meetings', id, title, summary, slug)
    meetings.push({ id, participants, startsAt })
    report('meetings', n, counts.meetings)
  }

  const mediaDirectory = path.resolve(process.env.MEDIA_DIR || 'media')
  const bases = await drawBaseImages({ directory: mediaDirectory, count: 12 })
  report('photos', 0, counts.photos)
  for (let n = 1; n <= counts.photos; n += 1) {
    const meeting = meetings.length > 0 ? random.pick(meetings) : null
    const people = meeting ? random.sample(meeting.participants, random.integer(1, 3)) : []
    const file = linkImage({
      directory: mediaDirectory,
      base: random.pick(bases),
      stem: `scale-${run}-${n}`,
    })
    await insert('photos', {
      ...file,
      alt: en(`Speakers at a forum session, photo ${n}`),
      caption: en(random.pick(words.sentences)),
      credit: 'CIFCC synthetic data',
      takenAt: meeting
        ? new Date(meeting.startsAt.getTime() + random.integer(0, 7200) * 1000).toISOString()
        : undefined,
      meeting: meeting?.id,
      people,
      focalX: 50,
      focalY: 50,
    })
    report('photos', n, counts.photos)
  }

  await insertDocuments({ insert, meetings, count: counts.documents, run, random, report })
  await insertNews({ insert, index, count: counts.news, run, random, report })
}

type Insert = (collection: CollectionSlug, data: Record<string, unknown>) => Promise<string>
type Report = (step: string, done: number, total: number) => void
type Random = ReturnType<typeof randomSource>

// One small PDF, linked under each document's name as the photos are: the files are real, so a
// document's address serves a PDF.
const samplePDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

const insertDocuments = async ({
  insert,
  meetings,
  count,
  run,
  random,
  report,
}: {
  insert: Insert
  meetings: { id: string }[]
  count: number
  run: string
  random: Random
  report: Report
}) => {
  if (count === 0 || meetings.length === 0) return report('documents', count, count)
  const directory = path.join(path.resolve(process.env.MEDIA_DIR || 'media'), 'documents')
  fs.mkdirSync(directory, { recursive: true })
  const base = path.join(directory, `scale-${run}-base.pdf`)
  fs.writeFileSync(base, samplePDF)
  report('documents', 0, count)
  for (let n = 1; n <= count; n += 1) {
    const filename = `scale-${run}-document-${n}.pdf`
    fs.linkSync(base, path.join(directory, filename))
    await insert('documents', {
      title: en(`Slides: ${random.pick(words.subjects)} (${n})`),
      language: random.pick(['en', 'zh']),
      meeting: random.pick(meetings).id,
      filename,
      mimeType: 'application/pdf',
      filesize: samplePDF.length,
    })
    report('documents', n, count)
  }
}

const insertNews = async ({
  insert,
  index,
  count,
  run,
  random,
  report,
}: {
  insert: Insert
  index: (collection: string, id: string, title: string, excerpt: string, slug: string) => unknown
  count: number
  run: string
  random: Random
  report: Report
}) => {
  report('news', 0, count)
  for (let n = 1; n <= count; n += 1) {
    const title = `${random.pick(words.subjects)}: forum news ${n}`
    const slug = `scale-${run}-news-${n}`
    const summary = random.pick(words.sentences)
    const publishedAt = new Date(Date.UTC(lastYear, 11, 1) - n * 86_400_000).toISOString()
    const id = await insert('news', {
      title: en(title),
      slug,
      generateSlug: false,
      kind: random.pick(['press-release', 'announcement']),
      summary: en(summary),
      body: en(richText({ paragraphs: random.sample(words.sentences, 3) })),
      publishedAt,
      _status: 'published',
    })
    await index('news', id, title, summary, slug)
    report('news', n, count)
  }
}
