// An edition's address is its year; anything else cannot name one.
export const editionYearParam = (value: string): number | null =>
  /^(20\d\d|2100)$/.test(value) ? Number(value) : null
