// @ts-check
// The video sites whose players a meeting page may frame, after the reader asks for one: the
// sites the forum posts on, reachable inside China (Bilibili, Youku, Tencent Video) and outside
// (YouTube, Vimeo). Plain JavaScript, so that next.config.mjs builds the Content-Security-Policy's
// frame-src from the same list: a player the list knows is allowed, nothing else is.

/** @typedef {{ provider: string, src: string }} Embed */
/** @typedef {{ name: string, origin: string, embed: (url: URL) => string | null }} Provider */

const hostIs = (/** @type {URL} */ url, /** @type {string[]} */ hosts) =>
  hosts.includes(url.hostname.replace(/^(www|m)\./, ''))

// Video ids are letters, digits, - and _ (Youku's end in = padding): anything else is not one, and
// is never put into a player's address.
const idOf = (/** @type {string | null | undefined} */ value, pattern = /^[\w-]{4,64}$/) =>
  value && pattern.test(value) ? value : null

const youTubeId = (/** @type {URL} */ url) => {
  if (hostIs(url, ['youtu.be'])) return idOf(url.pathname.split('/')[1])
  if (!hostIs(url, ['youtube.com', 'youtube-nocookie.com'])) return null
  const [, first, second] = url.pathname.split('/')
  if (first === 'watch') return idOf(url.searchParams.get('v'))
  return ['embed', 'shorts', 'live'].includes(first) ? idOf(second) : null
}

/** @type {Provider[]} */
export const videoProviders = [
  {
    name: 'YouTube',
    // The privacy-enhanced player: no cookie until the reader plays the video.
    origin: 'https://www.youtube-nocookie.com',
    embed: (url) => {
      const id = youTubeId(url)
      return id ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : null
    },
  },
  {
    name: 'Vimeo',
    origin: 'https://player.vimeo.com',
    embed: (url) => {
      if (!hostIs(url, ['vimeo.com', 'player.vimeo.com'])) return null
      const parts = url.pathname.split('/').filter(Boolean)
      const at = parts[0] === 'video' ? 1 : 0
      const id = idOf(parts[at], /^\d{1,12}$/)
      // An unlisted video's address carries its hash after the id: the player needs it.
      const hash = idOf(parts[at + 1] ?? url.searchParams.get('h'), /^[0-9a-f]{6,20}$/)
      if (!id) return null
      return `https://player.vimeo.com/video/${id}?autoplay=1${hash ? `&h=${hash}` : ''}`
    },
  },
  {
    name: 'Bilibili',
    origin: 'https://player.bilibili.com',
    embed: (url) => {
      if (!hostIs(url, ['bilibili.com'])) return null
      const [, first, second] = url.pathname.split('/')
      if (first !== 'video') return null
      const bvid = idOf(second, /^BV[0-9A-Za-z]{10}$/)
      if (bvid) return `https://player.bilibili.com/player.html?bvid=${bvid}&autoplay=1`
      const aid = idOf(second, /^av\d{1,12}$/)
      return aid ? `https://player.bilibili.com/player.html?aid=${aid.slice(2)}&autoplay=1` : null
    },
  },
  {
    name: 'Youku',
    origin: 'https://player.youku.com',
    embed: (url) => {
      if (!hostIs(url, ['v.youku.com'])) return null
      const match = /^\/v_show\/id_([\w=-]{4,64})\.html$/.exec(url.pathname)
      return match ? `https://player.youku.com/embed/${match[1]}` : null
    },
  },
  {
    name: 'Tencent Video',
    origin: 'https://v.qq.com',
    embed: (url) => {
      if (!hostIs(url, ['v.qq.com'])) return null
      // /x/cover/<album>/<video>.html and /x/page/<video>.html: the video is the last part.
      const match = /^\/x\/(?:cover\/[\w-]+|page)\/([\w-]{4,32})\.html$/.exec(url.pathname)
      const vid = match?.[1] ?? idOf(url.searchParams.get('vid'))
      return vid ? `https://v.qq.com/txp/iframe/player.html?vid=${vid}&autoplay=1` : null
    },
  },
]

// The frame-src of the public site's Content-Security-Policy.
export const videoEmbedOrigins = videoProviders.map(({ origin }) => origin)

/**
 * The player to frame for a recording's address, or null when its site has no player we know:
 * the page then shows a plain link.
 * @param {string} address
 * @returns {Embed | null}
 */
export const videoEmbedOf = (address) => {
  let url
  try {
    url = new URL(address)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  for (const { name, embed } of videoProviders) {
    const src = embed(url)
    if (src) return { provider: name, src }
  }
  return null
}

/**
 * The site a recording is on, for its link ("Watch on Bilibili"): the provider's name, or the host.
 * @param {string} address
 */
export const videoSiteOf = (address) => {
  const embed = videoEmbedOf(address)
  if (embed) return embed.provider
  try {
    return new URL(address).hostname.replace(/^www\./, '')
  } catch {
    return address
  }
}
