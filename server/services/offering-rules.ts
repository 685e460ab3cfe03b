import type { z } from 'zod';
import { localizeIssue, zOfferingInput, zOfferingInputFields, type OfferingInput } from '../../schema';
import type { Executor } from '../db/connection';
import type { LocationRow, OfferingRow } from '../db/schema';
import { HttpError } from '../plugins/errors';
import type { ManagedOfferingRow } from '../repos/manage-offerings-repo';
import { findSite } from '../repos/organisations-repo';
import type { Resource } from './authorization';

// Rules shared by the offering services: what an offering's input is, how it is checked, when it is stale,
// and how a stored offering appears to the authorization function.

/** Entries not confirmed for this many months are stale: listed for review, flagged to their provider. */
export const STALE_AFTER_MONTHS = 12;
/** Entries last confirmed more than this many months ago (but not yet stale) are flagged "confirm soon". */
export const STALE_SOON_AFTER_MONTHS = 11;

/** The fields a provider writes, in the order of the form. */
export const offeringInputKeys = Object.keys(zOfferingInputFields.shape) as (keyof OfferingInput)[];

// Built once: constructing a DateTimeFormat costs more than a whole row of an import.
const berlinDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Germany, where "still current" is meant; UTC would turn the day at 1 or 2 am. */
export function today(now = new Date()): string {
  return berlinDate.format(now);
}

/**
 * Entries last confirmed before this date are stale (with `months` = 11: due soon). Computed on the date
 * string, so 29 February simply compares with "…-02-29" of the year before, and 31 March minus one month
 * with "…-02-31"; both sort where that day would be.
 */
export function staleCutoff(todayDate = today(), months = STALE_AFTER_MONTHS): string {
  const year = Number(todayDate.slice(0, 4));
  const monthsBack = months % 12;
  const years = Math.floor(months / 12);
  let month = Number(todayDate.slice(5, 7)) - monthsBack;
  let y = year - years;
  if (month < 1) {
    month += 12;
    y -= 1;
  }
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${todayDate.slice(8, 10)}`;
}

export function isStale(offering: Pick<OfferingRow, 'status' | 'lastConfirmedAt'>, cutoff = staleCutoff()): boolean {
  return offering.status === 'published' && offering.lastConfirmedAt < cutoff;
}

/** The two dates that bound "stale" and "confirm soon", computed once per list. */
export interface StaleCutoffs {
  stale: string;
  soon: string;
}

export function staleCutoffs(todayDate = today()): StaleCutoffs {
  return { stale: staleCutoff(todayDate), soon: staleCutoff(todayDate, STALE_SOON_AFTER_MONTHS) };
}

/** Published, not stale yet, but last confirmed before the "soon" date: the provider should confirm now. */
export function isStaleSoon(offering: Pick<OfferingRow, 'status' | 'lastConfirmedAt'>, cutoffs = staleCutoffs()): boolean {
  return offering.status === 'published' && offering.lastConfirmedAt >= cutoffs.stale && offering.lastConfirmedAt < cutoffs.soon;
}

/** The provider-written fields of a stored offering (what a revision proposes a new version of). */
export function inputOf(row: OfferingRow): OfferingInput {
  const input: Record<string, unknown> = {};
  for (const key of offeringInputKeys) input[key] = row[key];
  return input as OfferingInput;
}

function invalid(code: string, summary: string, details: { parameter: string; message: string }[]): HttpError {
  const first = details[0];
  return new HttpError(400, code, first ? `${summary}: ${first.parameter}: ${first.message}` : summary, details);
}

/** The issues of a zod check as the API's error details, in German and English. */
export function issueDetails(error: z.ZodError) {
  return error.issues.map((issue) => ({
    parameter: issue.path.join('.') || 'body',
    message: `${localizeIssue(issue, 'de')} / ${localizeIssue(issue, 'en')}`,
  }));
}

/** Checks a complete offering against every rule; answers 400 naming each wrong field. */
export function checkOffering(value: unknown): OfferingInput {
  const result = zOfferingInput.safeParse(value);
  if (!result.success) throw invalid('invalid_offering', 'Ungültiges Angebot / Invalid offering', issueDetails(result.error));
  return result.data;
}

/** The site an offering takes place at must be one of its organisation's sites. */
export function siteOfOrganisation(db: Executor, locationId: number, providerId: number): LocationRow {
  const site = findSite(db, locationId);
  if (!site || site.providerId !== providerId) {
    throw invalid('invalid_offering', 'Ungültiges Angebot / Invalid offering', [{
      parameter: 'locationId',
      message: 'Dieser Standort gehört nicht zur Organisation des Angebots / This site does not belong to the organisation of the offering.',
    }]);
  }
  return site;
}

/** How the authorization function sees an offering: its organisation, its site's region and its state. */
export function offeringResource(row: Pick<ManagedOfferingRow, 'offering' | 'location'>): Extract<Resource, { type: 'offering' }> {
  return { type: 'offering', providerId: row.offering.providerId, regionKey: row.location.regionKey, status: row.offering.status };
}

export const notFound = (id: number) =>
  new HttpError(404, 'not_found', `Kein Angebot mit der Nummer ${id} / No offering with id ${id}`);

/** A step of the life cycle that the entry's current state does not allow. */
export const wrongState = (status: string, step: string) =>
  new HttpError(409, 'invalid_state', `Im Zustand „${status}“ nicht möglich: ${step} / Not possible while the entry is ${status}: ${step}`, { status });

/**
 * Runs a service's reads and writes as one unit. At the top level it is `BEGIN IMMEDIATE`: the write lock
 * is taken before the rows are read, so another process cannot change them between the check and the
 * write (it waits for busy_timeout instead). Inside a caller's transaction (the CSV import) it is a
 * savepoint: a failing call leaves nothing behind, and the caller decides about the rest.
 */
export function writeTransaction<T>(db: Executor, work: (tx: Executor) => T): T {
  return '$client' in db ? db.transaction(work, { behavior: 'immediate' }) : db.transaction(work);
}
