import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { ChangeEvents } from './collections/ChangeEvents'
import { Editions } from './collections/Editions'
import { Documents } from './collections/Documents'
import { Meetings } from './collections/Meetings'
import { News } from './collections/News'
import { Organisations } from './collections/Organisations'
import { Pages } from './collections/Pages'
import { Photos } from './collections/Photos'
import { Site } from './collections/Site'
import { Speakers } from './collections/Speakers'
import { Users } from './collections/Users'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { webhooksCollection } from './collections/Webhooks'
import { changesEndpoint } from './src/payload/changes/feed'
import { rememberPublicState } from './src/payload/changes/events'
import { staffOnlyDocumentLocks } from './src/payload/access/documentLocks'
import { forumTimeZone, supportedTimeZones } from './src/payload/fields/dateTime'
import { richTextEditor } from './src/payload/fields/richText'
import { toSlug } from './src/payload/fields/slug'
import { countMongoQueries, databaseAdapter } from './src/payload/database'
import { limitListsPerQuery } from './src/payload/graphqlLimits'
import { deriveMissingEditions } from './src/payload/deriveMissingEditions'
import { deriveMissingVisibility, shouldDeriveOnStart } from './src/payload/deriveMissingVisibility'
import { previewLink } from './src/payload/previewLink'
import { forms } from './src/payload/plugins/formBuilder'
import { jobs } from './src/payload/jobs'
import { redirects } from './src/payload/plugins/redirects'
import { siteSearch } from './src/payload/plugins/search'
import { recordContentReads, unrecorded } from './src/payload/siteContent'
import { objectStoragePlugin } from './src/payload/objectStorage'
import { countFailedLogin } from './collections/Users/hooks/loginLimits'
import { answerDatabaseOutage } from './src/payload/hooks/answerDatabaseOutage'
import { seedOnFirstStart } from './src/seed/onInit'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const isProduction = process.env.NODE_ENV === 'production'

const collections = [
  Editions,
  Meetings,
  Speakers,
  Organisations,
  Photos,
  Documents,
  Pages,
  News,
  Users,
]

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || (isProduction ? '' : 'cifcc-development-only-secret'),
  serverURL: process.env.NEXT_PUBLIC_SERVER_URL || '',
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: {
      baseDir: path.resolve(dirname, 'src'),
      importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
    },
    meta: { titleSuffix: ' · CIFCC admin' },
    // Drafts, translations and imports waiting for staff, and the last changes, above the cards.
    components: { beforeDashboard: ['/components/admin/Attention#Attention'] },
    timezones: { defaultTimezone: forumTimeZone, supportedTimezones: supportedTimeZones },
    livePreview: {
      collections: [Meetings.slug, Pages.slug],
      url: ({ collectionConfig, data, locale }) =>
        previewLink({ collection: collectionConfig?.slug ?? '', doc: data, locale: locale.code }),
      breakpoints: [
        { label: 'Phone', name: 'phone', width: 390, height: 844 },
        { label: 'Tablet', name: 'tablet', width: 820, height: 1180 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 900 },
      ],
    },
  },
  // After them, partners' change events and webhooks (issue 16), which report on the content.
  collections: [...collections, ChangeEvents, webhooksCollection(collections), WebhookDeliveries],
  globals: [Site],
  // GET /api/changes: the change events, for partners.
  endpoints: [changesEndpoint],
  // Scheduled publications (news): queued by staff, run by `npm start` (src/server/jobRunner.mjs).
  jobs,
  // The admin in English or Chinese, chosen by each account under Account → Language.
  i18n: { supportedLanguages: { en, zh }, fallbackLanguage: 'en' },
  localization: {
    locales: [
      { code: 'en', label: 'English' },
      { code: 'zh', label: '中文', fallbackLocale: 'en' },
    ],
    defaultLocale: 'en',
    fallback: true,
  },
  editor: richTextEditor,
  db: databaseAdapter(),
  sharp,
  upload: {
    limits: { fileSize: 25 * 1024 * 1024 },
  },
  graphQL: {
    maxComplexity: 1000,
    validationRules: () => [limitListsPerQuery],
    disablePlaygroundInProduction: true,
  },
  defaultDepth: 1,
  maxDepth: 4,
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
  plugins: [
    objectStoragePlugin(collections),
    siteSearch(collections),
    forms,
    redirects,
    nestedDocsPlugin({
      collections: ['pages'],
      generateLabel: (_, doc) => String(doc.title ?? ''),
      // The plugin builds breadcrumbs before the slug field's own hook has filled in a new
      // page's slug, so derive it the same way here instead of writing "/services/undefined".
      generateURL: (docs) =>
        docs.reduce((url, doc) => `${url}/${String(doc.slug || toSlug(doc.title) || doc.id)}`, ''),
    }),
    rememberPublicState,
    recordContentReads,
  ],
  hooks: {
    afterError: [answerDatabaseOutage, countFailedLogin],
  },
  onInit: (payload) =>
    unrecorded(async () => {
      countMongoQueries(payload)
      if (shouldDeriveOnStart()) {
        await deriveMissingVisibility({ payload })
        await deriveMissingEditions({ payload })
      }
      await seedOnFirstStart(payload)
    }),
}).then(staffOnlyDocumentLocks)
