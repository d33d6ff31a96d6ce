import fs from 'node:fs'
import path from 'node:path'

// `--addresses addresses.csv`: the old site's address of each page, one line per page,
// `file,address` (the file's name, or its path as given to the import; the address a whole URL or
// a path). A first line `file,address`, blank lines and lines starting with # are skipped. Split at
// the first comma, so an address may hold commas of its own.
export type Addresses = (page: string) => string | undefined

export const readAddresses = (file: string): Addresses | { problem: string } => {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return { problem: `Cannot read the addresses file ${file}.` }
  }
  const byFile = new Map<string, string>()
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const trimmed = line.trim()
    if (
      !trimmed ||
      trimmed.startsWith('#') ||
      (index === 0 && /^file\s*,\s*address$/i.test(trimmed))
    )
      continue
    const comma = trimmed.indexOf(',')
    const page = trimmed.slice(0, comma).trim()
    const address = trimmed.slice(comma + 1).trim()
    if (comma < 1 || !address)
      return { problem: `${file}, line ${index + 1}: expected "file,address", found "${trimmed}".` }
    byFile.set(path.normalize(page), address)
  }
  return (page) => byFile.get(path.normalize(page)) ?? byFile.get(path.basename(page))
}
