import type { CollectionConfig, Plugin } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'

// Uploads (photos, and any upload collection after them) on S3-compatible object storage (AWS S3,
// MinIO, Cloudflare R2…) when S3_BUCKET is set, so that every instance of the site reads and
// writes the same files. Without it they are files in MEDIA_DIR, as before. Payload's storage
// adapter stores the original and every image size under the collection's name in the bucket
// (photos/), and the site keeps serving them at /api/photos/file/<name>, through the collection's
// access rules.

export type ObjectStorageSettings = {
  bucket: string
  config: {
    endpoint?: string
    region: string
    forcePathStyle: boolean
    credentials?: { accessKeyId: string; secretAccessKey: string }
    requestChecksumCalculation?: 'WHEN_REQUIRED'
    responseChecksumValidation?: 'WHEN_REQUIRED'
  }
}

/** The S3_* variables, or null when uploads stay in MEDIA_DIR. */
export const objectStorageSettings = (
  env: NodeJS.ProcessEnv = process.env,
): ObjectStorageSettings | null => {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const endpoint = env.S3_ENDPOINT?.trim() || undefined
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  return {
    bucket,
    config: {
      endpoint,
      region: env.S3_REGION?.trim() || 'us-east-1',
      // MinIO and most S3-compatible servers name the bucket in the path, not in the host name.
      forcePathStyle: env.S3_FORCE_PATH_STYLE
        ? env.S3_FORCE_PATH_STYLE === 'true'
        : endpoint !== undefined,
      // Without keys the AWS SDK finds its own (instance roles, ~/.aws).
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    },
  }
}

// Every upload collection is kept in the bucket, each one's files under its own name, so a new
// upload collection needs nothing here.
export const bucketPrefixOf = (slug: string): string => slug

// Always in the config, switched off without S3_BUCKET, and with its fields (each file's prefix
// and object key) either way: the schema, its migrations, the generated types and the admin's
// import map are then the same for every deployment, and switching storage changes no table.
export const objectStoragePlugin = (collections: CollectionConfig[]): Plugin => {
  const settings = objectStorageSettings()
  const uploads = collections.filter(({ upload }) => upload)
  return s3Storage({
    enabled: settings !== null,
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? '',
    collections: Object.fromEntries(
      uploads.map(({ slug }) => [slug, { prefix: bucketPrefixOf(slug) }]),
    ),
    config: settings?.config ?? {},
  })
}
