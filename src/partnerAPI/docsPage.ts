import fs from 'node:fs/promises'
import path from 'node:path'

// /api/docs: the OpenAPI document rendered by Swagger UI (swagger-ui-dist from npm), served from
// this origin: its bundle and stylesheet are read from node_modules on first request and kept in
// memory, so no page of ours loads anything from a CDN. The page's own policy is stricter than
// the site's (no inline script at all: Swagger UI starts from docsScript, a file like the
// bundle); Swagger UI sets inline styles, which style-src allows as on the rest of the site.

export const docsContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

export const docsPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CIFCC partner API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="stylesheet" href="/api/docs/theme.css">
</head>
<body>
<header class="cifcc-bar"><a href="/">CIFCC</a> <span>Partner API</span>
<a href="/api/openapi.json">OpenAPI</a> <a href="/api/graphql/schema.graphql">GraphQL SDL</a></header>
<main id="swagger-ui"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/docs.js"></script>
</body>
</html>
`

// Swagger UI's own validator badge would send the document to swagger.io: off.
const docsScript = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  defaultModelsExpandDepth: 0,
  docExpansion: 'list',
})
`

// The site's green (#0b6b43) where Swagger UI uses its blue for reads.
const themeStylesheet = `body { margin: 0; font-family: system-ui, sans-serif; }
.cifcc-bar { display: flex; gap: 1rem; align-items: baseline; padding: .75rem 1.25rem; background: #0b6b43; color: #fff; }
.cifcc-bar a { color: #fff; }
.cifcc-bar a:first-child { font-weight: 700; text-decoration: none; }
.cifcc-bar span { flex: 1; }
.swagger-ui .info .title, .swagger-ui .info a { color: #0b6b43; }
.swagger-ui .opblock.opblock-get { border-color: #0b6b43; background: rgba(11, 107, 67, .06); }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #0b6b43; }
.swagger-ui .opblock.opblock-get .opblock-summary { border-color: #0b6b43; }
.swagger-ui .btn.execute, .swagger-ui .btn.authorize { background: #0b6b43; border-color: #0b6b43; color: #fff; }
.swagger-ui .btn.authorize svg { fill: #fff; }
`

type Asset = { type: string; read: () => Promise<Buffer | string> }

// Read from the installed package where `npm start` runs (the project folder, as in the Docker
// image); webpack would otherwise bundle the 1.5 MB script into the route.
const fromSwaggerUI = (file: string) => () =>
  fs.readFile(path.join(process.cwd(), 'node_modules/swagger-ui-dist', file))

const assets: Record<string, Asset> = {
  'swagger-ui-bundle.js': {
    type: 'text/javascript; charset=utf-8',
    read: fromSwaggerUI('swagger-ui-bundle.js'),
  },
  'swagger-ui.css': { type: 'text/css; charset=utf-8', read: fromSwaggerUI('swagger-ui.css') },
  'docs.js': { type: 'text/javascript; charset=utf-8', read: async () => docsScript },
  'theme.css': { type: 'text/css; charset=utf-8', read: async () => themeStylesheet },
}

const kept = new Map<string, Promise<Buffer | string>>()

// The named file and its type, or null for any other name.
export const docsAsset = async (
  name: string,
): Promise<null | { body: Buffer | string; type: string }> => {
  const asset = Object.hasOwn(assets, name) ? assets[name] : undefined
  if (!asset) return null
  if (!kept.has(name)) kept.set(name, asset.read())
  return { body: await (kept.get(name) as Promise<Buffer | string>), type: asset.type }
}
