import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type {
  AccessFeature, Category, ChildProtection, Contact, Cost, Formality, Funding, Language, OutlineGeometry, Phase,
  ProviderKind, Schedule, Status,
} from '../../schema';

// The source of truth. Meilisearch is derived from these tables and can always be rebuilt from them.
// Lists are stored as JSON text: SQLite is read by id here, while filtering happens in the search index.

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
  ...timestamps,
});

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
  (t) => [index('locations_provider_idx').on(t.providerId)],
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
    ...timestamps,
  },
  (t) => [
    index('offerings_status_idx').on(t.status),
    index('offerings_provider_idx').on(t.providerId),
    index('offerings_updated_idx').on(t.updatedAt),
  ],
);

export type RegionRow = typeof regions.$inferSelect;
export type RegionOutlineRow = typeof regionOutlines.$inferSelect;
export type PostcodeRow = typeof postcodes.$inferSelect;
export type ProviderRow = typeof providers.$inferSelect;
export type NewProviderRow = typeof providers.$inferInsert;
export type LocationRow = typeof locations.$inferSelect;
export type NewLocationRow = typeof locations.$inferInsert;
export type OfferingRow = typeof offerings.$inferSelect;
export type NewOfferingRow = typeof offerings.$inferInsert;
