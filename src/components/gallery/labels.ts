import type { GalleryLabels } from './PhotoGallery'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

export const galleryLabels = ({
  dictionary,
  locale,
}: {
  dictionary: Dictionary
  locale: Locale
}): GalleryLabels => ({
  viewer: dictionary.photoViewer,
  previous: dictionary.previousPhoto,
  next: dictionary.nextPhoto,
  close: dictionary.close,
  position: dictionary.photoPosition,
  creditPrefix: `${dictionary.credit}${locale === 'zh' ? '：' : ': '}`,
})
