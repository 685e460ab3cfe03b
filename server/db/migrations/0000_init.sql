CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`name` text,
	`street` text NOT NULL,
	`postcode` text NOT NULL,
	`city` text NOT NULL,
	`region_key` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `locations_provider_idx` ON `locations` (`provider_id`);--> statement-breakpoint
CREATE TABLE `offerings` (
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
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `offerings_status_idx` ON `offerings` (`status`);--> statement-breakpoint
CREATE INDEX `offerings_provider_idx` ON `offerings` (`provider_id`);--> statement-breakpoint
CREATE INDEX `offerings_updated_idx` ON `offerings` (`updated_at`);--> statement-breakpoint
CREATE TABLE `postcodes` (
	`code` text PRIMARY KEY NOT NULL,
	`region_key` text NOT NULL,
	`place` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`website` text,
	`email` text,
	`phone` text,
	`region_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`type` text NOT NULL,
	`parent_key` text,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`bbox` text NOT NULL,
	`weight` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `regions_parent_idx` ON `regions` (`parent_key`);--> statement-breakpoint
CREATE INDEX `regions_level_idx` ON `regions` (`level`);