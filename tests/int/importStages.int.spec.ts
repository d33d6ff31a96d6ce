import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Context } from '@/import/importContext'
import type {
  Extracted,
  ExtractedMeeting,
  ExtractedPerson,
  ExtractedStatement,
  WrittenOrganisation,
} from '@/import/types'
import type { Meeting } from '@/payload-types'

import { findMeetingDate } from '@/import/dates'
import {
  addOrganisation,
  addSpeaker,
  createDirectory,
  loadDirectory,
  markDirectory,
  matchOrganisation,
  rewindDirectory,
} from '@/import/directory'
import { notAMeetingReport, tooManyOrganisations } from '@/import/extract'
import { readEdition, readKind, readTitle } from '@/import/heading'
import { createContext } from '@/import/importContext'
import {
  extractAttending,
  extractFocus,
  extractListedTopics,
  extractTopics,
  findHost,
  findHosts,
} from '@/import/introduction'
import { PageOverLimit, readingLimits, startClock } from '@/import/limits'
import {
  buildMeetingData,
  meetingSlug,
  meetingTime,
  noteExtractedFields,
  notePageNotes,
  resolveAttending,
  resolveQuestions,
  resolveStatements,
} from '@/import/meetingData'
import {
  dropFooter,
  languageOf,
  readText,
  splitBreadcrumb,
  splitLines,
  splitPage,
} from '@/import/pageText'
import {
  attendingAsOnPage,
  organisationKind,
  pageOrganisations,
  splitOrganisationList,
  writtenOrganisation,
} from '@/import/organisationNames'
import { createPeopleIndex, parseIntroduction, rememberPerson } from '@/import/people'
import {
  continueStatement,
  readAnswer,
  readQuestion,
  readReply,
  readStatement,
  readStatements,
  splitAtFirstStatement,
} from '@/import/statements'
import { richText } from '@/content/richText'

import { gbkReadAsLatin1 } from '../helpers/gbk'
import { getTestPayload } from '../helpers/payload'

// Each stage of reading a page (extract.ts) and of turning what was read into a draft meeting
// (meetingData.ts) on its own, with the input it is given in the pipeline. The reading stages
// need no database; the meeting stages link and create speakers and organisations, so they run
// against the test file's own empty database.

// A minute to spare: these tests are about what the stages read; the import tests time them.
const clock = startClock({ milliseconds: 60_000 })

const indexOf = (...people: ExtractedPerson[]) => {
  const index = createPeopleIndex()
  // A copy: the stages add to the people they remember.
  for (const person of people) rememberPerson({ index, person: structuredClone(person) })
  return index
}

const zouJi: ExtractedPerson = {
  name: 'Zou Ji',
  positions: [{ title: 'president', organisation: 'Energy Foundation China' }],
}

describe('pageText: the text, lines and parts of the page', () => {
  it('reads HTML into text, keeping the images it names', () => {
    const { text, images, repairs } = readText({
      content:
        '<html><head><title>x</title></head><body><h1>Heading</h1><p>Cities &amp; carbon</p><img src="live/1.jpg"></body></html>',
      clock,
    })

    expect({ text, images, repairs }).toEqual({
      text: 'Heading\nCities & carbon',
      images: ['live/1.jpg'],
      repairs: [],
    })
  })

  it('repairs Chinese text stored as GBK and read as Latin-1', () => {
    const { text, repairs } = readText({ content: `Forum ${gbkReadAsLatin1('低碳城市')}`, clock })

    expect([text, repairs.map(({ repaired, encoding }) => [repaired, encoding])]).toEqual([
      'Forum 低碳城市',
      [['低碳城市', 'gbk']],
    ])
  })

  it('splits lines, with every run of whitespace one space and no empty lines', () => {
    expect(splitLines('  Heading \r\n\r\n First\u00a0\u00a0 paragraph\t\rSecond  \n \n')).toEqual([
      'Heading',
      'First paragraph',
      'Second',
    ])
  })

  it('reads a page as Chinese when Han characters are over a quarter of its Latin letters', () => {
    expect([
      languageOf('碳市场 CIFCC'),
      languageOf('Carbon markets 碳'),
      languageOf('Carbon markets'),
    ]).toEqual(['zh', 'en', 'en'])
  })

  it('reads a breadcrumb only when it starts at the home page', () => {
    expect([
      splitBreadcrumb('Home >> News Media >> News'),
      splitBreadcrumb('首页 > 新闻中心'),
      splitBreadcrumb('News >> Home'),
      splitBreadcrumb('Home'),
    ]).toEqual([['Home', 'News Media', 'News'], ['首页', '新闻中心'], null, null])
  })

  it('drops the footer from its first line on, and tells whether it had live pictures', () => {
    expect(
      dropFooter(['Photos', 'Report', 'Live Pictures', 'photo 1', 'Print | Close', '© 2022']),
    ).toEqual({
      pageLines: ['Photos', 'Report'],
      droppedLines: ['Live Pictures', 'photo 1', 'Print | Close', '© 2022'],
      hasLivePictures: true,
    })
    expect(dropFooter(['Heading', 'Report', 'Print | Close'])).toEqual({
      pageLines: ['Heading', 'Report'],
      droppedLines: ['Print | Close'],
      hasLivePictures: false,
    })
  })

  it('splits the page into breadcrumb, heading and paragraphs', () => {
    expect(
      splitPage(['Home >> News', 'The heading', 'First.', 'Second.', 'Copyright CIFCC']),
    ).toEqual({
      breadcrumb: ['Home', 'News'],
      heading: 'The heading',
      paragraphs: ['First.', 'Second.'],
      droppedLines: ['Copyright CIFCC'],
      hasLivePictures: false,
    })
  })

  it('gives a reason for a page with no heading or no report', () => {
    expect([splitPage(['Home >> News']), splitPage(['Only a heading', '© 2022'])]).toEqual([
      { reason: 'The page has no heading to take the meeting title from.' },
      { reason: 'The page has a heading ("Only a heading") but no report below it.' },
    ])
  })
})

describe('dates and heading: date, title, kind and edition', () => {
  it('finds the meeting date, and says when it was not where a report leads with it', () => {
    expect(
      findMeetingDate({
        heading: 'h',
        paragraphs: ['On the afternoon of October 30, 2022, the meeting was held.'],
      }),
    ).toEqual({
      value: { date: '2022-10-30', partOfDay: 'afternoon' },
      confidence: 'high',
      note: undefined,
    })
    expect(
      findMeetingDate({ heading: 'h', paragraphs: ['No date.', 'It met on 12 November 2019.'] }),
    ).toEqual({
      value: { date: '2019-11-12' },
      confidence: 'medium',
      note: 'Date 2019-11-12: the date was not at the start of the report.',
    })
  })

  it('gives a reason when the report has no date', () => {
    expect(findMeetingDate({ heading: 'Green finance', paragraphs: ['No date here.'] })).toEqual({
      reason:
        'No meeting date was found in the report under "Green finance" (a date such as "October 30, 2022" or "2022年10月30日").',
    })
  })

  it('takes a clock time written before the date, or in Chinese words, as 24-hour time', () => {
    const timeOf = (paragraph: string) => findMeetingDate({ heading: 'h', paragraphs: [paragraph] })
    expect([
      timeOf('At 4:15 pm on 3 May 2018, the panel met.'),
      timeOf('2018年5月3日下午3点半，研讨会在上海举行。'),
      timeOf('2018年5月3日晚上八点，边会举行。'),
    ]).toMatchObject([
      { value: { date: '2018-05-03', time: '16:15' } },
      { value: { date: '2018-05-03', time: '15:30', partOfDay: 'afternoon' } },
      { value: { date: '2018-05-03', time: '20:00', partOfDay: 'evening' } },
    ])
  })

  it("skips the page's posting date for the meeting's", () => {
    expect(
      findMeetingDate({
        heading: 'h',
        paragraphs: ['Posted: 2018-05-09 Views: 40', 'The panel met in Shanghai on 2018-05-03.'],
      }),
    ).toMatchObject({ value: { date: '2018-05-03' } })
  })

  it('reads a forum of the CIFCC as a forum, but not the forum named in full', () => {
    expect([
      readKind({ prefix: '2016 CIFCC Forum', heading: 'x', firstParagraph: 'It opened.' }).value,
      readKind({
        heading: 'China International Forum on Climate Change',
        firstParagraph: 'It opened.',
      }).value,
    ]).toEqual(['forum', 'round-table'])
  })

  it('takes the title after the event name, sure of it when the report states it', () => {
    const heading = '2022 CIFCC Round Table Meeting--Green Industry'

    expect([
      readTitle({ heading, firstParagraph: 'The meeting, entitled "Green Industry", was held.' }),
      readTitle({ heading, firstParagraph: 'The meeting was held.' }),
      readTitle({ heading: 'Green Industry', firstParagraph: 'The meeting was held.' }),
    ]).toEqual([
      {
        prefix: '2022 CIFCC Round Table Meeting',
        title: { value: 'Green Industry', confidence: 'high' },
      },
      {
        prefix: '2022 CIFCC Round Table Meeting',
        title: {
          value: 'Green Industry',
          confidence: 'medium',
          note: 'Title: taken from the heading after "2022 CIFCC Round Table Meeting".',
        },
      },
      {
        prefix: undefined,
        title: {
          value: 'Green Industry',
          confidence: 'low',
          note: 'Title: the whole heading was used; shorten it if it names the event as well.',
        },
      },
    ])
  })

  it('takes the kind from the event name first, then the report, then the heading', () => {
    expect([
      readKind({ prefix: '2019 CIFCC Workshop', heading: 'x', firstParagraph: 'A round table' }),
      readKind({ heading: 'Plenary', firstParagraph: 'The side event opened.' }),
      readKind({ heading: 'The plenary', firstParagraph: 'It opened.' }),
      readKind({ heading: 'Green finance', firstParagraph: 'It opened.' }),
    ]).toEqual([
      { value: 'workshop', confidence: 'high' },
      { value: 'side-event', confidence: 'medium' },
      { value: 'plenary', confidence: 'medium' },
      {
        value: 'round-table',
        confidence: 'low',
        note: 'The page does not say what kind of meeting this was; "Round table" was chosen.',
      },
    ])
  })

  it("takes the edition from the heading's year, checked against the meeting date", () => {
    const date = { value: { date: '2022-10-30' }, confidence: 'high' } as const

    expect([
      readEdition({ prefix: '2022 CIFCC Round Table', heading: 'x', date }),
      readEdition({ prefix: '2021 CIFCC Round Table', heading: 'x', date }),
      readEdition({ heading: 'Green Industry', date }),
      readEdition({ heading: '2022年中国国际气候变化论坛', date }),
    ]).toEqual([
      { value: 2022, confidence: 'high' },
      {
        value: 2021,
        confidence: 'low',
        note: 'Edition: the heading says 2021 but the meeting date is in 2022.',
      },
      { value: 2022, confidence: 'medium' },
      { value: 2022, confidence: 'high' },
    ])
  })
})

describe('introduction: host, focus, topics and attending organisations', () => {
  it('takes the host from "chaired by" and remembers them for later statements', () => {
    const index = createPeopleIndex()
    const { host, notes } = findHost({
      text: 'The workshop took place in 2019 and was chaired by Maria Lindqvist, senior adviser at the Nordic Climate Facility.',
      language: 'en',
      index,
    })

    expect([host, notes, index.people.map(({ name }) => name)]).toEqual([
      {
        value: {
          name: 'Maria Lindqvist',
          positions: [{ title: 'senior adviser', organisation: 'Nordic Climate Facility' }],
        },
        confidence: 'high',
        note: undefined,
      },
      [],
      ['Maria Lindqvist'],
    ])
  })

  it('takes a Chinese host from the name after the last job title before 主持', () => {
    const { host } = findHost({
      text: '会议由世界银行可持续发展局局长王海主持。',
      language: 'zh',
      index: createPeopleIndex(),
    })

    expect(host?.value.name).toBe('王海')
  })

  it('notes a host it cannot read a name from, and finds none where none is named', () => {
    expect([
      findHost({
        text: 'The session was chaired by the organisers.',
        language: 'en',
        index: createPeopleIndex(),
      }),
      findHost({ text: 'The forum opened.', language: 'en', index: createPeopleIndex() }),
    ]).toEqual([
      {
        host: null,
        notes: ['A host is mentioned ("the organisers") but no name could be read from it.'],
      },
      { host: null, notes: [] },
    ])
  })

  it('reads a quoted focus as sure and an unquoted one less so', () => {
    expect([
      extractFocus('The workshop focused on "money for the shoreline", and more.'),
      extractFocus('会议以“市场与机制”为主题。'),
      extractFocus('The meeting focused on coastal cities, and more.'),
      extractFocus('The meeting was held.'),
    ]).toEqual([
      { value: 'money for the shoreline', confidence: 'high' },
      { value: '市场与机制', confidence: 'high' },
      { value: 'coastal cities', confidence: 'medium' },
      null,
    ])
  })

  it('reads topics, checked against the number announced', () => {
    expect([
      extractTopics('It covered two topics: insurance for coastal cities, funds for sea walls.'),
      extractTopics('It covered three topics: carbon prices, offsets and audits.'),
      extractTopics('It covered four topics: carbon prices, offsets.'),
      extractTopics('包括两个议题：全国碳市场建设、绿色金融工具创新。'),
      extractTopics('The meeting was held.'),
    ]).toEqual([
      { value: ['insurance for coastal cities', 'funds for sea walls'], confidence: 'high' },
      {
        value: ['carbon prices', 'offsets', 'audits'],
        confidence: 'medium',
        note: 'Topics: the last two were split at "and".',
      },
      {
        value: ['carbon prices', 'offsets'],
        confidence: 'low',
        note: 'Topics: the page announces 4 but 2 were found; check how they are split.',
      },
      { value: ['全国碳市场建设', '绿色金融工具创新'], confidence: 'high' },
      null,
    ])
  })

  it('reads the name after an honorific in a passive "hosted by"', () => {
    const { host } = findHost({
      text: 'The panel was hosted by Dr. Mira Kovac, head of the Baltic Energy Office. It began at ten.',
      language: 'en',
      index: createPeopleIndex(),
    })

    expect(host?.value).toEqual({
      name: 'Mira Kovac',
      honorific: 'Dr',
      positions: [{ title: 'head', organisation: 'Baltic Energy Office' }],
    })
  })

  it('reads every host of a co-chaired meeting, the first as host and the others as co-hosts', () => {
    const names = (text: string, language: 'en' | 'zh') => {
      const { host, coHosts } = findHosts({ text, language, index: createPeopleIndex() })
      return [host, ...coHosts].map((found) => found?.value.name)
    }

    expect([
      names(
        'It was co-chaired by Mira Kovac, head of the Office of Science and Technology, and Mr. Tom Hale, adviser to WWF.',
        'en',
      ),
      names('The talks were moderated by Mira Kovac and Tom Hale.', 'en'),
      names(
        'Ms. Mira Kovac, head of WWF, and Tom Hale, adviser to WWF, co-chaired the panel.',
        'en',
      ),
      names('主持人：世界银行首席经济学家王海、国家气候中心主任、研究员林静', 'zh'),
      names('会议由国家发展和改革委员会气候司司长王海和清华大学教授李娜共同主持。', 'zh'),
    ]).toEqual([
      ['Mira Kovac', 'Tom Hale'],
      ['Mira Kovac', 'Tom Hale'],
      ['Mira Kovac', 'Tom Hale'],
      ['王海', '林静'],
      ['王海', '李娜'],
    ])
  })

  it('keeps "and" inside a host\'s position when no name follows it', () => {
    const { host, coHosts } = findHosts({
      text: 'The panel was chaired by Tom Hale, envoy of UNIDO in China and Northeast Asia.',
      language: 'en',
      index: createPeopleIndex(),
    })

    expect([host?.value.name, coHosts]).toEqual(['Tom Hale', []])
  })

  it('reads the focus from the other ways a report states it', () => {
    expect([
      extractFocus('The panel centred on “cleaner ports”.'),
      extractFocus('The panel discussed “cleaner ports”, with a focus on shipping.'),
      extractFocus('The theme of the panel was cleaner ports. It met twice.'),
      extractFocus('本次会议聚焦港口减排。'),
    ]).toEqual([
      { value: 'cleaner ports', confidence: 'high' },
      { value: 'cleaner ports', confidence: 'high' },
      { value: 'cleaner ports', confidence: 'medium' },
      { value: '港口减排', confidence: 'medium' },
    ])
  })

  it('reads topics from semicolon, numbered and Chinese lists', () => {
    expect([
      extractTopics('Two topics were discussed: 1. ports, ships and fuel; 2. rail freight.'),
      extractTopics('The panel was divided into two topics: ports; rail freight. Guests came.'),
      extractTopics('议题包括：一是港口减排；二是铁路货运。'),
      extractTopics('讨论了两个问题：港口、船舶的减排；铁路货运。'),
      extractTopics('包括港口减排和铁路货运两个议题。'),
    ]).toEqual([
      { value: ['ports, ships and fuel', 'rail freight'], confidence: 'high' },
      { value: ['ports', 'rail freight'], confidence: 'high' },
      { value: ['港口减排', '铁路货运'], confidence: 'medium' },
      { value: ['港口、船舶的减排', '铁路货运'], confidence: 'high' },
      {
        value: ['港口减排', '铁路货运'],
        confidence: 'medium',
        note: 'Topics: the last two were split at "and".',
      },
    ])
  })

  it('reads topics given one to a line after a paragraph that announces them', () => {
    expect(
      extractListedTopics([
        'The panel met in Shanghai. Its topics:',
        '1. cleaner ports',
        '2. rail freight',
        'Guests from WWF attended.',
      ]),
    ).toEqual({ value: ['cleaner ports', 'rail freight'], confidence: 'high' })
  })

  it('reads attending organisations, splitting "and" only next to an abbreviation', () => {
    expect([
      extractAttending('Representatives from ADB, WWF and Shanghai Ocean University attended.'),
      extractAttending('Guests from Ministry of Science and Technology attended.'),
      extractAttending('来自欧盟、世界银行、国际金融公司的嘉宾出席了会议。'),
      extractAttending('The meeting was held.'),
    ]).toEqual([
      {
        value: [
          { name: 'ADB', abbreviation: 'ADB' },
          { name: 'WWF', abbreviation: 'WWF' },
          { name: 'Shanghai Ocean University' },
        ],
        confidence: 'high',
      },
      {
        value: [{ name: 'Ministry of Science and Technology' }],
        confidence: 'medium',
        note: 'Attending organisations: "Ministry of Science and Technology" was kept as one name; split it if it is two.',
      },
      {
        value: [{ name: '欧盟' }, { name: '世界银行' }, { name: '国际金融公司' }],
        confidence: 'high',
      },
      null,
    ])
  })
})

describe('statements: statements, questions and answers', () => {
  it('splits the report at its first statement, noting paragraphs too long to read', () => {
    const long = `${'x'.repeat(readingLimits.paragraphLength)}y`
    const introduction = splitAtFirstStatement({
      paragraphs: [
        'The forum opened.',
        long,
        'It was chaired by Li Wei.',
        'Zou Ji, president of Energy Foundation China, said: prices matter.',
        'The forum closed.',
      ],
      language: 'en',
      clock,
    })

    expect({ ...introduction, notes: introduction.notes.map((n) => n.slice(0, 40)) }).toEqual({
      paragraphs: ['The forum opened.', long, 'It was chaired by Li Wei.'],
      text: 'The forum opened. It was chaired by Li Wei.',
      rest: [
        'Zou Ji, president of Energy Foundation China, said: prices matter.',
        'The forum closed.',
      ],
      notes: ['A paragraph of 20,001 characters was kep'],
    })
  })

  it('takes all of a report without statements as its introduction', () => {
    expect(
      splitAtFirstStatement({ paragraphs: ['The forum opened.'], language: 'en', clock }),
    ).toEqual({
      paragraphs: ['The forum opened.'],
      text: 'The forum opened.',
      rest: [],
      notes: [],
    })
  })

  it('reads a question and who asked it', () => {
    expect([
      readQuestion('Question from a student: How do cities start?'),
      readQuestion('问：中小企业如何参与碳市场？'),
      readQuestion('The questions were many.'),
    ]).toEqual([
      {
        question: { value: 'How do cities start?', confidence: 'high' },
        askedBy: 'a student',
        answers: [],
      },
      { question: { value: '中小企业如何参与碳市场？', confidence: 'high' }, answers: [] },
      null,
    ])
  })

  it('reads an answer by someone named before, or by no one', () => {
    const index = indexOf(zouJi)

    expect([
      readAnswer({ paragraph: 'Zou Ji: By measuring first.', index }),
      readAnswer({ paragraph: 'Mr. Zou: By measuring first.', index }),
      readAnswer({ paragraph: 'Answer: By measuring first.', index }),
      readAnswer({ paragraph: 'Someone else: By measuring first.', index }),
    ]).toEqual([
      {
        speaker: { value: 'Zou Ji', confidence: 'high', note: undefined },
        answer: { value: 'By measuring first.', confidence: 'high' },
      },
      {
        speaker: {
          value: 'Zou Ji',
          confidence: 'medium',
          note: 'Q&A: "Mr. Zou" was taken to be Zou Ji.',
        },
        answer: { value: 'By measuring first.', confidence: 'high' },
      },
      {
        speaker: { value: '', confidence: 'low', note: 'Q&A: an answer does not say who gave it.' },
        answer: { value: 'By measuring first.', confidence: 'high' },
      },
      null,
    ])
  })

  it('reads a named asker, lower-casing the article that starts the sentence', () => {
    expect([
      readQuestion('A student from Fudan University asked: Who pays?'),
      readQuestion('Question 2: Who pays?'),
      readQuestion('人民网记者提问：谁来付钱？'),
      readQuestion('Zou Ji said that the panel asked whether ports pay.'),
    ]).toEqual([
      {
        question: { value: 'Who pays?', confidence: 'high' },
        askedBy: 'a student from Fudan University',
        answers: [],
      },
      { question: { value: 'Who pays?', confidence: 'high' }, answers: [] },
      { question: { value: '谁来付钱？', confidence: 'high' }, askedBy: '人民网记者', answers: [] },
      null,
    ])
  })

  it('reads "replied that" after a question as an answer by the speaker named before', () => {
    expect(
      readReply({
        paragraph: 'Mr. Zou replied that ports pay.',
        language: 'en',
        index: indexOf(zouJi),
      }),
    ).toEqual({
      speaker: { value: 'Zou Ji', confidence: 'medium' },
      answer: { value: 'ports pay.', confidence: 'high' },
    })
  })

  it("reads a host's opening remarks and Chinese statements made in a speech", () => {
    const index = indexOf(zouJi, { name: '林静', positions: [] })

    expect([
      readStatement({
        paragraph: 'Mr. Zou opened the panel by saying that ports matter.',
        language: 'en',
        index,
      })?.speaker.value.name,
      readStatement({ paragraph: '林静在开幕致辞中指出：港口很重要。', language: 'zh', index })
        ?.speaker.value.name,
    ]).toEqual(['Zou Ji', '林静'])
  })

  it('takes "He added that" as more of the statement before, not a speaker called He', () => {
    const read = readStatements({
      paragraphs: [
        'Zou Ji, president of Energy Foundation China, said: prices matter.',
        'He added that audits matter too.',
      ],
      language: 'en',
      index: createPeopleIndex(),
      clock,
    })

    expect(
      read.statements.map(({ speaker, paragraphs }) => [
        speaker.value.name,
        paragraphs.value.length,
      ]),
    ).toEqual([['Zou Ji', 2]])
  })

  it('reads a statement by a new speaker and remembers them', () => {
    const index = createPeopleIndex()
    const statement = readStatement({
      paragraph: 'Zou Ji, president of Energy Foundation China, said: prices matter.',
      language: 'en',
      index,
    })

    expect([statement, index.people]).toEqual([
      {
        speaker: { value: zouJi, confidence: 'high', note: undefined },
        paragraphs: { value: ['prices matter.'], confidence: 'high' },
      },
      [zouJi],
    ])
  })

  it('links "Mr. Zou" to the speaker named before, and flags a name never introduced', () => {
    const index = indexOf(zouJi)

    expect([
      readStatement({ paragraph: 'Mr. Zou said: audits too.', language: 'en', index })?.speaker,
      readStatement({ paragraph: 'Ms. Wang said: and offsets.', language: 'en', index })?.speaker,
      readStatement({ paragraph: 'The forum closed.', language: 'en', index }),
    ]).toEqual([
      {
        value: { ...zouJi, honorific: 'Mr' },
        confidence: 'medium',
        note: 'Statement: "Mr. Zou" was taken to be Zou Ji.',
      },
      {
        value: { name: 'Wang', honorific: 'Ms', positions: [] },
        confidence: 'low',
        note: 'Statement by "Wang": the page gives no position for them; check the speaker\'s positions.',
      },
      null,
    ])
  })

  it('reads a Chinese statement', () => {
    expect(
      readStatement({
        paragraph:
          '刘芳，国际金融公司高级投资官，表示：绿色债券的标准统一之后，投资者的信心明显增强。',
        language: 'zh',
        index: createPeopleIndex(),
      })?.paragraphs.value,
    ).toEqual(['绿色债券的标准统一之后，投资者的信心明显增强。'])
  })

  it('takes "Moreover, …" as more of the statement before it', () => {
    const statements: ExtractedStatement[] = [
      {
        speaker: { value: zouJi, confidence: 'high' },
        paragraphs: { value: ['prices matter.'], confidence: 'high' },
      },
    ]

    expect([
      continueStatement({ paragraph: 'The forum closed.', statements }),
      continueStatement({ paragraph: 'Moreover, audits matter too.', statements }),
      statements[0].paragraphs,
    ]).toEqual([
      false,
      true,
      {
        value: ['prices matter.', 'Moreover, audits matter too.'],
        confidence: 'medium',
        note: 'Statement by Zou Ji: a following paragraph was taken as part of it.',
      },
    ])
    expect(continueStatement({ paragraph: 'He left.', statements: [] })).toBe(false)
  })

  it('reads the rest of the report paragraph by paragraph', () => {
    const index = createPeopleIndex()
    const read = readStatements({
      paragraphs: [
        'Zou Ji, president of Energy Foundation China, said: prices matter.',
        'Moreover, audits matter too.',
        'The forum then broke for lunch.',
        'Question: How do cities start?',
        'Mr. Zou: By measuring first.',
        'He smiled.',
      ],
      language: 'en',
      index,
      clock,
    })

    expect(read).toEqual({
      statements: [
        {
          speaker: { value: zouJi, confidence: 'high', note: undefined },
          paragraphs: {
            value: ['prices matter.', 'Moreover, audits matter too.'],
            confidence: 'medium',
            note: 'Statement by Zou Ji: a following paragraph was taken as part of it.',
          },
        },
      ],
      questions: [
        {
          question: { value: 'How do cities start?', confidence: 'high' },
          answers: [
            {
              speaker: {
                value: 'Zou Ji',
                confidence: 'medium',
                note: 'Q&A: "Mr. Zou" was taken to be Zou Ji.',
              },
              answer: { value: 'By measuring first.', confidence: 'high' },
            },
          ],
        },
      ],
      // Once a question is asked, "He smiled." is not more of the statement.
      body: ['The forum then broke for lunch.', 'He smiled.'],
      notes: [
        'A paragraph after the statements was kept in the report: "The forum then broke for lunch.…"',
        'A paragraph after the statements was kept in the report: "He smiled.…"',
      ],
    })
  })

  it('counts the paragraphs kept after the statements beyond those it notes one by one', () => {
    const kept = Array.from({ length: readingLimits.notedParagraphs + 3 }, (_, n) => `Line ${n}.`)
    const { notes, body } = readStatements({
      paragraphs: ['Zou Ji, president of Energy Foundation China, said: prices matter.', ...kept],
      language: 'en',
      index: createPeopleIndex(),
      clock,
    })

    expect([body.length, notes.length, notes.at(-1)]).toEqual([
      readingLimits.notedParagraphs + 3,
      readingLimits.notedParagraphs + 1,
      '3 more paragraphs after the statements were kept in the report.',
    ])
  })

  it('stops a page with more statements than a meeting report has', () => {
    const statements = Array.from(
      { length: readingLimits.statements + 1 },
      (_, n) => `Question: number ${n}?`,
    )

    expect(() =>
      readStatements({ paragraphs: statements, language: 'en', index: createPeopleIndex(), clock }),
    ).toThrow(
      new PageOverLimit(
        `This page has more than ${readingLimits.statements} statements, questions and answers; a meeting report has a few dozen at most, so it was not read as one.`,
      ),
    )
  })

  it('stops reading when the clock runs out', () => {
    expect(() =>
      readStatements({
        paragraphs: ['The forum opened.'],
        language: 'en',
        index: createPeopleIndex(),
        clock: startClock({ milliseconds: 0 }),
      }),
    ).toThrow(/^This page took too long to read; it was stopped while reading the statements/)
  })
})

describe('people: the people a page names', () => {
  it('merges a second introduction into the person named before', () => {
    const index = indexOf(zouJi)
    const again = rememberPerson({
      index,
      person: {
        name: 'Zou Ji',
        honorific: 'Dr',
        positions: [
          { title: 'president', organisation: 'Energy Foundation China' },
          { title: 'adviser', organisation: 'CIFCC' },
        ],
      },
    })

    expect([index.people.length, again]).toEqual([
      1,
      {
        name: 'Zou Ji',
        honorific: 'Dr',
        positions: [
          { title: 'president', organisation: 'Energy Foundation China' },
          { title: 'adviser', organisation: 'CIFCC' },
        ],
      },
    ])
  })

  it('reads foreign names written in characters and positions in brackets after a name', () => {
    expect([
      parseIntroduction({ text: '安娜·贝尔格，世界自然基金会顾问', language: 'zh' })?.person.name,
      parseIntroduction({ text: '王海（清华大学教授）', language: 'zh' })?.person.positions.length,
      parseIntroduction({ text: 'He', language: 'en' }),
      parseIntroduction({ text: 'The Bank', language: 'en' }),
    ]).toEqual(['安娜·贝尔格', 1, null, null])
  })

  it('stops a page naming more people than a meeting report does', () => {
    const index = createPeopleIndex()
    for (let n = 0; n < readingLimits.people; n += 1)
      rememberPerson({ index, person: { name: `Person${n} Name`, positions: [] } })

    expect(() => rememberPerson({ index, person: { name: 'One More', positions: [] } })).toThrow(
      PageOverLimit,
    )
  })
})

describe('extract: the checks that a page is a meeting report', () => {
  it('reads a page with no host, statements or questions as news', () => {
    const host = { value: zouJi, confidence: 'high' } as const

    expect([
      notAMeetingReport({ heading: 'Forum opens', host: null, statements: [], questions: [] }),
      notAMeetingReport({ heading: 'Forum opens', host, statements: [], questions: [] }),
    ]).toEqual([
      {
        reason:
          '"Forum opens" reads as a news item, not a meeting report: no host, speakers or questions were found.',
      },
      null,
    ])
  })

  it('counts organisations once, from positions and attending, against the limit', () => {
    const attending = (count: number): Extracted<WrittenOrganisation[]> => ({
      value: Array.from({ length: count }, (_, n) => ({ name: `Organisation ${n}` })),
      confidence: 'high',
    })

    expect([
      tooManyOrganisations({
        people: [zouJi],
        attending: attending(readingLimits.organisations - 1),
      }),
      tooManyOrganisations({ people: [zouJi], attending: attending(readingLimits.organisations) }),
    ]).toEqual([
      null,
      {
        reason: `This page names ${readingLimits.organisations + 1} organisations; a meeting report names a few dozen at most, so it was not read as one.`,
      },
    ])
  })
})

// ——— The stages of building the draft meeting, against the database ———

describe('organisationNames: organisations as pages write them', () => {
  it('splits a list at commas and at an "and" between two names', () => {
    expect(
      splitOrganisationList(
        'the Asian Infrastructure Investment Bank (AIIB) and Tongji University, WHO, the Rhine Water Board and Siemens',
      ),
    ).toEqual({
      organisations: [
        { name: 'Asian Infrastructure Investment Bank', abbreviation: 'AIIB' },
        { name: 'Tongji University' },
        { name: 'WHO', abbreviation: 'WHO' },
        { name: 'Rhine Water Board' },
        { name: 'Siemens' },
      ],
      keptWhole: [],
    })
  })

  it('splits after a name that reads as an organisation when a whole name follows', () => {
    expect([
      splitOrganisationList('Ministry of Water Resources and Lund University, WWF, etc.')
        .organisations,
      splitOrganisationList('Centre for Rivers and Lakes (CRL) and other groups').organisations,
    ]).toEqual([
      [
        { name: 'Ministry of Water Resources' },
        { name: 'Lund University' },
        { name: 'WWF', abbreviation: 'WWF' },
      ],
      [{ name: 'Centre for Rivers and Lakes', abbreviation: 'CRL' }],
    ])
  })

  it('keeps an "and" that is part of a name, and says so', () => {
    expect([
      splitOrganisationList(
        'Ministry of Housing and Urban-Rural Development and the Port Authority',
      ),
      splitOrganisationList('国家发展和改革委员会、住房和城乡建设部和复旦大学以及能源基金会'),
    ]).toEqual([
      {
        organisations: [
          { name: 'Ministry of Housing and Urban-Rural Development' },
          { name: 'Port Authority' },
        ],
        keptWhole: ['Ministry of Housing and Urban-Rural Development'],
      },
      {
        organisations: [
          { name: '国家发展和改革委员会' },
          { name: '住房和城乡建设部' },
          { name: '复旦大学' },
          { name: '能源基金会' },
        ],
        keptWhole: ['国家发展和改革委员会', '住房和城乡建设部'],
      },
    ])
  })

  it('finds the attending list however the introduction words it', () => {
    expect(
      [
        'Representatives of the Nordic Investment Bank (NIB) and Lund University were present.',
        'The workshop brought together more than 80 experts from UNICEF, the Port Authority and Lund University.',
        '与会嘉宾来自北欧投资银行、隆德大学等机构。',
        '新华社、人民日报和中国日报等媒体的记者参加了发布会。',
      ].map((text) => extractAttending(text)?.value),
    ).toEqual([
      [{ name: 'Nordic Investment Bank', abbreviation: 'NIB' }, { name: 'Lund University' }],
      [
        { name: 'UNICEF', abbreviation: 'UNICEF' },
        { name: 'Port Authority' },
        { name: 'Lund University' },
      ],
      [{ name: '北欧投资银行' }, { name: '隆德大学' }],
      [{ name: '新华社' }, { name: '人民日报' }, { name: '中国日报' }],
    ])
  })

  it('pairs a name with its abbreviation in brackets either way, and drops the article', () => {
    expect(
      [
        'the Nordic Investment Bank (NIB)',
        'NIB (Nordic Investment Bank)',
        '亚洲基础设施投资银行（亚投行）',
        'The World Bank.',
        'C40',
        'UN-Habitat',
        'BYD',
        'Centre for Rivers (Lyon office)',
      ].map(writtenOrganisation),
    ).toEqual([
      { name: 'Nordic Investment Bank', abbreviation: 'NIB' },
      { name: 'Nordic Investment Bank', abbreviation: 'NIB' },
      { name: '亚洲基础设施投资银行', abbreviation: '亚投行' },
      { name: 'World Bank' },
      { name: 'C40', abbreviation: 'C40' },
      { name: 'UN-Habitat' },
      // A company's name, not an acronym of one.
      { name: 'BYD' },
      { name: 'Centre for Rivers (Lyon office)' },
    ])
  })

  it('knows the kinds of well-known organisations and guesses the others from their names', () => {
    expect(
      [
        { name: 'C40 Cities Climate Leadership Group', abbreviation: 'C40' },
        { name: 'Lakeside Climate Leadership Group' },
        { name: 'Expert Group on Coastal Adaptation' },
        { name: 'Harbin Institute of Technology' },
        { name: 'Ministry of Natural Resources' },
        { name: 'Yunnan Provincial Bureau of Forestry' },
        { name: 'Caribbean Development Bank' },
        { name: 'Bank of Ningbo' },
        { name: 'Tianjin Daily' },
        { name: 'Meridian Power Group' },
        { name: '湖南大学' },
        { name: '国家林业和草原局' },
        { name: 'IPCC', abbreviation: 'IPCC' },
        { name: 'UNHCR', abbreviation: 'UNHCR' },
        { name: 'National Satellite Meteorological Center' },
      ].map(organisationKind),
    ).toEqual([
      'ngo',
      'ngo',
      'ngo',
      'academic',
      'government',
      'government',
      'multilateral-bank',
      'company',
      'media',
      'company',
      'academic',
      'government',
      'intergovernmental',
      'un-agency',
      'government',
    ])
  })

  it('splits a position into title, unit, organisation and region', () => {
    const positionsOf = (text: string) =>
      parseIntroduction({ text, language: 'en' })?.person.positions

    expect([
      positionsOf('Lea Moser, director of the Urban Climate Programme at C40'),
      positionsOf('Omar Haddad, country director of WRI in China'),
      positionsOf(
        'Ines Duarte, head of the Coastal Division of the World Bank in East Asia and the Pacific',
      ),
      positionsOf("Tom Reyes, economist of UNEP's Finance Branch"),
      positionsOf(
        'Mei Lin, adviser to the Asian Infrastructure Investment Bank (AIIB), and manager for water and cities of ADB',
      ),
      positionsOf('Sara Lund, professor of geography at Lund University'),
      positionsOf(
        'Erik Berg, chief representative in China of GGGI, head of the Water Division of the Ministry of Water Resources',
      ),
    ]).toEqual([
      [{ title: 'director', unit: 'Urban Climate Programme', organisation: 'C40' }],
      [{ title: 'country director', organisation: 'WRI', region: 'China' }],
      [
        {
          title: 'head',
          unit: 'Coastal Division',
          organisation: 'World Bank',
          region: 'East Asia and the Pacific',
        },
      ],
      [{ title: 'economist', unit: 'Finance Branch', organisation: 'UNEP' }],
      [
        {
          title: 'adviser',
          organisation: 'Asian Infrastructure Investment Bank',
          organisationAbbreviation: 'AIIB',
        },
        { title: 'manager for water and cities', organisation: 'ADB' },
      ],
      [{ title: 'professor of geography', organisation: 'Lund University' }],
      [
        { title: 'chief representative', organisation: 'GGGI', region: 'China' },
        { title: 'head', unit: 'Water Division', organisation: 'Ministry of Water Resources' },
      ],
    ])
  })

  it('splits a Chinese position into organisation, region, unit and title', () => {
    const positionsOf = (text: string) =>
      parseIntroduction({ text, language: 'zh' })?.person.positions

    expect([
      positionsOf('王兰，亚投行气候融资局首席专家'),
      positionsOf('李杰，世界资源研究所中国城市水项目主任'),
      positionsOf('赵敏，生态环境部国际合作司副司长'),
      positionsOf('孙明，水利部规划研究院水资源所所长'),
      positionsOf('周立，国家电网公司能源研究院副总工程师'),
    ]).toEqual([
      [{ title: '首席专家', unit: '气候融资局', organisation: '亚投行' }],
      [{ title: '主任', region: '中国', unit: '城市水项目', organisation: '世界资源研究所' }],
      [{ title: '副司长', unit: '国际合作司', organisation: '生态环境部' }],
      // A ministry's academy is an organisation; a company's institute is a unit of it.
      [{ title: '所长', unit: '水资源所', organisation: '水利部规划研究院' }],
      [{ title: '副总工程师', unit: '能源研究院', organisation: '国家电网公司' }],
    ])
  })
})

const meeting = (parts: Partial<ExtractedMeeting> = {}): ExtractedMeeting => ({
  language: 'en',
  breadcrumb: [],
  heading: 'Stage Meeting',
  title: { value: 'Stage Meeting', confidence: 'high' },
  kind: { value: 'round-table', confidence: 'high' },
  edition: { value: 2023, confidence: 'high' },
  date: { value: { date: '2023-03-03', time: '14:00' }, confidence: 'high' },
  host: null,
  coHosts: [],
  focus: { value: 'urban emissions', confidence: 'high' },
  topics: { value: ['building codes'], confidence: 'high' },
  attending: null,
  people: [],
  statements: [],
  questions: [],
  body: [],
  hasLivePictures: false,
  images: [],
  droppedLines: [],
  repairs: [],
  notes: [],
  ...parts,
})

describe('organisationNames: the organisations of a page', () => {
  it('lists each organisation once, under its full name, with its kind', () => {
    const extracted = meeting({
      attending: {
        value: [
          { name: 'Asian Infrastructure Investment Bank', abbreviation: 'AIIB' },
          { name: 'Tongji University' },
          { name: 'C40', abbreviation: 'C40' },
        ],
        confidence: 'high',
      },
      people: [
        {
          name: 'Lea Moser',
          positions: [
            {
              title: 'director',
              organisation: 'C40 Cities Climate Leadership Group',
              organisationAbbreviation: 'C40',
            },
          ],
        },
        { name: 'Wu Fan', positions: [{ title: 'adviser', organisation: 'AIIB' }] },
      ],
      questions: [
        {
          question: { value: 'When?', confidence: 'high' },
          askedBy: 'a reporter from the Tianjin Daily',
          answers: [],
        },
      ],
    })

    expect(pageOrganisations(extracted)).toEqual([
      {
        name: 'Asian Infrastructure Investment Bank',
        abbreviation: 'AIIB',
        kind: 'multilateral-bank',
      },
      { name: 'Tongji University', kind: 'academic' },
      { name: 'C40 Cities Climate Leadership Group', abbreviation: 'C40', kind: 'ngo' },
      { name: 'Tianjin Daily', kind: 'media' },
    ])
    expect(attendingAsOnPage(extracted)?.value).toEqual([
      { name: 'Asian Infrastructure Investment Bank', abbreviation: 'AIIB' },
      { name: 'Tongji University' },
      { name: 'C40 Cities Climate Leadership Group', abbreviation: 'C40' },
    ])
  })
})

const anaStage: ExtractedPerson = {
  name: 'Ana Stage',
  positions: [{ title: 'director', organisation: 'Stage Test Foundation' }],
}

describe('directory: what a run already knows', () => {
  it('forgets what a failed page added, and keeps what came before it', () => {
    const directory = createDirectory({
      organisations: [{ id: 'kept', names: ['Kept Foundation'], abbreviation: 'KF' }],
    })
    const mark = markDirectory(directory)
    addOrganisation(directory, { id: 'dropped', names: ['Dropped Institute'], abbreviation: 'DI' })
    addSpeaker(directory, { id: 'gone', names: ['Gone Speaker'] })
    rewindDirectory(directory, mark)

    expect([
      directory.organisations.map(({ id }) => id),
      directory.speakers,
      matchOrganisation({ written: { name: 'DI' }, directory }).kind,
      matchOrganisation({ written: { name: 'KF' }, directory }),
    ]).toEqual([['kept'], [], 'new', { kind: 'existing', id: 'kept', confidence: 'high' }])
  })
})

describe('meetingData: the draft meeting made of what was read', () => {
  let payload: Payload
  let newContext: (language?: 'en' | 'zh') => Promise<Context>

  beforeAll(async () => {
    payload = await getTestPayload()
    const req = await createLocalReq({}, payload)
    newContext = async (language = 'en') =>
      createContext({ payload, req, directory: await loadDirectory({ payload }), language })
  })

  const nameOf = async (collection: 'speakers' | 'organisations', id: string | undefined) =>
    id ? (await payload.findByID({ collection, id, locale: 'en' })).name : undefined

  it('notes the fields the extractor was unsure of and the ones it did not find', async () => {
    const context = await newContext()
    noteExtractedFields({
      context,
      extracted: meeting({
        title: { value: 'Stage Meeting', confidence: 'medium', note: 'Title: from the heading.' },
        kind: { value: 'round-table', confidence: 'low' },
        focus: null,
        topics: null,
      }),
    })

    expect(context.notes).toEqual([
      { confidence: 'medium', text: 'Title: from the heading.' },
      { confidence: 'low', text: 'Kind: check this value.' },
      { confidence: 'low', text: 'Host: the page does not say who hosted the meeting.' },
      { confidence: 'low', text: 'Focus: no focus or theme was found on the page.' },
      { confidence: 'low', text: 'Topics: no list of topics was found on the page.' },
    ])
  })

  it('links each statement to its speaker, created once, with position and organisation', async () => {
    const context = await newContext()
    const statement = (said: string): ExtractedStatement => ({
      speaker: { value: anaStage, confidence: 'high' },
      paragraphs: { value: [said], confidence: 'high' },
    })
    const rows = await resolveStatements({
      context,
      statements: [statement('Cities first.'), statement('Then regions.')],
    })

    expect({
      speakers: rows.map(({ speaker }) => speaker),
      names: [
        await nameOf('speakers', rows[0].speaker as string),
        await nameOf('organisations', rows[0].organisation as string),
      ],
      positions: rows.map(({ position }) => position),
      statements: rows.map(({ statement }) => statement),
      created: context.created,
      notes: context.notes,
    }).toEqual({
      speakers: [rows[0].speaker, rows[0].speaker],
      names: ['Ana Stage', 'Stage Test Foundation'],
      positions: ['Director, Stage Test Foundation', 'Director, Stage Test Foundation'],
      statements: [
        richText({ paragraphs: ['Cities first.'] }),
        richText({ paragraphs: ['Then regions.'] }),
      ],
      created: { speakers: 1, organisations: 1 },
      // Each record it created, linked, to be confirmed or merged.
      notes: [
        {
          confidence: 'low',
          text: 'New organisation "Stage Test Foundation" (its kind, "ngo", was guessed from its name): confirm it, or merge it into the organisation it duplicates.',
          record: { relationTo: 'organisations', value: rows[0].organisation },
        },
        {
          confidence: 'medium',
          text: 'New speaker "Ana Stage": confirm them, or merge them into the speaker they duplicate.',
          record: { relationTo: 'speakers', value: rows[0].speaker },
        },
      ],
    })
  })

  it('keeps answers by a named speaker and leaves out, with a note, those by no one', async () => {
    const context = await newContext()
    const bob: ExtractedPerson = { name: 'Bob Answerer', positions: [] }
    const rows = await resolveQuestions({
      context,
      people: [bob],
      questions: [
        {
          question: { value: 'How do cities start?', confidence: 'high' },
          askedBy: 'a student',
          answers: [
            {
              speaker: { value: 'Bob Answerer', confidence: 'high' },
              answer: { value: 'By measuring.', confidence: 'high' },
            },
            {
              speaker: { value: '', confidence: 'low', note: 'Q&A: an answer does not say who.' },
              answer: { value: 'Slowly.', confidence: 'high' },
            },
          ],
        },
        { question: { value: 'And then?', confidence: 'high' }, answers: [] },
      ],
    })

    expect(rows).toEqual([
      {
        question: 'How do cities start?',
        askedBy: 'a student',
        answers: [{ speaker: rows[0].answers?.[0].speaker, answer: 'By measuring.' }],
      },
      { question: 'And then?', answers: [] },
    ])
    expect([
      await nameOf('speakers', rows[0].answers?.[0].speaker as string),
      context.notes,
    ]).toEqual([
      'Bob Answerer',
      [
        {
          confidence: 'medium',
          text: 'New speaker "Bob Answerer": confirm them, or merge them into the speaker they duplicate.',
          record: { relationTo: 'speakers', value: rows[0].answers?.[0].speaker },
        },
        { confidence: 'low', text: 'Q&A: an answer does not say who.' },
        {
          confidence: 'low',
          text: 'Q&A: an answer with no speaker was left out (the meeting needs one): "Slowly.…"',
        },
        { confidence: 'low', text: 'Q&A: no answer was found to "And then?".' },
      ],
    ])
  })

  it('links each attending organisation once, however the page writes it', async () => {
    const context = await newContext()
    const ids = await resolveAttending({
      context,
      attending: {
        value: [
          { name: 'ADB', abbreviation: 'ADB' },
          { name: 'Asian Development Bank' },
          { name: 'WWF', abbreviation: 'WWF' },
        ],
        confidence: 'high',
      },
    })

    expect(await Promise.all(ids.map((id) => nameOf('organisations', id)))).toEqual([
      'Asian Development Bank',
      'World Wide Fund for Nature',
    ])
    expect(await resolveAttending({ context, attending: null })).toEqual([])
  })

  it("passes on the extractor's notes and asks for the page's photos", async () => {
    const context = await newContext()
    notePageNotes({
      context,
      extracted: meeting({
        notes: ['A paragraph was kept.'],
        images: ['live/1.jpg', 'live/2.jpg'],
      }),
    })

    expect(context.notes).toEqual([
      { confidence: 'medium', text: 'A paragraph was kept.' },
      {
        confidence: 'medium',
        text: 'Photos: the page had "Live Pictures" (live/1.jpg, live/2.jpg); upload them under Photos and choose this meeting.',
      },
    ])
  })

  it('starts at the time given, else the part of the day, else 09:00 with a note', async () => {
    const context = await newContext()
    const at = (value: ExtractedMeeting['date']['value']) =>
      meetingTime(context, meeting({ date: { value, confidence: 'high' } }))

    expect([
      at({ date: '2023-03-03', time: '15:30' }),
      at({ date: '2023-03-03', partOfDay: 'evening' }),
      at({ date: '2023-03-03' }),
      context.notes,
    ]).toEqual([
      '15:30',
      '19:00',
      '09:00',
      [
        {
          confidence: 'medium',
          text: 'Start time: the page says "evening" only; 19:00 Beijing time was set. Add an end time if known.',
        },
        {
          confidence: 'low',
          text: 'Start time: the page gives no time on 2023-03-03; 09:00 Beijing time was set.',
        },
      ],
    ])
  })

  // Built by the whole of buildMeetingData and saved as the import saves it.
  const saveDraft = async (extracted: ExtractedMeeting) => {
    const data = await buildMeetingData({
      context: await newContext(),
      extracted,
      legacySource: `source-${extracted.title.value}`,
      existingId: undefined,
    })
    const { id } = await payload.create({
      collection: 'meetings',
      data: { ...(data as Meeting), _status: 'draft' },
      draft: true,
      locale: 'en',
    })
    return { data, id }
  }

  it('assembles the meeting data from the stages, and it saves as a draft', async () => {
    const { data, id } = await saveDraft(
      meeting({
        title: { value: 'Stage Assembled Meeting', confidence: 'high' },
        host: { value: anaStage, confidence: 'high' },
        people: [anaStage],
        body: ['The forum opened.'],
      }),
    )
    const saved = await payload.findByID({ collection: 'meetings', id, draft: true, locale: 'en' })

    expect({ ...data, host: await nameOf('speakers', data.host as string) }).toEqual({
      title: 'Stage Assembled Meeting',
      kind: 'round-table',
      edition: 2023,
      startsAt: '2023-03-03T06:00:00.000Z',
      startsAt_tz: 'Asia/Shanghai',
      host: 'Ana Stage',
      coHosts: [],
      focus: 'urban emissions',
      topics: [{ topic: 'building codes' }],
      body: richText({ paragraphs: ['The forum opened.'] }),
      statements: [],
      questions: [],
      attendingOrganisations: [],
      legacySource: 'source-Stage Assembled Meeting',
      slug: 'stage-assembled-meeting',
    })
    expect([saved.slug, saved.startsAt]).toEqual([
      'stage-assembled-meeting',
      '2023-03-03T06:00:00.000Z',
    ])
  })

  it('links the co-hosts after the host, and counts them among the participants', async () => {
    const benStage: ExtractedPerson = { name: 'Ben Stage', positions: [{ title: 'adviser' }] }
    const { id } = await saveDraft(
      meeting({
        title: { value: 'Stage Co-hosted Meeting', confidence: 'high' },
        host: { value: anaStage, confidence: 'high' },
        coHosts: [{ value: benStage, confidence: 'high' }],
        people: [anaStage, benStage],
      }),
    )
    const saved = await payload.findByID({ collection: 'meetings', id, draft: true, depth: 0 })

    expect(
      await Promise.all((saved.coHosts as string[]).map((s) => nameOf('speakers', s))),
    ).toEqual(['Ben Stage'])
    expect(saved.participants).toHaveLength(2)
  })

  it("gives the title's address, numbered when another meeting has it", async () => {
    const extracted = meeting({ title: { value: 'Stage Duplicate Meeting', confidence: 'high' } })
    const holder = await saveDraft(extracted)
    const context = await newContext()

    expect([
      await meetingSlug({ context, extracted, existingId: holder.id }),
      await meetingSlug({ context, extracted, existingId: undefined }),
      context.notes,
    ]).toEqual([
      'stage-duplicate-meeting',
      'stage-duplicate-meeting-2',
      [
        {
          confidence: 'low',
          // Linked to the meeting it may duplicate, named by its title: staff see names, not ids.
          text: `Possible duplicate: the meeting "Stage Duplicate Meeting" already has this title's address, so this draft is at "stage-duplicate-meeting-2". If it is the same meeting, copy what you need and delete this draft.`,
          record: { relationTo: 'meetings', value: holder.id },
        },
      ],
    ])
  })

  it('gives a title without Latin letters an address from the date', async () => {
    const context = await newContext('zh')

    expect([
      await meetingSlug({
        context,
        extracted: meeting({ title: { value: '碳市场与绿色金融', confidence: 'high' } }),
        existingId: undefined,
      }),
      context.notes,
    ]).toEqual([
      'meeting-2023-03-03',
      [
        {
          confidence: 'medium',
          text: 'Address: the title has no Latin letters, so the slug is "meeting-2023-03-03".',
        },
      ],
    ])
  })
})
