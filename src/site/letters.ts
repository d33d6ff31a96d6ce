// The A–Z letter a speaker is filed under in the directory: the first letter of their slug, which
// is the English name, or the pinyin of a name written in Chinese (邹骥 → zou-ji → Z). The
// directory is read in slug order, so filing by the slug keeps each letter in one run across
// page breaks. Accents are stripped ("élodie" → E); a slug with no Latin initial files under '#'.
export const letterOfSlug = (slug: string): string => {
  const letter = slug
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .charAt(0)
    .toUpperCase()
  return /^[A-Z]$/.test(letter) ? letter : '#'
}

export const letterAnchor = (letter: string): string =>
  `letter-${letter === '#' ? 'other' : letter.toLowerCase()}`
