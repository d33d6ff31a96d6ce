import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import crypto from 'node:crypto'
import sharp from 'sharp'

import type {
  Document,
  Edition,
  Meeting,
  News,
  Organisation,
  Page,
  Photo,
  Speaker,
  User,
} from '@/payload-types'

type FixtureCollection =
  | 'documents'
  | 'editions'
  | 'meetings'
  | 'news'
  | 'organisations'
  | 'pages'
  | 'photos'
  | 'speakers'
  | 'users'

type DataOf<S extends FixtureCollection> = Partial<RequiredDataFromCollectionSlug<S>>

// The generated types require `slug`, which the slug field's hook fills in from the title or name.
const complete = <S extends FixtureCollection>(data: DataOf<S>) =>
  data as RequiredDataFromCollectionSlug<S>

// Fixtures are written with overrideAccess (the local API default): they set up a scene, the
// tests then look at it through the surface under test.

export const uniqueSuffix = (): string => crypto.randomBytes(4).toString('hex')

// Long enough for the password rules (src/payload/passwordRules.ts), and on no list of common ones.
export const testPassword = 'tea kettle under the olive tree'

type Status = 'draft' | 'published'

export const createOrganisation = (
  payload: Payload,
  data: DataOf<'organisations'> = {},
): Promise<Organisation> =>
  payload.create({
    collection: 'organisations',
    data: complete<'organisations'>({
      name: `Test Organisation ${uniqueSuffix()}`,
      kind: 'ngo',
      ...data,
    }),
  })

export const createSpeaker = (payload: Payload, data: DataOf<'speakers'> = {}): Promise<Speaker> =>
  payload.create({
    collection: 'speakers',
    data: complete<'speakers'>({ name: `Test Speaker ${uniqueSuffix()}`, ...data }),
  })

// An edition of a year no edition has yet (an edition's id is its year), counting down from
// 2100 so that it stays clear of the years tests file meetings under.
export const createEdition = async (
  payload: Payload,
  {
    _status = 'published',
    ...fields
  }: Omit<DataOf<'editions'>, '_status' | 'id'> & { _status?: Status } = {},
): Promise<Edition> => {
  const { docs } = await payload.find({
    collection: 'editions',
    pagination: false,
    depth: 0,
    select: {},
    overrideAccess: true,
  })
  const taken = new Set(docs.map(({ id }) => id))
  let year = 2100
  while (taken.has(year)) year -= 1
  const data = { ...fields, id: year, _status }
  return payload.create({ collection: 'editions', data, draft: _status === 'draft' })
}

// A draft is saved the way the admin panel saves one (draft: true); a published document is
// saved in full.
export const createMeeting = (
  payload: Payload,
  {
    _status = 'published',
    ...fields
  }: Omit<DataOf<'meetings'>, '_status'> & { _status?: Status } = {},
): Promise<Meeting> => {
  const data = complete<'meetings'>({
    title: `Test Meeting ${uniqueSuffix()}`,
    kind: 'round-table',
    edition: 2022,
    startsAt: '2022-10-30T06:00:00.000Z',
    startsAt_tz: 'Asia/Shanghai',
    ...fields,
    _status,
  })
  return _status === 'draft'
    ? payload.create({ collection: 'meetings', draft: true, data })
    : payload.create({ collection: 'meetings', data })
}

export const createPage = (
  payload: Payload,
  {
    _status = 'published',
    ...fields
  }: Omit<DataOf<'pages'>, '_status'> & { _status?: Status } = {},
): Promise<Page> => {
  const data = complete<'pages'>({ title: `Test Page ${uniqueSuffix()}`, ...fields, _status })
  return _status === 'draft'
    ? payload.create({ collection: 'pages', draft: true, data })
    : payload.create({ collection: 'pages', data })
}

export const createNews = (
  payload: Payload,
  { _status = 'published', ...fields }: Omit<DataOf<'news'>, '_status'> & { _status?: Status } = {},
): Promise<News> => {
  const suffix = uniqueSuffix()
  const data = complete<'news'>({
    title: `Test Release ${suffix}`,
    slug: `test-release-${suffix}`,
    summary: `What the forum announces (${suffix}).`,
    ...fields,
    _status,
  })
  return _status === 'draft'
    ? payload.create({ collection: 'news', draft: true, data })
    : payload.create({ collection: 'news', data })
}

const createUser = (
  payload: Payload,
  role: User['role'],
  data: Omit<DataOf<'users'>, 'role'> = {},
): Promise<User> =>
  payload.create({
    collection: 'users',
    data: {
      name: `Test ${role} ${uniqueSuffix()}`,
      email: `${role}-${uniqueSuffix()}@example.test`,
      password: testPassword,
      role,
      ...data,
    },
  })

export const createAdmin = (payload: Payload, data: Omit<DataOf<'users'>, 'role'> = {}) =>
  createUser(payload, 'admin', data)

export const createEditor = (payload: Payload, data: Omit<DataOf<'users'>, 'role'> = {}) =>
  createUser(payload, 'editor', data)

// A partner's read-only account with an API key, as an admin hands one out.
export const createReader = async (
  payload: Payload,
  data: Omit<DataOf<'users'>, 'role'> = {},
): Promise<User & { apiKey: string }> => {
  const apiKey = crypto.randomUUID()
  const reader = await createUser(payload, 'reader', { enableAPIKey: true, apiKey, ...data })
  return { ...reader, apiKey }
}

export type TestImage = { data: Buffer; mimetype: string; name: string; size: number }

// A real image with some structure (a gradient with a block), so encoders and crops have work.
export const makeTestImage = async ({
  width = 2400,
  height = 1600,
  format = 'jpeg',
}: { width?: number; height?: number; format?: 'jpeg' | 'png' } = {}): Promise<TestImage> => {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g"><stop offset="0" stop-color="#0a6"/><stop offset="1" stop-color="#06c"/></linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
      <rect x="${width / 4}" y="${height / 4}" width="${width / 2}" height="${height / 2}" fill="#fc3"/>
    </svg>`,
  )
  const image = sharp(svg)
  const data = await (format === 'png' ? image.png() : image.jpeg({ quality: 85 })).toBuffer()
  return {
    data,
    mimetype: format === 'png' ? 'image/png' : 'image/jpeg',
    name: `test-${uniqueSuffix()}.${format === 'png' ? 'png' : 'jpg'}`,
    size: data.length,
  }
}

export const uploadTestImage = async (
  payload: Payload,
  {
    data = {},
    ...image
  }: { data?: DataOf<'photos'>; width?: number; height?: number; format?: 'jpeg' | 'png' } = {},
): Promise<Photo> =>
  payload.create({
    collection: 'photos',
    data: { alt: `A test photo ${uniqueSuffix()}`, ...data },
    file: await makeTestImage(image),
  })

// A real one-page PDF (header, objects, cross-reference table, trailer) that PDF readers open,
// with `text` on its page; `padding` bytes of comment make it as large as a test needs.
export const makeTestPdf = ({
  text = 'Test document',
  padding = 0,
}: { text?: string; padding?: number } = {}): TestImage => {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = `%PDF-1.4\n%${'x'.repeat(padding)}\n`
  const offsets = objects.map((object, index) => {
    const offset = Buffer.byteLength(body, 'latin1')
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
    return offset
  })
  const xref = Buffer.byteLength(body, 'latin1')
  body +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  const data = Buffer.from(body, 'latin1')
  return {
    data,
    mimetype: 'application/pdf',
    name: `test-${uniqueSuffix()}.pdf`,
    size: data.length,
  }
}

export const uploadTestDocument = (
  payload: Payload,
  { data = {}, ...pdf }: { data?: DataOf<'documents'>; text?: string; padding?: number } = {},
): Promise<Document> =>
  payload.create({
    collection: 'documents',
    data: complete<'documents'>({
      title: `A test document ${uniqueSuffix()}`,
      language: 'en',
      ...data,
    }),
    file: makeTestPdf(pdf),
  })
