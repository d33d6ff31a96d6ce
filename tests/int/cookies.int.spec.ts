// @ts-expect-error Next ships its copy of `cookie` without types.
import { parse as nextParse } from 'next/dist/compiled/cookie'
import { describe, expect, it } from 'vitest'

// What Payload's extractJWT reads the session from. It is not exported (the `parseCookies` that is
// reads names untrimmed, and is not what authenticates a request).
import { parseCookies } from '../../node_modules/payload/dist/utilities/parseCookies.js'
import {
  carriesPersonalCookie,
  carriesSessionCookie,
  draftModeCookie,
  sessionCookie,
} from '@/server/cookies.mjs'

// The server decides whether a request is anonymous (and its page shareable) from its Cookie
// header; Payload and Next decide whether it is signed in or in draft mode from the same header.
// They must read it alike, or a signed-in render could be shared with every reader.
const headers = [
  'payload-token=abc',
  ' payload-token=abc',
  'payload-token =abc',
  'payload-token\t= abc',
  'theme=dark;payload-token=abc',
  'theme=dark;   payload-token=abc; lang=zh',
  'theme=dark; payload-token',
  'xpayload-token=abc',
  'payload-tokens=abc',
  'theme=payload-token=abc',
  'payload-token-other=1',
  `${draftModeCookie}=1`,
  `lang=en; ${draftModeCookie} =1`,
  `not${draftModeCookie}=1`,
  '',
]

describe('cookie names', () => {
  it.each(headers)('are read from %j as Payload reads a session', (header) => {
    const payloadSees = parseCookies(new Headers({ cookie: header })).has(sessionCookie)
    expect(carriesSessionCookie(header)).toBe(payloadSees)
  })

  it.each(headers)('are read from %j as Next reads a session or draft mode', (header) => {
    const nextSees = Object.keys(nextParse(header))
    const personal = nextSees.includes(sessionCookie) || nextSees.includes(draftModeCookie)
    // A name with no value ("…; payload-token") is no cookie to Next, but Payload reads it as
    // one: it counts as personal, which only costs the cache a page.
    if (!personal) expect(carriesPersonalCookie(header)).toBe(/payload-token\s*$/.test(header))
    else expect(carriesPersonalCookie(header)).toBe(true)
  })
})
