// Makes the damaged pages of the corpus from their clean sources.
//
//   node tests/import-corpus/make-damaged.mjs <clean-dir>
//
// <clean-dir> holds tune/<name> and holdout/<name> for every page listed below, written as clean
// UTF-8. The clean sources are deliberately not part of the corpus (the expected files already
// give the clean values), so this script is kept to show how the damage was made and to remake it
// from a copy of the sources.
//
// Damage, as the forum's old site did it:
// - 'mojibake': the text is encoded as GBK and the bytes are read back as Windows-1252 (Latin-1
//   for every byte that occurs here), then saved as UTF-8: “ becomes ¡°, · becomes ¡¤, 中国
//   becomes ÖÐ¹ú. Characters GBK cannot encode in two bytes (©) are left as they are, as on the
//   forum's own pages.
// - 'mojibake-entities': the same, then every character U+00A0–U+00FF written as a named HTML
//   entity (¡° becomes &iexcl;&deg;), as old WYSIWYG editors stored non-ASCII text.
// - 'gbk-bytes': the file is saved as raw GBK bytes (no UTF-8 at all).
//
// Node has a GBK decoder but no encoder, so the encode map is built by decoding every two-byte
// GBK sequence with TextDecoder('gbk').
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const pages = [
  ['tune/2012-plenary-en-gbk.txt', 'mojibake'],
  ['holdout/2013-plenary-en-gbk.txt', 'mojibake'],
  ['tune/2013-workshop-en-gbk.txt', 'mojibake'],
  ['holdout/2011-workshop-en-gbk.txt', 'mojibake'],
  ['tune/2014-side-event-en-gbk.html', 'mojibake-entities'],
  ['holdout/2015-side-event-en-gbk.html', 'mojibake-entities'],
  ['tune/2012-workshop-zh-gbk-latin1.txt', 'mojibake'],
  ['holdout/2014-workshop-zh-gbk-latin1.txt', 'mojibake'],
  ['tune/2010-forum-zh-gbk-bytes.html', 'gbk-bytes'],
  ['holdout/2011-forum-zh-gbk-bytes.html', 'gbk-bytes'],
]

const gbkDecoder = new TextDecoder('gbk')
const gbkBytesOf = new Map()
for (let lead = 0x81; lead <= 0xfe; lead += 1) {
  for (let trail = 0x40; trail <= 0xfe; trail += 1) {
    if (trail === 0x7f) continue
    const character = gbkDecoder.decode(Uint8Array.of(lead, trail))
    if ([...character].length === 1 && character !== '\ufffd' && !gbkBytesOf.has(character))
      gbkBytesOf.set(character, [lead, trail])
  }
}

// Returns the GBK bytes of a text; characters without a two-byte code are passed back as null
// so the caller decides what to do with them.
const encodeGbk = (text) =>
  [...text].map((character) => {
    if (character.codePointAt(0) < 0x80) return [character.codePointAt(0)]
    return gbkBytesOf.get(character) ?? null
  })

const windows1252 = new TextDecoder('windows-1252')

const mojibake = (text) =>
  encodeGbk(text)
    .map((bytes, index) =>
      bytes === null ? [...text][index] : windows1252.decode(Uint8Array.from(bytes)),
    )
    .join('')

const entityNames =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  )

const toEntities = (text) =>
  [...text]
    .map((character) => {
      const code = character.codePointAt(0)
      if (code >= 0xa0 && code <= 0xff) return `&${entityNames[code - 0xa0]};`
      if (code >= 0x80) return `&#${code};`
      return character
    })
    .join('')

const cleanDir = process.argv[2]
if (!cleanDir) {
  console.error('usage: node make-damaged.mjs <clean-dir>')
  process.exit(2)
}
const corpusDir = dirname(fileURLToPath(import.meta.url))

for (const [name, damage] of pages) {
  const clean = readFileSync(join(cleanDir, name), 'utf8')
  const target = join(corpusDir, name)
  mkdirSync(dirname(target), { recursive: true })
  if (damage === 'gbk-bytes') {
    const encoded = encodeGbk(clean)
    const missing = [...clean].filter((_, index) => encoded[index] === null)
    if (missing.length > 0) throw new Error(`${name}: not in GBK: ${missing.join(' ')}`)
    const bytes = Uint8Array.from(encoded.flat())
    if (gbkDecoder.decode(bytes) !== clean) throw new Error(`${name}: GBK does not round-trip`)
    writeFileSync(target, bytes)
  } else {
    const damaged = mojibake(clean)
    if (damaged === clean) throw new Error(`${name}: nothing was damaged`)
    writeFileSync(target, damage === 'mojibake-entities' ? toEntities(damaged) : damaged, 'utf8')
  }
  console.log(`${damage.padEnd(17)} ${name}`)
}
