// Test helpers that make the damage the import repairs: GBK (or UTF-8) bytes read as Latin-1.
// TextDecoder only decodes, so the GBK encoder is its inverse over every two-byte code.

let encoder: Map<string, [number, number]> | undefined

const gbkEncoder = () => {
  if (encoder) return encoder
  encoder = new Map()
  const decoder = new TextDecoder('gbk', { fatal: true })
  for (let lead = 0x81; lead <= 0xfe; lead += 1)
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue
      try {
        const character = decoder.decode(Uint8Array.of(lead, trail))
        if (!encoder.has(character)) encoder.set(character, [lead, trail])
      } catch {
        // Not every code is assigned.
      }
    }
  return encoder
}

export const encodeGBK = (text: string): Uint8Array =>
  Uint8Array.from(
    [...text].flatMap((character) => {
      if (character.charCodeAt(0) < 0x80) return [character.charCodeAt(0)]
      const bytes = gbkEncoder().get(character)
      if (!bytes) throw new Error(`"${character}" has no GBK code`)
      return bytes
    }),
  )

// What a page stored as GBK looks like after being read as Latin-1 and saved again.
export const gbkReadAsLatin1 = (text: string): string =>
  Buffer.from(encodeGBK(text)).toString('latin1')

export const utf8ReadAsLatin1 = (text: string): string =>
  Buffer.from(text, 'utf8').toString('latin1')
