import type { Organisation } from '@/payload-types'

import type { ExtractedMeeting } from './types'

import { guessOrganisationKind } from './directory'

export type PageOrganisation = { name: string; abbreviation?: string; kind: Organisation['kind'] }

export const pageOrganisations = (meeting: ExtractedMeeting): PageOrganisation[] => {
  const names = [
    ...meeting.people.flatMap(({ positions }) => positions.map(({ organisation }) => organisation)),
    ...(meeting.attending?.value ?? []).map((item) =>
      typeof item === 'string' ? item : (item as { name: string }).name,
    ),
  ].filter((name): name is string => Boolean(name))
  return [...new Set(names)].map((name) => ({ name, kind: guessOrganisationKind(name) }))
}
