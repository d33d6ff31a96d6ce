// The form an old address is kept and looked up in: the path alone (an old site's host, query and
// anchor do not reach the page that answers it), percent-encoded as a browser sends it, without a
// trailing slash. "http://www.cifcc.org/news/2019/a.html?x=1" and "/news/2019/a.html/" are both
// "/news/2019/a.html". Null for what is no address at all.
export const redirectPathOf = (address: string | null | undefined): null | string => {
  const trimmed = address?.trim()
  if (!trimmed) return null
  let url: URL
  try {
    url = /^https?:\/\//i.test(trimmed)
      ? new URL(trimmed)
      : new URL(trimmed.startsWith('/') ? trimmed : `/${trimmed}`, 'https://site.invalid')
  } catch {
    return null
  }
  const path = url.pathname.replace(/^\/+/, '/').replace(/\/+$/, '')
  return path || '/'
}
