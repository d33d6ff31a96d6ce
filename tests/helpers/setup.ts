import { afterAll } from 'vitest'

import { prepareTestEnvironment, removeTestEnvironment } from './environment'
import { closeTestPayload } from './payload'

// setupFiles run in each test file's worker before the file itself is imported.
const environment = prepareTestEnvironment()

// Hooks run as a stack, so this runs after the test file's own afterAll (which stops its server).
afterAll(async () => {
  await closeTestPayload({ dropDatabase: environment.databaseKind === 'mongodb' })
  removeTestEnvironment(environment)
})
