import type {
  SerializedParagraphNode,
  SerializedTextNode,
  TypedEditorState,
} from '@payloadcms/richtext-lexical'

import { buildEditorState } from '@payloadcms/richtext-lexical'

type PlainNode = SerializedParagraphNode | SerializedTextNode

// The seed writes through the Local API without an editor instance, so it builds the serialized
// editor state directly: one paragraph per string, plain text only.
export const richText = ({
  paragraphs,
}: {
  paragraphs: readonly string[]
}): TypedEditorState<PlainNode> =>
  buildEditorState<PlainNode>({
    nodes: paragraphs.map((text) => ({
      type: 'paragraph',
      children: [
        { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 },
      ],
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      version: 1,
    })),
  })
