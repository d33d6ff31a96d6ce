// How much work reading one page may take. The import runs on the event loop that serves the
// whole site, so a page that would need more is failed with a reason instead of read.
export const readingLimits = {
  // Longer paragraphs are kept as report text but not searched for names, positions or
  // organisations; the longest paragraph on the forum's pages is under 2,000 characters.
  paragraphLength: 20_000,
  // A meeting report names a few dozen people and organisations at most; a page naming more is
  // something else, and reading it would add that many speakers and organisations.
  people: 200,
  organisations: 200,
  // Statements, questions and answers together. Each is a row of the draft: tens of thousands
  // of them made saving one draft hold the database for minutes and then fail.
  statements: 300,
  // Paragraphs kept in the report after the statements get a note each, up to this many.
  notedParagraphs: 20,
  // Old news pages are read in a few milliseconds; this is a backstop, checked between stages.
  milliseconds: 2_000,
  // The report's text that is saved (body, statements, questions and answers): saving a draft
  // holds the event loop for as long as it takes, 1.3 s for 100,000 characters on the shared
  // 2-core machine. The reference round-table page has about 11,000.
  savedCharacters: 100_000,
}

// Thrown between stages when a page goes over a limit; extractMeeting turns it into a reason.
export class PageOverLimit extends Error {}

export const startClock = ({ milliseconds }: { milliseconds: number }) => {
  const startedAt = performance.now()
  return {
    check: (stage: string) => {
      const elapsed = performance.now() - startedAt
      if (elapsed >= milliseconds)
        throw new PageOverLimit(
          `This page took too long to read; it was stopped while ${stage} after ${(elapsed / 1000).toFixed(1)} s (a meeting report takes milliseconds). Check that it is one of the forum's news pages.`,
        )
    },
  }
}

export type Clock = ReturnType<typeof startClock>

// A quotation of page text for a note or a reason: enough to find it, never the whole page.
export const excerpt = (text: string, length = 120): string =>
  text.length > length ? `${text.slice(0, length)}…` : text

// Paragraphs over the length limit are kept as report text but never searched.
export const isReadable = (paragraph: string) => paragraph.length <= readingLimits.paragraphLength

export const unreadNote = (paragraph: string) =>
  `A paragraph of ${paragraph.length.toLocaleString('en')} characters was kept in the report without looking for speakers in it (paragraphs over ${readingLimits.paragraphLength.toLocaleString('en')} characters are not read for names): "${excerpt(paragraph, 80)}"`
