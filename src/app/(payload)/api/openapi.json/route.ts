import { describedOnce, descriptionHeaders } from '@/partnerAPI/describedOnce'
import { openAPIDocumentOf } from '@/partnerAPI/openAPIDocument'

// A route of its own beside Payload's catch-all (/api/[...slug]), which Next matches after it.
const openAPIText = describedOnce((config) => JSON.stringify(openAPIDocumentOf(config)))

export const GET = async () =>
  new Response(await openAPIText(), {
    headers: descriptionHeaders('application/json; charset=utf-8'),
  })
