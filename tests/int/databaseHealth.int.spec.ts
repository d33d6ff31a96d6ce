import { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'

import { isDatabaseUnavailable } from '@/runtime/databaseHealth.mjs'

// The outage itself is a browser-suite test against the production server
// (tests/e2e/databaseOutage.e2e.spec.ts, SQLite). These are the shapes the errors take on their
// way up, including MongoDB's, which cannot be stopped on this machine.
const driverError = (fields: { name?: string; code?: string; message?: string }) =>
  Object.assign(new Error(fields.message ?? 'driver error'), fields)

const wrapped = (cause: unknown) =>
  new Error('Failed query: select count(*) from "meetings"', { cause })

describe('isDatabaseUnavailable', () => {
  it.each([
    ['SQLite locked by another process', driverError({ code: 'SQLITE_BUSY' })],
    ['SQLite WAL index held by another process', driverError({ code: 'SQLITE_PROTOCOL' })],
    ['SQLite file gone', driverError({ code: 'SQLITE_CANTOPEN' })],
    ['SQLite disk failing', driverError({ code: 'SQLITE_IOERR_SHORT_READ' })],
    ['SQLite disk full', driverError({ code: 'SQLITE_FULL' })],
    ['MongoDB stopped', driverError({ name: 'MongoServerSelectionError' })],
    ['MongoDB connection dropped', driverError({ name: 'MongoNetworkError' })],
    ['MongoDB pool cleared', driverError({ name: 'MongoPoolClearedError' })],
  ])('recognises %s, however deeply Drizzle, Payload or GraphQL wrap it', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
    expect(isDatabaseUnavailable(wrapped(wrapped(error)))).toBe(true)
    expect(isDatabaseUnavailable(new GraphQLError('x', { originalError: wrapped(error) }))).toBe(
      true,
    )
  })

  it.each([
    ['a unique constraint', driverError({ code: 'SQLITE_CONSTRAINT_UNIQUE' })],
    ['a syntax error', driverError({ code: 'SQLITE_ERROR' })],
    ['a Mongo duplicate key', driverError({ name: 'MongoServerError', code: '11000' })],
    ['a validation error', driverError({ name: 'ValidationError' })],
    ['no error at all', undefined],
    ['a string', 'SQLITE_BUSY'],
  ])('does not mistake %s for an outage', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
    expect(isDatabaseUnavailable(wrapped(error))).toBe(false)
  })
})
