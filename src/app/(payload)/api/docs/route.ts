import { docsContentSecurityPolicy, docsPage } from '@/partnerAPI/docsPage'

export const GET = () =>
  new Response(docsPage, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': docsContentSecurityPolicy,
      'Cache-Control': 'public, max-age=300',
    },
  })
