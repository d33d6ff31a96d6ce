import type { ValidationRule } from 'graphql'

import { GraphQLError, Kind } from 'graphql'

// Payload's complexity rule counts a list as one field whatever its `limit`, so a query of 500
// aliased `Meetings(limit: 100)` lists passes it and keeps the server busy for a minute. Partners
// ask for a few lists at once; more than this is refused before anything runs.
export const maxListsPerQuery = 10

export const limitListsPerQuery: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    const rootFields = operation.selectionSet.selections.filter(
      (selection) => selection.kind === Kind.FIELD && !selection.name.value.startsWith('__'),
    )
    if (rootFields.length > maxListsPerQuery) {
      context.reportError(
        new GraphQLError(
          `This query asks for ${rootFields.length} things at once; the limit is ` +
            `${maxListsPerQuery}. Split it into several requests.`,
          { nodes: [operation] },
        ),
      )
    }
  },
})
