import type { TestServer } from './server'

// Response bodies are read as loosely typed JSON: tests assert on their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JSONBody = any

export type APIResponse = { status: number; body: JSONBody }

export type RESTOptions = {
  token?: string
  apiKey?: string
  json?: unknown
  form?: FormData
}

// A login token, or a reader's API key as partners send it.
const authHeader = ({
  token,
  apiKey,
}: {
  token?: string
  apiKey?: string
}): Record<string, string> => {
  if (apiKey) return { Authorization: `users API-Key ${apiKey}` }
  return token ? { Authorization: `JWT ${token}` } : {}
}

const readJSON = async (response: Response): Promise<JSONBody> => {
  const text = await response.text()
  return text ? JSON.parse(text) : null
}

export type APIClient = {
  rest: (method: string, path: string, options?: RESTOptions) => Promise<APIResponse>
  graphql: (
    query: string,
    options?: { token?: string; apiKey?: string; variables?: Record<string, unknown> },
  ) => Promise<APIResponse>
  login: (email: string, password: string) => Promise<string>
}

export const apiClient = (server: TestServer): APIClient => {
  const rest: APIClient['rest'] = async (method, path, { token, apiKey, json, form } = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...authHeader({ token, apiKey }),
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: form ?? (json === undefined ? undefined : JSON.stringify(json)),
    })
    return { status: response.status, body: await readJSON(response) }
  }

  const graphql: APIClient['graphql'] = async (query, { token, apiKey, variables } = {}) => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { ...authHeader({ token, apiKey }), 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
    return { status: response.status, body: await readJSON(response) }
  }

  const login: APIClient['login'] = async (email, password) => {
    const { status, body } = await rest('POST', '/api/users/login', { json: { email, password } })
    if (status !== 200 || typeof body?.token !== 'string') {
      throw new Error(`Login as ${email} failed with ${status}: ${JSON.stringify(body)}`)
    }
    return body.token
  }

  return { rest, graphql, login }
}
