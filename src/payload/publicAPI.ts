import type { SanitizedConfig } from 'payload'

import path from 'node:path'

import { publicAPIPathsOf } from './siteContent'

export const publicAPIFile = path.resolve('src/runtime/publicAPI.json')

export type PublicAPI = { paths: string[] }

export const publicAPIOf = (config: SanitizedConfig): PublicAPI => ({
  paths: publicAPIPathsOf(config),
})
