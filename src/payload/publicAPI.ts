import type { SanitizedConfig } from 'payload'

import path from 'node:path'

import { publicAPIPathsOf } from './siteContent'

export const publicAPIFile = path.resolve('src/runtime/publicAPI.json')

export type PublicAPI = { paths: string[] }

// Custom endpoints whose anonymous answers are the same for everyone say so with
// `custom: { publicAPI: true }` (the changes feed, src/payload/changes/feed.ts).
const publicEndpointPathsOf = (config: SanitizedConfig): string[] =>
  (config.endpoints ?? [])
    .filter(({ custom }) => custom?.publicAPI === true)
    .map(({ path }) => path.replace(/^\//, ''))

export const publicAPIOf = (config: SanitizedConfig): PublicAPI => ({
  paths: [...publicAPIPathsOf(config), ...publicEndpointPathsOf(config)],
})
