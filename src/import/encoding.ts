// Repairs mojibake in legacy pages: text that was stored as GBK (or UTF-8) bytes and later read
// back as Latin-1 / Windows-1252, so that “ became ¡° and · became ¡¤. The decoding itself is
// the WHATWG Encoding Standard's (TextDecoder, ICU inside Node), not a table of our own.

export type Repair = {
  // Where the damaged run started in the input, and what it was and became.
  index: number
  damaged: string
  repaired: string
  encoding: 'gbk' | 'utf-8'
}

export type RepairResult = { text: string; repairs: Repair[] }

const decoderFor = (encoding: string) => {
  try {
    return new TextDecoder(encoding, { fatal: true })
  } catch (error) {
    // Node built with small-icu has no GBK decoder; say what is missing instead of a RangeError.
    throw new Error(
      `This Node.js cannot decode ${encoding} (it needs full ICU, the default build).`,
      { cause: error },
    )
  }
}

const gbk = decoderFor('gbk')
const utf8 = decoderFor('utf-8')

// Windows-1252 puts printable characters (€ ‚ “ ™ Œ…) where Latin-1 has C1 controls; damaged
// text read either way maps back to the same byte. The reverse map comes from the decoder.
const windows1252 = new TextDecoder('windows-1252')
const byteOfCharacter = new Map<string, number>()
for (let byte = 0x80; byte <= 0xff; byte += 1) {
  byteOfCharacter.set(String.fromCharCode(byte), byte)
  byteOfCharacter.set(windows1252.decode(Uint8Array.of(byte)), byte)
}

const noBreakSpace = '\u00a0'

// A stand-alone “ or · decoded from two bytes is typical damage; a lone Chinese character from
// two bytes (say "°±") could be real Latin-1 text, so it only counts once the text has shown
// unmistakable damage elsewhere.
const chinesePunctuation =
  /^[\u3000-\u303f\uff01-\uff5e\u201c\u201d\u2018\u2019\u2026\u2014\u2015\u00b7\u2016]$/u
const plausibleChinese =
  /^[\p{Script=Han}\u3000-\u303f\uff01-\uff5e\uffe0-\uffe5\u201c\u201d\u2018\u2019\u2026\u2014\u2015\u00b7\u2016\u2116\u2103\u2030\u2160-\u216b\u2460-\u249b\u25a0-\u25ff\u2605\u2606]+$/u
// GBK's row A8 holds the accented Latin letters of pinyin, which also write names such as
// "Benítez": "Ben¨ªtez" is one of them between Latin letters, so the rule for a lone Chinese
// character between Latin letters does not apply to it.
const gbkLatinLetters = /^[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňɑɡ]+$/u

// UTF-8 read as Latin-1 decodes to letters with accents, punctuation, symbols or Chinese.
const plausibleUnicode =
  /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{M}\p{N}\p{P}\p{S}\p{Zs}\u3000-\u303f\uff00-\uffef]+$/u

// Typeset English uses these next to one another ("…”—“"): a run of nothing else is taken as
// written, whatever its bytes would decode to.
const typographicPunctuation =
  /^[\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u00a0]+$/u

type Candidate = {
  index: number
  damaged: string
  bytes: Uint8Array
  // The characters on either side of the run, '' at the ends of the text.
  before: string
  after: string
}

const toBytes = (run: string): Uint8Array =>
  Uint8Array.from([...run].map((character) => byteOfCharacter.get(character) ?? 0))

const isHighByteCharacter = (character: string): boolean => byteOfCharacter.has(character)

// Maximal runs of characters that stand for bytes 0x80–0xFF, without the no-break spaces at
// their edges: legacy pages indent with &nbsp;, and A0 A0 would otherwise decode as a Chinese
// character. (Every such character is one UTF-16 unit, so indexes are string indexes.)
const findCandidates = (text: string): Candidate[] => {
  const candidates: Candidate[] = []
  let index = 0
  while (index < text.length) {
    if (!isHighByteCharacter(text[index])) {
      index += 1
      continue
    }
    let end = index
    while (end < text.length && isHighByteCharacter(text[end])) end += 1
    let start = index
    while (start < end && text[start] === noBreakSpace) start += 1
    let stop = end
    while (stop > start && text[stop - 1] === noBreakSpace) stop -= 1
    if (stop > start) {
      const damaged = text.slice(start, stop)
      candidates.push({
        index: start,
        damaged,
        bytes: toBytes(damaged),
        before: text[start - 1] ?? '',
        after: text[stop] ?? '',
      })
    }
    index = end
  }
  return candidates
}

const tryDecode = (decoder: TextDecoder, bytes: Uint8Array): string | null => {
  try {
    return decoder.decode(bytes)
  } catch {
    return null
  }
}

type Decoded = Repair & { isConclusive: boolean }

const isAsciiLetter = (character: string) => /^[A-Za-z]$/.test(character)

const decodeChinese = (candidate: Candidate): Decoded | null => {
  if (candidate.bytes.length % 2 !== 0) return null
  const repaired = tryDecode(gbk, candidate.bytes)
  if (repaired === null) return null
  const isLatinLetter = gbkLatinLetters.test(repaired)
  if (!isLatinLetter && !plausibleChinese.test(repaired)) return null
  const isConclusive = repaired.length >= 2 || chinesePunctuation.test(repaired)
  // One Chinese character inside a Latin word is far more likely "ações" or "Þór" than damage.
  if (
    !isConclusive &&
    !isLatinLetter &&
    (isAsciiLetter(candidate.before) || isAsciiLetter(candidate.after))
  )
    return null
  return {
    index: candidate.index,
    damaged: candidate.damaged,
    repaired,
    encoding: 'gbk',
    isConclusive,
  }
}

// A no-break space inside a run is byte A0: a UTF-8 continuation byte ("Ã\u00a0" is à), but in
// clean text just a space between words ("café\u00a0©"), so for GBK the run splits there.
const splitAtNoBreakSpaces = (candidate: Candidate): Candidate[] => {
  const pieces: Candidate[] = []
  let offset = 0
  for (const piece of candidate.damaged.split(noBreakSpace)) {
    if (piece.length > 0) {
      const at = candidate.index + offset
      pieces.push({
        index: at,
        damaged: piece,
        bytes: toBytes(piece),
        before: offset === 0 ? candidate.before : noBreakSpace,
        after: offset + piece.length === candidate.damaged.length ? candidate.after : noBreakSpace,
      })
    }
    offset += piece.length + 1
  }
  return pieces
}

const decodeCandidate = (candidate: Candidate): Decoded[] => {
  if (typographicPunctuation.test(candidate.damaged)) return []
  // UTF-8's lead and continuation bytes rarely line up by chance, so a valid sequence is
  // conclusive unless it leans on a no-break space for a single character; GBK's pairs do
  // line up by chance, hence the stricter checks in decodeChinese.
  const asUnicode = tryDecode(utf8, candidate.bytes)
  if (asUnicode !== null && plausibleUnicode.test(asUnicode)) {
    const isConclusive = !candidate.damaged.includes(noBreakSpace) || [...asUnicode].length >= 2
    return [
      {
        index: candidate.index,
        damaged: candidate.damaged,
        repaired: asUnicode,
        encoding: 'utf-8',
        isConclusive,
      },
    ]
  }
  return splitAtNoBreakSpaces(candidate).flatMap((piece) => decodeChinese(piece) ?? [])
}

// Finds the damaged runs in a text and what they decode to, without changing anything.
export const findMojibake = (text: string): Repair[] => {
  const decoded = findCandidates(text).flatMap(decodeCandidate)
  const hasConclusiveDamage = decoded.some((candidate) => candidate.isConclusive)
  return decoded
    .filter((candidate) => candidate.isConclusive || hasConclusiveDamage)
    .map(({ index, damaged, repaired, encoding }) => ({ index, damaged, repaired, encoding }))
}

// Returns the text with every damaged run decoded. Text without damage comes back as the very
// same string.
export const repairMojibake = (text: string): RepairResult => {
  const repairs = findMojibake(text)
  if (repairs.length === 0) return { text, repairs }
  let repaired = ''
  let cursor = 0
  for (const repair of repairs) {
    repaired += text.slice(cursor, repair.index) + repair.repaired
    cursor = repair.index + repair.damaged.length
  }
  return { text: repaired + text.slice(cursor), repairs }
}

export type DecodedFile = { text: string; encoding: string }

const declaredCharset = (head: string): string | undefined =>
  /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase()

// Reads an uploaded or local file: UTF-8 (with or without BOM) as most are; otherwise the
// charset an HTML page declares; otherwise GB18030, the superset of GBK and GB2312 that the
// forum's old Chinese pages were saved in.
export const decodeFile = (bytes: Uint8Array): DecodedFile => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' }
  const asUnicode = tryDecode(utf8, bytes)
  if (asUnicode !== null) return { text: asUnicode.replace(/^\ufeff/, ''), encoding: 'utf-8' }
  const charset = declaredCharset(new TextDecoder('windows-1252').decode(bytes.slice(0, 2048)))
  if (charset && charset !== 'utf-8') {
    try {
      return { text: new TextDecoder(charset).decode(bytes), encoding: charset }
    } catch {
      // An unknown label: fall through to the forum's usual encoding.
    }
  }
  const asChinese = tryDecode(new TextDecoder('gb18030', { fatal: true }), bytes)
  if (asChinese !== null) return { text: asChinese, encoding: 'gb18030' }
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' }
}
