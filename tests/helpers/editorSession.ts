import type { Payload } from 'payload'

import type { APIClient } from './api'
import type { TestServer } from './server'

import { apiClient } from './api'
import { createAdmin, createEditor, testPassword } from './factories'
import { getTestPayload } from './payload'
import { startTestServer } from './server'

export type EditorSession = {
  payload: Payload
  server: TestServer
  api: APIClient
  // An editor's login token; the site's first user (always an admin) is made before them.
  token: string
}

// What the HTTP tests start from: Payload, a real HTTP server in front of its route handlers, and
// a signed-in editor. Close `server` in afterAll.
export const openEditorSession = async (): Promise<EditorSession> => {
  const payload = await getTestPayload()
  const server = await startTestServer()
  const api = apiClient(server)
  await createAdmin(payload)
  const editor = await createEditor(payload)
  const token = await api.login(editor.email, testPassword)
  return { payload, server, api, token }
}
