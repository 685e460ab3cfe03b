-- Hand-corrected after drizzle-kit: the copy steps must not select columns the old tables do not have.
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor_user_id` integer,
	`actor_role` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	`note` text,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "audit_log_entity" CHECK("entity_type" IN ('offering', 'organisation', 'location', 'user', 'revision')),
	CONSTRAINT "audit_log_changes" CHECK(json_valid("changes") AND json_type("changes") = 'array')
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `auth_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "auth_tokens_purpose" CHECK("purpose" IN ('verify_email', 'reset_password'))
);
--> statement-breakpoint
CREATE INDEX `auth_tokens_user_idx` ON `auth_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account` text NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_account_idx` ON `login_failures` (`account`,`at`);--> statement-breakpoint
CREATE INDEX `login_failures_address_idx` ON `login_failures` (`address`,`at`);--> statement-breakpoint
CREATE TABLE `offering_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offering_id` integer NOT NULL,
	`fields` text NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`submitted_by` integer,
	`submitted_at` text NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	FOREIGN KEY (`offering_id`) REFERENCES `offerings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "offering_revisions_state" CHECK("state" IN ('pending', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "offering_revisions_fields" CHECK(json_valid("fields") AND json_type("fields") = 'object')
);
--> statement-breakpoint
CREATE INDEX `offering_revisions_offering_idx` ON `offering_revisions` (`offering_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `offering_revisions_one_pending_idx` ON `offering_revisions` (`offering_id`) WHERE state = 'pending';--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offering_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`done_at` integer,
	`applied_by` text
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`done_at`,`seq`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`data` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`provider_id` integer,
	`region_prefix` text,
	`lang` text DEFAULT 'de' NOT NULL,
	`email_verified_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "users_role" CHECK("role" IN ('provider', 'coordinator', 'admin')),
	CONSTRAINT "users_email_lower" CHECK("email" = lower("email") AND "email" LIKE '%_@_%'),
	CONSTRAINT "users_lang" CHECK("lang" IN ('de', 'en')),
	CONSTRAINT "users_region" CHECK(("role" = 'coordinator') = ("region_prefix" IS NOT NULL) AND ("region_prefix" IS NULL OR length("region_prefix") IN (2, 3, 5, 8) AND "region_prefix" NOT GLOB '*[^0-9]*'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_idx` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_provider_idx` ON `users` (`provider_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_offerings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`categories` text NOT NULL,
	`formality` text NOT NULL,
	`phases` text NOT NULL,
	`min_age` integer NOT NULL,
	`max_age` integer NOT NULL,
	`access` text NOT NULL,
	`languages` text NOT NULL,
	`cost` text NOT NULL,
	`cost_note` text,
	`but_eligible` integer NOT NULL,
	`child_protection` text NOT NULL,
	`capacity` integer,
	`seats_available` integer,
	`waiting_list` integer NOT NULL,
	`schedule` text NOT NULL,
	`funding` text NOT NULL,
	`seeks_volunteers` integer NOT NULL,
	`contact` text NOT NULL,
	`status` text NOT NULL,
	`last_confirmed_at` text NOT NULL,
	`rejection_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "offerings_status" CHECK("status" IN ('draft', 'pending', 'published', 'rejected', 'archived')),
	CONSTRAINT "offerings_formality" CHECK("formality" IN ('formal', 'non_formal', 'informal')),
	CONSTRAINT "offerings_cost" CHECK("cost" IN ('free', 'reduced', 'paid')),
	CONSTRAINT "offerings_ages" CHECK("min_age" BETWEEN 0 AND 120 AND "max_age" BETWEEN 0 AND 120 AND "min_age" <= "max_age"),
	CONSTRAINT "offerings_title" CHECK(length(trim("title")) >= 3),
	CONSTRAINT "offerings_categories" CHECK(json_valid("categories") AND json_type("categories") = 'array' AND json_array_length("categories") >= 1 AND trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("categories", '"tutoring"', ''), '"homework_help"', ''), '"reading_mentorship"', ''), '"language_mentorship"', ''), '"german_second_language"', ''), '"culture_mentorship"', ''), '"culture_guides"', ''), '"mentoring"', ''), '"music_arts"', ''), '"sports"', ''), '"stem"', ''), '"digital_media"', ''), '"career_orientation"', ''), '"parent_education"', ''), '"early_childhood"', ''), '"holiday_programme"', ''), '"open_youth_work"', ''), '"education_counselling"', ''), '"adult_education"', ''), '[], ') = ''),
	CONSTRAINT "offerings_phases" CHECK(json_valid("phases") AND json_type("phases") = 'array' AND json_array_length("phases") >= 1 AND trim(replace(replace(replace(replace(replace(replace(replace(replace(replace("phases", '"early_childhood"', ''), '"kita_to_primary"', ''), '"primary_school"', ''), '"primary_to_secondary"', ''), '"secondary_school"', ''), '"school_to_work"', ''), '"training_studies"', ''), '"working_life"', ''), '"after_working_life"', ''), '[], ') = ''),
	CONSTRAINT "offerings_access" CHECK(json_valid("access") AND json_type("access") = 'array' AND json_array_length("access") >= 0 AND trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("access", '"wheelchair_yes"', ''), '"wheelchair_limited"', ''), '"wheelchair_no"', ''), '"step_free"', ''), '"hearing_loop"', ''), '"sign_language"', ''), '"vision_support"', ''), '"braille_tactile"', ''), '"easy_language"', ''), '"public_transport"', ''), '"online"', ''), '"childcare"', ''), '[], ') = ''),
	CONSTRAINT "offerings_languages" CHECK(json_valid("languages") AND json_type("languages") = 'array' AND json_array_length("languages") >= 1 AND trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("languages", '"de"', ''), '"en"', ''), '"tr"', ''), '"ar"', ''), '"uk"', ''), '"ru"', ''), '"pl"', ''), '"ro"', ''), '"fa"', ''), '"ku"', ''), '"it"', ''), '"el"', ''), '"hr"', ''), '"sr"', ''), '"bs"', ''), '"sq"', ''), '"bg"', ''), '"es"', ''), '"fr"', ''), '"pt"', ''), '"vi"', ''), '"ps"', ''), '"ti"', ''), '"so"', ''), '"zh"', ''), '"da"', ''), '[], ') = ''),
	CONSTRAINT "offerings_child_protection" CHECK(json_valid("child_protection") AND json_type("child_protection") = 'array' AND json_array_length("child_protection") >= 0 AND trim(replace(replace(replace(replace("child_protection", '"safeguarding_concept"', ''), '"criminal_record_check"', ''), '"trained_staff"', ''), '"volunteer_supervision"', ''), '[], ') = ''),
	CONSTRAINT "offerings_funding" CHECK(json_valid("funding") AND json_type("funding") = 'array' AND json_array_length("funding") >= 0 AND trim(replace(replace(replace(replace(replace(replace(replace(replace("funding", '"lernen_mit_rueckenwind"', ''), '"kultur_macht_stark"', ''), '"esf_plus"', ''), '"startchancen"', ''), '"municipal"', ''), '"state"', ''), '"foundation"', ''), '"self_funded"', ''), '[], ') = ''),
	CONSTRAINT "offerings_schedule" CHECK(json_valid("schedule") AND json_type("schedule", '$.text') = 'text'),
	CONSTRAINT "offerings_contact" CHECK(json_valid("contact") AND json_type("contact") = 'object'),
	CONSTRAINT "offerings_capacity" CHECK("capacity" IS NULL OR "capacity" > 0),
	CONSTRAINT "offerings_seats" CHECK("seats_available" IS NULL OR ("seats_available" >= 0 AND ("capacity" IS NULL OR "seats_available" <= "capacity"))),
	CONSTRAINT "offerings_booleans" CHECK("but_eligible" IN (0, 1) AND "waiting_list" IN (0, 1) AND "seeks_volunteers" IN (0, 1)),
	CONSTRAINT "offerings_confirmed" CHECK("last_confirmed_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
INSERT INTO `__new_offerings`("id", "provider_id", "location_id", "title", "description", "categories", "formality", "phases", "min_age", "max_age", "access", "languages", "cost", "cost_note", "but_eligible", "child_protection", "capacity", "seats_available", "waiting_list", "schedule", "funding", "seeks_volunteers", "contact", "status", "last_confirmed_at", "created_at", "updated_at") SELECT "id", "provider_id", "location_id", "title", "description", "categories", "formality", "phases", "min_age", "max_age", "access", "languages", "cost", "cost_note", "but_eligible", "child_protection", "capacity", "seats_available", "waiting_list", "schedule", "funding", "seeks_volunteers", "contact", "status", "last_confirmed_at", "created_at", "updated_at" FROM `offerings`;--> statement-breakpoint
DROP TABLE `offerings`;--> statement-breakpoint
ALTER TABLE `__new_offerings` RENAME TO `offerings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `offerings_status_idx` ON `offerings` (`status`);--> statement-breakpoint
CREATE INDEX `offerings_provider_idx` ON `offerings` (`provider_id`);--> statement-breakpoint
CREATE INDEX `offerings_updated_idx` ON `offerings` (`updated_at`);--> statement-breakpoint
CREATE INDEX `offerings_location_idx` ON `offerings` (`location_id`);--> statement-breakpoint
CREATE TABLE `__new_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`website` text,
	`email` text,
	`phone` text,
	`region_key` text NOT NULL,
	`verified_at` text,
	`verified_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "providers_kind" CHECK("kind" IN ('association', 'school', 'kita', 'library', 'adult_education_centre', 'church', 'youth_services', 'volunteer_initiative', 'private_tutor', 'municipality', 'foundation', 'cultural_institution', 'company')),
	CONSTRAINT "providers_region" CHECK("region_key" GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
	CONSTRAINT "providers_name" CHECK(length(trim("name")) >= 2)
);
--> statement-breakpoint
INSERT INTO `__new_providers`("id", "name", "kind", "description", "website", "email", "phone", "region_key", "created_at", "updated_at") SELECT "id", "name", "kind", "description", "website", "email", "phone", "region_key", "created_at", "updated_at" FROM `providers`;--> statement-breakpoint
DROP TABLE `providers`;--> statement-breakpoint
ALTER TABLE `__new_providers` RENAME TO `providers`;--> statement-breakpoint
CREATE TABLE `__new_locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`name` text,
	`street` text NOT NULL,
	`postcode` text NOT NULL,
	`city` text NOT NULL,
	`region_key` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "locations_postcode" CHECK("postcode" GLOB '[0-9][0-9][0-9][0-9][0-9]'),
	CONSTRAINT "locations_region" CHECK("region_key" GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
	CONSTRAINT "locations_position" CHECK("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180)
);
--> statement-breakpoint
INSERT INTO `__new_locations`("id", "provider_id", "name", "street", "postcode", "city", "region_key", "lat", "lng") SELECT "id", "provider_id", "name", "street", "postcode", "city", "region_key", "lat", "lng" FROM `locations`;--> statement-breakpoint
DROP TABLE `locations`;--> statement-breakpoint
ALTER TABLE `__new_locations` RENAME TO `locations`;--> statement-breakpoint
CREATE INDEX `locations_provider_idx` ON `locations` (`provider_id`);