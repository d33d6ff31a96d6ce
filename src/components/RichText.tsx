import type { SerializedAutoLinkNode, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { JSXConverter, JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'

import { RichText as LexicalRichText } from '@payloadcms/richtext-lexical/react'

import { isSafeHref } from '@/site/safeHref'

// Saving refuses unsafe links (src/payload/fields/richText.ts), but content can arrive by other roads
// (an import, a restore, an older save): a link whose address could run script is shown as its
// text alone.
const withSafeHref = <LinkNode extends SerializedAutoLinkNode | SerializedLinkNode>(
  converter: JSXConverter<LinkNode> | undefined,
): JSXConverter<LinkNode> =>
  function safeLink(args) {
    const { linkType, url } = args.node.fields as { linkType?: string; url?: null | string }
    if (converter && (linkType === 'internal' || isSafeHref(url ?? ''))) {
      return typeof converter === 'function' ? converter(args) : converter
    }
    return <>{args.nodesToJSX({ nodes: args.node.children })}</>
  }

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link: withSafeHref(defaultConverters.link as JSXConverter<SerializedLinkNode>),
  autolink: withSafeHref(defaultConverters.autolink as JSXConverter<SerializedAutoLinkNode>),
})

export const RichText = ({
  data,
  className = 'prose',
}: {
  data: null | undefined | Record<string, unknown>
  className?: string
}) => {
  if (!data) return null
  return (
    <LexicalRichText
      className={className}
      converters={converters}
      data={data as unknown as SerializedEditorState}
    />
  )
}
