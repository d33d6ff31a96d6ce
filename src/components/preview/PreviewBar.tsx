import type { Dictionary } from '@/site/dictionary'

import { exitPreviewRoute } from '@/payload/previewLink'

import { RefreshOnSave } from './RefreshOnSave'

// Shown to an editor in draft mode, so that a draft is never mistaken for the published page.
export const PreviewBar = ({ path, dictionary }: { path: string; dictionary: Dictionary }) => (
  // A React island (src/server/clientRuntime.mjs): the preview refreshes itself on every save.
  <aside className="preview-bar" aria-label={dictionary.previewLabel} data-react-island="">
    <p>{dictionary.previewNotice}</p>
    {/* A route handler, not a page: a plain link, so Next does not prefetch it. */}
    <a href={`${exitPreviewRoute}?${new URLSearchParams({ path })}`}>{dictionary.exitPreview}</a>
    <RefreshOnSave />
  </aside>
)
