import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`translation_en_status\` text;`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`translation_zh_status\` text;`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`translation_en_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`translation_zh_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`translation_en_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`translation_zh_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`meetings_updated_by_idx\` ON \`meetings\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` ADD \`version_translation_en_status\` text;`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` ADD \`version_translation_zh_status\` text;`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` ADD \`version_translation_en_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` ADD \`version_translation_zh_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` ADD \`version_translation_en_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` ADD \`version_translation_zh_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`_meetings_v\` ADD \`version_updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_updated_by_idx\` ON \`_meetings_v\` (\`version_updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`translation_en_status\` text;`)
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`translation_zh_status\` text;`)
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`translation_en_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`translation_zh_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`translation_en_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`translation_zh_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`speakers\` ADD \`updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`speakers_updated_by_idx\` ON \`speakers\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`speakers_locales\` ADD \`label\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_en_status\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_zh_status\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_en_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_zh_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_en_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_zh_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`organisations_updated_by_idx\` ON \`organisations\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`organisations_locales\` ADD \`label\` text;`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`photos_updated_by_idx\` ON \`photos\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_en_status\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_zh_status\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_en_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_zh_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_en_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_zh_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`pages_updated_by_idx\` ON \`pages\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_en_status\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_zh_status\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_en_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_zh_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_en_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_zh_caught_up_at\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_updated_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_by_idx\` ON \`_pages_v\` (\`version_updated_by_id\`);`)

  // Existing rows, as the hooks would have filled them: see src/lib/adminLabels.ts.
  await db.run(sql`
    UPDATE organisations_locales SET label = CASE
      WHEN coalesce(trim((SELECT abbreviation FROM organisations o WHERE o.id = organisations_locales._parent_id)), '') IN ('', trim(name))
        THEN trim(name)
      ELSE trim(name) || ' (' || trim((SELECT abbreviation FROM organisations o WHERE o.id = organisations_locales._parent_id)) || ')'
    END
    WHERE trim(coalesce(name, '')) != '';`)
  // A speaker's first position's organisation, short: its abbreviation, else its name in the
  // same language, else its name in another.
  await db.run(sql`
    UPDATE speakers_locales SET label = trim(name) || coalesce(' · ' || (
      SELECT CASE WHEN o.id IS NULL THEN NULL ELSE coalesce(
        nullif(trim(o.abbreviation), ''),
        nullif(trim(same.name), ''),
        (SELECT trim(other.name) FROM organisations_locales other
          WHERE other._parent_id = o.id AND trim(coalesce(other.name, '')) != ''
          ORDER BY other._locale LIMIT 1)
      ) END
      FROM speakers_positions p
      LEFT JOIN organisations o ON o.id = p.organisation_id
      LEFT JOIN organisations_locales same ON same._parent_id = o.id AND same._locale = speakers_locales._locale
      WHERE p._parent_id = speakers_locales._parent_id
      ORDER BY p._order LIMIT 1
    ), '')
    WHERE trim(coalesce(name, '')) != '';`)

  // Translation status of existing documents (src/lib/translationStatus.ts): a language with its
  // title or name is complete, as of the document's last change, and missing otherwise. Which of
  // two written languages changed last was never recorded, so neither is called outdated.
  for (const { table, locales, text, prefix, updatedAt } of translatedTables) {
    for (const locale of ['en', 'zh']) {
      const hasText = `EXISTS (SELECT 1 FROM ${locales} l WHERE l._parent_id = ${table}.id AND l._locale = '${locale}' AND trim(coalesce(l.${text}, '')) != '')`
      await db.run(
        sql.raw(`UPDATE ${table} SET
          ${prefix}translation_${locale}_status = CASE WHEN ${hasText} THEN 'complete' ELSE 'missing' END,
          ${prefix}translation_${locale}_changed_at = CASE WHEN ${hasText} THEN ${updatedAt} END;`),
      )
    }
  }
}

const translatedTables = [
  { table: 'meetings', locales: 'meetings_locales', text: 'title', prefix: '', updatedAt: 'updated_at' },
  { table: '_meetings_v', locales: '_meetings_v_locales', text: 'version_title', prefix: 'version_', updatedAt: 'version_updated_at' },
  { table: 'pages', locales: 'pages_locales', text: 'title', prefix: '', updatedAt: 'updated_at' },
  { table: '_pages_v', locales: '_pages_v_locales', text: 'version_title', prefix: 'version_', updatedAt: 'version_updated_at' },
  { table: 'speakers', locales: 'speakers_locales', text: 'name', prefix: '', updatedAt: 'updated_at' },
  { table: 'organisations', locales: 'organisations_locales', text: 'name', prefix: '', updatedAt: 'updated_at' },
]


export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Dropping updated_by_id rebuilds each table (SQLite cannot drop a column with a foreign key).
  // Foreign keys stay off for all of it: Drizzle turned them on again after the first table, and
  // dropping \`speakers\` then deleted every speaker's names, positions and links in cascade.
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_meetings\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'round-table',
  	\`edition\` numeric,
  	\`starts_at\` text,
  	\`startsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`ends_at\` text,
  	\`endsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`host_id\` text(36),
  	\`published_at\` text,
  	\`legacy_source\` text,
  	\`import_notes\` text,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`host_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_meetings\`("id", "kind", "edition", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "host_id", "published_at", "legacy_source", "import_notes", "generate_slug", "slug", "updated_at", "created_at", "_status") SELECT "id", "kind", "edition", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "host_id", "published_at", "legacy_source", "import_notes", "generate_slug", "slug", "updated_at", "created_at", "_status" FROM \`meetings\`;`)
  await db.run(sql`DROP TABLE \`meetings\`;`)
  await db.run(sql`ALTER TABLE \`__new_meetings\` RENAME TO \`meetings\`;`)
  await db.run(sql`CREATE INDEX \`meetings_kind_idx\` ON \`meetings\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`meetings_edition_idx\` ON \`meetings\` (\`edition\`);`)
  await db.run(sql`CREATE INDEX \`meetings_starts_at_idx\` ON \`meetings\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_ends_at_idx\` ON \`meetings\` (\`ends_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_host_idx\` ON \`meetings\` (\`host_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_published_at_idx\` ON \`meetings\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_legacy_source_idx\` ON \`meetings\` (\`legacy_source\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`meetings_slug_idx\` ON \`meetings\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`meetings_updated_at_idx\` ON \`meetings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_created_at_idx\` ON \`meetings\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings__status_idx\` ON \`meetings\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_startsAt_createdAt_idx\` ON \`meetings\` (\`_status\`,\`starts_at\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__meetings_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_kind\` text DEFAULT 'round-table',
  	\`version_edition\` numeric,
  	\`version_starts_at\` text,
  	\`version_startsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_ends_at\` text,
  	\`version_endsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_host_id\` text(36),
  	\`version_published_at\` text,
  	\`version_legacy_source\` text,
  	\`version_import_notes\` text,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_host_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__meetings_v\`("id", "parent_id", "version_kind", "version_edition", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_host_id", "version_published_at", "version_legacy_source", "version_import_notes", "version_generate_slug", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_kind", "version_edition", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_host_id", "version_published_at", "version_legacy_source", "version_import_notes", "version_generate_slug", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_meetings_v\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__meetings_v\` RENAME TO \`_meetings_v\`;`)
  await db.run(sql`CREATE INDEX \`_meetings_v_parent_idx\` ON \`_meetings_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_kind_idx\` ON \`_meetings_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_edition_idx\` ON \`_meetings_v\` (\`version_edition\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_starts_at_idx\` ON \`_meetings_v\` (\`version_starts_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_ends_at_idx\` ON \`_meetings_v\` (\`version_ends_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_host_idx\` ON \`_meetings_v\` (\`version_host_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_published_at_idx\` ON \`_meetings_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_legacy_source_idx\` ON \`_meetings_v\` (\`version_legacy_source\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_slug_idx\` ON \`_meetings_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_updated_at_idx\` ON \`_meetings_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_created_at_idx\` ON \`_meetings_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version__status_idx\` ON \`_meetings_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_created_at_idx\` ON \`_meetings_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_updated_at_idx\` ON \`_meetings_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_snapshot_idx\` ON \`_meetings_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_published_locale_idx\` ON \`_meetings_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_latest_idx\` ON \`_meetings_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_autosave_idx\` ON \`_meetings_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_startsAt_version_createdAt_idx\` ON \`_meetings_v\` (\`version__status\`,\`version_starts_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_speakers\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`portrait_id\` text(36),
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text NOT NULL,
  	\`visibility\` text,
  	\`is_announced\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`portrait_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_speakers\`("id", "portrait_id", "generate_slug", "slug", "visibility", "is_announced", "updated_at", "created_at") SELECT "id", "portrait_id", "generate_slug", "slug", "visibility", "is_announced", "updated_at", "created_at" FROM \`speakers\`;`)
  await db.run(sql`DROP TABLE \`speakers\`;`)
  await db.run(sql`ALTER TABLE \`__new_speakers\` RENAME TO \`speakers\`;`)
  await db.run(sql`CREATE INDEX \`speakers_portrait_idx\` ON \`speakers\` (\`portrait_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`speakers_slug_idx\` ON \`speakers\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`speakers_visibility_idx\` ON \`speakers\` (\`visibility\`);`)
  await db.run(sql`CREATE INDEX \`speakers_updated_at_idx\` ON \`speakers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`speakers_created_at_idx\` ON \`speakers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_organisations\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`abbreviation\` text,
  	\`kind\` text NOT NULL,
  	\`website\` text,
  	\`logo_id\` text(36),
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text NOT NULL,
  	\`visibility\` text,
  	\`is_announced\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_organisations\`("id", "abbreviation", "kind", "website", "logo_id", "generate_slug", "slug", "visibility", "is_announced", "updated_at", "created_at") SELECT "id", "abbreviation", "kind", "website", "logo_id", "generate_slug", "slug", "visibility", "is_announced", "updated_at", "created_at" FROM \`organisations\`;`)
  await db.run(sql`DROP TABLE \`organisations\`;`)
  await db.run(sql`ALTER TABLE \`__new_organisations\` RENAME TO \`organisations\`;`)
  await db.run(sql`CREATE INDEX \`organisations_abbreviation_idx\` ON \`organisations\` (\`abbreviation\`);`)
  await db.run(sql`CREATE INDEX \`organisations_kind_idx\` ON \`organisations\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`organisations_logo_idx\` ON \`organisations\` (\`logo_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`organisations_slug_idx\` ON \`organisations\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`organisations_visibility_idx\` ON \`organisations\` (\`visibility\`);`)
  await db.run(sql`CREATE INDEX \`organisations_updated_at_idx\` ON \`organisations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`organisations_created_at_idx\` ON \`organisations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_photos\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`credit\` text,
  	\`taken_at\` text,
  	\`meeting_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_hero_url\` text,
  	\`sizes_hero_width\` numeric,
  	\`sizes_hero_height\` numeric,
  	\`sizes_hero_mime_type\` text,
  	\`sizes_hero_filesize\` numeric,
  	\`sizes_hero_filename\` text,
  	\`sizes_og_url\` text,
  	\`sizes_og_width\` numeric,
  	\`sizes_og_height\` numeric,
  	\`sizes_og_mime_type\` text,
  	\`sizes_og_filesize\` numeric,
  	\`sizes_og_filename\` text,
  	FOREIGN KEY (\`meeting_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_photos\`("id", "credit", "taken_at", "meeting_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename", "sizes_og_url", "sizes_og_width", "sizes_og_height", "sizes_og_mime_type", "sizes_og_filesize", "sizes_og_filename") SELECT "id", "credit", "taken_at", "meeting_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_hero_url", "sizes_hero_width", "sizes_hero_height", "sizes_hero_mime_type", "sizes_hero_filesize", "sizes_hero_filename", "sizes_og_url", "sizes_og_width", "sizes_og_height", "sizes_og_mime_type", "sizes_og_filesize", "sizes_og_filename" FROM \`photos\`;`)
  await db.run(sql`DROP TABLE \`photos\`;`)
  await db.run(sql`ALTER TABLE \`__new_photos\` RENAME TO \`photos\`;`)
  await db.run(sql`CREATE INDEX \`photos_taken_at_idx\` ON \`photos\` (\`taken_at\`);`)
  await db.run(sql`CREATE INDEX \`photos_meeting_idx\` ON \`photos\` (\`meeting_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_updated_at_idx\` ON \`photos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`photos_created_at_idx\` ON \`photos\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`photos_filename_idx\` ON \`photos\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`photos\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_card_sizes_card_filename_idx\` ON \`photos\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_hero_sizes_hero_filename_idx\` ON \`photos\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_og_sizes_og_filename_idx\` ON \`photos\` (\`sizes_og_filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_pages\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`form_id\` text(36),
  	\`nav_order\` numeric DEFAULT 100,
  	\`published_at\` text,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`parent_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`form_id\`) REFERENCES \`forms\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_pages\`("id", "form_id", "nav_order", "published_at", "generate_slug", "slug", "parent_id", "updated_at", "created_at", "_status") SELECT "id", "form_id", "nav_order", "published_at", "generate_slug", "slug", "parent_id", "updated_at", "created_at", "_status" FROM \`pages\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`ALTER TABLE \`__new_pages\` RENAME TO \`pages\`;`)
  await db.run(sql`CREATE INDEX \`pages_form_idx\` ON \`pages\` (\`form_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_nav_order_idx\` ON \`pages\` (\`nav_order\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`pages_parent_idx\` ON \`pages\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages__status_idx\` ON \`pages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__pages_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_form_id\` text(36),
  	\`version_nav_order\` numeric DEFAULT 100,
  	\`version_published_at\` text,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_parent_id\` text(36),
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_form_id\`) REFERENCES \`forms\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__pages_v\`("id", "parent_id", "version_form_id", "version_nav_order", "version_published_at", "version_generate_slug", "version_slug", "version_parent_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_form_id", "version_nav_order", "version_published_at", "version_generate_slug", "version_slug", "version_parent_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__pages_v\` RENAME TO \`_pages_v\`;`)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_form_idx\` ON \`_pages_v\` (\`version_form_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_nav_order_idx\` ON \`_pages_v\` (\`version_nav_order\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_slug_idx\` ON \`_pages_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_parent_idx\` ON \`_pages_v\` (\`version_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_at_idx\` ON \`_pages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_at_idx\` ON \`_pages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version__status_idx\` ON \`_pages_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_created_at_idx\` ON \`_pages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_updated_at_idx\` ON \`_pages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_snapshot_idx\` ON \`_pages_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_published_locale_idx\` ON \`_pages_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_idx\` ON \`_pages_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_autosave_idx\` ON \`_pages_v\` (\`autosave\`);`)
  await db.run(sql`ALTER TABLE \`speakers_locales\` DROP COLUMN \`label\`;`)
  await db.run(sql`ALTER TABLE \`organisations_locales\` DROP COLUMN \`label\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}
