import type { TestServer } from './server'

// Response bodies are read as loosely typed JSON: tests assert on their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JSONBody = any

export type APIResponse = { status: number; body: JSONBody }

export type RESTOptions = {
  token?: string
  json?: unknown
  form?: FormData
}

const authHeader = (token?: string): Record<string, string> =>
  token ? { Authorization: `JWT ${token}` } : {}

const readJSON = async (response: Response): Promise<JSONBody> => {
  const text = await response.text()
  return text ? JSON.parse(text) : null
}

export type APIClient = {
  rest: (method: string, path: string, options?: RESTOptions) => Promise<APIResponse>
  graphql: (
    query: string,
    options?: { token?: string; variables?: Record<string, unknown> },
  ) => Promise<APIResponse>
  login: (email: string, password: string) => Promise<string>
}

export const apiClient = (server: TestServer): APIClient => {
  const rest: APIClient['rest'] = async (method, path, { token, json, form } = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...authHeader(token),
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: form ?? (json === undefined ? undefined : JSON.stringify(json)),
    })
    return { status: response.status, body: await readJSON(response) }
  }

  const graphql: APIClient['graphql'] = async (query, { token, variables } = {}) => {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { ...authHeader(token), 'Content-Type': 'application/json' },
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
