import { describedOnce, descriptionHeaders } from '@/partnerAPI/describedOnce'
import { graphQLSchemaTextOf } from '@/partnerAPI/graphQLSchema'

// GET /api/graphql/schema.graphql, beside the GraphQL endpoint itself (POST /api/graphql).
const schemaText = describedOnce(graphQLSchemaTextOf)

export const GET = async () =>
  new Response(await schemaText(), {
    headers: descriptionHeaders('text/plain; charset=utf-8'),
  })
