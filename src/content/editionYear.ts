import type { Edition } from '@/payload-types'

// A meeting's edition as its year, whether the read populated it or not (an edition's id is its
// year).
export const editionYear = (edition: number | Pick<Edition, 'id'>): number =>
  typeof edition === 'number' ? edition : edition.id
