CREATE TABLE `duplicate_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`offering_ids` text NOT NULL,
	`decision` text NOT NULL,
	`keep_id` integer,
	`note` text,
	`region_key` text NOT NULL,
	`decided_by` integer,
	`decided_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "duplicate_decisions_kind" CHECK("kind" IN ('same_entry', 'parallel')),
	CONSTRAINT "duplicate_decisions_decision" CHECK("decision" IN ('not_duplicate', 'intended', 'merged')),
	CONSTRAINT "duplicate_decisions_merged" CHECK(("decision" = 'merged') = ("keep_id" IS NOT NULL) AND ("decision" <> 'merged' OR "kind" = 'same_entry')),
	CONSTRAINT "duplicate_decisions_offerings" CHECK(json_valid("offering_ids") AND json_type("offering_ids") = 'array' AND json_array_length("offering_ids") >= 2),
	CONSTRAINT "duplicate_decisions_region" CHECK(length("region_key") <= 8 AND "region_key" NOT GLOB '*[^0-9]*')
);
--> statement-breakpoint
CREATE INDEX `duplicate_decisions_region_idx` ON `duplicate_decisions` (`region_key`);