// Hostile pages for the import's parse stage: plausible news pages (breadcrumb, heading, date,
// host sentence, speakers, Q&A, footer) with one part replaced by a long run of what a pattern
// backtracks over. The run sits where the pattern looks, so the page reaches it, and grows to
// `size` bytes (UTF-8), up to the upload limit. Deterministic for a seed (src/seed/scale's random
// source), so a slow case can be replayed; the shared bench (bench/importAdversarial.ts) and the
// property test (tests/int/importAdversarial.int.spec.ts) read the same pages.

import type { RandomSource } from '../../src/seed/scale/random'

import { randomSource } from '../../src/seed/scale/random'

export type AdversarialPage = {
  name: string
  page: (args: { size: number; random: RandomSource }) => string
}

const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8')

// Units from `unit` until `bytes` are used: the run a case grows.
const run = (bytes: number, unit: () => string): string => {
  const parts: string[] = []
  let used = 0
  for (;;) {
    const next = unit()
    const length = bytesOf(next)
    if (used + length > bytes) break
    parts.push(next)
    used += length
  }
  return parts.join('')
}

const capitals = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const capital = (random: RandomSource) => random.pick([...capitals])
const capitalRun = (random: RandomSource, length: number) =>
  Array.from({ length }, () => capital(random)).join('')
// Common Han characters, and the high Latin-1 letters GBK damage is made of (¡° is “).
const han = [
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质',
]
const mojibake = [...'¡°¡±¡¤¡¢¡£ÖÐ¹ú¹ú¼ÊÆøºò±ä»¯ÂÛÌ³ÍÆ¶¯µÍÌ¼']

// An English report in the forum's usual shape; a case replaces one part of it.
export const englishPage = ({
  heading = '2022 CIFCC Round Table Meeting--Green Industry and Low-Carbon Cities',
  opening = 'On the afternoon of October 30, 2022, the 2022 CIFCC round-table meeting, entitled Green Industry and Low-Carbon Cities, was held, and Edward Clarence-Smith, representative of UNIDO in China and Northeast Asia, hosted the meeting.',
  intro = [
    'The meeting focused on “policy and trend”, which included two topics like green industry, low-carbon cities. The guests from EU, WB and CASS attended the meeting.',
  ],
  statements = [
    'Zou Ji, vice president of School of Environment, China Renmin University, pointed out: cities still lean on industry.',
    'Peter Cook, senior investment officer of International Finance Corporation, said that carbon needs a market.',
  ],
  after = ['Question: What are the barriers?', 'Zou Ji: First, our understanding.'],
}: {
  heading?: string
  opening?: string
  intro?: string[]
  statements?: string[]
  after?: string[]
}) =>
  [
    'Home >> News Media >> News',
    heading,
    '',
    opening,
    ...intro,
    ...statements,
    ...after,
    'Live Pictures',
    '© 2011 China International Forum on Climate Change',
  ].join('\n\n')

const chinesePage = ({
  opening = '2021年11月5日上午，2021年中国国际气候变化论坛圆桌会议“碳市场与绿色金融”在北京成功举行，会议由世界银行可持续发展局局长王海主持。',
  intro = [
    '会议以“市场与机制”为主题，包括两个议题：全国碳市场建设、绿色金融工具创新。来自欧盟、世界银行、国际金融公司的嘉宾出席了会议。',
  ],
  statements = ['李明，中国人民大学环境学院副院长，指出：碳价格需要稳定的预期。'],
}: {
  opening?: string
  intro?: string[]
  statements?: string[]
}) =>
  [
    '首页 >> 新闻中心 >> 新闻',
    '2021年中国国际气候变化论坛圆桌会议——碳市场与绿色金融',
    opening,
    ...intro,
    ...statements,
    '问：中小企业如何参与碳市场？',
    '李明：先从碳核算做起。',
    '现场图片',
  ].join('\n\n')

const htmlPage = (tail: string) =>
  `<!doctype html><html><head><title>CIFCC</title></head><body><div>Home &gt;&gt; News Media &gt;&gt; News</div><h1>2021 CIFCC Plenary Session--Clean Heating</h1><p>On the morning of June 15, 2021, the plenary session was held, and Anna Kowalska, director of the European Climate Foundation, hosted the meeting.</p><p>Zhou Wei, chief engineer of Beijing District Heating Group, pointed out: waste heat can cover a fifth of demand.</p>${tail}`

// What is left of the size once the page around the run is written.
const room = (size: number, page: string) => Math.max(0, size - bytesOf(page))

// One long line (the worst case for a pattern applied per paragraph) in the English intro.
const introLine = (name: string, unit: (random: RandomSource) => string): AdversarialPage => ({
  name,
  page: ({ size, random }) =>
    englishPage({ intro: [run(room(size, englishPage({})), () => unit(random))] }),
})

// A long line in the opening paragraph, around words a pattern starts from.
const openingLine = (
  name: string,
  {
    before = '',
    unit,
    after = '',
  }: { before?: string; unit: (random: RandomSource) => string; after?: string },
): AdversarialPage => ({
  name,
  page: ({ size, random }) => {
    const frame = (middle: string) =>
      englishPage({
        opening: `On October 30, 2022, the round table was held. ${before}${middle}${after}`,
      })
    return frame(run(room(size, frame('')), () => unit(random)))
  },
})

const chineseOpening = (
  name: string,
  { unit, after = '' }: { unit: (random: RandomSource) => string; after?: string },
): AdversarialPage => ({
  name,
  page: ({ size, random }) => {
    const frame = (middle: string) =>
      chinesePage({ opening: `2021年11月5日上午，圆桌会议在北京举行，${middle}${after}` })
    return frame(run(room(size, frame('')), () => unit(random)))
  },
})

const firstStatement = 'Zou Ji, vice president of China Renmin University, pointed out: yes.'

// Many short paragraphs where statements are expected: bounded per line, but many lines.
const statementLines = (
  name: string,
  line: (random: RandomSource) => string,
  { lead = [], separator = '\n\n' }: { lead?: string[]; separator?: string } = {},
): AdversarialPage => ({
  name,
  page: ({ size, random }) => {
    const frame = (lines: string) => englishPage({ statements: [...lead, lines] })
    return frame(run(room(size, frame('')), () => `${line(random)}${separator}`).trimEnd())
  },
})

const htmlTail = (name: string, unit: (random: RandomSource) => string): AdversarialPage => ({
  name,
  page: ({ size, random }) => htmlPage(run(room(size, htmlPage('')), () => unit(random))),
})

const syllable = (random: RandomSource) =>
  capital(random) + random.pick([...'aeiou']) + random.pick([...'nglmrstk'])

export const adversarialPages: AdversarialPage[] = [
  // A name is one word here: a run of capitals with no end splits in 2^n ways.
  statementLines('capitals as a speaker name', (random) => `${capitalRun(random, 40)}1 said: yes.`),
  openingLine('capitals as the host name', {
    unit: capital,
    after: '1 hosted the meeting.',
  }),
  openingLine('"A A A …" as the host name', {
    unit: (random) => `${capital(random)} `,
    after: '1 hosted the meeting.',
  }),
  openingLine('commas after the host name', {
    before: 'Zou Ji',
    unit: () => ',',
    after: 'x hosted the meeting.',
  }),
  statementLines('commas after a speaker name', () => `Zou Ji${','.repeat(480)}x said: yes.`),
  openingLine('"chaired by" with no full stop', { unit: () => 'It was chaired by Wang ' }),
  openingLine('"entitled" with no comma', { unit: () => 'entitled Green ' }),
  introLine('"focused on “" with no closing quote', () => 'The meeting focused on “cities '),
  introLine('"under the theme of “" with no closing quote', () => 'under the theme of “cities '),
  introLine('"guests from" with no verb', () => 'The guests from EU '),
  introLine('"attended by" with no full stop', () => 'attended by WB '),
  introLine('"included topics" with no full stop', () => 'included three topics like a, '),
  introLine('a run of capitals', capital),
  introLine('a run of spaces', () => ' '),
  introLine('a run of digits', (random) => String(random.integer(0, 9))),
  introLine('a run of commas', () => ','),
  introLine('a run of colons', () => ':'),
  introLine('a run of bars', () => '|'),
  introLine('a run of ">"', () => '>'),
  introLine('a run of “', () => '“'),
  introLine('a run of "and"', () => 'and '),
  introLine(
    'an attending list of thousands',
    (random) => `${syllable(random)}${syllable(random)}, `,
  ),
  introLine('GBK mojibake', (random) => random.pick(mojibake)),
  introLine('Latin-1 high bytes', (random) => String.fromCharCode(random.integer(0x80, 0xff))),
  chineseOpening('由 with no 主持', { unit: () => '由世界银行' }),
  chineseOpening('来自 with no guests', { unit: () => '来自欧盟' }),
  chineseOpening('以“ with no closing quote', { unit: () => '以“市场' }),
  chineseOpening('主题为“ with no closing quote', { unit: () => '主题为“市场' }),
  chineseOpening('a run of Chinese characters', { unit: (random) => random.pick(han) }),
  chineseOpening('a run of 、 and 和', {
    unit: (random) => `${random.pick(han)}${random.pick(['、', '和', '及'])}`,
  }),
  statementLines(
    'thousands of speakers',
    (random) =>
      `${syllable(random)} ${syllable(random)}${syllable(random)}, head of WB, said: yes.`,
  ),
  statementLines(
    'thousands of paragraphs after the statements',
    () => 'The audience went to lunch.',
    {
      lead: [firstStatement],
    },
  ),
  statementLines('thousands of statements by one speaker', () => 'Zou Ji said that it holds.', {
    lead: [firstStatement],
  }),
  statementLines(
    'thousands of questions and answers',
    () => 'Question from Li: Why?\n\nZou Ji: Because.',
    {
      lead: [firstStatement],
    },
  ),
  statementLines(
    'a statement as long as the page',
    (random) => `Zou Ji said: ${capital(random)}x `,
    {
      lead: [firstStatement],
      separator: '',
    },
  ),
  {
    name: 'thousands of paragraphs before the date',
    page: ({ size }) => {
      const frame = (lines: string) =>
        englishPage({ opening: `${lines}The round table was held on October 30, 2022.` })
      return frame(run(room(size, frame('')), () => 'The forum opened.\n\n'))
    },
  },
  htmlTail('<img src> by the thousand', () => '<img src="/a.jpg">'),
  htmlTail('<div with no end', () => '<div'),
  htmlTail('<b> with no close', () => '<b>'),
  htmlTail('<!-- with no end', () => '<!--'),
  htmlTail('<body with no end', () => '<body'),
  htmlTail('<body> with no </body>', () => '<body>'),
  htmlTail('<script with no end', () => '<script'),
  htmlTail('<img with no end', () => '<img src'),
  htmlTail('a run of <', () => '<'),
]

export const adversarialSizes = [1, 4, 16, 64, 256, 1024, 2048].map((kilobytes) => kilobytes * 1024)

export const adversarialPage = ({
  name,
  size,
  seed,
}: {
  name: string
  size: number
  seed: number
}) => {
  const found = adversarialPages.find((page) => page.name === name)
  if (!found) throw new Error(`No adversarial page named "${name}"`)
  return found.page({ size, random: randomSource(seed) })
}
