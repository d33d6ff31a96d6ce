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

// The API's descriptions, Next routes beside Payload's (src/app/(payload)/api/): built from the
// config, the same for every reader, and cached, tagged and read cross-origin like the rest.
const descriptionPaths = ['openapi.json', 'graphql/schema.graphql', 'docs']

export const publicAPIOf = (config: SanitizedConfig): PublicAPI => ({
  paths: [...publicAPIPathsOf(config), ...publicEndpointPathsOf(config), ...descriptionPaths],
})
