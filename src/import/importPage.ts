import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import crypto from 'node:crypto'

import type { Meeting, User } from '@/payload-types'

import { forumTimeZone } from '@/payload/fields/dateTime'
import { toSlug } from '@/payload/fields/slug'
import { richText } from '@/content/richText'

import type { Directory } from './directory'
import type {
  Confidence,
  Extracted,
  ExtractedMeeting,
  ExtractedPerson,
  ExtractedPosition,
  Language,
} from './types'

import { partOfDayHours } from './dates'
import {
  findSpeaker,
  guessOrganisationKind,
  loadDirectory,
  matchOrganisation,
  matchOrganisationPrefix,
} from './directory'
import { isParseFailure } from './extract'
import { readingLimits } from './limits'
import { nameKey } from './people'
import { readLegacyPage } from './readPage'

export type ImportNote = { confidence: Exclude<Confidence, 'high'>; text: string }

export type ImportOutcome =
  | {
      outcome: 'created' | 'updated'
      source: string
      id: string
      title: string
      language: Language
      legacySource: string
      notes: ImportNote[]
      created: { speakers: number; organisations: number }
      extracted: ExtractedMeeting
    }
  | { outcome: 'failed'; source: string; reason: string }

// Payload's ValidationError keeps the offending fields in data.errors; a person needs those.
const describeError = (error: unknown): string => {
  const details = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data
    ?.errors
  const fields = details?.map(({ path, message }) => `${path}: ${message}`).join('; ')
  const message = error instanceof Error ? error.message : String(error)
  return fields ? `${message} (${fields})` : message
}

// The same report imported again finds its draft by this key: its title and date, with case,
// spacing and punctuation ignored, so a re-saved or re-encoded copy of the page matches too.
export const legacySourceKey = ({ title, date }: { title: string; date: string }): string =>
  `${date}#${crypto
    .createHash('sha256')
    .update(`${nameKey(title)}|${date}`)
    .digest('hex')
    .slice(0, 16)}`

const shortHash = (text: string) =>
  crypto.createHash('sha256').update(text).digest('hex').slice(0, 8)

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

// Beijing has kept UTC+8 without daylight saving since 1991.
const startsAt = ({ date, time }: { date: string; time: string }) =>
  new Date(`${date}T${time}:00+08:00`).toISOString()

type Context = {
  payload: Payload
  req: PayloadRequest
  directory: Directory
  language: Language
  notes: ImportNote[]
  // The texts in `notes`, so that a page with thousands of notes is not checked pair by pair.
  noted: Set<string>
  created: { speakers: number; organisations: number }
  // Resolved once per page, however often a name recurs.
  organisationIds: Map<string, string | null>
  speakerIds: Map<string, string>
}

const note = (context: Context, confidence: Exclude<Confidence, 'high'>, text: string) => {
  if (context.noted.has(text)) return
  context.noted.add(text)
  context.notes.push({ confidence, text })
}

const noteField = (context: Context, field: Extracted<unknown> | null, label: string) => {
  if (!field || field.confidence === 'high') return
  note(context, field.confidence, field.note ?? `${label}: check this value.`)
}

// The SQLite adapter answers synchronously, so an import that never waits for anything else
// holds the event loop from its first query to its last (a page naming 190 speakers: 28 s).
// Letting the loop turn before each query or write keeps the site answering meanwhile.
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve))

const writeOptions = (context: Context) =>
  ({ req: context.req, overrideAccess: !context.req.user, depth: 0 }) as const

// Slugs are unique: a name or title that is taken gets a numbered address, and the editor is
// told, since the taken one may be the same thing entered by hand.
const freeSlug = async (
  context: Context,
  collection: 'meetings' | 'organisations' | 'speakers',
  slug: string,
  exceptId?: string,
): Promise<{ slug: string; takenBy?: { id: string; title: string } }> => {
  await letOthersRun()
  const { docs } = await context.payload.find({
    collection,
    where: { slug: { like: slug } },
    draft: true,
    pagination: false,
    select: { slug: true, ...(collection === 'meetings' ? { title: true } : { name: true }) },
    ...writeOptions(context),
  })
  const taken = new Set(docs.filter((doc) => doc.id !== exceptId).map((doc) => doc.slug))
  if (!taken.has(slug)) return { slug }
  const holder = docs.find((doc) => doc.slug === slug)!
  let number = 2
  while (taken.has(`${slug}-${number}`)) number += 1
  const label = 'title' in holder ? holder.title : 'name' in holder ? holder.name : slug
  return { slug: `${slug}-${number}`, takenBy: { id: holder.id, title: String(label) } }
}

const resolveOrganisation = async (
  context: Context,
  written: string,
): Promise<string | undefined> => {
  const cacheKey = nameKey(written)
  if (context.organisationIds.has(cacheKey))
    return context.organisationIds.get(cacheKey) ?? undefined
  const match = matchOrganisation({ written, directory: context.directory })
  let id: string | null = null
  if (match.kind === 'existing') id = match.id
  if (match.kind === 'none') note(context, 'low', match.note)
  // A new organisation nobody knows gets one note below, with the kind it was given.
  else if (match.confidence !== 'high' && match.note && (match.kind === 'existing' || match.known))
    note(context, match.confidence, match.note)
  if (match.kind === 'new') {
    const name = match.known?.name[context.language] ?? written
    const abbreviation = match.known?.abbreviation
    const kind = match.known?.kind ?? guessOrganisationKind(written)
    const { slug } = await freeSlug(
      context,
      'organisations',
      toSlug(match.known?.name.en ?? written) ?? `organisation-${shortHash(name)}`,
    )
    await letOthersRun()
    const organisation = await context.payload.create({
      collection: 'organisations',
      locale: context.language,
      data: { name, kind, slug, ...(abbreviation ? { abbreviation } : {}) },
      ...writeOptions(context),
    })
    id = organisation.id
    context.directory.organisations.push({
      id,
      names: [name, ...(match.known ? [match.known.name.en, match.known.name.zh] : [])],
      abbreviation,
    })
    context.created.organisations += 1
    if (!match.known)
      note(
        context,
        'low',
        `New organisation "${name}" was created as "${kind}"; check its kind, abbreviation and country.`,
      )
  }
  context.organisationIds.set(cacheKey, id)
  return id ?? undefined
}

type ResolvedPosition = { title: string; organisation?: string; organisationName?: string }

const positionTitle = (position: ExtractedPosition, language: Language) =>
  capitalise(
    [position.title, position.unit].filter(Boolean).join(language === 'zh' ? '，' : ', ') +
      (position.region ? ` in ${position.region}` : ''),
  )

const resolvePosition = async (
  context: Context,
  position: ExtractedPosition,
): Promise<ResolvedPosition> => {
  if (!position.organisation) return { title: positionTitle(position, context.language) }
  // Chinese titles run into the organisation's name; a known name at the start splits them.
  if (context.language === 'zh') {
    const prefix = matchOrganisationPrefix({
      written: position.organisation + (position.unit ?? ''),
      directory: context.directory,
    })
    if (
      prefix &&
      !context.directory.organisations.some((o) => o.names.includes(position.organisation!))
    ) {
      return {
        title: `${prefix.rest}${position.title}`,
        organisation: prefix.id,
        organisationName: prefix.name,
      }
    }
  }
  const organisation = await resolveOrganisation(context, position.organisation)
  const title = positionTitle(position, context.language)
  return organisation
    ? { title, organisation, organisationName: position.organisation }
    : { title: `${title}${context.language === 'zh' ? '，' : ', '}${position.organisation}` }
}

// Links a person to the speaker already in the database with the same name, or creates them.
// An existing speaker is left as it is: positions from an old page may be out of date, so they
// only reach the meeting's statement, and differences become notes.
const resolveSpeaker = async (
  context: Context,
  person: ExtractedPerson,
): Promise<{ id: string; positions: ResolvedPosition[] }> => {
  const positions: ResolvedPosition[] = []
  for (const position of person.positions) positions.push(await resolvePosition(context, position))
  const key = nameKey(person.name)
  const known = context.speakerIds.get(key)
  if (known) return { id: known, positions }
  const existing = findSpeaker({ name: person.name, directory: context.directory })
  if (existing) {
    context.speakerIds.set(key, existing.id)
    return { id: existing.id, positions }
  }
  const { slug } = await freeSlug(
    context,
    'speakers',
    toSlug(person.name) ?? `speaker-${shortHash(person.name)}`,
  )
  await letOthersRun()
  const speaker = await context.payload.create({
    collection: 'speakers',
    locale: context.language,
    data: {
      name: person.name,
      slug,
      ...(person.honorific ? { honorific: person.honorific } : {}),
      positions: positions.map(({ title, organisation }) => ({
        title,
        ...(organisation ? { organisation } : {}),
      })),
    },
    ...writeOptions(context),
  })
  context.directory.speakers.push({ id: speaker.id, names: [person.name] })
  context.speakerIds.set(key, speaker.id)
  context.created.speakers += 1
  if (!toSlug(person.name))
    note(
      context,
      'medium',
      `Speaker "${person.name}" was given the address "${slug}"; change it if you like.`,
    )
  return { id: speaker.id, positions }
}

const positionText = (positions: ResolvedPosition[], language: Language) =>
  positions
    .map(({ title, organisationName }) =>
      organisationName ? `${title}${language === 'zh' ? '，' : ', '}${organisationName}` : title,
    )
    .join(language === 'zh' ? '；' : '; ')

const meetingTime = (context: Context, extracted: ExtractedMeeting): string => {
  const { date, time, partOfDay } = extracted.date.value
  if (time) return time
  if (partOfDay) {
    note(
      context,
      'medium',
      `Start time: the page says "${partOfDay}" only; ${partOfDayHours[partOfDay]} Beijing time was set. Add an end time if known.`,
    )
    return partOfDayHours[partOfDay]
  }
  note(context, 'low', `Start time: the page gives no time on ${date}; 09:00 Beijing time was set.`)
  return '09:00'
}

const buildMeetingData = async (
  context: Context,
  extracted: ExtractedMeeting,
  legacySource: string,
  existingId: string | undefined,
): Promise<Partial<Meeting>> => {
  for (const [field, label] of [
    [extracted.title, 'Title'],
    [extracted.kind, 'Kind'],
    [extracted.edition, 'Edition'],
    [extracted.date, 'Date'],
    [extracted.host, 'Host'],
    [extracted.focus, 'Focus'],
    [extracted.topics, 'Topics'],
    [extracted.attending, 'Attending organisations'],
  ] as const)
    noteField(context, field, label)
  if (!extracted.host) note(context, 'low', 'Host: the page does not say who hosted the meeting.')
  if (!extracted.focus) note(context, 'low', 'Focus: no focus or theme was found on the page.')
  if (!extracted.topics) note(context, 'low', 'Topics: no list of topics was found on the page.')

  const host = extracted.host ? await resolveSpeaker(context, extracted.host.value) : undefined

  const statements = []
  for (const statement of extracted.statements) {
    noteField(context, statement.speaker, `Statement by ${statement.speaker.value.name}`)
    noteField(context, statement.paragraphs, `Statement by ${statement.speaker.value.name}`)
    const speaker = await resolveSpeaker(context, statement.speaker.value)
    statements.push({
      speaker: speaker.id,
      ...(speaker.positions[0]?.organisation
        ? { organisation: speaker.positions[0].organisation }
        : {}),
      position: positionText(speaker.positions, context.language) || undefined,
      statement: richText({ paragraphs: statement.paragraphs.value }),
    })
  }

  const questions = []
  for (const question of extracted.questions) {
    const answers = []
    for (const answer of question.answers) {
      noteField(context, answer.speaker, 'Answer')
      const person = extracted.people.find((p) => p.name === answer.speaker.value)
      if (!person) {
        note(
          context,
          'low',
          `Q&A: an answer with no speaker was left out (the meeting needs one): "${answer.answer.value.slice(0, 120)}…"`,
        )
        continue
      }
      answers.push({
        speaker: (await resolveSpeaker(context, person)).id,
        answer: answer.answer.value,
      })
    }
    if (answers.length === 0)
      note(context, 'low', `Q&A: no answer was found to "${question.question.value.slice(0, 80)}".`)
    questions.push({
      question: question.question.value,
      ...(question.askedBy ? { askedBy: question.askedBy } : {}),
      answers,
    })
  }

  const attendingOrganisations: string[] = []
  for (const written of extracted.attending?.value ?? []) {
    const id = await resolveOrganisation(context, written)
    if (id && !attendingOrganisations.includes(id)) attendingOrganisations.push(id)
  }

  for (const text of extracted.notes) note(context, 'medium', text)
  if (extracted.hasLivePictures || extracted.images.length > 0)
    note(
      context,
      'medium',
      `Photos: the page had "Live Pictures"${extracted.images.length > 0 ? ` (${extracted.images.join(', ')})` : ''}; upload them under Photos and choose this meeting.`,
    )

  const { slug, takenBy } = await freeSlug(
    context,
    'meetings',
    toSlug(extracted.title.value) ?? `meeting-${extracted.date.value.date}`,
    existingId,
  )
  if (!toSlug(extracted.title.value))
    note(context, 'medium', `Address: the title has no Latin letters, so the slug is "${slug}".`)
  if (takenBy)
    note(
      context,
      'low',
      `Possible duplicate: the meeting "${takenBy.title}" (id ${takenBy.id}) already has this title's address, so this draft is at "${slug}". If it is the same meeting, copy what you need and delete this draft.`,
    )

  return {
    title: extracted.title.value,
    kind: extracted.kind.value,
    edition: extracted.edition.value,
    startsAt: startsAt({ date: extracted.date.value.date, time: meetingTime(context, extracted) }),
    startsAt_tz: forumTimeZone as Meeting['startsAt_tz'],
    host: host?.id ?? null,
    focus: extracted.focus?.value ?? null,
    topics: (extracted.topics?.value ?? []).map((topic) => ({ topic })),
    body: extracted.body.length > 0 ? richText({ paragraphs: extracted.body }) : null,
    statements,
    questions,
    attendingOrganisations,
    legacySource,
    slug,
  }
}

const notesText = ({
  notes,
  source,
  extracted,
}: {
  notes: ImportNote[]
  source: string
  extracted: ExtractedMeeting
}) => {
  const ordered = [...notes].sort((a, b) =>
    a.confidence === b.confidence ? 0 : a.confidence === 'low' ? -1 : 1,
  )
  const header = [
    `Imported from ${source}${extracted.breadcrumb.length > 0 ? ` (${extracted.breadcrumb.join(' › ')})` : ''}.`,
    extracted.repairs.length > 0
      ? `${extracted.repairs.length} characters damaged by an old encoding were repaired.`
      : undefined,
    ordered.length === 0 ? 'Nothing needed a second look.' : 'Check before publishing:',
  ].filter(Boolean)
  return [...header, ...ordered.map(({ confidence, text }) => `[${confidence}] ${text}`)].join('\n')
}

const findImported = async (context: Context, legacySource: string) => {
  await letOthersRun()
  const { docs } = await context.payload.find({
    collection: 'meetings',
    where: { legacySource: { equals: legacySource } },
    draft: true,
    limit: 1,
    pagination: false,
    ...writeOptions(context),
  })
  return docs[0]
}

const importExtracted = async ({
  payload,
  req,
  directory,
  extracted,
  source,
}: {
  payload: Payload
  req: PayloadRequest
  directory: Directory
  extracted: ExtractedMeeting
  source: string
}): Promise<ImportOutcome> => {
  const context: Context = {
    payload,
    req,
    directory,
    language: extracted.language,
    notes: [],
    noted: new Set(),
    created: { speakers: 0, organisations: 0 },
    organisationIds: new Map(),
    speakerIds: new Map(),
  }
  const legacySource = legacySourceKey({
    title: extracted.title.value,
    date: extracted.date.value.date,
  })
  const existing = await findImported(context, legacySource)
  const data = await buildMeetingData(context, extracted, legacySource, existing?.id)
  const importNotes = notesText({ notes: context.notes, source, extracted })
  const options = { locale: context.language, draft: true, ...writeOptions(context) } as const
  await letOthersRun()
  const meeting = existing
    ? await payload.update({
        collection: 'meetings',
        id: existing.id,
        data: { ...data, importNotes, _status: 'draft' },
        ...options,
      })
    : await payload.create({
        collection: 'meetings',
        data: { ...(data as Meeting), importNotes, _status: 'draft' },
        ...options,
      })
  return {
    outcome: existing ? 'updated' : 'created',
    source,
    id: meeting.id,
    title: extracted.title.value,
    language: extracted.language,
    legacySource,
    notes: context.notes,
    created: context.created,
    extracted,
  }
}

const savedCharacters = (extracted: ExtractedMeeting): number =>
  [
    ...extracted.body,
    ...extracted.statements.flatMap(({ paragraphs }) => paragraphs.value),
    ...extracted.questions.flatMap(({ question, answers }) => [
      question.value,
      ...answers.map(({ answer }) => answer.value),
    ]),
  ].reduce((total, text) => total + text.length, 0)

// Imports one legacy page as a draft meeting: decodes and repairs the text, extracts the
// meeting, links or creates its speakers and organisations, and creates the draft (or updates
// the one an earlier import of the same page made). A page that cannot be read is reported
// with a reason and nothing is written; a failure while writing rolls the page back.
export const importLegacyPage = async ({
  payload,
  bytes,
  source,
  user,
  directory,
}: {
  payload: Payload
  bytes: Uint8Array
  // A file name or path, for reports and the import notes.
  source: string
  // The member of staff importing, whose access rules apply; none for the command line.
  user?: User | null
  // Shared between the pages of one run; loaded when not given.
  directory?: Directory
}): Promise<ImportOutcome> => {
  const extracted = readLegacyPage({ bytes })
  if (isParseFailure(extracted)) return { outcome: 'failed', source, reason: extracted.reason }
  const characters = savedCharacters(extracted)
  if (characters > readingLimits.savedCharacters)
    return {
      outcome: 'failed',
      source,
      reason: `The report is ${characters.toLocaleString('en')} characters long; the forum's news pages have a few thousand, and saving one over ${readingLimits.savedCharacters.toLocaleString('en')} would hold up the site, so it was not imported.`,
    }

  const req = await createLocalReq(
    { user: user ? { ...user, collection: 'users' } : undefined },
    payload,
  )
  const shouldCommit = await initTransaction(req)
  const working: Directory = structuredClone(directory ?? (await loadDirectory({ payload })))
  try {
    const result = await importExtracted({ payload, req, directory: working, extracted, source })
    if (shouldCommit) await commitTransaction(req)
    // Only a committed page's new speakers and organisations join the shared directory.
    if (directory) {
      directory.organisations.splice(0, directory.organisations.length, ...working.organisations)
      directory.speakers.splice(0, directory.speakers.length, ...working.speakers)
    }
    return result
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    payload.logger.error({ msg: `Import of ${source} failed`, err: error })
    return { outcome: 'failed', source, reason: `Saving failed: ${describeError(error)}` }
  }
}
