import type { ProductionServer } from '../../helpers/productionServer'

// REST calls to a server a test started itself (the fault tests), rather than the shared one.

export const serverRequest = async ({
  server,
  path,
  method = 'GET',
  token,
  body,
}: {
  server: ProductionServer
  path: string
  method?: string
  token?: string
  body?: unknown
}) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return {
    status: response.status,
    headers: response.headers,
    json: await response.json().catch(() => null),
  }
}

// The first account of an empty database becomes its admin, as on a new site.
export const registerFirstAdmin = async ({
  server,
  email,
  password,
}: {
  server: ProductionServer
  email: string
  password: string
}): Promise<string> => {
  const { status, json } = await serverRequest({
    server,
    path: '/api/users/first-register',
    method: 'POST',
    body: { email, password, name: 'Fault-test admin' },
  })
  if (status !== 200) throw new Error(`first-register: ${status} ${JSON.stringify(json)}`)
  return json.token
}
