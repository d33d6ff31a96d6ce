import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`meetings_topics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_topics_order_idx\` ON \`meetings_topics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_topics_parent_id_idx\` ON \`meetings_topics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_topics_locales\` (
  	\`topic\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings_topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`meetings_topics_locales_locale_parent_id_unique\` ON \`meetings_topics_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_statements\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`speaker_id\` text(36),
  	\`organisation_id\` text(36),
  	FOREIGN KEY (\`speaker_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_statements_order_idx\` ON \`meetings_statements\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_statements_parent_id_idx\` ON \`meetings_statements\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_statements_speaker_idx\` ON \`meetings_statements\` (\`speaker_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_statements_organisation_idx\` ON \`meetings_statements\` (\`organisation_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_statements_locales\` (
  	\`position\` text,
  	\`statement\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings_statements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`meetings_statements_locales_locale_parent_id_unique\` ON \`meetings_statements_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_questions_answers\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`speaker_id\` text(36),
  	FOREIGN KEY (\`speaker_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_questions_answers_order_idx\` ON \`meetings_questions_answers\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_questions_answers_parent_id_idx\` ON \`meetings_questions_answers\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_questions_answers_speaker_idx\` ON \`meetings_questions_answers\` (\`speaker_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_questions_answers_locales\` (
  	\`answer\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings_questions_answers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`meetings_questions_answers_locales_locale_parent_id_unique\` ON \`meetings_questions_answers_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_questions_order_idx\` ON \`meetings_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_questions_parent_id_idx\` ON \`meetings_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_questions_locales\` (
  	\`question\` text,
  	\`asked_by\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`meetings_questions_locales_locale_parent_id_unique\` ON \`meetings_questions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'round-table',
  	\`edition\` numeric,
  	\`starts_at\` text,
  	\`startsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`ends_at\` text,
  	\`endsat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`host_id\` text(36),
  	\`published_at\` text,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`host_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_kind_idx\` ON \`meetings\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`meetings_edition_idx\` ON \`meetings\` (\`edition\`);`)
  await db.run(sql`CREATE INDEX \`meetings_starts_at_idx\` ON \`meetings\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_ends_at_idx\` ON \`meetings\` (\`ends_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_host_idx\` ON \`meetings\` (\`host_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_published_at_idx\` ON \`meetings\` (\`published_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`meetings_slug_idx\` ON \`meetings\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`meetings_updated_at_idx\` ON \`meetings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_created_at_idx\` ON \`meetings\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings__status_idx\` ON \`meetings\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`meetings_locales\` (
  	\`title\` text,
  	\`venue\` text,
  	\`focus\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`meetings_locales_locale_parent_id_unique\` ON \`meetings_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`meetings_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` text(36),
  	\`speakers_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`speakers_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_rels_order_idx\` ON \`meetings_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_parent_idx\` ON \`meetings_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_path_idx\` ON \`meetings_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_organisations_id_idx\` ON \`meetings_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_rels_speakers_id_idx\` ON \`meetings_rels\` (\`speakers_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_version_topics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_meetings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_topics_order_idx\` ON \`_meetings_v_version_topics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_topics_parent_id_idx\` ON \`_meetings_v_version_topics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_version_topics_locales\` (
  	\`topic\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_meetings_v_version_topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_meetings_v_version_topics_locales_locale_parent_id_unique\` ON \`_meetings_v_version_topics_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_version_statements\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`speaker_id\` text(36),
  	\`organisation_id\` text(36),
  	\`_uuid\` text,
  	FOREIGN KEY (\`speaker_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_meetings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_statements_order_idx\` ON \`_meetings_v_version_statements\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_statements_parent_id_idx\` ON \`_meetings_v_version_statements\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_statements_speaker_idx\` ON \`_meetings_v_version_statements\` (\`speaker_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_statements_organisation_idx\` ON \`_meetings_v_version_statements\` (\`organisation_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_version_statements_locales\` (
  	\`position\` text,
  	\`statement\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_meetings_v_version_statements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_meetings_v_version_statements_locales_locale_parent_id_uniq\` ON \`_meetings_v_version_statements_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_version_questions_answers\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`speaker_id\` text(36),
  	\`_uuid\` text,
  	FOREIGN KEY (\`speaker_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_meetings_v_version_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_questions_answers_order_idx\` ON \`_meetings_v_version_questions_answers\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_questions_answers_parent_id_idx\` ON \`_meetings_v_version_questions_answers\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_questions_answers_speaker_idx\` ON \`_meetings_v_version_questions_answers\` (\`speaker_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_version_questions_answers_locales\` (
  	\`answer\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_meetings_v_version_questions_answers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_meetings_v_version_questions_answers_locales_locale_parent_\` ON \`_meetings_v_version_questions_answers_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_version_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_meetings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_questions_order_idx\` ON \`_meetings_v_version_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_questions_parent_id_idx\` ON \`_meetings_v_version_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_version_questions_locales\` (
  	\`question\` text,
  	\`asked_by\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_meetings_v_version_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_meetings_v_version_questions_locales_locale_parent_id_uniqu\` ON \`_meetings_v_version_questions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_host_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_meetings_v_parent_idx\` ON \`_meetings_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_kind_idx\` ON \`_meetings_v\` (\`version_kind\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_edition_idx\` ON \`_meetings_v\` (\`version_edition\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_starts_at_idx\` ON \`_meetings_v\` (\`version_starts_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_ends_at_idx\` ON \`_meetings_v\` (\`version_ends_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_host_idx\` ON \`_meetings_v\` (\`version_host_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_published_at_idx\` ON \`_meetings_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_slug_idx\` ON \`_meetings_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_updated_at_idx\` ON \`_meetings_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version_created_at_idx\` ON \`_meetings_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_version_version__status_idx\` ON \`_meetings_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_created_at_idx\` ON \`_meetings_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_updated_at_idx\` ON \`_meetings_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_snapshot_idx\` ON \`_meetings_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_published_locale_idx\` ON \`_meetings_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_latest_idx\` ON \`_meetings_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_locales\` (
  	\`version_title\` text,
  	\`version_venue\` text,
  	\`version_focus\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_meetings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_meetings_v_locales_locale_parent_id_unique\` ON \`_meetings_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_meetings_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` text(36),
  	\`speakers_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_meetings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`speakers_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_meetings_v_rels_order_idx\` ON \`_meetings_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_rels_parent_idx\` ON \`_meetings_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_rels_path_idx\` ON \`_meetings_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_rels_organisations_id_idx\` ON \`_meetings_v_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`_meetings_v_rels_speakers_id_idx\` ON \`_meetings_v_rels\` (\`speakers_id\`);`)
  await db.run(sql`CREATE TABLE \`speakers_positions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`organisation_id\` text(36),
  	\`start_date\` text,
  	\`end_date\` text,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`speakers_positions_order_idx\` ON \`speakers_positions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`speakers_positions_parent_id_idx\` ON \`speakers_positions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`speakers_positions_organisation_idx\` ON \`speakers_positions\` (\`organisation_id\`);`)
  await db.run(sql`CREATE TABLE \`speakers_positions_locales\` (
  	\`title\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`speakers_positions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`speakers_positions_locales_locale_parent_id_unique\` ON \`speakers_positions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`speakers\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`portrait_id\` text(36),
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`portrait_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`speakers_portrait_idx\` ON \`speakers\` (\`portrait_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`speakers_slug_idx\` ON \`speakers\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`speakers_updated_at_idx\` ON \`speakers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`speakers_created_at_idx\` ON \`speakers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`speakers_locales\` (
  	\`honorific\` text,
  	\`name\` text NOT NULL,
  	\`bio\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`speakers_name_idx\` ON \`speakers_locales\` (\`name\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`speakers_locales_locale_parent_id_unique\` ON \`speakers_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`speakers_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`organisations_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`speakers_rels_order_idx\` ON \`speakers_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`speakers_rels_parent_idx\` ON \`speakers_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`speakers_rels_path_idx\` ON \`speakers_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`speakers_rels_organisations_id_idx\` ON \`speakers_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE TABLE \`organisations\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`abbreviation\` text,
  	\`kind\` text NOT NULL,
  	\`website\` text,
  	\`logo_id\` text(36),
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`organisations_abbreviation_idx\` ON \`organisations\` (\`abbreviation\`);`)
  await db.run(sql`CREATE INDEX \`organisations_kind_idx\` ON \`organisations\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`organisations_logo_idx\` ON \`organisations\` (\`logo_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`organisations_slug_idx\` ON \`organisations\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`organisations_updated_at_idx\` ON \`organisations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`organisations_created_at_idx\` ON \`organisations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`organisations_locales\` (
  	\`name\` text NOT NULL,
  	\`country\` text,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`organisations_name_idx\` ON \`organisations_locales\` (\`name\`,\`_locale\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`organisations_locales_locale_parent_id_unique\` ON \`organisations_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`photos\` (
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
  await db.run(sql`CREATE INDEX \`photos_taken_at_idx\` ON \`photos\` (\`taken_at\`);`)
  await db.run(sql`CREATE INDEX \`photos_meeting_idx\` ON \`photos\` (\`meeting_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_updated_at_idx\` ON \`photos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`photos_created_at_idx\` ON \`photos\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`photos_filename_idx\` ON \`photos\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`photos\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_card_sizes_card_filename_idx\` ON \`photos\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_hero_sizes_hero_filename_idx\` ON \`photos\` (\`sizes_hero_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_og_sizes_og_filename_idx\` ON \`photos\` (\`sizes_og_filename\`);`)
  await db.run(sql`CREATE TABLE \`photos_locales\` (
  	\`alt\` text NOT NULL,
  	\`caption\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`photos_locales_locale_parent_id_unique\` ON \`photos_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`photos_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`speakers_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`speakers_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`photos_rels_order_idx\` ON \`photos_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`photos_rels_parent_idx\` ON \`photos_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_rels_path_idx\` ON \`photos_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`photos_rels_speakers_id_idx\` ON \`photos_rels\` (\`speakers_id\`);`)
  await db.run(sql`CREATE TABLE \`pages_breadcrumbs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`doc_id\` text(36),
  	\`url\` text,
  	\`label\` text,
  	FOREIGN KEY (\`doc_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_breadcrumbs_order_idx\` ON \`pages_breadcrumbs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`pages_breadcrumbs_parent_id_idx\` ON \`pages_breadcrumbs\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_breadcrumbs_locale_idx\` ON \`pages_breadcrumbs\` (\`_locale\`);`)
  await db.run(sql`CREATE INDEX \`pages_breadcrumbs_doc_idx\` ON \`pages_breadcrumbs\` (\`doc_id\`);`)
  await db.run(sql`CREATE TABLE \`pages\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`nav_order\` numeric DEFAULT 100,
  	\`published_at\` text,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`parent_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_nav_order_idx\` ON \`pages\` (\`nav_order\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`pages_parent_idx\` ON \`pages\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages__status_idx\` ON \`pages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`pages_locales\` (
  	\`title\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_locales_locale_parent_id_unique\` ON \`pages_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v_version_breadcrumbs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`doc_id\` text(36),
  	\`url\` text,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`doc_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_version_breadcrumbs_order_idx\` ON \`_pages_v_version_breadcrumbs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_breadcrumbs_parent_id_idx\` ON \`_pages_v_version_breadcrumbs\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_breadcrumbs_locale_idx\` ON \`_pages_v_version_breadcrumbs\` (\`_locale\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_breadcrumbs_doc_idx\` ON \`_pages_v_version_breadcrumbs\` (\`doc_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
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
  await db.run(sql`CREATE TABLE \`_pages_v_locales\` (
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_pages_v_locales_locale_parent_id_unique\` ON \`_pages_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'editor',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`speakers_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organisations_id\`) REFERENCES \`organisations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`photos_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_meetings_id_idx\` ON \`payload_locked_documents_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_speakers_id_idx\` ON \`payload_locked_documents_rels\` (\`speakers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organisations_id_idx\` ON \`payload_locked_documents_rels\` (\`organisations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_photos_id_idx\` ON \`payload_locked_documents_rels\` (\`photos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_header_navigation\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'page' NOT NULL,
  	\`page_id\` text(36),
  	\`path\` text,
  	\`url\` text,
  	\`open_in_new_tab\` integer DEFAULT false,
  	FOREIGN KEY (\`page_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_header_navigation_order_idx\` ON \`site_header_navigation\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_header_navigation_parent_id_idx\` ON \`site_header_navigation\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`site_header_navigation_page_idx\` ON \`site_header_navigation\` (\`page_id\`);`)
  await db.run(sql`CREATE TABLE \`site_header_navigation_locales\` (
  	\`label\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_header_navigation\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`site_header_navigation_locales_locale_parent_id_unique\` ON \`site_header_navigation_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`site_footer_navigation\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'page' NOT NULL,
  	\`page_id\` text(36),
  	\`path\` text,
  	\`url\` text,
  	\`open_in_new_tab\` integer DEFAULT false,
  	FOREIGN KEY (\`page_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_footer_navigation_order_idx\` ON \`site_footer_navigation\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_footer_navigation_parent_id_idx\` ON \`site_footer_navigation\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`site_footer_navigation_page_idx\` ON \`site_footer_navigation\` (\`page_id\`);`)
  await db.run(sql`CREATE TABLE \`site_footer_navigation_locales\` (
  	\`label\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_footer_navigation\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`site_footer_navigation_locales_locale_parent_id_unique\` ON \`site_footer_navigation_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`site\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`contact_fax\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`site_locales\` (
  	\`name\` text NOT NULL,
  	\`tagline\` text,
  	\`copyright\` text,
  	\`contact_address\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`site_locales_locale_parent_id_unique\` ON \`site_locales\` (\`_locale\`,\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`meetings_topics\`;`)
  await db.run(sql`DROP TABLE \`meetings_topics_locales\`;`)
  await db.run(sql`DROP TABLE \`meetings_statements\`;`)
  await db.run(sql`DROP TABLE \`meetings_statements_locales\`;`)
  await db.run(sql`DROP TABLE \`meetings_questions_answers\`;`)
  await db.run(sql`DROP TABLE \`meetings_questions_answers_locales\`;`)
  await db.run(sql`DROP TABLE \`meetings_questions\`;`)
  await db.run(sql`DROP TABLE \`meetings_questions_locales\`;`)
  await db.run(sql`DROP TABLE \`meetings\`;`)
  await db.run(sql`DROP TABLE \`meetings_locales\`;`)
  await db.run(sql`DROP TABLE \`meetings_rels\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_version_topics\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_version_topics_locales\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_version_statements\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_version_statements_locales\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_version_questions_answers\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_version_questions_answers_locales\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_version_questions\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_version_questions_locales\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_meetings_v_rels\`;`)
  await db.run(sql`DROP TABLE \`speakers_positions\`;`)
  await db.run(sql`DROP TABLE \`speakers_positions_locales\`;`)
  await db.run(sql`DROP TABLE \`speakers\`;`)
  await db.run(sql`DROP TABLE \`speakers_locales\`;`)
  await db.run(sql`DROP TABLE \`speakers_rels\`;`)
  await db.run(sql`DROP TABLE \`organisations\`;`)
  await db.run(sql`DROP TABLE \`organisations_locales\`;`)
  await db.run(sql`DROP TABLE \`photos\`;`)
  await db.run(sql`DROP TABLE \`photos_locales\`;`)
  await db.run(sql`DROP TABLE \`photos_rels\`;`)
  await db.run(sql`DROP TABLE \`pages_breadcrumbs\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`DROP TABLE \`pages_locales\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_version_breadcrumbs\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_locales\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`site_header_navigation\`;`)
  await db.run(sql`DROP TABLE \`site_header_navigation_locales\`;`)
  await db.run(sql`DROP TABLE \`site_footer_navigation\`;`)
  await db.run(sql`DROP TABLE \`site_footer_navigation_locales\`;`)
  await db.run(sql`DROP TABLE \`site\`;`)
  await db.run(sql`DROP TABLE \`site_locales\`;`)
}
