import { decodeHTML } from 'entities'

export type HTMLText = { text: string; images: string[] }

const blockTags =
  'address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|th|thead|tr|ul'

export const looksLikeHTML = (text: string): boolean =>
  /<(?:!doctype|html|body|p|div|h[1-6]|br|table)\b/i.test(text.slice(0, 4096))

// Old news pages are table layouts with a paragraph per <p> or <br>: a line per block element
// is all the structure the extractor needs. Image addresses are kept so the editor can find the
// "Live Pictures".
export const htmlToText = (html: string): HTMLText => {
  const images = [...html.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)].map(
    (match) => match[1],
  )
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html
  const text = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1>/gi, '')
    // Inline whitespace in the source is not a line break; block elements are.
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`<\\/?(?:${blockTags})\\b[^>]*>`, 'gi'), '\n')
    .replace(/<[^>]+>/g, '')
  return {
    text: decodeHTML(text)
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n'),
    images: [...new Set(images.map((source) => decodeHTML(source)))],
  }
}
