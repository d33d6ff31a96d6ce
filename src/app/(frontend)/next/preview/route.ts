import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isStaff } from '@/payload/access/isStaff'
import { getPayloadClient } from '@/content/payloadClient'
import { previewSecret } from '@/payload/previewLink'
import { sitePath } from '@/site/safeHref'
import { secretsMatch } from '@/payload/secrets'

const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

// Switches on draft mode for a logged-in editor holding a valid preview link, then shows the page.
export const GET = async (request: Request): Promise<Response> => {
  const { searchParams } = new URL(request.url)
  // Only a path on this site: a link to elsewhere would make this an open redirect.
  const path = sitePath(searchParams.get('path'))
  const draft = await draftMode()
  if (!secretsMatch(searchParams.get('previewSecret'), previewSecret()))
    return refuse(
      403,
      'This preview link is not valid. Open the preview again from the admin panel.',
    )
  if (!path) return refuse(400, 'The preview link does not name a page of this site.')

  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: request.headers })
  if (!isStaff(user)) {
    draft.disable()
    return refuse(403, 'Log in to the admin panel as an editor to preview drafts.')
  }
  draft.enable()
  redirect(path)
}
