import { withPayload } from '@payloadcms/next/withPayload'
import { fileURLToPath } from 'node:url'

import { videoEmbedOrigins } from './src/site/videoEmbeds.mjs'

const serverURL = new URL(process.env.NEXT_PUBLIC_SERVER_URL || 'http://localhost:3000')

// Hosts that resolve to this machine. Next.js 16 refuses to optimise remote images that
// resolve to a private/loopback IP unless `dangerouslyAllowLocalIP` is set; Payload returns
// absolute upload URLs (`${serverURL}/api/<collection>/file/...`) when `serverURL` is
// configured, so in development/CI those point at localhost.
const isLocalHost = ['localhost', '127.0.0.1', '[::1]', '0.0.0.0'].includes(serverURL.hostname)

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by the server (src/server) and by Payload's login hooks alike: Node's own copies, not
  // bundled ones (rate-limiter-flexible names optional stores webpack cannot resolve).
  serverExternalPackages: ['rate-limiter-flexible', 'redis'],
  // With REDIS_URL, every instance reads and expires the same data cache in Redis
  // (src/server/dataCacheHandler.mjs). Read when the server starts: one build runs either way.
  ...(process.env.REDIS_URL
    ? {
        cacheHandler: fileURLToPath(new URL('./src/server/dataCacheHandler.mjs', import.meta.url)),
        cacheMaxMemorySize: 0,
      }
    : {}),
  images: {
    // AVIF first: about a fifth smaller than WebP for photos; browsers without it get WebP.
    formats: ['image/avif', 'image/webp'],
    // Relative image URLs served by the app itself: Payload upload collections
    // (`/api/photos/file/...`, any upload collection) and static/uploaded files under /media.
    // No `search` key, so cache-busting query strings (`?2024-...`) are accepted.
    localPatterns: [
      { pathname: '/api/*/file/**' },
      { pathname: '/media/**' },
      { pathname: '/images/**' },
      { pathname: '/*.{png,jpg,jpeg,gif,webp,avif,svg,ico}' },
    ],
    // Absolute image URLs pointing at this site's own public URL.
    remotePatterns: [
      {
        protocol: /** @type {'http' | 'https'} */ (serverURL.protocol.replace(':', '')),
        hostname: serverURL.hostname,
        ...(serverURL.port ? { port: serverURL.port } : {}),
        pathname: '/**',
      },
    ],
    dangerouslyAllowLocalIP: isLocalHost,
  },
  webpack: (webpackConfig) => {
    // Allow ESM-style `.js` specifiers in TypeScript sources (`import x from './foo.js'`).
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

const payloadConfig = withPayload(nextConfig, { devBundleServerPackages: false })

// withPayload asks every browser for its colour-scheme hint on every path, as a Critical-CH.
// Only the admin panel reads it, but on the public site Chrome restarts the first request of each
// visit to send the hint (Lighthouse counts a 600 ms redirect), and the Vary on it splits every
// cache. Keep those headers to /admin.
const colourSchemeHeaders = ['Accept-CH', 'Critical-CH']

const isProduction = process.env.NODE_ENV === 'production'

// The public site's Content Security Policy: everything from this origin. Next's App Router
// streams its data in inline scripts, which a nonce would protect only if every page were
// rendered per request (the page cache replays one page to every reader), so inline scripts are
// allowed and everything else is locked to the site: no third-party script, frame, form target
// or <base>, and only the admin (same origin, for live preview) may frame a page. The one
// exception is a meeting's recordings: the players of the video sites it knows
// (src/site/videoEmbeds.mjs), framed only once the reader presses play. `next dev` evaluates code
// for fast refresh.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  `frame-src 'self' ${videoEmbedOrigins.join(' ')}`,
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  // Browsers only honour it over HTTPS, where production runs; two years, as hstspreload asks.
  ...(isProduction
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
]

const config = {
  ...payloadConfig,
  headers: async () => [
    ...(await payloadConfig.headers()).map((rule) =>
      rule.source === '/:path*' && rule.headers.some(({ key }) => colourSchemeHeaders.includes(key))
        ? { ...rule, source: '/admin/:path*' }
        : rule,
    ),
    { source: '/:path*', headers: securityHeaders },
    // Payload's admin and API answer with their own needs (the admin's editors and previews).
    {
      source: '/:path((?!admin|api|_next).*)',
      headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy }],
    },
  ],
}

export default config
