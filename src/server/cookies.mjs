// @ts-check

// The cookies that make a request personal: Payload's session (the default cookie prefix,
// `payload`) and Next's draft mode.
export const sessionCookie = 'payload-token'
export const draftModeCookie = '__prerender_bypass'

/**
 * The names of the cookies a Cookie header carries, read as Payload reads them
 * (payload/dist/utilities/parseCookies.js): split on ";", the name is what comes before the first
 * "=", trimmed. Next's cookie parser trims names the same way. A pattern that expected
 * "; payload-token=" missed "payload-token =…", which Payload still takes as a session, so a
 * signed-in render could have been shared with every reader.
 *
 * @param {string | undefined} header
 */
export const cookieNames = (header) =>
  new Set((header ?? '').split(';').map((part) => part.split('=')[0].trim()))

/** @param {string | undefined} header */
export const carriesSessionCookie = (header) => cookieNames(header).has(sessionCookie)

/** @param {string | undefined} header */
export const carriesPersonalCookie = (header) => {
  const names = cookieNames(header)
  return names.has(sessionCookie) || names.has(draftModeCookie)
}
