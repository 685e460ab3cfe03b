CREATE TABLE `region_outlines` (
	`key` text PRIMARY KEY NOT NULL,
	`geometry` text NOT NULL
);
