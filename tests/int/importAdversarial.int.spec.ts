import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ExtractedMeeting, ParseFailure } from '@/import/types'

import { extractMeeting } from '@/import/extract'
import { importLegacyPage } from '@/import/importPage'
import { readingLimits } from '@/import/limits'

import { adversarialPages, englishPage } from '../fuzz/importPages'
import { liftedBudget, pageReader } from '../fuzz/readPageRunner'
import { getTestPayload } from '../helpers/payload'

// Security property (issue 14): no page an editor may upload keeps the parse stage busy for
// long, whatever is in it, because it runs on the one event loop that serves the whole site.
// Every hostile page of tests/fuzz/importPages.ts is read at the upload limit, 2 MB, by
// readLegacyPage (what the endpoint calls) in a child process, so that a page that never
// finishes is stopped and fails here instead of hanging the run.
//
// The bound is generous on purpose. It is CPU time, not the clock: other developers share this
// machine's two cores, and under their load the clock ran 1-4 times the CPU time. The linear
// figures are 34-770 ms of CPU at 2 MB (bench/RESULTS.md, "Import parsers on adversarial
// input"); on the old patterns 17 of these pages did not finish in 20 s, and one name of 40
// capitals takes about 1.7 hours. The reading budget (limits.ts) is lifted here so that the
// parsers themselves are timed, not the backstop; it has its own test below.
const boundMs = 2_000
const stopAfterMs = 30_000
const uploadLimit = 2 * 1024 * 1024
const seed = 14

const reader = pageReader()

afterAll(() => reader.close())

describe('a hostile page at the upload limit', () => {
  it.each(adversarialPages.map(({ name }) => name))(
    'is read within 2 s of CPU: %s',
    async (name) => {
      const reading = await reader.read({
        name,
        size: uploadLimit,
        seed,
        milliseconds: liftedBudget,
        timeoutMs: stopAfterMs,
      })

      expect(reading.cpuMs, reading.outcome).toBeLessThan(boundMs)
      expect(reading.outcome).not.toMatch(/^This page took too long/)
    },
    stopAfterMs + 30_000,
  )
})

const statement = (name: string, said = 'cities lean on industry') =>
  `${name}, head of Fund ${name.length}, said: ${said}.`

const extract = (content: string, milliseconds?: number): ExtractedMeeting | ParseFailure =>
  extractMeeting({ content, milliseconds })

// Two-letter names from a counter: as many different people as a test needs.
const nameNumber = (index: number) =>
  `Pe${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))} Ko`

describe('the reading limits', () => {
  it('fails a page that runs out of time with a reason, instead of reading on', () => {
    expect(extract(englishPage({}), 0)).toEqual({
      reason: expect.stringMatching(/^This page took too long to read; it was stopped while /),
    })
  })

  it('keeps a paragraph over 20,000 characters in the report without reading a speaker from it', () => {
    const long = statement('Li Wei', 'yes '.repeat(readingLimits.paragraphLength / 4))
    const extracted = extract(englishPage({ statements: [statement('Zou Ji'), long] }))

    expect(extracted).toEqual(
      expect.objectContaining({
        people: [
          expect.objectContaining({ name: 'Edward Clarence-Smith' }),
          expect.objectContaining({ name: 'Zou Ji' }),
        ],
        body: expect.arrayContaining([long]),
        notes: expect.arrayContaining([
          expect.stringMatching(/^A paragraph of 20,0\d\d characters was kept/),
        ]),
      }),
    )
  })

  it('refuses a page that names more than 200 people', () => {
    const statements = Array.from({ length: readingLimits.people + 1 }, (_, index) =>
      statement(nameNumber(index)),
    )

    expect(extract(englishPage({ statements }))).toEqual({
      reason: expect.stringContaining('names more than 200 people'),
    })
  })

  it('refuses a page with more than 300 statements, questions and answers', () => {
    const statements = Array.from({ length: readingLimits.statements + 1 }, () =>
      statement('Zou Ji'),
    )

    expect(extract(englishPage({ statements }))).toEqual({
      reason: expect.stringContaining('more than 300 statements, questions and answers'),
    })
  })

  describe('when saving', () => {
    let payload: Payload

    beforeAll(async () => {
      payload = await getTestPayload()
    })

    it('does not save a report over 100,000 characters, and says why', async () => {
      const paragraphs = Array.from({ length: 1_100 }, () =>
        'The audience went to lunch. '.repeat(4),
      )
      const bytes = Buffer.from(englishPage({ intro: paragraphs }), 'utf8')
      const meetingsBefore = (await payload.count({ collection: 'meetings' })).totalDocs

      const result = await importLegacyPage({ payload, bytes, source: 'long.txt' })

      expect([result, (await payload.count({ collection: 'meetings' })).totalDocs]).toEqual([
        {
          outcome: 'failed',
          source: 'long.txt',
          reason: expect.stringMatching(
            /^The report is 12\d,\d{3} characters long; .* so it was not imported\.$/,
          ),
        },
        meetingsBefore,
      ])
    })
  })
})
