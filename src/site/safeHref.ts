// Schemes a link in content may use. Anything else (javascript:, data:, vbscript:, file:…) can
// run script or leave the site in ways a reader does not expect from a link in an article.
const safeSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:'])

// Parsed as a browser parses an href, which ignores tabs and newlines inside the scheme and
// spaces around it ("java\tscript:", " javascript:"), so what passes here is what a click does.
// A relative path, a query or an #anchor resolves against the site itself.
export const isSafeHref = (href: string): boolean => {
  try {
    return safeSchemes.has(new URL(href, 'https://site.invalid/').protocol)
  } catch {
    return false
  }
}

const siteOrigin = 'https://site.invalid'

// The path on this site that `target` leads to, or null when a browser following it as a
// redirect would leave the site. Parsed as a browser resolves a Location header, which ignores
// tabs and newlines and reads a backslash as a slash ("/\evil.example", "/%09/evil.example" are
// other sites), and rebuilt from the parsed parts, so nothing unparsed reaches the header. A path
// that only normalises to "//host" ("/.//evil.example") is folded to one leading slash.
export const sitePath = (target: string | null | undefined): null | string => {
  if (!target?.startsWith('/')) return null
  let url: URL
  try {
    url = new URL(target, siteOrigin)
  } catch {
    return null
  }
  if (url.origin !== siteOrigin) return null
  return `${url.pathname.replace(/^\/+/, '/')}${url.search}${url.hash}`
}
