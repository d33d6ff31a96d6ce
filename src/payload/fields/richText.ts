import type { TextFieldSingleValidation } from 'payload'

import { lexicalEditor, LinkFeature } from '@payloadcms/richtext-lexical'

import { isSafeHref } from '@/site/safeHref'

// Lexical's own check lets through any scheme followed by something that looks like a host
// ("javascript:window.name//%0aalert(1)"). Links in content go to web pages, email addresses,
// phone numbers or this site.
const unsafeLinkMessage = (url: string) =>
  `A link must go to a web page (http:// or https://), an email address (mailto:), a phone number (tel:) or a path on this site; "${url.slice(0, 60)}" does not.`

const safeLinkURL: TextFieldSingleValidation = (value, { siblingData }) => {
  if ((siblingData as { linkType?: string } | undefined)?.linkType === 'internal') return true
  if (!value) return 'Enter the address the link goes to.'
  return isSafeHref(value) || unsafeLinkMessage(value)
}

type LexicalNode = {
  type?: string
  fields?: { linkType?: string; url?: unknown }
  children?: LexicalNode[]
}

const firstUnsafeLink = (nodes: LexicalNode[] | undefined): null | string => {
  for (const node of nodes ?? []) {
    const { linkType, url } = node.fields ?? {}
    if (
      (node.type === 'link' || node.type === 'autolink') &&
      linkType !== 'internal' &&
      typeof url === 'string' &&
      !isSafeHref(url)
    ) {
      return url
    }
    const nested = firstUnsafeLink(node.children)
    if (nested !== null) return nested
  }
  return null
}

const safeLinkFeature = LinkFeature({
  fields: ({ defaultFields }) =>
    defaultFields.map((field) =>
      'name' in field && field.name === 'url' && field.type === 'text'
        ? ({ ...field, validate: safeLinkURL } as typeof field)
        : field,
    ),
})

// The default features, with the link feature in its place (and its place in the toolbar).
const lexical = lexicalEditor({
  features: ({ defaultFeatures }) =>
    defaultFeatures.map((feature) => (feature.key === 'link' ? safeLinkFeature : feature)),
})

// Lexical reports an invalid link field only as "link node failed to validate … url"; an editor
// or a partner's script needs to know which link and what is wrong with it.
export const richTextEditor: typeof lexical = async (args) => {
  const adapter = await lexical(args)
  return {
    ...adapter,
    validate: async (value, options) => {
      const unsafeURL = firstUnsafeLink((value?.root as LexicalNode | undefined)?.children)
      if (unsafeURL !== null) return unsafeLinkMessage(unsafeURL)
      return adapter.validate(value, options)
    },
  }
}
