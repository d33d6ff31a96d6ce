// @ts-check
import { createHash } from 'node:crypto'

// One entity tag for a body, whoever sends it: the page cache for a stored page, the renderer for
// one it has just made. Both tag the uncompressed body, so a reader's copy stays valid whichever
// answered and in whichever encoding.

/** @param {Buffer} body */
export const etagOf = (body) => `"${createHash('sha1').update(body).digest('base64url')}"`

/**
 * Whether an If-None-Match header names this tag (RFC 9110, 13.1.2): a list, weak tags compared
 * weakly, or `*`.
 *
 * @param {string | string[] | undefined} ifNoneMatch
 * @param {string} etag
 */
export const matchesETag = (ifNoneMatch, etag) =>
  String(ifNoneMatch ?? '')
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)
