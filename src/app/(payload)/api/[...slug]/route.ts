import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { guardREST } from '@/payload/apiGuard'

export const GET = guardREST(REST_GET(config), config)
export const POST = guardREST(REST_POST(config), config)
export const DELETE = guardREST(REST_DELETE(config), config)
export const PATCH = guardREST(REST_PATCH(config), config)
export const PUT = guardREST(REST_PUT(config), config)
export const OPTIONS = REST_OPTIONS(config)
