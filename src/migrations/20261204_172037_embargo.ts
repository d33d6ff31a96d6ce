import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Derives `visibility` for the rows already there, as src/lib/visibility.ts does on save (kept here
// as SQL so that the migration stays what it was when the rule changes): a speaker or organisation
// is public when a published meeting names it, when (organisations) a public speaker holds a
// position at it, or when nothing names it; one named only by the newest versions of meetings
// still in draft, or by embargoed speakers, is embargoed. Nobody is "announced" yet. Search
// entries take their document's visibility (meetings and pages: public, the column default).
export const fillVisibility = async ({ db }: Pick<MigrateUpArgs, 'db'>): Promise<void> => {
  await db.run(sql`UPDATE \`speakers\` SET \`visibility\` = CASE
    WHEN \`is_announced\` = 1 THEN 'public'
    WHEN EXISTS (SELECT 1 FROM \`meetings_rels\` r JOIN \`meetings\` m ON m.\`id\` = r.\`parent_id\`
      WHERE r.\`path\` = 'participants' AND r.\`speakers_id\` = \`speakers\`.\`id\` AND m.\`_status\` = 'published')
      THEN 'public'
    WHEN EXISTS (SELECT 1 FROM \`_meetings_v_rels\` r JOIN \`_meetings_v\` v ON v.\`id\` = r.\`parent_id\`
      WHERE r.\`path\` = 'version.participants' AND r.\`speakers_id\` = \`speakers\`.\`id\` AND v.\`latest\` = 1)
      THEN 'embargoed'
    ELSE 'public' END;`)
  await db.run(sql`UPDATE \`organisations\` SET \`visibility\` = CASE
    WHEN \`is_announced\` = 1 THEN 'public'
    WHEN EXISTS (SELECT 1 FROM \`meetings_statements\` s JOIN \`meetings\` m ON m.\`id\` = s.\`_parent_id\`
      WHERE s.\`organisation_id\` = \`organisations\`.\`id\` AND m.\`_status\` = 'published')
      THEN 'public'
    WHEN EXISTS (SELECT 1 FROM \`meetings_rels\` r JOIN \`meetings\` m ON m.\`id\` = r.\`parent_id\`
      WHERE r.\`path\` = 'attendingOrganisations' AND r.\`organisations_id\` = \`organisations\`.\`id\` AND m.\`_status\` = 'published')
      THEN 'public'
    WHEN EXISTS (SELECT 1 FROM \`speakers_rels\` r JOIN \`speakers\` p ON p.\`id\` = r.\`parent_id\`
      WHERE r.\`path\` = 'organisations' AND r.\`organisations_id\` = \`organisations\`.\`id\` AND p.\`visibility\` = 'public')
      THEN 'public'
    WHEN EXISTS (SELECT 1 FROM \`_meetings_v_version_statements\` s JOIN \`_meetings_v\` v ON v.\`id\` = s.\`_parent_id\`
      WHERE s.\`organisation_id\` = \`organisations\`.\`id\` AND v.\`latest\` = 1)
      THEN 'embargoed'
    WHEN EXISTS (SELECT 1 FROM \`_meetings_v_rels\` r JOIN \`_meetings_v\` v ON v.\`id\` = r.\`parent_id\`
      WHERE r.\`path\` = 'version.attendingOrganisations' AND r.\`organisations_id\` = \`organisations\`.\`id\` AND v.\`latest\` = 1)
      THEN 'embargoed'
    WHEN EXISTS (SELECT 1 FROM \`speakers_rels\` r
      WHERE r.\`path\` = 'organisations' AND r.\`organisations_id\` = \`organisations\`.\`id\`)
      THEN 'embargoed'
    ELSE 'public' END;`)
  await db.run(sql`UPDATE \`search\` SET \`visibility\` = 'embargoed' WHERE \`id\` IN (
    SELECT r.\`parent_id\` FROM \`search_rels\` r
      LEFT JOIN \`speakers\` p ON p.\`id\` = r.\`speakers_id\`
      LEFT JOIN \`organisations\` o ON o.\`id\` = r.\`organisations_id\`
    WHERE r.\`path\` = 'doc' AND (p.\`visibility\` = 'embargoed' OR o.\`visibility\` = 'embargoed'));`)
}

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`visibility\` text;`)
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`is_announced\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`speakers_visibility_idx\` ON \`speakers\` (\`visibility\`);`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`visibility\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`is_announced\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`organisations_visibility_idx\` ON \`organisations\` (\`visibility\`);`)
  await db.run(sql`ALTER TABLE \`search\` ADD \`visibility\` text DEFAULT 'public';`)
  await db.run(sql`CREATE INDEX \`search_visibility_idx\` ON \`search\` (\`visibility\`);`)
  await fillVisibility({ db })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`speakers_visibility_idx\`;`)
  await db.run(sql`ALTER TABLE \`speakers\` DROP COLUMN \`visibility\`;`)
  await db.run(sql`ALTER TABLE \`speakers\` DROP COLUMN \`is_announced\`;`)
  await db.run(sql`DROP INDEX \`organisations_visibility_idx\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`visibility\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`is_announced\`;`)
  await db.run(sql`DROP INDEX \`search_visibility_idx\`;`)
  await db.run(sql`ALTER TABLE \`search\` DROP COLUMN \`visibility\`;`)
}
