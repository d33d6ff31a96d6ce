import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`form_submissions\` ADD \`sender\` text;`)
  // Submissions sent before: named, like new ones, by the name and e-mail address they carry.
  await db.run(sql`UPDATE \`form_submissions\` SET \`sender\` = nullif(trim(
    coalesce((SELECT \`value\` FROM \`form_submissions_submission_data\` AS d
      WHERE d.\`_parent_id\` = \`form_submissions\`.\`id\` AND lower(d.\`field\`) = 'name' LIMIT 1), '') ||
    coalesce(' <' || (SELECT \`value\` FROM \`form_submissions_submission_data\` AS d
      WHERE d.\`_parent_id\` = \`form_submissions\`.\`id\` AND lower(d.\`field\`) = 'email' LIMIT 1) || '>', '')
  ), '');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`form_submissions\` DROP COLUMN \`sender\`;`)
}
