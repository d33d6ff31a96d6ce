import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { RichText as LexicalRichText } from '@payloadcms/richtext-lexical/react'

export const RichText = ({
  data,
  className = 'prose',
}: {
  data: null | undefined | Record<string, unknown>
  className?: string
}) => {
  if (!data) return null
  return <LexicalRichText className={className} data={data as unknown as SerializedEditorState} />
}
