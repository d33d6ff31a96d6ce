import type { BaseDatabaseAdapter, DatabaseAdapterObj, Job, UpdateJobsArgs } from 'payload'

import { and, eq } from '@payloadcms/db-sqlite/drizzle'

// A job runner claims the jobs it is about to run by setting `processing`. Payload does it as a
// read and then a write (SQLite without transactions: a SELECT, then an UPDATE per job; MongoDB: a
// find, then an updateMany by id), so two runners that look at the same moment (two instances of
// the site, each with its runner) both claim the same job and both run it: a release would be
// published twice. Here each job is claimed by one conditional write, `processing` false → true,
// which one runner wins; the others leave it out of their batch.

type Adapter = BaseDatabaseAdapter & Record<string, unknown>

type SQLiteAdapter = Adapter & {
  drizzle: {
    update: (table: unknown) => {
      set: (values: Record<string, unknown>) => {
        where: (condition: unknown) => Promise<{ rowsAffected: number }>
      }
    }
  }
  tables: Record<string, Record<string, unknown>>
}

type MongooseAdapter = Adapter & {
  collections: Record<
    string,
    {
      updateOne: (
        filter: Record<string, unknown>,
        update: Record<string, unknown>,
      ) => Promise<{ modifiedCount: number }>
    }
  >
}

const jobsSlug = 'payload-jobs'

// runJobs' claim sets nothing but `processing` (and Payload's updatedAt); every other update of a
// job (its log, its completion, a cancellation) goes through as Payload wrote it.
const isClaim = ({ data }: UpdateJobsArgs) =>
  data.processing === true &&
  Object.keys(data).every((key) => ['processing', 'updatedAt'].includes(key))

const claimOne = async ({
  adapter,
  id,
  updatedAt,
}: {
  adapter: Adapter
  id: number | string
  updatedAt: string
}): Promise<boolean> => {
  if (adapter.name === 'mongoose') {
    const jobs = (adapter as MongooseAdapter).collections[jobsSlug]
    const { modifiedCount } = await jobs.updateOne(
      { _id: id, processing: false },
      { $set: { processing: true, updatedAt: new Date(updatedAt) } },
    )
    return modifiedCount === 1
  }
  const { drizzle, tables } = adapter as SQLiteAdapter
  const table = tables.payload_jobs
  const { rowsAffected } = await drizzle
    .update(table)
    .set({ processing: true, updatedAt })
    .where(and(eq(table.id as never, id), eq(table.processing as never, false)))
  return rowsAffected === 1
}

const claimJobs = async (adapter: Adapter, args: UpdateJobsArgs): Promise<Job[] | null> => {
  const updatedAt = String(args.data.updatedAt ?? new Date().toISOString())
  const { docs } = await adapter.find({
    collection: jobsSlug,
    where: args.id !== undefined ? { id: { equals: args.id } } : args.where,
    sort: args.sort,
    limit: args.id !== undefined ? 1 : args.limit,
    pagination: false,
    req: args.req,
  })
  const claimed: Job[] = []
  for (const job of docs as Job[]) {
    if (await claimOne({ adapter, id: job.id, updatedAt }))
      claimed.push({ ...job, processing: true, updatedAt })
  }
  return args.returning === false ? null : claimed
}

export const claimJobsOnce = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (initArgs) => {
    const adapter = adapterObj.init(initArgs) as unknown as Adapter
    const updateJobs = adapter.updateJobs
    adapter.updateJobs = async function (this: unknown, args) {
      return isClaim(args) ? claimJobs(adapter, args) : updateJobs.call(this, args)
    }
    return adapter as unknown as ReturnType<DatabaseAdapterObj['init']>
  },
})
