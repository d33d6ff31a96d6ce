import { describe, expect, it } from 'vitest'

import { sitePath } from '@/site/safeHref'
import { secretsMatch } from '@/payload/secrets'

// What a browser does with the Location a redirect route sends: resolved against the site's own
// address, as the WHATWG URL parser (the browser's) resolves it.
const siteOrigin = 'https://www.cifcc.example'
const followedTo = (path: string) => new URL(path, siteOrigin)

describe('redirect targets stay on the site', () => {
  it.each([
    '/\\evil.example',
    '/%09/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '//evil.example',
    '///evil.example',
    '////evil.example/path',
    '/\\/evil.example',
    '\\\\evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/./\\evil.example',
    'https://evil.example/',
    'http:evil.example',
    '//evil.example@www.cifcc.example',
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//xn--e1afmkfd.example',
    '//пример.example',
    '/\u3002evil.example',
    '//evil%2eexample',
    '',
  ])('%j never leads off the site', (target) => {
    const path = sitePath(target)
    if (path === null) return
    const url = followedTo(path)
    expect(url.origin).toBe(siteOrigin)
    expect(path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')).toBe(true)
  })

  it.each([
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/.//evil.example', '/evil.example'],
    ['/\\evil.example', null],
    ['/%09/evil.example', '/%09/evil.example'],
    ['/\t/evil.example', null],
    ['//evil.example', null],
    ['https://www.cifcc.example/meetings', null],
    ['javascript:alert(1)', null],
  ])('%j becomes %j', (target, expected) => {
    expect(sitePath(target)).toBe(expected)
  })

  it('keeps a path of the site with its query and anchor', () => {
    expect(sitePath('/zh/meetings/green-industry?draft=1#qa')).toBe(
      '/zh/meetings/green-industry?draft=1#qa',
    )
    expect(sitePath('/services/hotel')).toBe('/services/hotel')
    expect(sitePath('/')).toBe('/')
  })
})

describe('secrets are compared whole', () => {
  it('matches only the same text', () => {
    const secret = 'a'.repeat(32)
    expect(secretsMatch(secret, secret)).toBe(true)
    expect(secretsMatch(`${secret}b`, secret)).toBe(false)
    expect(secretsMatch(secret.slice(1), secret)).toBe(false)
    expect(secretsMatch('', secret)).toBe(false)
    expect(secretsMatch(null, secret)).toBe(false)
    expect(secretsMatch(undefined, '')).toBe(false)
    expect(secretsMatch('', '')).toBe(true)
  })
})
