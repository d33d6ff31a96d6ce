import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import { clientAddressOf, trustedProxies } from '@/runtime/clientAddress.mjs'
import { limitFor } from '@/server/requestLimits.mjs'

describe('the client address', () => {
  const proxies = trustedProxies('127.0.0.1, 10.0.0.0/8, ::1')

  it.each([
    // [connection, X-Forwarded-For, client]
    ['::ffff:127.0.0.1', '198.51.100.1', '198.51.100.1'],
    ['127.0.0.1', '6.6.6.6, 198.51.100.2, 10.1.2.3', '198.51.100.2'],
    ['127.0.0.1', ['6.6.6.6', '198.51.100.3'], '198.51.100.3'],
    ['10.0.0.9', '10.0.0.8, 10.0.0.7', '10.0.0.8'],
    ['203.0.113.9', '198.51.100.4', '203.0.113.9'],
    ['::1', undefined, '::1'],
    [undefined, '198.51.100.5', 'unknown'],
  ])('from %j with X-Forwarded-For %j is %j', (socketAddress, forwardedFor, client) => {
    expect(clientAddressOf({ socketAddress, forwardedFor, proxies })).toBe(client)
  })

  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    const none = trustedProxies(undefined)
    expect(
      clientAddressOf({ socketAddress: '127.0.0.1', forwardedFor: '1.2.3.4', proxies: none }),
    ).toBe('127.0.0.1')
  })

  it('refuses a TRUSTED_PROXIES entry that is not an address', () => {
    expect(() => trustedProxies('localhost')).toThrow(/not an address/)
  })
})

const request = (method: string, url: string, headers: Record<string, string> = {}) =>
  ({ method, url, headers }) as unknown as IncomingMessage

describe('which limit a request counts against', () => {
  it.each([
    ['POST', '/api/users/login', {}, 'login'],
    ['POST', '/api/users/forgot-password', {}, 'forgotPassword'],
    ['POST', '/api/form-submissions', {}, 'formSubmission'],
    ['POST', '/zh/contact-us', { 'next-action': 'abc' }, 'formSubmission'],
    ['POST', '/admin/collections/meetings', { 'next-action': 'abc' }, null],
    ['POST', '/api/meetings/import', {}, 'import'],
    ['GET', '/search?q=climate', {}, 'search'],
    ['GET', '/zh/search?q=气候', {}, 'search'],
    ['GET', '/api/search?where[title][like]=x', {}, 'search'],
    ['GET', '/api/meetings?limit=1', {}, 'apiRead'],
    ['POST', '/api/graphql', {}, 'apiRead'],
    ['GET', '/api/meetings', { cookie: 'a=1; payload-token=x' }, 'signedInAPI'],
    ['GET', '/api/meetings', { authorization: 'users API-Key k' }, 'signedInAPI'],
    ['OPTIONS', '/api/meetings', {}, null],
    ['GET', '/meetings/green-industry', {}, null],
    ['GET', '/admin', {}, null],
  ] as const)('%s %s %j → %s', (method, url, headers, limit) => {
    expect(limitFor(request(method, url, headers))).toBe(limit)
  })
})
