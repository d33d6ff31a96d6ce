// @ts-check
// The public pages are server-rendered HTML with a few interactions that a small script of our own
// gives them (public/islands.js: the photo viewer, the recordings' Play button). Next's App Router
// still sends every page its client runtime, React and the page's whole RSC payload inline, and
// hydrates it: on a mid-range phone that is a second or more of the main thread for nothing the
// reader can use, and about 40 % of the page's bytes. Next has no setting to leave it out (the Pages
// Router's `unstable_runtimeJS` has no App Router equivalent), so the renderer takes it out of the
// HTML here. A page that holds a React island (a form-builder form, the editors' live preview, the
// error boundary's retry) says so with `data-react-island` and keeps all of it.

export const reactIslandAttribute = 'data-react-island'

// A page that answers with notFound() (any 404 of the site) comes from Next as an empty shell
// that its client runtime fills in from the RSC payload: it keeps the runtime, or it would be
// blank.
const errorShell = '<html id="__next_error__"'

// What Next adds to a page for the browser: its chunks (with the asset prefix, if any), their
// preloads, and the inline scripts that carry the RSC payload. The payload is a JavaScript string
// in which React escapes every `<`, so no `</script>` can occur inside it. Other inline scripts
// (JSON-LD, React's own streaming helpers, the page's `js` class) are left alone.
const runtimeTags = [
  /<script\b[^>]*\bsrc="[^"]*\/_next\/static\/[^"]*"[^>]*><\/script>/g,
  /<link\b(?=[^>]*\bas="script")(?=[^>]*\bhref="[^"]*\/_next\/static\/)[^>]*>/g,
  /<script>\(?self\.__next_f\b[\s\S]*?<\/script>/g,
]

/**
 * The page without Next's client runtime, unless something on it needs React.
 *
 * @param {string} html
 * @returns {string}
 */
export const withoutClientRuntime = (html) => {
  if (html.startsWith(errorShell, html.indexOf('<html'))) return html
  const stripped = runtimeTags.reduce((page, tag) => page.replace(tag, ''), html)
  return stripped.includes(reactIslandAttribute) ? html : stripped
}
