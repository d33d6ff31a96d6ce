import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { sitePath } from '@/site/safeHref'

// Leaves draft mode and returns to the published page the editor was looking at.
export const GET = async (request: Request): Promise<Response> => {
  const path = sitePath(new URL(request.url).searchParams.get('path')) ?? '/'
  ;(await draftMode()).disable()
  redirect(path)
}
