import type { NextRequest } from 'next/server'

import { NextResponse } from 'next/server'

import { sitePathHeader } from '@/site/paths'

// English is served at unprefixed addresses (/meetings/…), Chinese under /zh. The app's routes
// all live under [locale], so an unprefixed request is rewritten to /en internally, and an
// explicit /en/… address is redirected to its unprefixed, canonical form.
export const proxy = (request: NextRequest) => {
  const { pathname, search } = request.nextUrl
  if (pathname === '/en' || pathname.startsWith('/en/')) {
    const url = request.nextUrl.clone()
    url.pathname = pathname.slice(3) || '/'
    return NextResponse.redirect(url, 308)
  }
  // Whatever a client sent under this name is replaced.
  const headers = new Headers(request.headers)
  headers.set(sitePathHeader, pathname)
  if (pathname === '/zh' || pathname.startsWith('/zh/'))
    return NextResponse.next({ request: { headers } })
  const url = request.nextUrl.clone()
  url.pathname = `/en${pathname === '/' ? '' : pathname}`
  url.search = search
  return NextResponse.rewrite(url, { request: { headers } })
}

export const config = {
  // Not: Payload's admin and API, Next's own files, metadata routes, and static files (a dot in
  // the last segment) except the iCalendar and feed routes, which are pages of the site.
  matcher: [
    '/((?!api|admin|_next|next|favicon\\.ico|robots\\.txt|sitemap\\.xml|feed\\.xml|.*\\.(?:png|jpg|jpeg|gif|webp|avif|svg|ico|css|js|map|txt|woff2?)$).*)',
  ],
}
