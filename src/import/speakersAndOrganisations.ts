import { toSlug } from '@/payload/fields/slug'

import type { Context } from './importContext'
import type { NoteRecord } from './notes'
import type { ExtractedPerson, ExtractedPosition, Language, WrittenOrganisation } from './types'

import type { OrganisationMatch } from './directory'

import {
  addOrganisation,
  addSpeaker,
  findSpeaker,
  matchOrganisation,
  matchOrganisationPrefix,
} from './directory'
import { freeSlug, letOthersRun, note, shortHash, writeOptions } from './importContext'
import { organisationKind } from './organisationNames'
import { nameKey } from './people'

// The people and organisations a page names, linked to the ones in the database or created.

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

// A record an earlier page (or an earlier import of this one) created, still unconfirmed: the
// meeting cannot be published before it is, so the notes list it with the ones this page made.
const noteAwaiting = (context: Context, name: string, record: NoteRecord) =>
  context.notes.some((noted) => noted.record?.value === record.value) ||
  note(
    context,
    'medium',
    `"${name}" was created by an import and awaits confirmation: confirm it, or merge it into the record it duplicates.`,
    record,
  )

// Created unconfirmed (src/payload/fields/visibility.ts): hidden from the public until an editor
// confirms it from the meeting's import notes, each of which links here.
const createOrganisation = async (
  context: Context,
  written: WrittenOrganisation,
  match: Extract<OrganisationMatch, { kind: 'new' }>,
): Promise<string> => {
  const name = match.known?.name[context.language] ?? written.name
  // The Latin abbreviation a known organisation goes by before one the page gives (亚投行); an
  // organisation named only by an acronym ("DCLG") has it as both.
  const abbreviation = match.known?.abbreviation ?? written.abbreviation
  const kind = match.known?.kind ?? organisationKind(written)
  const { slug } = await freeSlug(
    context,
    'organisations',
    toSlug(match.known?.name.en ?? written.name) ?? `organisation-${shortHash(name)}`,
  )
  await letOthersRun()
  const { id } = await context.payload.create({
    collection: 'organisations',
    locale: context.language,
    data: { name, kind, slug, needsConfirmation: true, ...(abbreviation ? { abbreviation } : {}) },
    ...writeOptions(context),
  })
  addOrganisation(context.directory, {
    id,
    names: [name, ...(match.known ? [match.known.name.en, match.known.name.zh] : [])],
    abbreviation,
    awaitingConfirmation: true,
  })
  context.created.organisations += 1
  const record = { relationTo: 'organisations', value: id } as const
  const why = match.known ? '' : ` (its kind, "${kind}", was guessed from its name)`
  note(
    context,
    match.known ? 'medium' : 'low',
    `New organisation "${name}"${why}: confirm it, or merge it into the organisation it duplicates.`,
    record,
  )
  if (match.known && match.note && match.confidence !== 'high')
    note(context, match.confidence, match.note, record)
  return id
}

// The page's own way of writing an organisation everywhere: "C40" on a page that also says
// "C40 Cities Climate Leadership Group (C40)" is that organisation.
const onThisPage = (context: Context, written: WrittenOrganisation): WrittenOrganisation => {
  const page = [written.abbreviation, written.name]
    .map((name) => (name ? context.pageOrganisations.get(nameKey(name)) : undefined))
    .find(Boolean)
  return page
    ? { name: page.name, ...(page.abbreviation ? { abbreviation: page.abbreviation } : {}) }
    : written
}

export const resolveOrganisation = async (
  context: Context,
  writtenOnPage: WrittenOrganisation,
): Promise<string | undefined> => {
  const written = onThisPage(context, writtenOnPage)
  const cacheKey = nameKey(written.name)
  if (context.organisationIds.has(cacheKey))
    return context.organisationIds.get(cacheKey) ?? undefined
  const match = matchOrganisation({ written, directory: context.directory })
  let id: string | null = null
  if (match.kind === 'none') note(context, 'low', match.note)
  if (match.kind === 'existing') {
    id = match.id
    const record = { relationTo: 'organisations', value: id } as const
    if (match.confidence !== 'high' && match.note)
      note(context, match.confidence, match.note, record)
    if (match.awaitingConfirmation) noteAwaiting(context, written.name, record)
  }
  if (match.kind === 'new') id = await createOrganisation(context, written, match)
  context.organisationIds.set(cacheKey, id)
  return id ?? undefined
}

export type ResolvedPosition = { title: string; organisation?: string; organisationName?: string }

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
    const isWholeName = context.directory.organisationsByName
      .get(nameKey(position.organisation))
      ?.names.includes(position.organisation)
    if (prefix && !isWholeName) {
      return {
        title: `${prefix.rest}${position.title}`,
        organisation: prefix.id,
        organisationName: prefix.name,
      }
    }
  }
  const organisation = await resolveOrganisation(context, {
    name: position.organisation,
    ...(position.organisationAbbreviation
      ? { abbreviation: position.organisationAbbreviation }
      : {}),
  })
  const title = positionTitle(position, context.language)
  return organisation
    ? { title, organisation, organisationName: position.organisation }
    : { title: `${title}${context.language === 'zh' ? '，' : ', '}${position.organisation}` }
}

// Links a person to the speaker already in the database with the same name, or creates them.
// An existing speaker is left as it is: positions from an old page may be out of date, so they
// only reach the meeting's statement, and differences become notes.
export const resolveSpeaker = async (
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
    if (existing.awaitingConfirmation)
      noteAwaiting(context, person.name, { relationTo: 'speakers', value: existing.id })
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
      needsConfirmation: true,
      ...(person.honorific ? { honorific: person.honorific } : {}),
      positions: positions.map(({ title, organisation }) => ({
        title,
        ...(organisation ? { organisation } : {}),
      })),
    },
    ...writeOptions(context),
  })
  addSpeaker(context.directory, {
    id: speaker.id,
    names: [person.name],
    awaitingConfirmation: true,
  })
  context.speakerIds.set(key, speaker.id)
  context.created.speakers += 1
  const record = { relationTo: 'speakers', value: speaker.id } as const
  note(
    context,
    'medium',
    `New speaker "${person.name}": confirm them, or merge them into the speaker they duplicate.`,
    record,
  )
  if (!toSlug(person.name))
    note(
      context,
      'medium',
      `Speaker "${person.name}" was given the address "${slug}"; change it if you like.`,
      record,
    )
  return { id: speaker.id, positions }
}

export const positionText = (positions: ResolvedPosition[], language: Language) =>
  positions
    .map(({ title, organisationName }) =>
      organisationName ? `${title}${language === 'zh' ? '，' : ', '}${organisationName}` : title,
    )
    .join(language === 'zh' ? '；' : '; ')
