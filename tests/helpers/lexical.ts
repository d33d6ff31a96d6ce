// Lexical rich text as the REST API takes it, for tests that write content without the editor.

export const lexicalText = (text: string) => ({
  type: 'text',
  version: 1,
  text,
  format: 0,
  mode: 'normal',
  style: '',
  detail: 0,
})

export const lexicalLink = (url: string, label: string) => ({
  type: 'link',
  version: 3,
  fields: { url, newTab: false, linkType: 'custom' },
  children: [lexicalText(label)],
  direction: null,
  format: '',
  indent: 0,
})

export const lexicalParagraph = (...children: object[]) => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  children,
})

export const lexicalDocument = (...paragraphs: object[]) => ({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: paragraphs },
})
