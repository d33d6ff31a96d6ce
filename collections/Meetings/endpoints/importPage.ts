import type { Endpoint } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import { isStaff } from '@/payload/access/isStaff'
import { importLegacyPage } from '@/import/importPage'
import { inThreadTurn } from '@/runtime/threadTurn'

const acceptedExtensions = /\.(?:txt|html?)$/i
const acceptedTypes =
  /^(?:text\/plain|text\/html|application\/xhtml\+xml|application\/octet-stream)?$/
// Old news pages are a few kilobytes; anything this large is not one.
const maxBytes = 2 * 1024 * 1024

const fail = (status: number, message: string) =>
  Response.json({ errors: [{ message }], message }, { status })

// POST /api/meetings/import with a multipart `file` (.txt or .html), and optionally the page's
// old address: imports one old news page as a draft meeting and answers with the draft's id,
// admin address and import notes.
export const importPageEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return fail(401, 'Log in as staff to import pages.')
    if (!isStaff(req.user)) return fail(403, 'Only editors and admins can import pages.')
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return fail(
        400,
        'The upload could not be read. Send the page as a file in a form field named "file".',
      )
    }
    const file = req.file
    if (!file)
      return fail(400, 'No file was sent. Choose a .txt or .html page and send it as "file".')
    if (!acceptedExtensions.test(file.name) || !acceptedTypes.test(file.mimetype ?? ''))
      return fail(
        415,
        `"${file.name}" is not a .txt or .html page. Save the old page as text or HTML and try again.`,
      )
    if (file.size > maxBytes)
      return fail(413, `"${file.name}" is larger than 2 MB, which no old news page is.`)

    // The page's old address, when the uploader knows it: `_payload` = {"address": "…"}, the
    // way Payload takes data beside a file.
    const address: unknown = req.data?.address
    if (address !== undefined && address !== null && typeof address !== 'string')
      return fail(400, 'The old address must be text, e.g. /news/2019/1234.html.')
    const user = req.user
    const result = await inThreadTurn(() =>
      importLegacyPage({
        payload: req.payload,
        bytes: file.data,
        source: file.name,
        user,
        address: address || null,
      }),
    )
    if (result.outcome === 'failed')
      return fail(422, `"${file.name}" could not be imported: ${result.reason}`)
    const adminRoute = req.payload.config.routes.admin
    return Response.json(
      {
        outcome: result.outcome,
        id: result.id,
        title: result.title,
        language: result.language,
        // In the page's language: a Chinese page's draft, and the people it created, have only
        // Chinese names, which the English view would show as "Untitled".
        adminURL: `${adminRoute}/collections/meetings/${result.id}?locale=${result.language}`,
        notes: result.notes,
        created: result.created,
        legacyAddress: result.legacyAddress,
        message:
          result.outcome === 'created'
            ? `Draft "${result.title}" created.`
            : `Draft "${result.title}" updated from the page.`,
      },
      { status: result.outcome === 'created' ? 201 : 200 },
    )
  },
}
