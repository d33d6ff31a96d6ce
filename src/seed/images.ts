import sharp from 'sharp'

// The demo photos are drawn here rather than committed as binaries or downloaded: the seed must
// run offline, and abstract shapes make it obvious that they are stand-ins for real pictures.
// Only shapes are drawn, no text, because a server image may have no fonts for librsvg.

// A deterministic generator, so that the same key always gives the same picture.
const randomFrom = ({ key }: { key: string }): (() => number) => {
  let state = 2166136261
  for (const character of key) state = Math.imul(state ^ character.charCodeAt(0), 16777619)
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>({ items, random }: { items: readonly T[]; random: () => number }): T =>
  items[Math.floor(random() * items.length)] as T

const suitColours = ['#1f2a44', '#2d3b55', '#3a3f4b', '#23324a', '#4a4e5a', '#5b4636', '#2f4f4f']
const skinTones = ['#e8c4a0', '#d9a87c', '#c68e62', '#f0d2b4', '#b97f55']
const backdropPalettes = [
  ['#0b3d5c', '#1f7a6d', '#7fbf7a'],
  ['#103a4f', '#2a6f97', '#8ecae6'],
  ['#123524', '#3e7b27', '#a7c957'],
]

const toJPEG = async ({ svg }: { svg: string }): Promise<Buffer> =>
  sharp(Buffer.from(svg)).jpeg({ quality: 84, mozjpeg: true }).toBuffer()

const figure = ({
  x,
  y,
  scale,
  suit,
  skin,
  highlighted,
}: {
  x: number
  y: number
  scale: number
  suit: string
  skin: string
  highlighted: boolean
}): string => {
  const head = 34 * scale
  const shoulders = 92 * scale
  const body = `<path d="M ${x - shoulders / 2} ${y + 150 * scale}
      Q ${x - shoulders / 2} ${y + 40 * scale} ${x} ${y + 38 * scale}
      Q ${x + shoulders / 2} ${y + 40 * scale} ${x + shoulders / 2} ${y + 150 * scale} Z" fill="${suit}"/>`
  const collar = `<path d="M ${x - 12 * scale} ${y + 40 * scale} L ${x} ${y + 70 * scale} L ${x + 12 * scale} ${y + 40 * scale} Z" fill="#f4f4f4"/>`
  const glow = highlighted
    ? `<circle cx="${x}" cy="${y + 40 * scale}" r="${150 * scale}" fill="url(#spot)"/>`
    : ''
  return `${glow}${body}${collar}<circle cx="${x}" cy="${y}" r="${head}" fill="${skin}"/>`
}

export type SceneOptions = {
  // Same key, same picture.
  key: string
  // How many people sit at the table.
  seats: number
  // Which seats (0-based) are lit as the current speakers.
  speaking?: number[]
  // A closer view shows fewer, larger people.
  closeUp?: boolean
}

// A stylised round table: a backdrop, a long table with name cards and microphones, and the
// panel behind it.
export const renderMeetingScene = async ({
  key,
  seats,
  speaking = [],
  closeUp = false,
}: SceneOptions): Promise<Buffer> => {
  const width = 1600
  const height = 1067
  const random = randomFrom({ key })
  const [deep, middle, light] = pick({ items: backdropPalettes, random })
  const scale = closeUp ? 1.9 : 1.15
  const tableTop = closeUp ? 760 : 690
  const spacing = (width - 240) / seats
  const people = Array.from({ length: seats }, (_, seat) => {
    const x = 120 + spacing * (seat + 0.5) + (random() - 0.5) * 16
    return figure({
      x,
      y: tableTop - 175 * scale + (random() - 0.5) * 10,
      scale,
      suit: pick({ items: suitColours, random }),
      skin: pick({ items: skinTones, random }),
      highlighted: speaking.includes(seat),
    })
  }).join('')
  const desks = Array.from({ length: seats }, (_, seat) => {
    const x = 120 + spacing * (seat + 0.5)
    const card = `<rect x="${x - 50 * scale}" y="${tableTop - 40 * scale}" width="${100 * scale}" height="${34 * scale}" rx="3" fill="#fbfbf7" stroke="#c9c9c0"/>`
    const microphone = `<line x1="${x + 48 * scale}" y1="${tableTop}" x2="${x + 20 * scale}" y2="${tableTop - 80 * scale}" stroke="#222" stroke-width="${4 * scale}" stroke-linecap="round"/><circle cx="${x + 20 * scale}" cy="${tableTop - 84 * scale}" r="${7 * scale}" fill="#111"/>`
    const cup = `<rect x="${x - 80 * scale}" y="${tableTop - 30 * scale}" width="${16 * scale}" height="${26 * scale}" rx="3" fill="#ffffff" opacity="0.9"/>`
    return card + microphone + cup
  }).join('')
  const lights = Array.from({ length: 14 }, () => {
    const cx = random() * width
    const cy = random() * 300
    const r = 20 + random() * 70
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#ffffff" opacity="${(0.04 + random() * 0.08).toFixed(3)}"/>`
  }).join('')
  const leaves = Array.from({ length: 5 }, (_, leaf) => {
    const cx = 1180 + leaf * 38
    const cy = 190 + (leaf % 2) * 40
    return `<ellipse cx="${cx}" cy="${cy}" rx="26" ry="62" fill="${light}" opacity="0.55" transform="rotate(${-30 + leaf * 15} ${cx} ${cy})"/>`
  }).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${deep}"/>
      <stop offset="1" stop-color="#0a1620"/>
    </linearGradient>
    <linearGradient id="banner" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${middle}"/>
      <stop offset="1" stop-color="${deep}"/>
    </linearGradient>
    <linearGradient id="table" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#f2efe6"/>
      <stop offset="1" stop-color="#b9b3a3"/>
    </linearGradient>
    <linearGradient id="floor" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#3b2f2a"/>
      <stop offset="1" stop-color="#1a1411"/>
    </linearGradient>
    <radialGradient id="spot">
      <stop offset="0" stop-color="#fff6d5" stop-opacity="0.55"/>
      <stop offset="1" stop-color="#fff6d5" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#wall)"/>
  ${lights}
  <rect x="80" y="70" width="${width - 160}" height="360" rx="12" fill="url(#banner)"/>
  <circle cx="260" cy="250" r="120" fill="none" stroke="${light}" stroke-width="14" opacity="0.7"/>
  <path d="M 150 250 Q 260 130 370 250 Q 260 370 150 250 Z" fill="${light}" opacity="0.35"/>
  <rect x="440" y="190" width="620" height="26" rx="13" fill="#ffffff" opacity="0.75"/>
  <rect x="440" y="240" width="460" height="18" rx="9" fill="#ffffff" opacity="0.45"/>
  <rect x="440" y="280" width="520" height="18" rx="9" fill="#ffffff" opacity="0.35"/>
  ${leaves}
  <rect x="0" y="${tableTop + 120}" width="${width}" height="${height - tableTop - 120}" fill="url(#floor)"/>
  ${people}
  <polygon points="40,${tableTop} ${width - 40},${tableTop} ${width},${tableTop + 150} 0,${tableTop + 150}" fill="url(#table)"/>
  <rect x="0" y="${tableTop + 150}" width="${width}" height="22" fill="#8f8878"/>
  ${desks}
  <rect x="${width * 0.35}" y="${tableTop + 40}" width="${width * 0.3}" height="60" rx="6" fill="${middle}" opacity="0.8"/>
</svg>`
  return toJPEG({ svg })
}

// A square placeholder portrait: a head-and-shoulders silhouette on a colour field picked from
// the speaker's key.
export const renderPortrait = async ({ key }: { key: string }): Promise<Buffer> => {
  const size = 800
  const random = randomFrom({ key })
  const [deep, middle, light] = pick({ items: backdropPalettes, random })
  const suit = pick({ items: suitColours, random })
  const skin = pick({ items: skinTones, random })
  const angle = Math.floor(random() * 360)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <defs>
    <linearGradient id="field" gradientTransform="rotate(${angle} 0.5 0.5)">
      <stop offset="0" stop-color="${deep}"/>
      <stop offset="0.6" stop-color="${middle}"/>
      <stop offset="1" stop-color="${light}"/>
    </linearGradient>
  </defs>
  <rect width="${size}" height="${size}" fill="url(#field)"/>
  <circle cx="400" cy="400" r="330" fill="none" stroke="#ffffff" stroke-width="10" opacity="0.25"/>
  <circle cx="${200 + random() * 400}" cy="${120 + random() * 160}" r="${60 + random() * 80}" fill="#ffffff" opacity="0.08"/>
  <path d="M 170 800 Q 170 560 400 545 Q 630 560 630 800 Z" fill="${suit}"/>
  <path d="M 360 548 L 400 640 L 440 548 Z" fill="#f4f4f4"/>
  <circle cx="400" cy="380" r="125" fill="${skin}"/>
</svg>`
  return toJPEG({ svg })
}
