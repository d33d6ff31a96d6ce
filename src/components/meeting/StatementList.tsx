import Link from 'next/link'

import type { Meeting } from '@/payload-types'

import type { Locale } from '@/site/i18n'

import { RichText } from '@/components/RichText'
import { localePath } from '@/site/i18n'
import { populated } from '@/site/jsonLd'

type Statement = NonNullable<Meeting['statements']>[number]

export const StatementList = ({
  statements,
  locale,
}: {
  statements: Statement[]
  locale: Locale
}) => (
  <ol className="statements">
    {statements.map((statement, index) => {
      const speaker = populated(statement.speaker)
      const organisation = populated(statement.organisation)
      // The role at this meeting, else the speaker's first (most important) position.
      const position = statement.position || speaker?.positions?.[0]?.title
      return (
        <li key={statement.id ?? index} className="statement">
          <h3 className="statement__speaker">
            {speaker ? (
              <Link href={localePath({ locale, path: `/speakers/${speaker.slug}` })}>
                {speaker.name}
              </Link>
            ) : null}
          </h3>
          {position || organisation ? (
            <p className="statement__role">
              {position ? <span>{position}</span> : null}
              {organisation ? (
                <Link href={localePath({ locale, path: `/organisations/${organisation.slug}` })}>
                  {organisation.name}
                  {organisation.abbreviation ? ` (${organisation.abbreviation})` : ''}
                </Link>
              ) : null}
            </p>
          ) : null}
          <RichText data={statement.statement} className="prose statement__text" />
        </li>
      )
    })}
  </ol>
)
