import type { Speaker } from '@/payload-types'

import type { Locale } from '@/lib/i18n'

// English puts the honorific first ("Mr Edward Clarence-Smith"); Chinese after the name, with no
// space ("克拉伦斯-史密斯先生").
export const speakerName = ({
  speaker,
  locale,
}: {
  speaker: Pick<Speaker, 'name' | 'honorific'>
  locale: Locale
}): string => {
  const honorific = speaker.honorific?.trim()
  if (!honorific) return speaker.name
  return locale === 'zh' ? `${speaker.name}${honorific}` : `${honorific} ${speaker.name}`
}

const latinLetter = (text: string): null | string => {
  // Strip accents so "Élodie" files under E.
  const letter = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .charAt(0)
    .toUpperCase()
  return /^[A-Z]$/.test(letter) ? letter : null
}

// The A–Z letter a speaker is filed under. A name in Chinese characters has no Latin initial, so
// its slug (made from the pinyin) stands in: 邹骥 → zou-ji → Z.
export const letterOf = ({ name, slug }: Pick<Speaker, 'name' | 'slug'>): string =>
  latinLetter(name) ?? latinLetter(slug) ?? '#'

export const letterAnchor = (letter: string): string =>
  `letter-${letter === '#' ? 'other' : letter.toLowerCase()}`
