import { toSlug } from '@/payload/fields/slug'

import type { Context } from './importContext'
import type { ExtractedPerson, ExtractedPosition, Language } from './types'

import {
  findSpeaker,
  guessOrganisationKind,
  matchOrganisation,
  matchOrganisationPrefix,
} from './directory'
import { freeSlug, letOthersRun, note, shortHash, writeOptions } from './importContext'
import { nameKey } from './people'

// The people and organisations a page names, linked to the ones in the database or created.

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

export const resolveOrganisation = async (
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

export const positionText = (positions: ResolvedPosition[], language: Language) =>
  positions
    .map(({ title, organisationName }) =>
      organisationName ? `${title}${language === 'zh' ? '，' : ', '}${organisationName}` : title,
    )
    .join(language === 'zh' ? '；' : '; ')
