import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import {
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import http from 'node:http'

import { guardGraphQL, guardREST } from '@/payload/apiGuard'
import { clientAddressHeader, clientAddressOf, trustedProxies } from '@/runtime/clientAddress.mjs'

import { loadConfig } from './payload'

type RouteHandler = (
  request: Request,
  context: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

export type TestServer = {
  /** http://127.0.0.1:<port>, without a trailing slash */
  url: string
  close: () => Promise<void>
}

const readBody = async (message: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

// The test server stands where src/server/renderer.mjs stands, behind a proxy on loopback: tests
// play clients at other addresses with X-Forwarded-For.
const proxies = trustedProxies('127.0.0.1, ::1')

const toWebRequest = async (message: IncomingMessage, origin: string): Promise<Request> => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item))
    else if (value !== undefined) headers.set(name, value)
  }
  headers.set(
    clientAddressHeader,
    clientAddressOf({
      socketAddress: message.socket.remoteAddress,
      forwardedFor: message.headers['x-forwarded-for'],
      proxies,
    }),
  )
  const method = message.method ?? 'GET'
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(message)
  return new Request(new URL(message.url ?? '/', origin), {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  })
}

const sendWebResponse = async (response: Response, res: ServerResponse): Promise<void> => {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, response.statusText, headers)
  res.end(Buffer.from(await response.arrayBuffer()))
}

// A real HTTP server in front of the same route handlers (and guards) that src/app/(payload)/api/
// exports to Next.js: REST at /api/<collection>/…, GraphQL at POST /api/graphql.
export const startTestServer = async (): Promise<TestServer> => {
  const config = loadConfig()
  const rest: Record<string, RouteHandler> = {
    DELETE: guardREST(REST_DELETE(config), config),
    GET: guardREST(REST_GET(config), config),
    OPTIONS: REST_OPTIONS(config),
    PATCH: guardREST(REST_PATCH(config), config),
    POST: guardREST(REST_POST(config), config),
    PUT: guardREST(REST_PUT(config), config),
  }
  const graphql = guardGraphQL(GRAPHQL_POST(config))

  const dispatch = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url)
    if (pathname === '/api/graphql' && request.method === 'POST')
      return graphql(request, { params: Promise.resolve({}) })
    const handler = rest[request.method]
    if (!pathname.startsWith('/api/') || !handler) {
      return Response.json(
        { message: `No route for ${request.method} ${pathname}` },
        { status: 404 },
      )
    }
    const slug = pathname.slice('/api/'.length).split('/').filter(Boolean).map(decodeURIComponent)
    return handler(request, { params: Promise.resolve({ slug }) })
  }

  let origin = ''
  const server = http.createServer((message, res) => {
    toWebRequest(message, origin)
      .then(dispatch)
      .then((response) => sendWebResponse(response, res))
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: `Test server error: ${String(error)}` }))
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
