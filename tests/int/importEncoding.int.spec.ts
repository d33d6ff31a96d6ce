import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { decodeFile, repairMojibake } from '@/import/encoding'
import { randomSource } from '@/seed/scale/random'

import { encodeGBK, gbkReadAsLatin1, utf8ReadAsLatin1 } from '../helpers/gbk'
import { hasReference, noteMissingReference, readReference } from '../helpers/reference'

const retoldRoundTable = fs.readFileSync(
  path.resolve(process.cwd(), 'tests/int/fixtures/import/round-table-2022-retold.txt'),
  'utf8',
)

noteMissingReference({ skipped: "repairing the forum's own 2022 round-table page" })

// Our own clean texts, with the characters that sit next to mojibake in the byte tables:
// curly quotes, dashes, accents, degrees, no-break spaces, Spanish and French punctuation.
const cleanEnglish =
  'On 3 March 2021 the panel met in Zürich. “Carbon markets”, said Ms Ångström, “need rules…”—“and trust.” It was 21°C ±2°; costs fell by ½. Café, naïve, São Paulo, ações, ¡Hola! ¿Qué? «Très bien». © 2021 Forum\u00a0Secretariat · All rights reserved.'

const cleanChinese =
  '2021年11月5日上午，中国国际气候变化论坛“碳市场与绿色金融”圆桌会议在北京举行。与会嘉宾认为：碳定价、信息披露、转型金融——缺一不可；会议由世界银行代表主持。'

// Both pages have their quotation marks and the bullets of their footer damaged by the old
// GBK → Latin-1 round trip: two quotation marks and nine bullets.
const describeRepairOf = ({ page, read }: { page: string; read: () => string }) => {
  describe(`repairing ${page}`, () => {
    it('turns its damaged quotation marks and bullets back into “, ” and ·', () => {
      const { text, repairs } = repairMojibake(read())

      expect({
        quoted: text.includes('“policy and trend, city and project”'),
        bullets: text.match(/·/g)?.length,
        leftover: /[¡]/.test(text),
        repairs: repairs.length,
      }).toEqual({ quoted: true, bullets: 9, leftover: false, repairs: 11 })
    })

    it('changes nothing else on the page', () => {
      const page = read()
      const { text } = repairMojibake(page)

      expect(text.replace(/[“”·]/g, '')).toBe(page.replace(/¡°|¡±|¡¤/g, ''))
    })
  })
}

describeRepairOf({ page: 'our retelling of the round-table page', read: () => retoldRoundTable })

describe.skipIf(!hasReference)("the forum's own page", () => {
  describeRepairOf({
    page: 'the round-table page',
    read: () => readReference().toString('utf8'),
  })
})

describe('clean text', () => {
  it('comes back identical when it is English', () => {
    expect(repairMojibake(cleanEnglish).text).toBe(cleanEnglish)
  })

  it('comes back identical when it is Chinese', () => {
    expect(repairMojibake(cleanChinese).text).toBe(cleanChinese)
  })

  it('comes back as the very same string when nothing was repaired', () => {
    const result = repairMojibake(cleanEnglish)

    expect([result.text === cleanEnglish, result.repairs]).toEqual([true, []])
  })
})

describe('damaged text', () => {
  it('repairs Chinese text that was stored as GBK and read as Latin-1', () => {
    const damaged = gbkReadAsLatin1(cleanChinese)

    expect(repairMojibake(damaged).text).toBe(cleanChinese)
  })

  it('repairs text that was stored as UTF-8 and read as Latin-1', () => {
    const damaged = utf8ReadAsLatin1('Zürich, “quoted”, 中文')

    expect(repairMojibake(damaged).text).toBe('Zürich, “quoted”, 中文')
  })

  it('repairs only the damaged runs of a page that also has clean accents', () => {
    const damaged = `Café ${gbkReadAsLatin1('“低碳城市”')} naïve`

    expect(repairMojibake(damaged).text).toBe('Café “低碳城市” naïve')
  })
})

// ——— Properties over generated text (seeded: a failure names its seed) ———

const englishWords = ['carbon', 'city', 'policy', 'Forum', 'market', 'the', 'of', 'and', 'EU']
const accentedWords = [
  'café',
  'naïve',
  'Zürich',
  'São',
  'ações',
  'Ångström',
  'Þór',
  'œuvre',
  'Müller',
  'façade',
  'señor',
  'Øresund',
  'Ça',
  'Ère',
  'à',
]
const chineseWords = [
  '低碳',
  '城市',
  '中国',
  '气候变化',
  '论坛',
  '绿色产业',
  '会议',
  '专家',
  '碳市场',
]
const numbers = ['2022', '30', '3.5%', '75%-80%', 'CO2', '21°C', '±2', '½', '§3', '¶4', '100€']
// Punctuation as it is typeset: openers before a word, closers after it, the rest between
// words ("« café »" with no-break spaces, as French sets it).
const openers = ['“', '‘', '¡', '¿', '«', '«\u00a0', '(', '']
const closers = ['”', '’', '…', '!', '?', '»', '\u00a0»', '®', '™', '°', '.', ',', '…”', '”—', '']
const between = [
  ' ',
  ' ',
  ' ',
  '\n',
  '\u00a0',
  ' — ',
  ' – ',
  ' · ',
  ' © ',
  ' • ',
  '，',
  '。',
  '、',
  '：',
]

const cleanText = (seed: number): string => {
  const random = randomSource(seed)
  const groups = [englishWords, accentedWords, chineseWords, numbers]
  return Array.from({ length: random.integer(1, 40) }, () => {
    const word = random.pick(random.pick(groups))
    // Spanish sets ¡ and ¿ before words, never before "½" or "±2".
    const opener = random.pick(/^\p{L}/u.test(word) ? openers : openers.slice(0, 2))
    return opener + word + random.pick(closers) + random.pick(between)
  }).join('')
}

const damagedText = (seed: number): { clean: string; damaged: string } => {
  const random = randomSource(seed)
  const chinese = ['“', '”', '·', '、', '。', '，', '：', '《', '》', ...chineseWords]
  const parts = Array.from({ length: random.integer(1, 12) }, () =>
    random.next() < 0.5 ? random.pick(englishWords) : random.pick(chinese),
  )
  const clean = parts.join(' ')
  return {
    clean,
    damaged: parts
      .map((part) => (/^[\x20-\x7e]*$/.test(part) ? part : gbkReadAsLatin1(part)))
      .join(' '),
  }
}

describe('properties', () => {
  it('never changes text that has no mojibake (2,000 generated texts)', () => {
    const changed = Array.from({ length: 2000 }, (_, seed) => seed)
      .map((seed) => ({ seed, text: cleanText(seed) }))
      .filter(({ text }) => repairMojibake(text).text !== text)

    expect(changed).toEqual([])
  })

  it('restores generated Chinese text and punctuation damaged by the GBK round trip (500 texts)', () => {
    const wrong = Array.from({ length: 500 }, (_, seed) => ({ seed, ...damagedText(seed) })).filter(
      ({ clean, damaged }) => repairMojibake(damaged).text !== clean,
    )

    expect(wrong).toEqual([])
  })
})

describe('reading files', () => {
  it('reads a page saved in GBK', () => {
    expect(decodeFile(encodeGBK(cleanChinese))).toEqual({ text: cleanChinese, encoding: 'gb18030' })
  })

  it('reads UTF-8 and drops its byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cleanEnglish)])

    expect(decodeFile(bytes)).toEqual({ text: cleanEnglish, encoding: 'utf-8' })
  })
})
