import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  accessFeatures, categories, childProtectionMeasures, costs, duplicateDecisions as duplicateDecisionKinds, duplicateKinds,
  formalities, fundingProgrammes, languages, phases, providerKinds, statuses,
} from '../../schema';
import type {
  AccessFeature, Category, ChildProtection, Contact, Cost, DuplicateDecisionKind, DuplicateKind, Formality, Funding,
  Language, OutlineGeometry, Phase, ProviderKind, Schedule, Status,
} from '../../schema';

// The source of truth. Meilisearch is derived from these tables and can always be rebuilt from them.
// Lists are stored as JSON text: SQLite is read by id here, while filtering happens in the search index.

// The database refuses rows the API could not serialise (vocabularies, ages, states), so neither an import
// nor a bug can store one. The checks are built from the vocabularies in schema/: a changed vocabulary shows
// up as a new migration. SQLite forbids subqueries (json_each) in CHECK, so a JSON list is checked by
// removing every allowed `"id"` token and requiring that only brackets and commas remain.

function quoted(ids: readonly { id: string }[]): string {
  return ids.map((t) => `'${t.id}'`).join(', ');
}
function oneOf(column: string, ids: readonly { id: string }[]): SQL {
  return sql.raw(`"${column}" IN (${quoted(ids)})`);
}
function listOf(column: string, ids: readonly { id: string }[], min: number): SQL {
  let stripped = `"${column}"`;
  for (const t of ids) stripped = `replace(${stripped}, '"${t.id}"', '')`;
  return sql.raw(
    `json_valid("${column}") AND json_type("${column}") = 'array' AND json_array_length("${column}") >= ${min} ` +
      `AND trim(${stripped}, '[], ') = ''`,
  );
}
function jsonObject(column: string): SQL {
  return sql.raw(`json_valid("${column}") AND json_type("${column}") = 'object'`);
}
const digits = (column: string, n: number) => sql.raw(`"${column}" GLOB '${'[0-9]'.repeat(n)}'`);

const timestamps = {
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
};

export const regions = sqliteTable(
  'regions',
  {
    /** Official key (AGS): 2 digits state, 5 district, 8 municipality. */
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['land', 'kreis', 'gemeinde'] }).notNull(),
    type: text('type').notNull(),
    parentKey: text('parent_key'),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    bbox: text('bbox', { mode: 'json' }).$type<[number, number, number, number]>().notNull(),
    /** Estimated population; the demo data generator uses it to place offerings where people live. */
    weight: integer('weight').notNull().default(0),
  },
  (t) => [index('regions_parent_idx').on(t.parentKey), index('regions_level_idx').on(t.level)],
);

/** Simplified outline of each region, for the map; read one at a time, never searched. */
export const regionOutlines = sqliteTable('region_outlines', {
  key: text('key').primaryKey(),
  /** GeoJSON Polygon or MultiPolygon, [lng, lat]. */
  geometry: text('geometry', { mode: 'json' }).$type<OutlineGeometry>().notNull(),
});

export const postcodes = sqliteTable('postcodes', {
  code: text('code').primaryKey(),
  regionKey: text('region_key').notNull(),
  place: text('place').notNull(),
  lat: real('lat').notNull(),
  lng: real('lng').notNull(),
});

export const providers = sqliteTable('providers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind').$type<ProviderKind>().notNull(),
  description: text('description').notNull().default(''),
  website: text('website'),
  email: text('email'),
  phone: text('phone'),
  regionKey: text('region_key').notNull(),
  /** When a coordinator of the region confirmed that the organisation is who it says it is. */
  verifiedAt: text('verified_at'),
  verifiedBy: integer('verified_by'),
  ...timestamps,
}, () => [
  check('providers_kind', oneOf('kind', providerKinds)),
  check('providers_region', digits('region_key', 8)),
  check('providers_name', sql.raw(`length(trim("name")) >= 2`)),
]);

export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerId: integer('provider_id').notNull().references(() => providers.id, { onDelete: 'cascade' }),
    name: text('name'),
    street: text('street').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    regionKey: text('region_key').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
  },
  (t) => [
    index('locations_provider_idx').on(t.providerId),
    check('locations_postcode', digits('postcode', 5)),
    check('locations_region', digits('region_key', 8)),
    check('locations_position', sql.raw(`"lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180`)),
  ],
);

export const offerings = sqliteTable(
  'offerings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerId: integer('provider_id').notNull().references(() => providers.id, { onDelete: 'cascade' }),
    locationId: integer('location_id').notNull().references(() => locations.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categories: text('categories', { mode: 'json' }).$type<Category[]>().notNull(),
    formality: text('formality').$type<Formality>().notNull(),
    phases: text('phases', { mode: 'json' }).$type<Phase[]>().notNull(),
    minAge: integer('min_age').notNull(),
    maxAge: integer('max_age').notNull(),
    access: text('access', { mode: 'json' }).$type<AccessFeature[]>().notNull(),
    languages: text('languages', { mode: 'json' }).$type<Language[]>().notNull(),
    cost: text('cost').$type<Cost>().notNull(),
    costNote: text('cost_note'),
    butEligible: integer('but_eligible', { mode: 'boolean' }).notNull(),
    childProtection: text('child_protection', { mode: 'json' }).$type<ChildProtection[]>().notNull(),
    capacity: integer('capacity'),
    seatsAvailable: integer('seats_available'),
    waitingList: integer('waiting_list', { mode: 'boolean' }).notNull(),
    schedule: text('schedule', { mode: 'json' }).$type<Schedule>().notNull(),
    funding: text('funding', { mode: 'json' }).$type<Funding[]>().notNull(),
    seeksVolunteers: integer('seeks_volunteers', { mode: 'boolean' }).notNull(),
    contact: text('contact', { mode: 'json' }).$type<Contact>().notNull(),
    status: text('status').$type<Status>().notNull(),
    lastConfirmedAt: text('last_confirmed_at').notNull(),
    /** Why a coordinator rejected the entry (shown to its provider), while it is rejected. */
    rejectionReason: text('rejection_reason'),
    ...timestamps,
  },
  (t) => [
    index('offerings_status_idx').on(t.status),
    index('offerings_provider_idx').on(t.providerId),
    index('offerings_updated_idx').on(t.updatedAt),
    index('offerings_location_idx').on(t.locationId),
    check('offerings_status', oneOf('status', statuses)),
    check('offerings_formality', oneOf('formality', formalities)),
    check('offerings_cost', oneOf('cost', costs)),
    check('offerings_ages', sql.raw(`"min_age" BETWEEN 0 AND 120 AND "max_age" BETWEEN 0 AND 120 AND "min_age" <= "max_age"`)),
    check('offerings_title', sql.raw(`length(trim("title")) >= 3`)),
    check('offerings_categories', listOf('categories', categories, 1)),
    check('offerings_phases', listOf('phases', phases, 1)),
    check('offerings_access', listOf('access', accessFeatures, 0)),
    check('offerings_languages', listOf('languages', languages, 1)),
    check('offerings_child_protection', listOf('child_protection', childProtectionMeasures, 0)),
    check('offerings_funding', listOf('funding', fundingProgrammes, 0)),
    check('offerings_schedule', sql.raw(`json_valid("schedule") AND json_type("schedule", '$.text') = 'text'`)),
    check('offerings_contact', jsonObject('contact')),
    check('offerings_capacity', sql.raw(`"capacity" IS NULL OR "capacity" > 0`)),
    check('offerings_seats', sql.raw(`"seats_available" IS NULL OR ("seats_available" >= 0 AND ("capacity" IS NULL OR "seats_available" <= "capacity"))`)),
    check('offerings_booleans', sql.raw(`"but_eligible" IN (0, 1) AND "waiting_list" IN (0, 1) AND "seeks_volunteers" IN (0, 1)`)),
    check('offerings_confirmed', sql.raw(`"last_confirmed_at" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`)),
  ],
);

// Accounts. Personal data lives only here and is never part of a public answer.

export const userRoles = ['provider', 'coordinator', 'admin'] as const;
export type UserRoleId = (typeof userRoles)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored lower-case; the unique index makes one account per address. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<UserRoleId>().notNull(),
    /** The organisation a provider belongs to (null until they have described it). */
    providerId: integer('provider_id').references(() => providers.id, { onDelete: 'set null' }),
    /** A coordinator's region: an official key prefix (2, 3, 5 or 8 digits). */
    regionPrefix: text('region_prefix'),
    /** Interface language for mails. */
    lang: text('lang').notNull().default('de'),
    emailVerifiedAt: text('email_verified_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_idx').on(t.email),
    index('users_provider_idx').on(t.providerId),
    check('users_role', sql.raw(`"role" IN (${userRoles.map((r) => `'${r}'`).join(', ')})`)),
    check('users_email_lower', sql.raw(`"email" = lower("email") AND "email" LIKE '%_@_%'`)),
    check('users_lang', sql.raw(`"lang" IN ('de', 'en')`)),
    check(
      'users_region',
      sql.raw(
        `("role" = 'coordinator') = ("region_prefix" IS NOT NULL) AND ("region_prefix" IS NULL OR ` +
          `length("region_prefix") IN (2, 3, 5, 8) AND "region_prefix" NOT GLOB '*[^0-9]*')`,
      ),
    ),
  ],
);

/**
 * Server-side sessions. The id is the SHA-256 of the token in the cookie, so a copy of the database does
 * not hand out live sessions. Deleting a user's rows ends every session of theirs (logout everywhere,
 * password or role change).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    data: text('data').notNull(),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const tokenPurposes = ['verify_email', 'reset_password'] as const;

/** Single-use, expiring tokens sent by mail; stored as SHA-256 only. */
export const authTokens = sqliteTable(
  'auth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<(typeof tokenPurposes)[number]>().notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('auth_tokens_user_idx').on(t.userId),
    check('auth_tokens_purpose', sql.raw(`"purpose" IN (${tokenPurposes.map((p) => `'${p}'`).join(', ')})`)),
  ],
);

/** Failed logins, per account and per client address, for throttling; old rows are pruned. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    account: text('account').notNull(),
    address: text('address').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_account_idx').on(t.account, t.at), index('login_failures_address_idx').on(t.address, t.at)],
);

// Moderation.

export const revisionStates = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

/**
 * An edit of a published offering waiting for review. The offering row keeps the published version (what
 * the public sees) until a coordinator approves; `fields` holds the complete proposed offering input.
 */
export const offeringRevisions = sqliteTable(
  'offering_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    offeringId: integer('offering_id').notNull().references(() => offerings.id, { onDelete: 'cascade' }),
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    state: text('state').$type<(typeof revisionStates)[number]>().notNull(),
    reason: text('reason'),
    submittedBy: integer('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: text('submitted_at').notNull(),
    reviewedBy: integer('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: text('reviewed_at'),
  },
  (t) => [
    index('offering_revisions_offering_idx').on(t.offeringId),
    // At most one open revision per offering: a second edit updates the open one.
    uniqueIndex('offering_revisions_one_pending_idx').on(t.offeringId).where(sql`state = 'pending'`),
    check('offering_revisions_state', sql.raw(`"state" IN (${revisionStates.map((s) => `'${s}'`).join(', ')})`)),
    check('offering_revisions_fields', jsonObject('fields')),
  ],
);

/**
 * Who changed what and when (Open Referral HSDS keeps the same as `metadata`): one row per change with the
 * changed fields' old and new values. The actor's id is cleared when their account is deleted.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: text('actor_role').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action').notNull(),
    /** [{ field, old, new }] */
    changes: text('changes', { mode: 'json' }).$type<{ field: string; old: unknown; new: unknown }[]>().notNull(),
    note: text('note'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    check('audit_log_entity', sql.raw(`"entity_type" IN ('offering', 'organisation', 'location', 'user', 'revision')`)),
    check('audit_log_changes', sql.raw(`json_valid("changes") AND json_type("changes") = 'array'`)),
  ],
);

// Monitoring.

const words = (list: readonly string[]) => list.map((w) => `'${w}'`).join(', ');

/**
 * A coordinator's decision on a group of duplicate candidates: "not a duplicate", "intended" or "merged"
 * (the others archived). Detection drops every pair of offerings that one decision of the same kind covers,
 * so a decided group comes back only with a new member. `region_key` is the longest common prefix of the
 * members' site regions when decided (who may undo it); every member also gets an audit row.
 */
export const duplicateDecisions = sqliteTable(
  'duplicate_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').$type<DuplicateKind>().notNull(),
    /** The members' offering ids, ascending. */
    offeringIds: text('offering_ids', { mode: 'json' }).$type<number[]>().notNull(),
    decision: text('decision').$type<DuplicateDecisionKind>().notNull(),
    /** merged: the entry that stayed. */
    keepId: integer('keep_id'),
    note: text('note'),
    regionKey: text('region_key').notNull(),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: text('decided_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    index('duplicate_decisions_region_idx').on(t.regionKey),
    check('duplicate_decisions_kind', sql.raw(`"kind" IN (${words(duplicateKinds)})`)),
    check('duplicate_decisions_decision', sql.raw(`"decision" IN (${words(duplicateDecisionKinds)})`)),
    check(
      'duplicate_decisions_merged',
      sql.raw(`("decision" = 'merged') = ("keep_id" IS NOT NULL) AND ("decision" <> 'merged' OR "kind" = 'same_entry')`),
    ),
    check(
      'duplicate_decisions_offerings',
      sql.raw(`json_valid("offering_ids") AND json_type("offering_ids") = 'array' AND json_array_length("offering_ids") >= 2`),
    ),
    check('duplicate_decisions_region', sql.raw(`length("region_key") <= 8 AND "region_key" NOT GLOB '*[^0-9]*'`)),
  ],
);

// Index sync.

/**
 * Every change that alters what the public may see, written in the same transaction as the change. The
 * worker applies entries in `seq` order and marks them done only after Meilisearch confirmed the task.
 * An entry names the offering; the worker reads its current state, so applying twice is harmless.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    offeringId: integer('offering_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    lastError: text('last_error'),
    doneAt: integer('done_at'),
    /** Which process applied it (for the exactly-once check across processes). */
    appliedBy: text('applied_by'),
  },
  (t) => [index('outbox_pending_idx').on(t.doneAt, t.seq)],
);

/** Named leases: one process at a time holds the outbox worker's lease until it expires or is renewed. */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  owner: text('owner').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

export type RegionRow = typeof regions.$inferSelect;
export type RegionOutlineRow = typeof regionOutlines.$inferSelect;
export type PostcodeRow = typeof postcodes.$inferSelect;
export type ProviderRow = typeof providers.$inferSelect;
export type NewProviderRow = typeof providers.$inferInsert;
export type LocationRow = typeof locations.$inferSelect;
export type NewLocationRow = typeof locations.$inferInsert;
export type OfferingRow = typeof offerings.$inferSelect;
export type NewOfferingRow = typeof offerings.$inferInsert;
export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;
export type OfferingRevisionRow = typeof offeringRevisions.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type DuplicateDecisionRow = typeof duplicateDecisions.$inferSelect;
