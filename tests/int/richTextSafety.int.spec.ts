import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { EditorSession } from '../helpers/editorSession'

import { RichText } from '@/components/RichText'
import { isSafeHref } from '@/site/safeHref'

import { openEditorSession } from '../helpers/editorSession'
import { uniqueSuffix } from '../helpers/factories'
import { lexicalDocument, lexicalLink, lexicalParagraph, lexicalText } from '../helpers/lexical'

// Rich text as editors (or an attacker with an editor's account, or an import) could send it:
// hostile text, hostile links. It must be stored as text and shown as text.

// A paragraph of these nodes.
const document = (...children: object[]) => lexicalDocument(lexicalParagraph(...children))
const text = lexicalText
const link = lexicalLink

const hostileText = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'><b>bold</b>'

const unsafeURLs = [
  'javascript:alert(1)',
  // Passes lexical's own URL check: a scheme, then something shaped like a host.
  'javascript:window.name//%0aalert(document.domain)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
]

const safeURLs = [
  'https://unfccc.int/',
  'http://www.ccchina.org.cn/',
  'mailto:info@cifcc.example',
  'tel:+861068000000',
  '/meetings',
  '#programme',
]

const render = (data: Record<string, unknown>) =>
  renderToStaticMarkup(createElement(RichText, { data }))

let session: EditorSession

beforeAll(async () => {
  session = await openEditorSession()
})

afterAll(async () => {
  await session?.server.close()
})

const createPage = (body: object) => {
  const suffix = uniqueSuffix()
  return session.api.rest('POST', '/api/pages', {
    token: session.token,
    json: { title: `Rich text ${suffix}`, slug: `rich-text-${suffix}`, body },
  })
}

describe('rich text with hostile content', () => {
  it.each(unsafeURLs)('refuses to save a link to %j, and says why', async (url) => {
    const response = await createPage(document(link(url, 'click me')))

    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('A link must go to a web page')
  })

  it.each(safeURLs)('saves a link to %j', async (url) => {
    const response = await createPage(document(link(url, 'read more')))

    expect(response.status).toBe(201)
    expect(response.body.doc.body.root.children[0].children[0].fields.url).toBe(url)
  })

  it('stores markup typed as text as that text, and shows it as text', async () => {
    const created = await createPage(document(text(hostileText)))
    expect(created.status).toBe(201)

    const read = await session.api.rest('GET', `/api/pages/${created.body.doc.id}?depth=0`, {
      token: session.token,
    })
    const stored = read.body.body
    expect(stored.root.children[0].children[0].text).toBe(hostileText)

    const html = render(stored)
    expect(html).not.toMatch(/<script|<img|<b>/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it.each(unsafeURLs)('shows a stored link to %j as its text alone', (url) => {
    // As if it had reached the database by another road than a validated save.
    const html = render(document(link(url, 'click me')))

    expect(html).not.toContain('<a')
    expect(html).toContain('click me')
  })

  it.each(safeURLs)('shows a stored link to %j as a link', (url) => {
    const html = render(document(link(url, 'read more')))

    expect(html).toContain(`<a href="${url}">read more</a>`)
  })
})

describe('isSafeHref', () => {
  it('reads the scheme as a browser does, whatever hides it', () => {
    expect(unsafeURLs.filter(isSafeHref)).toEqual([])
    expect(safeURLs.filter(isSafeHref)).toEqual(safeURLs)
    expect(isSafeHref('https://[::1')).toBe(false)
  })
})
