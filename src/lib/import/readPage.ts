import type { ExtractedMeeting, ParseFailure } from './types'

import { decodeFile } from './encoding'
import { extractMeeting } from './extract'

// The parse stage of an import, with no database: the bytes of one uploaded or local page to the
// meeting it reports, or the reason it cannot be read. Everything here runs on the one event loop
// that serves the site, so it must stay linear in the size of the page.
export const readLegacyPage = ({ bytes }: { bytes: Uint8Array }): ExtractedMeeting | ParseFailure =>
  extractMeeting({ content: decodeFile(bytes).text })
