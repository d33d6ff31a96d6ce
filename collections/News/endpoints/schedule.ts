import type { Endpoint, PayloadRequest } from 'payload'

import { isStaff } from '@/payload/access/isStaff'

const fail = (status: number, message: string) =>
  Response.json({ errors: [{ message }], message }, { status })

type Schedule = { type: 'publish' | 'unpublish'; at: Date }

type UpcomingJob = { id: string | number; input?: { type?: string }; waitUntil?: string | null }

// What the admin's Schedule Publish drawer does (Payload's schedulePublishHandler), for editors'
// scripts: the job publishes the release as the editor who scheduled it, with their rights.
const readSchedule = async (req: PayloadRequest): Promise<Schedule | string> => {
  const body = (await req.json?.().catch(() => null)) as Record<string, unknown> | null
  const type = body?.type ?? 'publish'
  if (type !== 'publish' && type !== 'unpublish')
    return `"type" is "publish" (the default) or "unpublish", not "${String(type).slice(0, 40)}".`
  const value = body?.at
  const at = typeof value === 'string' ? new Date(value) : null
  if (!at || Number.isNaN(at.getTime()))
    return 'Send "at": the date and time to publish at, such as "2026-12-05T09:30:00+08:00".'
  if (at.getTime() <= Date.now())
    return `${at.toISOString()} has passed: publish now instead, or choose a later time.`
  return { type, at }
}

const findRelease = async (req: PayloadRequest) => {
  const id = String(req.routeParams?.id ?? '')
  const release = await req.payload.findByID({
    collection: 'news',
    id,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
    select: { title: true },
  })
  return release ? id : null
}

// The release's publications and unpublications still to come, soonest first.
const upcomingFor = async ({ req, id }: { req: PayloadRequest; id: string }) => {
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { 'input.doc.relationTo': { equals: 'news' } },
        { 'input.doc.value': { equals: id } },
        { completedAt: { exists: false } },
        { processing: { equals: false } },
      ],
    },
    sort: 'waitUntil',
    pagination: false,
    depth: 0,
  })
  return (docs as UpcomingJob[]).map((job) => ({
    id: job.id,
    type: job.input?.type === 'unpublish' ? 'unpublish' : 'publish',
    at: job.waitUntil,
  }))
}

const staffOnly = (req: PayloadRequest) => {
  if (!req.user) return fail(401, 'Log in as staff to schedule news releases.')
  if (!isStaff(req.user)) return fail(403, 'Only editors and admins can schedule news releases.')
  return null
}

const notFound = (req: PayloadRequest) =>
  fail(404, `There is no news release with the id "${String(req.routeParams?.id).slice(0, 40)}".`)

// POST /api/news/<id>/schedule {"at": "…", "type": "publish"}: publish (or unpublish) at that time.
const scheduleRelease: Endpoint = {
  path: '/:id/schedule',
  method: 'post',
  handler: async (req) => {
    const refusal = staffOnly(req)
    if (refusal) return refusal
    const schedule = await readSchedule(req)
    if (typeof schedule === 'string') return fail(400, schedule)
    const id = await findRelease(req)
    if (!id) return notFound(req)
    await req.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: schedule.type,
        doc: { relationTo: 'news', value: id },
        user: { relationTo: 'users', value: req.user!.id },
      },
      waitUntil: schedule.at,
      req,
    })
    return Response.json({ scheduled: await upcomingFor({ req, id }) }, { status: 201 })
  },
}

// GET /api/news/<id>/schedule: what is scheduled for it.
const readReleaseSchedule: Endpoint = {
  path: '/:id/schedule',
  method: 'get',
  handler: async (req) => {
    const refusal = staffOnly(req)
    if (refusal) return refusal
    const id = await findRelease(req)
    if (!id) return notFound(req)
    return Response.json({ scheduled: await upcomingFor({ req, id }) })
  },
}

export const scheduleEndpoints = [scheduleRelease, readReleaseSchedule]
