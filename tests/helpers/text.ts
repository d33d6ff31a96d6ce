// Tools for checking that seeded text is our own wording and not a copy of a reference page.

// Lower case, letters and digits only: punctuation, quotes (including the reference page's
// mojibake) and hyphens do not hide a copied run of words.
export const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

// Sentences end at . ! ? ; and line breaks (Chinese full stops too).
export const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?;。！？；])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean)

export const wordRuns = (text: string, length: number): string[] => {
  const list = words(text)
  return Array.from({ length: Math.max(0, list.length - length + 1) }, (_, index) =>
    list.slice(index, index + length).join(' '),
  )
}

// Every string anywhere inside a value (documents read with locale 'all' hold both languages).
export const collectStrings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(collectStrings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(collectStrings)
  return []
}

// Runs of `length` consecutive words of the reference (within one of its sentences) that appear
// verbatim in any of the texts.
export const copiedRuns = ({
  reference,
  texts,
  length,
}: {
  reference: string
  texts: string[]
  length: number
}): string[] => {
  const ours = new Set(texts.flatMap((text) => wordRuns(text, length)))
  const theirs = sentences(reference).flatMap((sentence) => wordRuns(sentence, length))
  return [...new Set(theirs.filter((run) => ours.has(run)))]
}
