import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import { bodyProblem } from '@/server/bodyLimits.mjs'

const request = (url: string, headers: Record<string, string>) =>
  ({ url, headers }) as unknown as IncomingMessage

const MB = 1024 * 1024

describe('the body a request may send', () => {
  it.each([
    ['/api/graphql', 300 * 1024, 'application/json', 413],
    ['/api/graphql', 200 * 1024, 'application/json', null],
    ['/api/form-submissions', 100 * 1024, 'application/json', 413],
    ['/api/meetings/import', 2.5 * MB, 'multipart/form-data; boundary=x', null],
    ['/api/meetings/import', 4 * MB, 'multipart/form-data; boundary=x', 413],
    ['/api/photos', 25 * MB, 'multipart/form-data; boundary=x', null],
    ['/api/photos', 27 * MB, 'multipart/form-data; boundary=x', 413],
    ['/api/meetings/abc', 3 * MB, 'application/json', null],
    ['/api/meetings/abc', 5 * MB, 'application/json', 413],
    ['/admin/collections/meetings/abc', 6 * MB, 'text/plain;charset=UTF-8', null],
    ['/zh/contact-us', 100 * 1024, 'text/plain;charset=UTF-8', 413],
  ])('%s with %d bytes of %s → %s', (url, length, type, status) => {
    const problem = bodyProblem(
      request(url, { 'content-length': String(length), 'content-type': type }),
    )
    expect(problem?.status ?? null).toBe(status)
  })

  it('says how large the body is and may be', () => {
    expect(
      bodyProblem(request('/api/graphql', { 'content-length': String(3 * MB) }))?.message,
    ).toBe('The body is 3 MB; a GraphQL request may be at most 256 KB.')
  })

  it('asks for a length when the body has none, and leaves bodiless requests alone', () => {
    expect(bodyProblem(request('/api/meetings', { 'transfer-encoding': 'chunked' }))?.status).toBe(
      411,
    )
    expect(bodyProblem(request('/api/meetings', {}))).toBeNull()
  })
})
