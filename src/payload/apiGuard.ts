import type { Field, SanitizedConfig } from 'payload'

// Checks in front of Payload's REST and GraphQL handlers for input Payload answers with a 500
// ("Something went wrong.") or a thrown error instead of saying what is wrong. Found by the fuzz
// test (tests/int/fuzz.int.spec.ts); each check names the parameter and what it should be.

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>
type RESTContext = { params: Promise<{ slug: string[] }> }

const wholeNumberParameters = ['limit', 'page', 'depth'] as const
// No collection has a point field, and Payload fails on these operators anywhere else.
const geographicOperator = /\]\[(?:near|within|intersects)\]$/

const comparisonOperator = /\]\[(?:greater_than|greater_than_equal|less_than|less_than_equal)\]$/
const isNumberOrDate = (value: string) =>
  /^-?\d+(?:\.\d+)?$/.test(value) || !Number.isNaN(Date.parse(value))

export const queryProblem = (url: URL): null | string => {
  for (const name of wholeNumberParameters) {
    const values = url.searchParams.getAll(name)
    if (values.length > 1) return `"${name}" is given ${values.length} times; give it once.`
    if (values.length === 1 && !/^\d{1,9}$/.test(values[0])) {
      return `"${name}" must be a whole number of at most 9 digits, not "${values[0].slice(0, 40)}".`
    }
  }
  if (url.searchParams.getAll('sort').length > 1) {
    return '"sort" is given more than once; give it once, with the fields separated by commas.'
  }
  for (const [key, value] of url.searchParams) {
    if (geographicOperator.test(key)) {
      return `"${key.slice(0, 80)}" uses a map operator, but nothing here has a location.`
    }
    if (comparisonOperator.test(key) && !isNumberOrDate(value)) {
      return `"${key.slice(0, 80)}" compares with "${value.slice(0, 40)}", which is neither a number nor a date.`
    }
  }
  return null
}

const bodyMethods = new Set(['POST', 'PATCH', 'PUT'])

type Refusal = { status: number; message: string }

const refuse = ({ status, message }: Refusal) =>
  Response.json({ errors: [{ message }] }, { status })

const mediaType = (request: Request) =>
  (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()

// Payload's documented way round the length limit of a URL, and how its admin reads related
// documents (relationship and upload pickers): POST with this header and the query string as an
// application/x-www-form-urlencoded body. Payload treats it as the GET it stands for.
const methodOverrideHeaders = ['x-payload-http-method-override', 'x-http-method-override']
const overridesToGet = (request: Request) =>
  request.method === 'POST' &&
  methodOverrideHeaders.some((name) => request.headers.get(name)?.trim().toUpperCase() === 'GET')

// A query in a body is a few kilobytes even for the admin's longest pickers; this bounds what one
// request can make the server hold before Payload sees it.
export const maxQueryBodyBytes = 256 * 1024

// The body as text, or null once it passes `limit` bytes (read no further than that).
const readTextUpTo = async (request: Request, limit: number): Promise<null | string> => {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null
  if (!request.body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > limit) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

// The GET that an override stands for, with the body's query joined to the address's, so that
// the checks below see every parameter, and Payload gets them however the client spelled the
// content type (Payload itself reads the body only for the exact bare media type, and appends it
// with a second "?" when the address has a query already). A JSON override body is Payload's
// other, internal form (the query's fields as `data`): it is passed on as it came.
const asOverriddenGet = async (request: Request): Promise<Refusal | Request> => {
  const type = mediaType(request)
  if (type === 'application/json') return request
  const query = await readTextUpTo(request.clone(), maxQueryBodyBytes)
  if (query === null) {
    return {
      status: 413,
      message: `A query sent in the body may be at most ${maxQueryBodyBytes / 1024} KB.`,
    }
  }
  if (query && type !== 'application/x-www-form-urlencoded') {
    return {
      status: 415,
      message: `A query sent with X-Payload-HTTP-Method-Override: GET must be application/x-www-form-urlencoded (or JSON), not "${type || 'none'}".`,
    }
  }
  const url = new URL(request.url)
  for (const [name, value] of new URLSearchParams(query)) url.searchParams.append(name, value)
  const headers = new Headers(request.headers)
  for (const name of ['content-type', 'content-length', ...methodOverrideHeaders]) {
    headers.delete(name)
  }
  return new Request(url, { method: 'GET', headers, signal: request.signal })
}

// Payload reads a JSON body or a multipart form (uploads, the admin's saves); it ignores any other
// body, so a save sent as another type would answer 200 and change nothing. A JSON body must be
// an object of fields. Read once, from a clone, so that Payload still gets the stream; a form is
// left to Payload unread.
const readBody = async (request: Request): Promise<{ refusal?: Refusal; fields?: object }> => {
  if (!bodyMethods.has(request.method)) return {}
  const type = mediaType(request)
  if (type === 'multipart/form-data') return {}
  const text = await request.clone().text()
  if (!text) {
    // Creating a document needs its fields; Payload fails on nothing at all.
    const isCreate =
      request.method === 'POST' && /^\/api\/[^/]+\/?$/.test(new URL(request.url).pathname)
    return isCreate
      ? {
          refusal: {
            status: 400,
            message: "The request body is empty: send the document's fields as JSON.",
          },
        }
      : {}
  }
  if (type !== 'application/json') {
    return {
      refusal: {
        status: 415,
        message: `A body of type "${type || 'none'}" cannot be read: send JSON (Content-Type: application/json) or multipart/form-data, or a query as application/x-www-form-urlencoded with X-Payload-HTTP-Method-Override: GET.`,
      },
    }
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { refusal: { status: 400, message: 'The request body is not valid JSON.' } }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      refusal: { status: 400, message: 'The request body must be a JSON object of fields.' },
    }
  }
  return { fields: body }
}

type FieldShapes = { lists: Set<string>; hasMany: Set<string>; dates: Set<string> }

// Top-level fields (rows and collapsibles are layout, not nesting) that hold a list of rows, and
// those that hold several values: what `all` and list bodies are checked against.
const shapesOf = (
  fields: Field[],
  shapes: FieldShapes = { lists: new Set(), hasMany: new Set(), dates: new Set() },
) => {
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') shapesOf(field.fields, shapes)
    else if ('name' in field && (field.type === 'array' || field.type === 'blocks'))
      shapes.lists.add(field.name)
    else if ('name' in field && 'hasMany' in field && field.hasMany) shapes.hasMany.add(field.name)
    else if (field.type === 'date') shapes.dates.add(field.name)
  }
  return shapes
}

// where[field][operator], at any depth of and/or: the field and the operator.
const fieldOperator = /^where(?:\[(?:and|or)\]\[\d+\])*\[([^\]]+)\]\[(all|contains)\]$/

const schemaProblem = ({
  url,
  fields,
  shapes,
}: {
  url: URL
  fields: object | undefined
  shapes: FieldShapes | undefined
}): null | string => {
  if (!shapes) return null
  for (const key of url.searchParams.keys()) {
    const [, field, operator] = fieldOperator.exec(key) ?? []
    if (operator === 'all' && !shapes.hasMany.has(field)) {
      return `"all" needs a field that holds several values; "${field.slice(0, 40)}" holds one. Use "equals" or "in".`
    }
    if (operator === 'contains' && shapes.dates.has(field)) {
      return `"${field}" is a date, which "contains" cannot search; compare it with "greater_than" or "less_than".`
    }
  }
  for (const [name, value] of Object.entries(fields ?? {})) {
    if (shapes.lists.has(name) && value !== null && !Array.isArray(value)) {
      return `"${name}" must be a list (a JSON array).`
    }
  }
  return null
}

export const guardREST = (
  handler: RouteHandler<RESTContext>,
  config?: Promise<SanitizedConfig>,
): RouteHandler<RESTContext> => {
  const shapesBySlug = config?.then(
    ({ collections }) =>
      new Map<string, FieldShapes>(
        collections.map((collection) => [collection.slug, shapesOf(collection.fields)]),
      ),
  )
  return async (incoming, context) => {
    const request = overridesToGet(incoming) ? await asOverriddenGet(incoming) : incoming
    if (!(request instanceof Request)) return refuse(request)
    const url = new URL(request.url)
    const problem = queryProblem(url)
    if (problem) return refuse({ status: 400, message: problem })
    const { refusal, fields } = await readBody(request)
    if (refusal) return refuse(refusal)
    const [slug] = (await context.params).slug ?? []
    const mismatch = schemaProblem({ url, fields, shapes: (await shapesBySlug)?.get(slug) })
    if (mismatch) return refuse({ status: 400, message: mismatch })
    return handler(request, context)
  }
}

export const guardGraphQL =
  <Context>(handler: RouteHandler<Context>): RouteHandler<Context> =>
  async (request, context) => {
    // Payload throws on a body that is not JSON, which reaches the client as a 500.
    try {
      JSON.parse(await request.clone().text())
    } catch {
      return refuse({
        status: 400,
        message: 'The request body is not JSON: send {"query": "…", "variables": {…}}.',
      })
    }
    return answerRequestErrorsWith400(await handler(request, context))
  }

// A query that fails to parse or validate (the list limit, Payload's complexity limit, an
// unknown field) never runs. Payload answers it with 200 and either a bare array of errors, which
// is not a GraphQL response at all, or {"errors": […]} without "data". Clients and monitoring
// should see that the request was refused, as Apollo tells them: 400, with {"errors": […]}. An
// answer from a query that ran always has "data" (a quote inside a JSON string is escaped, so
// the bare key cannot hide in a message).
const answerRequestErrorsWith400 = async (response: Response): Promise<Response> => {
  if (response.status !== 200) return response
  const body = await response.text()
  const isRequestError = body.startsWith('[') || (body.startsWith('{') && !body.includes('"data"'))
  if (!isRequestError) return new Response(body, response)
  const parsed = JSON.parse(body) as unknown
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return Response.json(Array.isArray(parsed) ? { errors: parsed } : parsed, {
    status: 400,
    headers,
  })
}
