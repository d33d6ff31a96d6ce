import type { Speaker } from '@/payload-types'

import type { Locale } from '@/site/i18n'

// English puts the honorific first ("Mr Edward Clarence-Smith"); Chinese after the name, with no
// space ("克拉伦斯-史密斯先生").
export const speakerName = ({
  speaker,
  locale,
}: {
  speaker: Pick<Speaker, 'name' | 'honorific'>
  locale: Locale
}): string => {
  const honorific = speaker.honorific?.trim()
  if (!honorific) return speaker.name
  return locale === 'zh' ? `${speaker.name}${honorific}` : `${honorific} ${speaker.name}`
}
