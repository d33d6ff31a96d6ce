import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Speakers and organisations an import creates await an editor's confirmation (issue 19); those
// already there are confirmed. Import notes become JSON (a summary and notes linked to records):
// the column stays text, and the notes saved before, plain text, are kept as JSON strings, which
// the admin reads as before (src/import/notes.ts).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`needs_confirmation\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`speakers_needs_confirmation_idx\` ON \`speakers\` (\`needs_confirmation\`);`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`needs_confirmation\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`organisations_needs_confirmation_idx\` ON \`organisations\` (\`needs_confirmation\`);`)
  await db.run(sql`UPDATE \`meetings\` SET \`import_notes\` = json_quote(\`import_notes\`)
    WHERE \`import_notes\` IS NOT NULL AND json_valid(\`import_notes\`) = 0;`)
  await db.run(sql`UPDATE \`_meetings_v\` SET \`version_import_notes\` = json_quote(\`version_import_notes\`)
    WHERE \`version_import_notes\` IS NOT NULL AND json_valid(\`version_import_notes\`) = 0;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`UPDATE \`meetings\` SET \`import_notes\` = json_extract(\`import_notes\`, '$')
    WHERE json_type(\`import_notes\`) = 'text';`)
  await db.run(sql`UPDATE \`_meetings_v\` SET \`version_import_notes\` = json_extract(\`version_import_notes\`, '$')
    WHERE json_type(\`version_import_notes\`) = 'text';`)
  await db.run(sql`DROP INDEX \`speakers_needs_confirmation_idx\`;`)
  await db.run(sql`ALTER TABLE \`speakers\` DROP COLUMN \`needs_confirmation\`;`)
  await db.run(sql`DROP INDEX \`organisations_needs_confirmation_idx\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`needs_confirmation\`;`)
}
