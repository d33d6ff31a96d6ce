import { decodeHTML } from 'entities'

export type HTMLText = { text: string; images: string[] }

const blockTags =
  'address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|th|thead|tr|ul'

export const looksLikeHTML = (text: string): boolean =>
  /<(?:!doctype|html|body|p|div|h[1-6]|br|table)\b/i.test(text.slice(0, 4096))

// A pattern that needs a closing ("…>", "-->") is applied only up to the last closing on the page:
// before it every opening finds one, after it none can. Over the whole page, the engine would
// read from every unclosed "<div" or "<!--" to the end and then try the next one: a page of
// unclosed tags took minutes.
const replaceUpToLast = ({
  text,
  closing,
  pattern,
  replacement,
}: {
  text: string
  closing: string
  pattern: RegExp
  replacement: string
}): string => {
  const end = text.lastIndexOf(closing) + closing.length
  if (end < closing.length) return text
  return text.slice(0, end).replace(pattern, replacement) + text.slice(end)
}

const hiddenElements = ['script', 'style', 'noscript', 'template', 'head']

// Here each kind has its own closing, so instead an opening that is never closed takes the rest
// of the page (the `$`) and gives it back, with the other kinds still removed from it, as the
// engine did when it moved on from the unclosed opening. No later opening of that kind can
// close either, so the kind is left out from there on: at most one pass per kind.
const withoutHiddenElements = (html: string, names: string[] = hiddenElements): string =>
  names.length === 0
    ? html
    : html.replace(
        new RegExp(`<(${names.join('|')})\\b[\\s\\S]*?(<\\/\\1>|$)`, 'gi'),
        (element, name: string, close: string) =>
          close
            ? ''
            : `<${name}${withoutHiddenElements(
                element.slice(name.length + 1),
                names.filter((other) => other !== name.toLowerCase()),
              )}`,
      )

// Between the first <body …> and the last </body>, as `<body\b[^>]*>([\s\S]*)<\/body>` found it,
// with one search for each end instead of a pass over the rest of the page from every "<body".
const bodyOf = (html: string): string => {
  const opening = /<body\b/i.exec(html)
  if (!opening) return html
  const start = html.indexOf('>', opening.index) + 1
  if (start === 0) return html
  let end = -1
  for (const closing of html.matchAll(/<\/body>/gi)) end = closing.index
  return end >= start ? html.slice(start, end) : html
}

// Each <img> tag is read once up to its ">", then the last src in it is taken, as the old
// pattern's greedy [^>]* did, instead of reading on to the ">" from every "<img" before it.
const imageSources = (html: string): string[] =>
  [...html.matchAll(/<img\b[^>]*/gi)].flatMap(
    ([tag]) => /^[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1] ?? [],
  )

// Old news pages are table layouts with a paragraph per <p> or <br>: a line per block element
// is all the structure the extractor needs. Image addresses are kept so the editor can find the
// "Live Pictures".
export const htmlToText = (html: string): HTMLText => {
  const images = imageSources(html)
  const withoutComments = replaceUpToLast({
    text: bodyOf(html),
    closing: '-->',
    pattern: /<!--[\s\S]*?-->/g,
    replacement: '',
  })
  // Inline whitespace in the source is not a line break; block elements are.
  const spaced = withoutHiddenElements(withoutComments).replace(/\s+/g, ' ')
  const lines = replaceUpToLast({
    text: spaced,
    closing: '>',
    pattern: new RegExp(`<\\/?(?:${blockTags})\\b[^>]*>`, 'gi'),
    replacement: '\n',
  })
  const text = replaceUpToLast({ text: lines, closing: '>', pattern: /<[^>]+>/g, replacement: '' })
  return {
    text: decodeHTML(text)
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n'),
    images: [...new Set(images.map((source) => decodeHTML(source)))],
  }
}
