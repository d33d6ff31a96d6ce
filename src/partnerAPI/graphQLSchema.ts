import type { SanitizedConfig } from 'payload'

import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'

// The GraphQL schema as SDL, built by the same function from the same config as the schema
// /api/graphql answers with (Payload's route calls configToSchema too, and
// `payload generate:graphQLSchema` prints it the same way). Introspection stays off in
// production: partners read the schema here instead, and tools such as graphql-codegen take SDL.
export const graphQLSchemaTextOf = (config: SanitizedConfig): string =>
  `${printSchema(configToSchema(config).schema)}\n`
