import type { News } from '@/payload-types'

import type { Dictionary } from './dictionary'

const kindWords: Record<News['kind'], keyof Dictionary> = {
  'press-release': 'newsKindPressRelease',
  announcement: 'newsKindAnnouncement',
}

export const newsKindLabel = ({
  kind,
  dictionary,
}: {
  kind: News['kind']
  dictionary: Dictionary
}) => dictionary[kindWords[kind]]
