import type { CollectionConfig } from 'payload'

type AuthCookies = NonNullable<Exclude<CollectionConfig['auth'], boolean | undefined>['cookies']>

// The login cookie is only sent over TLS when the site is served over https (behind a TLS proxy
// NEXT_PUBLIC_SERVER_URL says so); a plain-http development server must still be able to log in.
// Lax keeps it off cross-site POSTs and sub-requests, and on links into the admin panel.
export const authCookies = ({ serverURL }: { serverURL?: string }): AuthCookies => ({
  secure: (serverURL ?? '').trim().toLowerCase().startsWith('https://'),
  sameSite: 'Lax',
})
