'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'

// Inside the admin's Live Preview pane: every save (autosave included) re-renders the page on the
// server with the new draft.
export const RefreshOnSave = () => {
  const router = useRouter()
  return (
    <RefreshRouteOnSave
      refresh={() => router.refresh()}
      serverURL={process.env.NEXT_PUBLIC_SERVER_URL || window.location.origin}
    />
  )
}
