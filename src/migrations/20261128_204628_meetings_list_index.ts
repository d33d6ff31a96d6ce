import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_startsAt_createdAt_idx\` ON \`meetings\` (\`_status\`,\`starts_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_startsAt_version_createdAt_idx\` ON \`_meetings_v\` (\`version__status\`,\`version_starts_at\`,\`version_created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_startsAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_startsAt_version_createdAt_idx\`;`)
}
