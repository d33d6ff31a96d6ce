import type { ExtractedMeeting } from '@/import/types'

// The extraction in the shape of the hand-written fixtures: plain values, no confidences.
export const comparableMeeting = (meeting: ExtractedMeeting) => ({
  language: meeting.language,
  breadcrumb: meeting.breadcrumb,
  title: meeting.title.value,
  kind: meeting.kind.value,
  edition: meeting.edition.value,
  date: meeting.date.value.date,
  partOfDay: meeting.date.value.partOfDay,
  time: meeting.date.value.time,
  host: meeting.host?.value.name,
  focus: meeting.focus?.value,
  topics: meeting.topics?.value,
  // The fixtures list attending organisations by the name the page gives them.
  attending: meeting.attending?.value.map(({ name }) => name),
  speakers: meeting.statements.map(({ speaker, paragraphs }) => ({
    name: speaker.value.name,
    honorific: speaker.value.honorific,
    positions: speaker.value.positions,
    statement: paragraphs.value,
  })),
  questions: meeting.questions.map(({ question, answers }) => ({
    question: question.value,
    answers: answers.map(({ speaker, answer }) => ({
      speaker: speaker.value,
      answer: answer.value,
    })),
  })),
})

export type FieldResult = { path: string; expected: unknown; actual: unknown; isMatch: boolean }

const at = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined

// Every leaf of the expected value is one field; an array item the extraction has and the
// fixture has not counts as one wrong field too.
export const compareFields = (expected: unknown, actual: unknown, path = ''): FieldResult[] => {
  if (Array.isArray(expected)) {
    const items = Array.isArray(actual) ? actual : []
    const results = expected.flatMap((item, index) =>
      compareFields(item, items[index], `${path}[${index}]`),
    )
    const extras = items.slice(expected.length).map((item, index) => ({
      path: `${path}[${expected.length + index}]`,
      expected: undefined,
      actual: item,
      isMatch: false,
    }))
    return [...results, ...extras]
  }
  if (expected && typeof expected === 'object') {
    const keys = new Set([
      ...Object.keys(expected),
      ...Object.keys(actual && typeof actual === 'object' ? actual : {}).filter(
        (key) => at(actual, key) !== undefined,
      ),
    ])
    return [...keys].flatMap((key) =>
      compareFields(at(expected, key), at(actual, key), path ? `${path}.${key}` : key),
    )
  }
  return [{ path, expected, actual, isMatch: expected === actual }]
}

export const accuracyReport = ({ label, results }: { label: string; results: FieldResult[] }) => {
  const matched = results.filter((result) => result.isMatch).length
  const accuracy = results.length === 0 ? 1 : matched / results.length
  const misses = results
    .filter((result) => !result.isMatch)
    .map(
      ({ path, expected, actual }) =>
        `  ✗ ${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    )
  return {
    accuracy,
    text: [
      `${label}: ${matched}/${results.length} fields (${(accuracy * 100).toFixed(1)}%)`,
      ...misses,
    ].join('\n'),
  }
}
