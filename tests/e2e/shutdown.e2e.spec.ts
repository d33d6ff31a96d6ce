import type { IncomingHttpHeaders } from 'node:http'
import type { ProductionServer } from '../helpers/productionServer'

import { createClient } from '@libsql/client'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'

import { makeTestImage } from '../helpers/factories'
import { startReadyServer, stopServer } from '../helpers/productionServer'
import { registerFirstAdmin } from './helpers/serverAPI'

// SIGTERM, as `docker stop` or an orchestrator sends it: the requests in flight finish, nothing new
// gets in, and the process exits by itself.

const admin = { email: 'shutdown@example.org', password: 'shutdown test password 1' }
// IPv4 only: the server listens on 0.0.0.0, so a refused connection to ::1 would prove nothing.
const host = '127.0.0.1'

const servers: ProductionServer[] = []

afterAll(async () => {
  for (const server of servers) await stopServer(server, 'SIGKILL')
  for (const server of servers) fs.rmSync(server.workDir, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// What a promise settled to within a bound, so that a server that hangs fails the test instead of
// timing it out.
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, sleep(ms).then(() => 'still pending' as const)])

type Answer = {
  status: number
  headers: IncomingHttpHeaders
  json: { doc?: Record<string, unknown> }
}

/**
 * An upload whose body the test holds back: the request stays in flight, inside the server's
 * handler reading it, until `finish` sends the rest. It goes over a keep-alive connection that
 * has already served a request, as a browser's or a proxy's would.
 */
const startHeldUpload = async ({
  server,
  token,
  alt,
}: {
  server: ProductionServer
  token: string
  alt: string
}) => {
  const image = await makeTestImage({ width: 1600, height: 1200 })
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(image.data)], { type: image.mimetype }), image.name)
  form.append('_payload', JSON.stringify({ alt }))
  const encoded = new Response(form)
  const body = Buffer.from(await encoded.arrayBuffer())
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const send = (options: http.RequestOptions, payload?: Buffer) =>
    new Promise<Answer>((resolve, reject) => {
      const request = http.request({ host, port: server.port, agent, ...options }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString()
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            json: text.startsWith('{') ? JSON.parse(text) : {},
          })
        })
      })
      request.on('error', reject)
      held = { request, payload }
      if (payload) request.write(payload.subarray(0, payload.length / 2))
      else request.end()
    })
  let held: { request: http.ClientRequest; payload?: Buffer } | undefined
  // The connection is open and accepted before the upload starts on it.
  const opened = await send({ path: '/api/users/me', headers: { authorization: `JWT ${token}` } })
  expect(opened.headers.connection).toBe('keep-alive')
  const answer = send(
    {
      path: '/api/photos?depth=0',
      method: 'POST',
      headers: {
        authorization: `JWT ${token}`,
        'content-type': encoded.headers.get('content-type')!,
        'content-length': body.length,
      },
    },
    body,
  )
  const { request, payload } = held!
  return {
    answer,
    finish: () => request.end(payload!.subarray(payload!.length / 2)),
    agent,
  }
}

// A keep-alive connection that answered one request and now waits for the next.
const openIdleConnection = async (server: ProductionServer) => {
  const socket = net.connect({ host, port: server.port })
  const closed = new Promise<'closed'>((resolve) => socket.once('close', () => resolve('closed')))
  let received = ''
  await new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk) => {
      received += chunk.toString()
      // The end of a JSON body, whole or as the last chunk of a chunked one.
      if (/\}(?:\r\n0\r\n\r\n)?$/.test(received)) resolve()
    })
    socket.once('error', reject)
    socket.write(`GET /api/users/me HTTP/1.1\r\nHost: localhost:${server.port}\r\n\r\n`)
  })
  expect(received).toMatch(/^HTTP\/1\.1 200/)
  expect(received).toMatch(/connection: keep-alive/i)
  return { closed }
}

const connectionError = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = net.connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)))
  })

const waitForLog = async (server: ProductionServer, text: string) => {
  for (let attempt = 0; attempt < 100 && !server.log().includes(text); attempt += 1) await sleep(50)
  return server.log()
}

describe('the server on SIGTERM', () => {
  it('should finish the requests in flight, refuse new connections and exit 0', async () => {
    const server = await startReadyServer({ port: 3261 })
    servers.push(server)
    const token = await registerFirstAdmin({ server, ...admin })
    const uploads = await Promise.all(
      ['first', 'second', 'third'].map((name) =>
        startHeldUpload({ server, token, alt: `The ${name} photo uploaded during shutdown` }),
      ),
    )
    const idle = await openIdleConnection(server)
    expect(await connectionError(server.port)).toBe('connected')
    // Time for the server to take the uploads' headers and start reading their bodies.
    await sleep(300)

    server.signal('SIGTERM')
    expect(await waitForLog(server, 'SIGTERM: no new connections')).toContain(
      'SIGTERM: no new connections',
    )
    expect(await connectionError(server.port)).toBe('ECONNREFUSED')
    // The idle connection is closed at once; left open, it would keep the server up for its
    // keep-alive timeout.
    expect(await within(idle.closed, 5_000)).toBe('closed')
    expect(server.process.exitCode).toBeNull()

    for (const upload of uploads) upload.finish()
    const answers = await Promise.all(uploads.map((upload) => upload.answer))
    for (const [index, answer] of answers.entries()) {
      expect(answer.status).toBe(201)
      expect(answer.json.doc).toMatchObject({
        alt: `The ${['first', 'second', 'third'][index]} photo uploaded during shutdown`,
        mimeType: 'image/jpeg',
      })
      // The connection ends with the answer instead of waiting for a request the server would
      // not be there to answer.
      expect(answer.headers.connection).toBe('close')
    }
    // The clients keep their connections: the server ends them and exits without their help.
    expect(await within(server.exited, 15_000)).toBe(0)
    for (const upload of uploads) upload.agent.destroy()
    expect(server.log()).toContain('closed the database (sqlite)')
    // Everything is in the database file itself, for whoever copies it now.
    expect(fs.statSync(`${server.databaseFile}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0)
    const database = createClient({ url: `file:${server.databaseFile}` })
    try {
      const photos = await database.execute('SELECT count(*) AS count FROM photos')
      expect(Number(photos.rows[0]?.count)).toBe(3)
    } finally {
      database.close()
    }
  })

  it('should cut off a request still running after SHUTDOWN_GRACE_SECONDS and exit 1', async () => {
    const server = await startReadyServer({ port: 3262, env: { SHUTDOWN_GRACE_SECONDS: '1' } })
    servers.push(server)
    const token = await registerFirstAdmin({ server, ...admin })
    const upload = await startHeldUpload({ server, token, alt: 'A photo never finished' })
    const answer = upload.answer.then(
      (settled) => settled.status,
      (error: NodeJS.ErrnoException) => error.code,
    )
    await sleep(300)

    server.signal('SIGTERM')

    expect(await within(server.exited, 10_000)).toBe(1)
    expect(await answer).toMatch(/^(ECONNRESET|EPIPE)$/)
    expect(server.log()).toContain('1 request still running after 1 s: cut off')
    upload.agent.destroy()
  })
})
