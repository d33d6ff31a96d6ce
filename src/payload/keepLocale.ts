import type { PayloadRequest } from 'payload'

// Payload's local API writes the `locale` it is given onto the request it is given
// (createLocalReq), so a hook that reads with `locale: 'all'` on the request of the save it is
// part of would leave the rest of that save in 'all' (a meeting then failed "Title is required").
// The request's own locale is put back after the read.
export const keepLocale = async <T>(req: PayloadRequest, read: () => Promise<T>): Promise<T> => {
  const { locale, fallbackLocale } = req
  try {
    return await read()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
