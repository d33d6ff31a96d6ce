import type { Browser } from 'playwright-core'
import type { AddressInfo } from 'node:net'

import { PayloadSDK } from '@payloadcms/sdk'
import { Validator } from '@seriousme/openapi-schema-validator'
import { buildSchema, parse, validate } from 'graphql'
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Config } from '@/payload-types'

import { roundTable2022 } from '@/seed/content/meeting'

import { baseURL, cspViolations, launchBrowser, newPage, saveScreenshot } from './helpers/browser'

// Partners' clients against `npm start`: a client generated from /api/openapi.json, an OpenAPI
// validator, a GraphQL schema read from its SDL, Payload's own SDK, a page on another site
// reading the API in a browser, and the reference at /api/docs.

const { slug } = roundTable2022

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  if (programDir) fs.rmSync(programDir, { recursive: true, force: true })
})

// A partner's program, written against the types openapi-typescript generates: it reads the
// demo meeting in Chinese by its slug, and the same list with the query in the body.
const partnerProgram = `import createClient from 'openapi-fetch'
import { stringify } from 'qs-esm'

import type { paths } from './api'

// Payload reads nested brackets (where[slug][equals]) as qs writes them.
const querySerializer = (query: Record<string, unknown>) => stringify(query)

export const readMeeting = async (baseUrl: string, slug: string) => {
  const client = createClient<paths>({ baseUrl, querySerializer })
  const { data, error, response } = await client.GET('/api/meetings', {
    params: { query: { where: { slug: { equals: slug } }, locale: 'zh', depth: 0 } },
  })
  if (error) throw new Error(\`\${response.status}: \${JSON.stringify(error)}\`)
  return { title: data.docs[0]?.title, status: data.docs[0]?._status, total: data.totalDocs }
}

export const readMeetingInBody = async (baseUrl: string, slug: string) => {
  const client = createClient<paths>({ baseUrl })
  const { data, response } = await client.POST('/api/meetings', {
    params: { header: { 'X-Payload-HTTP-Method-Override': 'GET' } },
    body: { where: { slug: { equals: slug } }, locale: 'zh' },
    bodySerializer: (body) => stringify(body),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  return { status: response.status, titles: data?.docs.map((meeting) => meeting.title) }
}
`

// Outside the project, so that its own type check and lint never see the generated files; its
// node_modules are the project's.
let programDir = ''

// tsc's verdict on the program, with the generated types beside it.
const typeErrorsOf = (files: string[]) => {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  })
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
}

const writeProgram = async () => {
  programDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-partner-client-'))
  fs.symlinkSync(path.resolve('node_modules'), path.join(programDir, 'node_modules'))
  const types = astToString(await openapiTS(new URL('/api/openapi.json', baseURL())))
  fs.writeFileSync(path.join(programDir, 'api.ts'), types)
  fs.writeFileSync(path.join(programDir, 'partner.ts'), partnerProgram)
  const { outputText } = ts.transpileModule(partnerProgram, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  })
  fs.writeFileSync(path.join(programDir, 'partner.mjs'), outputText)
  return path.join(programDir, 'partner.ts')
}

type PartnerProgram = {
  readMeeting: (baseUrl: string, slug: string) => Promise<{ title: string; total: number }>
  readMeetingInBody: (
    baseUrl: string,
    slug: string,
  ) => Promise<{ status: number; titles?: string[] }>
}

describe('a client generated from /api/openapi.json', () => {
  let program: PartnerProgram

  beforeAll(async () => {
    const source = await writeProgram()
    expect(typeErrorsOf([source])).toEqual([])
    program = await import(pathToFileURL(path.join(programDir, 'partner.mjs')).href)
  })

  it('type-checks a read of something the document does not offer as an error', () => {
    const wrong = path.join(programDir, 'wrong.ts')
    fs.writeFileSync(
      wrong,
      `import createClient from 'openapi-fetch'\nimport type { paths } from './api'\n` +
        `export const users = () => createClient<paths>({}).GET('/api/users', {})\n` +
        `export const notes = async () => (await createClient<paths>({}).GET('/api/meetings', {})).data?.docs[0]?.importNotes\n`,
    )
    const errors = typeErrorsOf([wrong])
    expect(errors.join('\n')).toMatch(/"\/api\/users"/)
    expect(errors.join('\n')).toMatch(/importNotes/)
  })

  it('reads the published meeting in Chinese by its slug', async () => {
    expect(await program.readMeeting(baseURL(), slug)).toEqual({
      title: roundTable2022.title.zh,
      status: 'published',
      total: 1,
    })
  })

  it('sends a long query in the body with the method override and gets the list, not a 415', async () => {
    expect(await program.readMeetingInBody(baseURL(), slug)).toEqual({
      status: 200,
      titles: [roundTable2022.title.zh],
    })
  })
})

describe('the descriptions', () => {
  it('is a valid OpenAPI 3.1 document, served public and cacheable to any origin', async () => {
    const response = await fetch(`${baseURL()}/api/openapi.json`)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('cache-control')).toMatch(/public, max-age=\d+/)
    const result = await new Validator().validate(await response.json())
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('answers a query validated against the GraphQL SDL, while introspection stays off', async () => {
    const response = await fetch(`${baseURL()}/api/graphql/schema.graphql`)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const schema = buildSchema(await response.text())
    const query = `{ Meetings(where: { slug: { equals: "${slug}" } }, locale: zh) { docs { title _status } } }`
    expect(validate(schema, parse(query))).toEqual([])
    const answer = await graphql(query)
    expect(answer.body).toEqual({
      data: { Meetings: { docs: [{ title: roundTable2022.title.zh, _status: 'published' }] } },
    })
    const introspection = await graphql('{ __schema { queryType { name } } }')
    expect(introspection.status).toBe(400)
    expect(JSON.stringify(introspection.body)).toMatch(/introspection is not allowed/)
  })
})

const graphql = async (query: string) => {
  const response = await fetch(`${baseURL()}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
  })
  return { status: response.status, body: await response.json() }
}

describe('@payloadcms/sdk', () => {
  it('finds the meeting by its slug', async () => {
    const sdk = new PayloadSDK<Config>({ baseURL: `${baseURL()}/api` })
    const { docs } = await sdk.find({
      collection: 'meetings',
      where: { slug: { equals: slug } },
      locale: 'zh',
      depth: 0,
    })
    expect(docs.map(({ title }) => title)).toEqual([roundTable2022.title.zh])
  })
})

// A partner's page on its own site: another origin (a port of its own) that reads the API.
const startPartnerSite = async () => {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>partner</title></head><body><script>
    const read = (path) => fetch(${JSON.stringify(baseURL())} + path).then((response) => response.json())
    Promise.all([read('/api/meetings?locale=zh&limit=5&depth=0'), read('/api/openapi.json')])
      .then(([meetings, description]) => {
        window.partnerRead = { titles: meetings.docs.map((meeting) => meeting.title), openapi: description.openapi }
      }, (error) => { window.partnerRead = { error: String(error) } })
  </script></body></html>`
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(page)
  })
  await new Promise<void>((resolve) => server.listen(3461, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(done)),
  }
}

describe('in a browser', () => {
  it("reads the meetings and the description from another site's page", async () => {
    const partnerSite = await startPartnerSite()
    const { context, page } = await newPage({ browser, siteURL: partnerSite.url })
    try {
      await page.goto(partnerSite.url)
      await page.waitForFunction(() => 'partnerRead' in window)
      const read = await page.evaluate(
        () => (window as unknown as { partnerRead: unknown }).partnerRead,
      )
      expect(read).toEqual({
        titles: expect.arrayContaining([roundTable2022.title.zh]),
        openapi: '3.1.0',
      })
    } finally {
      await context.close()
      await partnerSite.close()
    }
  })

  it('shows the reference at /api/docs under its policy, in the site green, with no error', async () => {
    const { context, page } = await newPage({ browser })
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
    const failed: string[] = []
    page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`))
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
    })
    try {
      const response = await page.goto('/api/docs')
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/)
      const meetings = page.locator('.opblock-summary-path', { hasText: /^\/api\/meetings$/ })
      await meetings.first().waitFor()
      await expect.poll(() => meetings.count()).toBeGreaterThan(0)
      const method = page.locator('.opblock-get .opblock-summary-method').first()
      expect(await method.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
        'rgb(11, 107, 67)',
      )
      await saveScreenshot({ page, name: 'api-docs' })
      expect(await cspViolations(page)).toEqual([])
      expect(failed).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
