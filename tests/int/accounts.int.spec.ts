import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { authCookies } from '@/payload/authCookies'
import { passwordProblem } from '@/payload/passwordRules'
import { richText } from '@/content/richText'

import { apiClient } from '../helpers/api'
import {
  createAdmin,
  createEditor,
  createMeeting,
  createReader,
  testPassword,
  uniqueSuffix,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

let payload: Payload
let server: TestServer
let api: APIClient
let adminToken: string
let adminId: string
let draftMeetingId: string

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  const admin = await createAdmin(payload)
  adminId = admin.id
  adminToken = await api.login(admin.email, testPassword)
  draftMeetingId = (await createMeeting(payload, { _status: 'draft' })).id
})

afterAll(async () => {
  await server?.close()
})

const loginResponse = (email: string, password = testPassword) =>
  api.rest('POST', '/api/users/login', { json: { email, password } })

const readDraftOverREST = (auth: { token?: string; apiKey?: string }) =>
  api.rest('GET', `/api/meetings/${draftMeetingId}?draft=true&depth=0`, auth)

const readDraftOverGraphQL = async (auth: { token?: string; apiKey?: string }) =>
  (
    await api.graphql('query ($id: String!) { Meeting(id: $id, draft: true) { id } }', {
      ...auth,
      variables: { id: draftMeetingId },
    })
  ).body?.data?.Meeting ?? null

const disable = (id: string) =>
  api.rest('PATCH', `/api/users/${id}`, { token: adminToken, json: { disabled: true } })

const messagesOf = (body: {
  errors?: { message: string; data?: { errors?: { message: string }[] } }[]
}) =>
  (body.errors ?? []).flatMap(({ message, data }) => [
    message,
    ...(data?.errors ?? []).map((e) => e.message),
  ])

// ——— Disabled accounts ———

describe('a disabled account', () => {
  it('cannot log in, and is told why with a 403', async () => {
    const editor = await createEditor(payload)
    await disable(editor.id)

    const { status, body } = await loginResponse(editor.email)

    expect(status).toBe(403)
    expect(messagesOf(body)).toEqual([
      'This account is disabled. Ask an administrator of the site to enable it again.',
    ])
  })

  it('is not told it is disabled when the password is wrong', async () => {
    const editor = await createEditor(payload)
    await disable(editor.id)

    const { status } = await loginResponse(editor.email, 'not the right password at all')

    expect(status).toBe(401)
  })

  it('loses the session it had at once, over REST, GraphQL and /me', async () => {
    const editor = await createEditor(payload)
    const token = await api.login(editor.email, testPassword)
    expect((await readDraftOverREST({ token })).status).toBe(200)

    await disable(editor.id)

    const me = await api.rest('GET', '/api/users/me', { token })
    expect({
      rest: (await readDraftOverREST({ token })).status,
      graphQL: await readDraftOverGraphQL({ token }),
      me: me.body.user,
    }).toEqual({ rest: 404, graphQL: null, me: null })
  })

  // Payload's JWT strategy reads the account from the database on every request; the access
  // rules then see `disabled` even if the session somehow survived (here it is kept by writing
  // the flag past the hooks that end sessions).
  it('is nobody with a token whose session survived', async () => {
    const editor = await createEditor(payload)
    const token = await api.login(editor.email, testPassword)

    await payload.db.updateOne({
      collection: 'users',
      id: editor.id,
      data: { disabled: true },
    })

    // /me reads the account with the account's own rights, which a disabled one has none of.
    const me = await api.rest('GET', '/api/users/me', { token })
    expect({
      rest: (await readDraftOverREST({ token })).status,
      graphQL: await readDraftOverGraphQL({ token }),
      edit: (
        await api.rest('PATCH', `/api/meetings/${draftMeetingId}`, {
          token,
          json: { venue: 'Changed by a disabled account' },
        })
      ).status,
      me: [me.status, me.body.user ?? null],
    }).toEqual({ rest: 404, graphQL: null, edit: 403, me: [403, null] })
  })

  it('loses its API key at once', async () => {
    const reader = await createReader(payload)
    expect((await readDraftOverREST({ apiKey: reader.apiKey })).status).toBe(200)

    await disable(reader.id)

    expect({
      rest: (await readDraftOverREST({ apiKey: reader.apiKey })).status,
      graphQL: await readDraftOverGraphQL({ apiKey: reader.apiKey }),
    }).toEqual({ rest: 404, graphQL: null })
  })

  it('logs in again once an admin enables it', async () => {
    const editor = await createEditor(payload)
    await disable(editor.id)

    await api.rest('PATCH', `/api/users/${editor.id}`, {
      token: adminToken,
      json: { disabled: false },
    })

    expect((await loginResponse(editor.email)).status).toBe(200)
  })
})

describe('disabling accounts', () => {
  it('refuses an admin who disables their own account, with a 400 that says why', async () => {
    const { status, body } = await disable(adminId)

    const admin = await payload.findByID({ collection: 'users', id: adminId })
    expect([status, messagesOf(body), admin.disabled]).toEqual([
      400,
      ['You cannot disable your own account. Ask another admin to do it.'],
      false,
    ])
  })

  it('lets an admin disable another admin', async () => {
    const otherAdmin = await createAdmin(payload)

    const { status } = await disable(otherAdmin.id)

    expect(status).toBe(200)
    expect((await loginResponse(otherAdmin.email)).status).toBe(403)
  })

  it('is not in an editor’s power, for their own account or a colleague’s', async () => {
    const [editor, colleague] = await Promise.all([createEditor(payload), createEditor(payload)])
    const token = await api.login(editor.email, testPassword)

    await api.rest('PATCH', `/api/users/${editor.id}`, { token, json: { disabled: true } })
    await api.rest('PATCH', `/api/users/${colleague.id}`, { token, json: { disabled: true } })

    const accounts = await payload.find({
      collection: 'users',
      where: { id: { in: [editor.id, colleague.id] } },
    })
    expect(accounts.docs.map(({ disabled }) => disabled)).toEqual([false, false])
  })
})

// ——— Readers: read-only API consumers ———

describe('a reader', () => {
  it('reads drafts with the API key sent as `users API-Key <key>`', async () => {
    const reader = await createReader(payload)

    const { status, body } = await readDraftOverREST({ apiKey: reader.apiKey })

    expect([status, body.id]).toEqual([200, draftMeetingId])
  })

  it('is refused the admin panel that an editor may open', async () => {
    const [reader, editor] = await Promise.all([createReader(payload), createEditor(payload)])
    const token = await api.login(editor.email, testPassword)

    const [asReader, asEditor] = await Promise.all([
      api.rest('GET', '/api/access', { apiKey: reader.apiKey }),
      api.rest('GET', '/api/access', { token }),
    ])

    // Payload leaves out permissions that are false.
    expect([asReader.body.canAccessAdmin, asEditor.body.canAccessAdmin]).toEqual([undefined, true])
  })

  it('sees its own account at /api/users/me', async () => {
    const reader = await createReader(payload)

    const { body } = await api.rest('GET', '/api/users/me', { apiKey: reader.apiKey })

    expect(body.user).toMatchObject({ id: reader.id, role: 'reader' })
  })

  it('does not see the import notes of a meeting', async () => {
    const reader = await createReader(payload)
    const meeting = await createMeeting(payload, {
      _status: 'draft',
      importNotes: 'Check the start time.',
      legacySource: `old-page-${uniqueSuffix()}`,
    })

    const { body } = await api.rest('GET', `/api/meetings/${meeting.id}?draft=true&depth=0`, {
      apiKey: reader.apiKey,
    })

    expect([body.id, body.importNotes, body.legacySource]).toEqual([
      meeting.id,
      undefined,
      undefined,
    ])
  })

  it('does not see where a form’s e-mails go', async () => {
    const reader = await createReader(payload)
    const form = await payload.create({
      collection: 'forms',
      data: {
        title: `Form ${uniqueSuffix()}`,
        confirmationType: 'message',
        confirmationMessage: richText({ paragraphs: ['Thank you.'] }),
        emails: [{ emailTo: 'secretariat@example.test', subject: 'New message' }],
      },
    })

    const [asReader, asEditor] = await Promise.all([
      api.rest('GET', `/api/forms/${form.id}`, { apiKey: reader.apiKey }),
      api.rest('GET', `/api/forms/${form.id}`, { token: adminToken }),
    ])

    expect(JSON.stringify(asReader.body)).not.toContain('secretariat@example.test')
    expect(asEditor.body.emails?.[0]?.emailTo).toBe('secretariat@example.test')
  })
})

describe('handing out readers and API keys', () => {
  it('lets an admin create a reader whose key works at once', async () => {
    const apiKey = crypto.randomUUID()

    const created = await api.rest('POST', '/api/users', {
      token: adminToken,
      json: {
        name: 'Partner newsroom',
        email: `partner-${uniqueSuffix()}@example.test`,
        password: testPassword,
        role: 'reader',
        enableAPIKey: true,
        apiKey,
      },
    })

    expect([created.status, (await readDraftOverREST({ apiKey })).status]).toEqual([201, 200])
  })

  it('withdraws a key at once when an admin unticks Enable API key', async () => {
    const reader = await createReader(payload)

    await api.rest('PATCH', `/api/users/${reader.id}`, {
      token: adminToken,
      json: { enableAPIKey: false },
    })

    expect((await readDraftOverREST({ apiKey: reader.apiKey })).status).toBe(404)
  })

  it('ignores an editor who gives themself an API key', async () => {
    const editor = await createEditor(payload)
    const token = await api.login(editor.email, testPassword)
    const apiKey = crypto.randomUUID()

    await api.rest('PATCH', `/api/users/${editor.id}`, {
      token,
      json: { enableAPIKey: true, apiKey },
    })

    expect((await readDraftOverREST({ apiKey })).status).toBe(404)
  })

  it('keeps an editor from making a colleague a reader', async () => {
    const [editor, colleague] = await Promise.all([createEditor(payload), createEditor(payload)])
    const token = await api.login(editor.email, testPassword)

    const { status } = await api.rest('PATCH', `/api/users/${colleague.id}`, {
      token,
      json: { role: 'reader' },
    })

    const read = await payload.findByID({ collection: 'users', id: colleague.id })
    expect([status, read.role]).toEqual([403, 'editor'])
  })
})

// ——— Wrong passwords ———

// A login from a given client address (the test server trusts X-Forwarded-For from loopback, as
// npm start does from TRUSTED_PROXIES).
const loginFrom = async (address: string, email: string, password = testPassword) => {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ email, password }),
  })
  const body = (await response.json()) as { errors?: { message: string }[] }
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body }
}

const failFiveTimes = async (address: string, email: string) => {
  for (let attempt = 0; attempt < 5; attempt++) {
    expect((await loginFrom(address, email, `wrong password number ${attempt}`)).status).toBe(401)
  }
}

describe('wrong passwords', () => {
  it('make the address that sent them wait, even with the right password next', async () => {
    const victim = await createEditor(payload)
    await failFiveTimes('203.0.113.7', victim.email)

    const refused = await loginFrom('203.0.113.7', victim.email)
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(500)
    expect(messagesOf(refused.body).join(' ')).toMatch(
      /Too many wrong passwords .* Try again in 10 minutes/,
    )
  })

  it('never lock the owner out: the account still opens from another address', async () => {
    const victim = await createEditor(payload)
    await failFiveTimes('203.0.113.8', victim.email)
    await failFiveTimes('203.0.113.9', victim.email)

    expect((await loginFrom('198.51.100.20', victim.email)).status).toBe(200)
  })

  it('are counted per account: the same address can still open another account', async () => {
    const [victim, colleague] = await Promise.all([createEditor(payload), createEditor(payload)])
    await failFiveTimes('203.0.113.10', victim.email)

    expect((await loginFrom('203.0.113.10', colleague.email)).status).toBe(200)
  })

  it('are forgotten after a login that succeeds', async () => {
    const editor = await createEditor(payload)
    for (let round = 0; round < 2; round++) {
      for (let attempt = 0; attempt < 4; attempt++) {
        await loginFrom('203.0.113.11', editor.email, `wrong password ${round}.${attempt}`)
      }
      expect((await loginFrom('203.0.113.11', editor.email)).status).toBe(200)
    }
  })

  it('over GraphQL count against the same allowance', async () => {
    const victim = await createEditor(payload)
    const graphQLLogin = (password: string) =>
      fetch(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.12' },
        body: JSON.stringify({
          query:
            'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
          variables: { email: victim.email, password },
        }),
      })
    for (let attempt = 0; attempt < 5; attempt++) await graphQLLogin(`wrong ${attempt}`)

    expect((await loginFrom('203.0.113.12', victim.email)).status).toBe(429)
  })
})

// ——— Password rules ———

describe('the password rules', () => {
  const person = { email: 'wang.fang.beijing@example.org', name: 'Wang Fang of Beijing' }

  it.each([
    ['a short password', 'short pass1', 'at least 12 characters'],
    ['the e-mail address', 'wang.fang.beijing@example.org', 'not your e-mail address or your name'],
    [
      'the e-mail address before the @',
      'Wang.Fang.Beijing',
      'not your e-mail address or your name',
    ],
    [
      'the name, spaced and cased differently',
      'WANG fang OF beijing',
      'not your e-mail address or your name',
    ],
    ['a common password', 'Password1234', 'one of the first that attackers try'],
    ['a common password with spaces', 'qwerty 123456', 'one of the first that attackers try'],
    ['the same character over and over', 'aaaaaaaaaaaaaaa', 'one of the first that attackers try'],
    ['a few words', 'tea kettle under the olive tree', null],
  ])('judge %s', (_, password, expected) => {
    const problem = passwordProblem({ password, ...person })

    if (expected === null) expect(problem).toBeNull()
    else expect(problem).toContain(expected)
  })
})

describe('choosing a password', () => {
  const newUser = (password: string) => ({
    name: 'Li Na',
    email: `li.na.${uniqueSuffix()}@example.test`,
    password,
    role: 'editor',
  })

  it('refuses a short one when an account is created, with a 400 that says why', async () => {
    const { status, body } = await api.rest('POST', '/api/users', {
      token: adminToken,
      json: newUser('olive tree'),
    })

    expect(status).toBe(400)
    expect(messagesOf(body)).toContain(
      'Choose a password of at least 12 characters; a few words in a row are easy to remember.',
    )
  })

  it('refuses the e-mail address as the password of a new account', async () => {
    const data = newUser('')
    data.password = data.email

    const { status, body } = await api.rest('POST', '/api/users', { token: adminToken, json: data })

    expect(status).toBe(400)
    expect(messagesOf(body)).toContain(
      'Choose a password that is not your e-mail address or your name.',
    )
  })

  it('refuses a common one when a user changes their password, and keeps the old one', async () => {
    const editor = await createEditor(payload)
    const token = await api.login(editor.email, testPassword)

    const { status, body } = await api.rest('PATCH', `/api/users/${editor.id}`, {
      token,
      json: { password: 'password1234' },
    })

    expect(status).toBe(400)
    expect(messagesOf(body)).toContain(
      'This password is one of the first that attackers try. Choose a less common one.',
    )
    expect((await loginResponse(editor.email)).status).toBe(200)
  })

  it('accepts a good one when a user changes their password', async () => {
    const editor = await createEditor(payload)
    const token = await api.login(editor.email, testPassword)

    const { status } = await api.rest('PATCH', `/api/users/${editor.id}`, {
      token,
      json: { password: 'a new and longer passphrase' },
    })

    expect([
      status,
      (await loginResponse(editor.email, 'a new and longer passphrase')).status,
    ]).toEqual([200, 200])
  })

  it('refuses its own name as a new password', async () => {
    const editor = await createEditor(payload, { name: 'Chen Jianguo Li' })

    const { status } = await api.rest('PATCH', `/api/users/${editor.id}`, {
      token: adminToken,
      json: { password: 'chen jianguo li' },
    })

    expect(status).toBe(400)
  })

  it('applies the rules to the local API too', async () => {
    await expect(
      payload.create({ collection: 'users', data: { ...newUser('too short'), role: 'editor' } }),
    ).rejects.toThrow('The following field is invalid: password')
  })
})

describe('resetting a password with the e-mailed token', () => {
  const resetToken = async (email: string) =>
    (await payload.forgotPassword({
      collection: 'users',
      data: { email },
      disableEmail: true,
    })) as string

  it('refuses a password that breaks the rules, with a 400 that says why, and keeps the old one', async () => {
    const editor = await createEditor(payload)
    const token = await resetToken(editor.email)

    const { status, body } = await api.rest('POST', '/api/users/reset-password', {
      json: { token, password: 'qwertyuiop123' },
    })

    expect(status).toBe(400)
    expect(messagesOf(body)).toContain(
      'This password is one of the first that attackers try. Choose a less common one.',
    )
    expect((await loginResponse(editor.email)).status).toBe(200)
  })

  it('refuses the account’s own e-mail address', async () => {
    const editor = await createEditor(payload)
    const token = await resetToken(editor.email)

    const { status } = await api.rest('POST', '/api/users/reset-password', {
      json: { token, password: editor.email },
    })

    expect(status).toBe(400)
  })

  it('accepts a good password', async () => {
    const editor = await createEditor(payload)
    const token = await resetToken(editor.email)

    const { status } = await api.rest('POST', '/api/users/reset-password', {
      json: { token, password: 'winter light on the yellow river' },
    })

    expect(status).toBe(200)
    expect((await loginResponse(editor.email, 'winter light on the yellow river')).status).toBe(200)
  })

  it('still answers a wrong token with Payload’s 403', async () => {
    const { status } = await api.rest('POST', '/api/users/reset-password', {
      json: { token: 'not-a-token', password: 'winter light on the yellow river' },
    })

    expect(status).toBe(403)
  })
})

// ——— The login cookie ———

describe('the login cookie settings', () => {
  it.each([
    ['https://www.cifcc.org', true],
    ['HTTPS://www.cifcc.org/', true],
    ['http://localhost:3000', false],
    ['', false],
    [undefined, false],
  ])('for a site at %s are Secure: %s, SameSite Lax', (serverURL, secure) => {
    expect(authCookies({ serverURL })).toEqual({ secure, sameSite: 'Lax' })
  })
})

describe('the login cookie', () => {
  const loginCookie = async () => {
    const admin = await createAdmin(payload)
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: testPassword }),
    })
    return response.headers.getSetCookie().find((cookie) => cookie.startsWith('payload-token='))
  }

  it('is HttpOnly and SameSite=Lax, and not Secure for a site served over http', async () => {
    const cookie = await loginCookie()

    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    expect(cookie).not.toMatch(/; Secure/)
  })

  it('is Secure for a site served over https', async () => {
    const auth = payload.collections.users.config.auth
    const served = auth.cookies
    auth.cookies = { ...served, ...authCookies({ serverURL: 'https://www.cifcc.org' }) }
    try {
      const cookie = await loginCookie()

      expect(cookie).toMatch(/; Secure/)
      expect(cookie).toMatch(/; HttpOnly/)
      expect(cookie).toMatch(/; SameSite=Lax/)
    } finally {
      auth.cookies = served
    }
  })
})
