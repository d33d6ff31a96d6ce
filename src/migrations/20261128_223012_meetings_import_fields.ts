import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`legacy_source\` text;`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`import_notes\` text;`)
  await db.run(sql`CREATE INDEX \`meetings_legacy_source_idx\` ON \`meetings\` (\`legacy_source\`);`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` ADD \`version_legacy_source\` text;`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` ADD \`version_import_notes\` text;`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_legacy_source_idx\` ON \`_meetings_v\` (\`version_legacy_source\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`meetings_legacy_source_idx\`;`)
  await db.run(sql`ALTER TABLE \`meetings\` DROP COLUMN \`legacy_source\`;`)
  await db.run(sql`ALTER TABLE \`meetings\` DROP COLUMN \`import_notes\`;`)
  await db.run(sql`DROP INDEX \`_meetings_v_version_version_legacy_source_idx\`;`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` DROP COLUMN \`version_legacy_source\`;`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` DROP COLUMN \`version_import_notes\`;`)
}
