import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import crypto from 'node:crypto'

import type { Meeting, User } from '@/payload-types'

import type { Directory } from './directory'
import type { Context } from './importContext'
import type { ImportNote, ImportNotes } from './notes'
import type { ExtractedMeeting, Language } from './types'

import { loadDirectory, markDirectory, rewindDirectory } from './directory'
import { decodeFile } from './encoding'
import { isParseFailure } from './extract'
import { createContext, letOthersRun, writeOptions } from './importContext'
import { readingLimits } from './limits'
import { buildMeetingData } from './meetingData'
import { checkOldAddress, oldAddressInPage, redirectOldAddress } from './oldAddress'
import { nameKey } from './people'
import { readLegacyPage } from './readPage'
import { redirectPathOf } from '@/site/redirectPath'

export type { ImportNote, ImportNotes } from './notes'

export type ImportOutcome =
  | {
      outcome: 'created' | 'updated'
      source: string
      id: string
      title: string
      language: Language
      legacySource: string
      // The page's address on the old site, when known; it now redirects to the meeting.
      legacyAddress: string | null
      notes: ImportNote[]
      created: { speakers: number; organisations: number }
      extracted: ExtractedMeeting
    }
  | { outcome: 'failed'; source: string; reason: string }

// Payload's ValidationError keeps the offending fields in data.errors; a person needs those.
const describeError = (error: unknown): string => {
  const details = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data
    ?.errors
  const fields = details?.map(({ path, message }) => `${path}: ${message}`).join('; ')
  const message = error instanceof Error ? error.message : String(error)
  return fields ? `${message} (${fields})` : message
}

// The same report imported again finds its draft by this key: its title and date, with case,
// spacing and punctuation ignored, so a re-saved or re-encoded copy of the page matches too.
export const legacySourceKey = ({ title, date }: { title: string; date: string }): string =>
  `${date}#${crypto
    .createHash('sha256')
    .update(`${nameKey(title)}|${date}`)
    .digest('hex')
    .slice(0, 16)}`

const notesOf = ({
  notes,
  source,
  extracted,
}: {
  notes: ImportNote[]
  source: string
  extracted: ExtractedMeeting
}): ImportNotes => {
  const ordered = [...notes].sort((a, b) =>
    a.confidence === b.confidence ? 0 : a.confidence === 'low' ? -1 : 1,
  )
  const summary = [
    `Imported from ${source}${extracted.breadcrumb.length > 0 ? ` (${extracted.breadcrumb.join(' › ')})` : ''}.`,
    extracted.repairs.length > 0
      ? `${extracted.repairs.length} characters damaged by an old encoding were repaired.`
      : undefined,
    ordered.length === 0 ? 'Nothing needed a second look.' : 'Check before publishing:',
  ].filter((line): line is string => Boolean(line))
  return { summary, notes: ordered }
}

const findImported = async (context: Context, legacySource: string) => {
  await letOthersRun()
  const { docs } = await context.payload.find({
    collection: 'meetings',
    where: { legacySource: { equals: legacySource } },
    draft: true,
    limit: 1,
    pagination: false,
    ...writeOptions(context),
  })
  return docs[0]
}

const importExtracted = async ({
  payload,
  req,
  directory,
  extracted,
  source,
  oldAddress,
}: {
  payload: Payload
  req: PayloadRequest
  directory: Directory
  extracted: ExtractedMeeting
  source: string
  oldAddress: null | string
}): Promise<ImportOutcome> => {
  const context = createContext({ payload, req, directory, language: extracted.language })
  const legacySource = legacySourceKey({
    title: extracted.title.value,
    date: extracted.date.value.date,
  })
  const existing = await findImported(context, legacySource)
  const data = await buildMeetingData({
    context,
    extracted,
    legacySource,
    existingId: existing?.id,
  })
  const from = redirectPathOf(oldAddress)
  const { isFree } = from
    ? await checkOldAddress({ context, from, meetingId: existing?.id })
    : { isFree: false }
  // A page imported again without its address keeps the one recorded before.
  const addressData = oldAddress ? { legacyAddress: oldAddress } : {}
  const importNotes = notesOf({ notes: context.notes, source, extracted })
  const options = { locale: context.language, draft: true, ...writeOptions(context) } as const
  await letOthersRun()
  const meeting = existing
    ? await payload.update({
        collection: 'meetings',
        id: existing.id,
        data: { ...data, ...addressData, importNotes, _status: 'draft' },
        ...options,
      })
    : await payload.create({
        collection: 'meetings',
        data: { ...(data as Meeting), ...addressData, importNotes, _status: 'draft' },
        ...options,
      })
  if (from && isFree) await redirectOldAddress({ context, from, meetingId: meeting.id })
  return {
    outcome: existing ? 'updated' : 'created',
    source,
    id: meeting.id,
    title: extracted.title.value,
    language: extracted.language,
    legacySource,
    legacyAddress: oldAddress ?? existing?.legacyAddress ?? null,
    notes: context.notes,
    created: context.created,
    extracted,
  }
}

const savedCharacters = (extracted: ExtractedMeeting): number =>
  [
    ...extracted.body,
    ...extracted.statements.flatMap(({ paragraphs }) => paragraphs.value),
    ...extracted.questions.flatMap(({ question, answers }) => [
      question.value,
      ...answers.map(({ answer }) => answer.value),
    ]),
  ].reduce((total, text) => total + text.length, 0)

// Imports one legacy page as a draft meeting: decodes and repairs the text, extracts the
// meeting, links or creates its speakers and organisations, and creates the draft (or updates
// the one an earlier import of the same page made). A page that cannot be read is reported
// with a reason and nothing is written; a failure while writing rolls the page back.
export const importLegacyPage = async ({
  payload,
  bytes,
  source,
  user,
  directory,
  address,
}: {
  payload: Payload
  bytes: Uint8Array
  // A file name or path, for reports and the import notes.
  source: string
  // The page's address on the old site, when the caller knows it (a whole URL or a path);
  // otherwise the page's own canonical link or og:url, if it has one.
  address?: null | string
  // The member of staff importing, whose access rules apply; none for the command line.
  user?: User | null
  // Shared between the pages of one run; loaded when not given.
  directory?: Directory
}): Promise<ImportOutcome> => {
  const extracted = readLegacyPage({ bytes })
  if (isParseFailure(extracted)) return { outcome: 'failed', source, reason: extracted.reason }
  if (address && !redirectPathOf(address))
    return {
      outcome: 'failed',
      source,
      reason: `"${address}" is not an address of the old site; give it as a path (/news/2019/1234.html) or a whole URL.`,
    }
  // Read apart from the meeting, which is extracted from the page's text alone.
  const oldAddress = address?.trim() || oldAddressInPage(decodeFile(bytes).text)
  const characters = savedCharacters(extracted)
  if (characters > readingLimits.savedCharacters)
    return {
      outcome: 'failed',
      source,
      reason: `The report is ${characters.toLocaleString('en')} characters long; the forum's news pages have a few thousand, and saving one over ${readingLimits.savedCharacters.toLocaleString('en')} would hold up the site, so it was not imported.`,
    }

  const req = await createLocalReq(
    { user: user ? { ...user, collection: 'users' } : undefined },
    payload,
  )
  const shouldCommit = await initTransaction(req)
  const working: Directory = directory ?? (await loadDirectory({ payload }))
  // Only a committed page's new speakers and organisations stay in a run's shared directory. Not
  // a copy per page: that cost grew with the directory, so a bulk import was not linear.
  const mark = markDirectory(working)
  try {
    const result = await importExtracted({
      payload,
      req,
      directory: working,
      extracted,
      source,
      oldAddress,
    })
    if (shouldCommit) await commitTransaction(req)
    return result
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    rewindDirectory(working, mark)
    payload.logger.error({ msg: `Import of ${source} failed`, err: error })
    return { outcome: 'failed', source, reason: `Saving failed: ${describeError(error)}` }
  }
}
