import Link from 'next/link'

import type { Meeting } from '@/payload-types'
import type { Dictionary } from '@/site/dictionary'
import type { ProgrammeFilter } from '@/site/programme'

import { meetingKindLabel } from '@/site/kinds'

// Filters as plain links: they work without JavaScript, can be bookmarked and shared, and each
// choice keeps the other.
const hrefOf = ({ path, filter }: { path: string; filter: ProgrammeFilter }) => {
  const query = new URLSearchParams()
  if (filter.kind) query.set('kind', filter.kind)
  if (filter.topic) query.set('topic', filter.topic)
  const search = query.toString()
  return search ? `${path}?${search}` : path
}

const Choices = ({
  label,
  allLabel,
  choices,
  current,
  hrefFor,
}: {
  label: string
  allLabel: string
  choices: { value: string; label: string }[]
  current?: string
  hrefFor: (value?: string) => string
}) => (
  <div className="programme-filters__group">
    <p className="programme-filters__label">{label}</p>
    <ul>
      {[{ value: undefined, label: allLabel }, ...choices].map(({ value, label: text }) => (
        <li key={value ?? ''}>
          <Link href={hrefFor(value)} aria-current={value === current ? 'page' : undefined}>
            {text}
          </Link>
        </li>
      ))}
    </ul>
  </div>
)

export const ProgrammeFilters = ({
  path,
  filter,
  kinds,
  topics,
  dictionary,
}: {
  path: string
  filter: ProgrammeFilter
  kinds: Meeting['kind'][]
  topics: string[]
  dictionary: Dictionary
}) => (
  <nav className="programme-filters" aria-label={dictionary.filterProgramme}>
    <Choices
      label={dictionary.filterByKind}
      allLabel={dictionary.allKinds}
      choices={kinds.map((kind) => ({
        value: kind,
        label: meetingKindLabel({ kind, dictionary }),
      }))}
      current={filter.kind}
      hrefFor={(kind) => hrefOf({ path, filter: { ...filter, kind } })}
    />
    {topics.length ? (
      <Choices
        label={dictionary.filterByTopic}
        allLabel={dictionary.allTopics}
        choices={topics.map((topic) => ({ value: topic, label: topic }))}
        current={filter.topic}
        hrefFor={(topic) => hrefOf({ path, filter: { ...filter, topic } })}
      />
    ) : null}
  </nav>
)
