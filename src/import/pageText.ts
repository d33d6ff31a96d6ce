import type { Repair } from './encoding'
import type { Clock } from './limits'
import type { Language, ParseFailure } from './types'

import { repairMojibake } from './encoding'
import { htmlToText, looksLikeHTML } from './html'
import { excerpt } from './limits'

// The first stages of reading a page: its text, its lines and language, and the heading and
// paragraphs between the breadcrumb and the footer.

const countLatinLetters = (text: string): number => {
  let count = 0
  for (let index = 0; index < text.length; index += 1) {
    // Lower-cased by setting bit 5: A–Z and a–z both land on a–z, nothing else does.
    const code = text.charCodeAt(index) | 32
    if (code >= 97 && code <= 122) count += 1
  }
  return count
}

// Counted without an array of every match (two million of them for a large page): Han from what
// is left when everything else is removed, where a character beyond U+FFFF is two units.
const isChinese = (text: string): boolean => {
  const hanUnits = text.replace(/\P{Script=Han}+/gu, '')
  const han = hanUnits.length - hanUnits.replace(/[^\ud800-\udbff]+/g, '').length
  return han > countLatinLetters(text) / 4
}

export const languageOf = (text: string): Language => (isChinese(text) ? 'zh' : 'en')

// The page's text with its markup gone and old-encoding damage repaired, and the images the
// markup named.
export const readText = ({
  content,
  clock,
}: {
  content: string
  clock: Clock
}): { text: string; images: string[]; repairs: Repair[] } => {
  const isHTML = looksLikeHTML(content)
  const { text: plain, images } = isHTML ? htmlToText(content) : { text: content, images: [] }
  clock.check('reading the HTML')
  const { text, repairs }: { text: string; repairs: Repair[] } = repairMojibake(plain)
  clock.check('repairing the encoding')
  return { text, images, repairs }
}

export const splitLines = (text: string): string[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    // Every run of whitespace becomes one space; a single space already is one, and replacing
    // each of a million of them cost half a second.
    .map((line) => line.replace(/(?! )[\u00a0\s]+| [\u00a0\s]+/g, ' ').trim())
    .filter(Boolean)

// Lines that start the site's footer: the photo block, bullet-list navigation, the link bar,
// the copyright line. Everything from the first of them on is dropped.
const footerStart =
  /^(?:live pictures?|photos?|related (?:news|links|articles)|现场图片|图片直播|相关新闻|[·•]\s*\S|.*\s\|\s.*|©|copyright\b|版权所有|\[?(?:print|close|back)\]?$)/i

const livePictures = /^(?:live pictures?|photos?|现场图片|图片直播)$/i

const breadcrumbSeparator = /\s*(?:>>|»|›|＞＞|>)\s*/

export const splitBreadcrumb = (line: string): string[] | null => {
  if (line.length > 160) return null
  const parts = line.split(breadcrumbSeparator).filter(Boolean)
  return parts.length >= 2 && /^(?:home|首页|主页)$/i.test(parts[0]) ? parts : null
}

// The lines before the footer, and the footer's lines, which are kept only to tell whether the
// page had photos.
export const dropFooter = (
  lines: string[],
): { pageLines: string[]; droppedLines: string[]; hasLivePictures: boolean } => {
  const footerIndex = lines.findIndex((line, index) => index > 0 && footerStart.test(line))
  const pageLines = footerIndex >= 0 ? lines.slice(0, footerIndex) : lines
  const droppedLines = footerIndex >= 0 ? lines.slice(footerIndex) : []
  const hasLivePictures = droppedLines.some((line) => livePictures.test(line))
  return { pageLines, droppedLines, hasLivePictures }
}

export type PageParts = {
  breadcrumb: string[]
  heading: string
  paragraphs: string[]
  droppedLines: string[]
  hasLivePictures: boolean
}

// The breadcrumb, the heading and the report's paragraphs; a page without a heading and a
// report below it is not a meeting report.
export const splitPage = (lines: string[]): PageParts | ParseFailure => {
  const breadcrumb = splitBreadcrumb(lines[0]) ?? []
  const contentLines = lines.slice(breadcrumb.length > 0 ? 1 : 0)
  const { pageLines, droppedLines, hasLivePictures } = dropFooter(contentLines)

  const [heading, ...paragraphs] = pageLines
  if (!heading) return { reason: 'The page has no heading to take the meeting title from.' }
  if (paragraphs.length === 0)
    return { reason: `The page has a heading ("${excerpt(heading)}") but no report below it.` }
  return { breadcrumb, heading, paragraphs, droppedLines, hasLivePictures }
}
