import type { SanitizedConfig } from 'payload'

import { configToSchema } from '@payloadcms/graphql'
import { GraphQL } from '@payloadcms/graphql/types'

// The GraphQL schema as SDL, built by the same function from the same config as the schema
// /api/graphql answers with (Payload's route calls configToSchema too, and
// `payload generate:graphQLSchema` prints it the same way). Introspection stays off in
// production: partners read the schema here instead, and tools such as graphql-codegen take SDL.
// printSchema comes from the graphql that @payloadcms/graphql built the schema with: graphql
// refuses types made by another copy of itself (the tests load it twice).
export const graphQLSchemaTextOf = (config: SanitizedConfig): string =>
  `${GraphQL.printSchema(configToSchema(config).schema)}\n`
