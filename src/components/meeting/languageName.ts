import type { ContentLanguage } from '@/payload/fields/language'
import type { Dictionary } from '@/site/dictionary'

const words: Record<ContentLanguage, keyof Dictionary> = {
  en: 'languageEn',
  zh: 'languageZh',
  other: 'languageOther',
}

// The language a document or recording is in, in the reader's language.
export const languageName = ({
  language,
  dictionary,
}: {
  language: ContentLanguage | null | undefined
  dictionary: Dictionary
}): string => dictionary[words[language ?? 'other']]
