import Link from 'next/link'

import type { Meeting } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { localePath } from '@/site/i18n'
import { populated } from '@/site/jsonLd'

import { paragraphsOf } from '@/site/format'

type Question = NonNullable<Meeting['questions']>[number]

export const QuestionList = ({
  questions,
  locale,
  dictionary,
}: {
  questions: Question[]
  locale: Locale
  dictionary: Dictionary
}) => (
  <ol className="questions">
    {questions.map((question, index) => (
      <li key={question.id ?? index} className="question">
        <h3 className="question__text">
          <span className="question__label">{dictionary.question}: </span>
          {question.question}
        </h3>
        {question.askedBy ? (
          <p className="question__asked-by">
            {dictionary.askedBy}: {question.askedBy}
          </p>
        ) : null}
        {question.answers?.length ? (
          <ul className="answers">
            {question.answers.map((answer, answerIndex) => {
              const speaker = populated(answer.speaker)
              return (
                <li key={answer.id ?? answerIndex} className="answer">
                  <p className="answer__speaker">
                    <span className="answer__label">{dictionary.answer}: </span>
                    {speaker ? (
                      <Link href={localePath({ locale, path: `/speakers/${speaker.slug}` })}>
                        {speaker.name}
                      </Link>
                    ) : null}
                  </p>
                  <div className="prose">
                    {paragraphsOf({ text: answer.answer }).map((paragraph, paragraphIndex) => (
                      <p key={paragraphIndex}>{paragraph}</p>
                    ))}
                  </div>
                </li>
              )
            })}
          </ul>
        ) : null}
      </li>
    ))}
  </ol>
)
