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
