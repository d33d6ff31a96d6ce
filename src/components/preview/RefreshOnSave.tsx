'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'
import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

// Inside the admin's Live Preview pane: every save (autosave included) re-renders the page on the
// server with the new draft. The admin's origin is only known in the browser (the server render
// has no window), so the listener starts after hydration.
export const RefreshOnSave = () => {
  const router = useRouter()
  const origin = useSyncExternalStore(
    noSubscription,
    () => process.env.NEXT_PUBLIC_SERVER_URL || window.location.origin,
    () => null,
  )
  if (!origin) return null
  return <RefreshRouteOnSave refresh={() => router.refresh()} serverURL={origin} />
}
