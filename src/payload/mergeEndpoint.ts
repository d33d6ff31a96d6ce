import type { Endpoint } from 'payload'

import { APIError, addDataAndFileToRequest } from 'payload'

import type { MergeableCollection } from './merge'

import { isStaff } from './access/isStaff'
import { mergeRecord } from './merge'

const fail = (status: number, message: string) =>
  Response.json({ errors: [{ message }], message }, { status })

const nouns: Record<MergeableCollection, { one: string; many: string }> = {
  speakers: { one: 'speaker', many: 'speakers' },
  organisations: { one: 'organisation', many: 'organisations' },
}

const intoOf = (data: unknown): unknown =>
  data && typeof data === 'object' ? (data as { into?: unknown }).into : undefined

// POST /api/<speakers|organisations>/:id/merge with {"into": "<id>"}: moves every reference to
// this record onto the other one, fills the other's empty fields from it, and deletes it.
export const mergeEndpoint = (collection: MergeableCollection): Endpoint => ({
  path: '/:id/merge',
  method: 'post',
  handler: async (req) => {
    const noun = nouns[collection]
    if (!req.user) return fail(401, `Log in as staff to merge ${noun.many}.`)
    if (!isStaff(req.user)) return fail(403, `Only editors and admins can merge ${noun.many}.`)
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return fail(400, 'The request body could not be read: send {"into": "<id>"} as JSON.')
    }
    const into = intoOf(req.data)
    if (typeof into !== 'string' || into === '')
      return fail(400, `Say which ${noun.one} to merge into: send {"into": "<id>"} as JSON.`)
    try {
      const result = await mergeRecord({ req, collection, from: req.routeParams?.id, into })
      const adminRoute = req.payload.config.routes.admin
      return Response.json({
        ...result,
        adminURL: `${adminRoute}/collections/${collection}/${result.into}`,
        message: `The duplicate ${noun.one} was merged and deleted.`,
      })
    } catch (error) {
      // Refusals say what is wrong; anything else is Payload's to answer (and log) as a 500.
      if (error instanceof APIError && error.status < 500) return fail(error.status, error.message)
      throw error
    }
  },
})
