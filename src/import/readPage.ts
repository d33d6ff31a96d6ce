import type { ExtractedMeeting, ParseFailure } from './types'

import { decodeFile } from './encoding'
import { extractMeeting } from './extract'

// The parse stage of an import, with no database: the bytes of one uploaded or local page to the
// meeting it reports, or the reason it cannot be read. Everything here runs on the one event loop
// that serves the site, so it must stay linear in the size of the page; `milliseconds` is the
// backstop (limits.ts), given only by tests that time the parsers themselves.
export const readLegacyPage = ({
  bytes,
  milliseconds,
}: {
  bytes: Uint8Array
  milliseconds?: number
}): ExtractedMeeting | ParseFailure =>
  extractMeeting({ content: decodeFile(bytes).text, milliseconds })
