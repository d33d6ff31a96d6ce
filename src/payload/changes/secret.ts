import type { CollectionBeforeChangeHook, FieldHook, Payload } from 'payload'

import crypto from 'node:crypto'

// A webhook's secret signs every delivery (src/payload/changes/deliver.ts); the partner keeps a
// copy to check the signature. It must be readable (an HMAC key cannot be hashed), so it is
// stored encrypted with PAYLOAD_SECRET, as Payload stores API keys: the database, its backups and
// the archive of `npm run export` hold only the encrypted form. Plain secrets carry a prefix, which
// tells them apart from stored ones (hex).
const plainPrefix = 'whsec_'

export const newSecret = (): string => `${plainPrefix}${crypto.randomBytes(32).toString('hex')}`

const isPlain = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(plainPrefix)

export const encryptSecret: FieldHook = ({ value, req }) =>
  isPlain(value) ? req.payload.encrypt(value) : value

// A secret encrypted under another PAYLOAD_SECRET (an archive restored elsewhere) reads as
// nothing: deliveries then fail with a word to regenerate it.
export const readableSecret = (payload: Payload, stored: unknown): null | string => {
  if (typeof stored !== 'string' || !stored) return null
  if (isPlain(stored)) return stored
  try {
    const plain = payload.decrypt(stored)
    return isPlain(plain) ? plain : null
  } catch {
    return null
  }
}

export const decryptSecret: FieldHook = ({ value, req }) => readableSecret(req.payload, value)

// A new webhook gets a secret; ticking "Regenerate secret" replaces it (the partner then needs
// the new one).
export const generateSecret: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation === 'create' || data.regenerateSecret === true) data.secret = newSecret()
  delete data.regenerateSecret
  return data
}
