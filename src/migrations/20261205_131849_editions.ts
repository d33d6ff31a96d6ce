import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`editions\` (
  	\`id\` numeric PRIMARY KEY NOT NULL,
  	\`starts_on\` text,
  	\`ends_on\` text,
  	\`hero_photo_id\` text(36),
  	\`slug\` text,
  	\`translation_en_status\` text,
  	\`translation_zh_status\` text,
  	\`translation_en_changed_at\` text,
  	\`translation_zh_changed_at\` text,
  	\`translation_en_caught_up_at\` text,
  	\`translation_zh_caught_up_at\` text,
  	\`updated_by_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`editions_hero_photo_idx\` ON \`editions\` (\`hero_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`editions_slug_idx\` ON \`editions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`editions_updated_by_idx\` ON \`editions\` (\`updated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`editions_updated_at_idx\` ON \`editions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`editions_created_at_idx\` ON \`editions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`editions__status_idx\` ON \`editions\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`editions_locales\` (
  	\`theme\` text,
  	\`city\` text,
  	\`venue\` text,
  	\`summary\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`editions_locales_locale_parent_id_unique\` ON \`editions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`editions_locales_parent_lookup_idx\` ON \`editions_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`editions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` numeric NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`editions_rels_order_idx\` ON \`editions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`editions_rels_parent_idx\` ON \`editions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`editions_rels_path_idx\` ON \`editions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`editions_rels_organisations_id_idx\` ON \`editions_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE TABLE \`_editions_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` numeric,
  	\`version_starts_on\` text,
  	\`version_ends_on\` text,
  	\`version_hero_photo_id\` text(36),
  	\`version_slug\` text,
  	\`version_translation_en_status\` text,
  	\`version_translation_zh_status\` text,
  	\`version_translation_en_changed_at\` text,
  	\`version_translation_zh_changed_at\` text,
  	\`version_translation_en_caught_up_at\` text,
  	\`version_translation_zh_caught_up_at\` text,
  	\`version_updated_by_id\` text(36),
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_editions_v_parent_idx\` ON \`_editions_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_version_version_hero_photo_idx\` ON \`_editions_v\` (\`version_hero_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_version_version_slug_idx\` ON \`_editions_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_version_version_updated_by_idx\` ON \`_editions_v\` (\`version_updated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_version_version_updated_at_idx\` ON \`_editions_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_version_version_created_at_idx\` ON \`_editions_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_version_version__status_idx\` ON \`_editions_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_created_at_idx\` ON \`_editions_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_updated_at_idx\` ON \`_editions_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_snapshot_idx\` ON \`_editions_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_published_locale_idx\` ON \`_editions_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_latest_idx\` ON \`_editions_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_editions_v_locales\` (
  	\`version_theme\` text,
  	\`version_city\` text,
  	\`version_venue\` text,
  	\`version_summary\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_editions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_editions_v_locales_locale_parent_id_unique\` ON \`_editions_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_locales_parent_lookup_idx\` ON \`_editions_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_editions_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_editions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_editions_v_rels_order_idx\` ON \`_editions_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_rels_parent_idx\` ON \`_editions_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_rels_path_idx\` ON \`_editions_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_editions_v_rels_organisations_id_idx\` ON \`_editions_v_rels\` (\`organisations_id\`);`)
  // Meetings kept their forum's year in \`edition\`; an edition's id is its year, so the column
  // is copied into \`edition_id\` below (drizzle-kit's rename, which its table rebuild drops) once
  // every year has an edition: published where a published meeting names it, else a draft.
  await db.run(sql`INSERT INTO \`editions\` (\`id\`, \`slug\`, \`_status\`)
    SELECT year, CAST(year AS TEXT),
      CASE WHEN EXISTS (SELECT 1 FROM \`meetings\` WHERE \`edition\` = year AND \`_status\` = 'published')
        THEN 'published' ELSE 'draft' END
    FROM (SELECT \`edition\` AS year FROM \`meetings\` WHERE \`edition\` IS NOT NULL
      UNION SELECT \`version_edition\` FROM \`_meetings_v\` WHERE \`version_edition\` IS NOT NULL);`)
  await db.run(sql`INSERT INTO \`_editions_v\` (\`id\`, \`parent_id\`, \`version_slug\`, \`version__status\`,
      \`version_updated_at\`, \`version_created_at\`, \`latest\`)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
      \`id\`, \`slug\`, \`_status\`, \`updated_at\`, \`created_at\`, 1
    FROM \`editions\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_meetings\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'round-table',
  	\`edition_id\` numeric,
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
  	\`translation_en_status\` text,
  	\`translation_zh_status\` text,
  	\`translation_en_changed_at\` text,
  	\`translation_zh_changed_at\` text,
  	\`translation_en_caught_up_at\` text,
  	\`translation_zh_caught_up_at\` text,
  	\`updated_by_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`edition_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`host_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_meetings\`("id", "kind", "edition_id", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "host_id", "published_at", "legacy_source", "import_notes", "generate_slug", "slug", "translation_en_status", "translation_zh_status", "translation_en_changed_at", "translation_zh_changed_at", "translation_en_caught_up_at", "translation_zh_caught_up_at", "updated_by_id", "updated_at", "created_at", "_status") SELECT "id", "kind", "edition", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "host_id", "published_at", "legacy_source", "import_notes", "generate_slug", "slug", "translation_en_status", "translation_zh_status", "translation_en_changed_at", "translation_zh_changed_at", "translation_en_caught_up_at", "translation_zh_caught_up_at", "updated_by_id", "updated_at", "created_at", "_status" FROM \`meetings\`;`)
  await db.run(sql`DROP TABLE \`meetings\`;`)
  await db.run(sql`ALTER TABLE \`__new_meetings\` RENAME TO \`meetings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`meetings_kind_idx\` ON \`meetings\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`meetings_edition_idx\` ON \`meetings\` (\`edition_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_starts_at_idx\` ON \`meetings\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_ends_at_idx\` ON \`meetings\` (\`ends_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_host_idx\` ON \`meetings\` (\`host_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_published_at_idx\` ON \`meetings\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_legacy_source_idx\` ON \`meetings\` (\`legacy_source\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`meetings_slug_idx\` ON \`meetings\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`meetings_updated_by_idx\` ON \`meetings\` (\`updated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_updated_at_idx\` ON \`meetings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_created_at_idx\` ON \`meetings\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings__status_idx\` ON \`meetings\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_startsAt_createdAt_idx\` ON \`meetings\` (\`_status\`,\`starts_at\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__meetings_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_kind\` text DEFAULT 'round-table',
  	\`version_edition_id\` numeric,
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
  	\`version_translation_en_status\` text,
  	\`version_translation_zh_status\` text,
  	\`version_translation_en_changed_at\` text,
  	\`version_translation_zh_changed_at\` text,
  	\`version_translation_en_caught_up_at\` text,
  	\`version_translation_zh_caught_up_at\` text,
  	\`version_updated_by_id\` text(36),
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
  	FOREIGN KEY (\`version_edition_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_host_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__meetings_v\`("id", "parent_id", "version_kind", "version_edition_id", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_host_id", "version_published_at", "version_legacy_source", "version_import_notes", "version_generate_slug", "version_slug", "version_translation_en_status", "version_translation_zh_status", "version_translation_en_changed_at", "version_translation_zh_changed_at", "version_translation_en_caught_up_at", "version_translation_zh_caught_up_at", "version_updated_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_kind", "version_edition", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_host_id", "version_published_at", "version_legacy_source", "version_import_notes", "version_generate_slug", "version_slug", "version_translation_en_status", "version_translation_zh_status", "version_translation_en_changed_at", "version_translation_zh_changed_at", "version_translation_en_caught_up_at", "version_translation_zh_caught_up_at", "version_updated_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_meetings_v\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__meetings_v\` RENAME TO \`_meetings_v\`;`)
  await db.run(sql`CREATE INDEX \`_meetings_v_parent_idx\` ON \`_meetings_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_kind_idx\` ON \`_meetings_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_edition_idx\` ON \`_meetings_v\` (\`version_edition_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_starts_at_idx\` ON \`_meetings_v\` (\`version_starts_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_ends_at_idx\` ON \`_meetings_v\` (\`version_ends_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_host_idx\` ON \`_meetings_v\` (\`version_host_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_published_at_idx\` ON \`_meetings_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_legacy_source_idx\` ON \`_meetings_v\` (\`version_legacy_source\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_slug_idx\` ON \`_meetings_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_updated_by_idx\` ON \`_meetings_v\` (\`version_updated_by_id\`);`)
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
  await db.run(sql`ALTER TABLE \`meetings_locales\` ADD \`room\` text;`)
  await db.run(sql`ALTER TABLE \`_meetings_v_locales\` ADD \`version_room\` text;`)
  await db.run(sql`ALTER TABLE \`search_rels\` ADD \`editions_id\` numeric REFERENCES editions(id);`)
  await db.run(sql`CREATE INDEX \`search_rels_editions_id_idx\` ON \`search_rels\` (\`editions_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`editions_id\` numeric REFERENCES editions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_editions_id_idx\` ON \`payload_locked_documents_rels\` (\`editions_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
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
  	\`translation_en_status\` text,
  	\`translation_zh_status\` text,
  	\`translation_en_changed_at\` text,
  	\`translation_zh_changed_at\` text,
  	\`translation_en_caught_up_at\` text,
  	\`translation_zh_caught_up_at\` text,
  	\`updated_by_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`host_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_meetings\`("id", "kind", "edition", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "host_id", "published_at", "legacy_source", "import_notes", "generate_slug", "slug", "translation_en_status", "translation_zh_status", "translation_en_changed_at", "translation_zh_changed_at", "translation_en_caught_up_at", "translation_zh_caught_up_at", "updated_by_id", "updated_at", "created_at", "_status") SELECT "id", "kind", "edition_id", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "host_id", "published_at", "legacy_source", "import_notes", "generate_slug", "slug", "translation_en_status", "translation_zh_status", "translation_en_changed_at", "translation_zh_changed_at", "translation_en_caught_up_at", "translation_zh_caught_up_at", "updated_by_id", "updated_at", "created_at", "_status" FROM \`meetings\`;`)
  await db.run(sql`DROP TABLE \`meetings\`;`)
  await db.run(sql`ALTER TABLE \`__new_meetings\` RENAME TO \`meetings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`meetings_kind_idx\` ON \`meetings\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`meetings_edition_idx\` ON \`meetings\` (\`edition\`);`)
  await db.run(sql`CREATE INDEX \`meetings_starts_at_idx\` ON \`meetings\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_ends_at_idx\` ON \`meetings\` (\`ends_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_host_idx\` ON \`meetings\` (\`host_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_published_at_idx\` ON \`meetings\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_legacy_source_idx\` ON \`meetings\` (\`legacy_source\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`meetings_slug_idx\` ON \`meetings\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`meetings_updated_by_idx\` ON \`meetings\` (\`updated_by_id\`);`)
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
  	\`version_translation_en_status\` text,
  	\`version_translation_zh_status\` text,
  	\`version_translation_en_changed_at\` text,
  	\`version_translation_zh_changed_at\` text,
  	\`version_translation_en_caught_up_at\` text,
  	\`version_translation_zh_caught_up_at\` text,
  	\`version_updated_by_id\` text(36),
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
  	FOREIGN KEY (\`version_host_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__meetings_v\`("id", "parent_id", "version_kind", "version_edition", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_host_id", "version_published_at", "version_legacy_source", "version_import_notes", "version_generate_slug", "version_slug", "version_translation_en_status", "version_translation_zh_status", "version_translation_en_changed_at", "version_translation_zh_changed_at", "version_translation_en_caught_up_at", "version_translation_zh_caught_up_at", "version_updated_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_kind", "version_edition_id", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_host_id", "version_published_at", "version_legacy_source", "version_import_notes", "version_generate_slug", "version_slug", "version_translation_en_status", "version_translation_zh_status", "version_translation_en_changed_at", "version_translation_zh_changed_at", "version_translation_en_caught_up_at", "version_translation_zh_caught_up_at", "version_updated_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_meetings_v\`;`)
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
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_updated_by_idx\` ON \`_meetings_v\` (\`version_updated_by_id\`);`)
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
  await db.run(sql`CREATE TABLE \`__new_search_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`meetings_id\` text(36),
  	\`speakers_id\` text(36),
  	\`organisations_id\` text(36),
  	\`pages_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`search\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`speakers_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_search_rels\`("id", "order", "parent_id", "path", "meetings_id", "speakers_id", "organisations_id", "pages_id") SELECT "id", "order", "parent_id", "path", "meetings_id", "speakers_id", "organisations_id", "pages_id" FROM \`search_rels\`;`)
  await db.run(sql`DROP TABLE \`search_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_search_rels\` RENAME TO \`search_rels\`;`)
  await db.run(sql`CREATE INDEX \`search_rels_order_idx\` ON \`search_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`search_rels_parent_idx\` ON \`search_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`search_rels_path_idx\` ON \`search_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`search_rels_meetings_id_idx\` ON \`search_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE INDEX \`search_rels_speakers_id_idx\` ON \`search_rels\` (\`speakers_id\`);`)
  await db.run(sql`CREATE INDEX \`search_rels_organisations_id_idx\` ON \`search_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`search_rels_pages_id_idx\` ON \`search_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`meetings_id\` text(36),
  	\`speakers_id\` text(36),
  	\`organisations_id\` text(36),
  	\`photos_id\` text(36),
  	\`pages_id\` text(36),
  	\`users_id\` text(36),
  	\`search_id\` text(36),
  	\`forms_id\` text(36),
  	\`form_submissions_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`speakers_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`photos_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_id\`) REFERENCES \`search\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`forms_id\`) REFERENCES \`forms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`form_submissions_id\`) REFERENCES \`form_submissions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "meetings_id", "speakers_id", "organisations_id", "photos_id", "pages_id", "users_id", "search_id", "forms_id", "form_submissions_id") SELECT "id", "order", "parent_id", "path", "meetings_id", "speakers_id", "organisations_id", "photos_id", "pages_id", "users_id", "search_id", "forms_id", "form_submissions_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_meetings_id_idx\` ON \`payload_locked_documents_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_speakers_id_idx\` ON \`payload_locked_documents_rels\` (\`speakers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_photos_id_idx\` ON \`payload_locked_documents_rels\` (\`photos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_id_idx\` ON \`payload_locked_documents_rels\` (\`search_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_forms_id_idx\` ON \`payload_locked_documents_rels\` (\`forms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_form_submissions_id_idx\` ON \`payload_locked_documents_rels\` (\`form_submissions_id\`);`)
  await db.run(sql`ALTER TABLE \`meetings_locales\` DROP COLUMN \`room\`;`)
  await db.run(sql`ALTER TABLE \`_meetings_v_locales\` DROP COLUMN \`version_room\`;`)
  // The editions go last: dropping them first would clear the meetings' references to them.
  await db.run(sql`DROP TABLE \`editions\`;`)
  await db.run(sql`DROP TABLE \`editions_locales\`;`)
  await db.run(sql`DROP TABLE \`editions_rels\`;`)
  await db.run(sql`DROP TABLE \`_editions_v\`;`)
  await db.run(sql`DROP TABLE \`_editions_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_editions_v_rels\`;`)
}
