// @ts-check
// The public site's only script. Pages are complete HTML from the server and work without it:
// thumbnails link to the photo, recordings link to the video site. With it:
// - a thumbnail opens the photo in the gallery's <dialog> viewer, with previous and next;
// - a recording's "Play here" button frames the video site's player, only once pressed.
// Everything is found by event delegation on the document, so the page's HTML needs nothing
// wired to it and the script may run at any time. Next's client runtime is left out of these
// pages (src/server/clientRuntime.mjs says why), so this is plain JavaScript, not React.
;(() => {
  /** @param {Element} dialog */
  const galleryOf = (dialog) => {
    const gallery = dialog.closest('[data-gallery]')
    return gallery ? [...gallery.querySelectorAll('a.gallery__link')] : []
  }

  /** @param {HTMLElement} link */
  const figureFor = (link) => {
    const { large = link.getAttribute('href') ?? '', width, height, credit } = link.dataset
    const image = document.createElement('img')
    Object.assign(image, {
      className: 'viewer__image',
      src: large,
      alt: link.querySelector('img')?.alt ?? '',
      decoding: 'async',
    })
    if (width && height) Object.assign(image, { width: Number(width), height: Number(height) })
    const figure = document.createElement('figure')
    figure.className = 'viewer__figure'
    figure.append(image)
    const caption = link.closest('figure')?.querySelector('.gallery__caption')?.textContent ?? ''
    if (caption || credit) figure.append(captionFor({ caption, credit }))
    return figure
  }

  /** @param {{ caption: string, credit: string | undefined }} text */
  const captionFor = ({ caption, credit }) => {
    const figcaption = document.createElement('figcaption')
    figcaption.className = 'viewer__caption'
    if (caption)
      figcaption.append(Object.assign(document.createElement('span'), { textContent: caption }))
    if (credit) {
      const span = Object.assign(document.createElement('span'), { textContent: credit })
      span.className = 'viewer__credit'
      figcaption.append(span)
    }
    return figcaption
  }

  /** Shows the gallery's photo at `index` (wrapping around) in its dialog. */
  const show = (/** @type {HTMLDialogElement} */ dialog, /** @type {number} */ index) => {
    const links = galleryOf(dialog)
    if (links.length === 0) return
    const at = (index + links.length) % links.length
    dialog.dataset.index = String(at)
    dialog.querySelector('.viewer__figure')?.remove()
    dialog
      .querySelector('.viewer__controls')
      ?.before(figureFor(/** @type {HTMLElement} */ (links[at])))
    const status = dialog.querySelector('.viewer__status')
    const template = dialog.dataset.position ?? '{current} / {total}'
    if (status)
      status.textContent = template
        .replace('{current}', String(at + 1))
        .replace('{total}', String(links.length))
  }

  const step = (/** @type {HTMLDialogElement} */ dialog, /** @type {number} */ delta) =>
    show(dialog, Number(dialog.dataset.index ?? 0) + delta)

  /** @type {WeakMap<HTMLDialogElement, HTMLElement>} */
  const openers = new WeakMap()

  const open = (/** @type {HTMLAnchorElement} */ link) => {
    const dialog = link.closest('[data-gallery]')?.querySelector('dialog.viewer')
    if (!(dialog instanceof HTMLDialogElement)) return false
    openers.set(dialog, link)
    show(dialog, galleryOf(dialog).indexOf(link))
    dialog.showModal()
    return true
  }

  const play = (/** @type {HTMLElement} */ button) => {
    const frame = button.closest('.recording__frame')
    if (!(frame instanceof HTMLElement) || !frame.dataset.src) return
    const iframe = document.createElement('iframe')
    Object.assign(iframe, {
      src: frame.dataset.src,
      title: frame.dataset.title ?? '',
      allow: 'autoplay; encrypted-media; fullscreen; picture-in-picture',
      allowFullscreen: true,
      referrerPolicy: 'strict-origin-when-cross-origin',
    })
    frame.classList.remove('recording__frame--waiting')
    frame.replaceChildren(iframe)
    iframe.focus()
  }

  // Opening a photo in a new tab (or saving it) is the reader's choice, not the viewer's.
  const wantsBrowserDefault = (/** @type {MouseEvent} */ event) =>
    event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey

  /** @param {MouseEvent} event @param {Element} target */
  const onViewerClick = (event, target) => {
    const dialog = target.closest('dialog.viewer')
    if (!(dialog instanceof HTMLDialogElement)) return
    // A click on the backdrop lands on the <dialog> itself, outside its content.
    if (event.target === dialog) return dialog.close()
    const action = target.closest('[data-viewer]')?.getAttribute('data-viewer')
    if (action === 'close') dialog.close()
    else if (action === 'previous') step(dialog, -1)
    else if (action === 'next') step(dialog, 1)
  }

  document.addEventListener('click', (event) => {
    const target = event.target
    if (!(target instanceof Element)) return
    const link = target.closest('a.gallery__link')
    if (link instanceof HTMLAnchorElement) {
      if (!wantsBrowserDefault(event) && open(link)) event.preventDefault()
      return
    }
    const button = target.closest('.recording__play')
    if (button instanceof HTMLElement) return play(button)
    onViewerClick(event, target)
  })

  document.addEventListener('keydown', (event) => {
    const dialog = event.target instanceof Element && event.target.closest('dialog.viewer[open]')
    if (!(dialog instanceof HTMLDialogElement)) return
    if (event.key === 'ArrowLeft') step(dialog, -1)
    else if (event.key === 'ArrowRight') step(dialog, 1)
    else return
    event.preventDefault()
  })

  // The native dialog traps focus and closes on Escape; closing it takes the large photo out (a
  // closed viewer holds no hero-sized image) and returns focus to the thumbnail that opened it.
  document.addEventListener(
    'close',
    (event) => {
      const dialog = event.target
      if (!(dialog instanceof HTMLDialogElement) || !dialog.matches('.viewer')) return
      dialog.querySelector('.viewer__figure')?.remove()
      openers.get(dialog)?.focus()
    },
    true,
  )
})()
