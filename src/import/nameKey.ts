// For matching names of people and organisations: lower case, no accents, no spaces or punctuation ("Carter J.Brandon" and
// "Carter J. Brandon" are one person).
export const nameKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
