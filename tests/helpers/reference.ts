import fs from 'node:fs'
import path from 'node:path'

// The forum's own 2022 round-table page, which the project keeps beside the repository
// (../shared/reference), not in it: it is the forum's text. The app never reads it. Tests that
// compare against it skip, and say so, on a clone with nothing beside it; our own retelling,
// tests/int/fixtures/import/round-table-2022-retold.txt, covers the same ground there.
export const referencePath = path.resolve(
  process.cwd(),
  '../shared/reference/cifcc-2022-round-table.txt',
)

export const hasReference = fs.existsSync(referencePath)

export const readReference = (): Buffer => fs.readFileSync(referencePath)

// One line in the test output, so that a skipped comparison is seen rather than taken for a pass.
export const noteMissingReference = ({ skipped }: { skipped: string }) => {
  if (!hasReference)
    console.log(
      `Skipped ${skipped}: the forum's page is not at ${referencePath} (only beside the project's own checkout); our own fixtures cover the same ground.`,
    )
}
