import type { ImportReport } from '../../schema';
import { CsvFileError } from '../csv/csv-file-error';
import { offeringsToCsv } from '../csv/export-offerings';
import { parseOfferingsCsv, type OfferingFields } from '../csv/parse-offerings';
import type { Db, Executor } from '../db/connection';
import { HttpError } from '../plugins/errors';
import { offeringsOfOrganisation } from '../repos/organisation-offerings-repo';
import { findOrganisation, findPostcode, sitesOf } from '../repos/organisations-repo';
import type { Actor } from './actor';
import { authorize, decide, requireUser } from './authorization';
import { planImport, siteKey, type ImportContext, type NewSite, type PlannedRow } from './offering-import-plan';
import { submitOffering } from './offering-lifecycle';
import { inputOf, offeringResource } from './offering-rules';
import { createOffering, updateOffering } from './offerings-service';
import { createSite } from './organisations-service';

// A provider's spreadsheet into the directory. Reading, checking and planning every row happen before
// anything is written, so a dry run and a commit report the same rows; the commit then writes every row
// through the same services as the form, in ONE transaction: all rows or none.

export interface ImportOptions {
  dryRun: boolean;
  /** New entries (and edited drafts) go to review instead of staying drafts. */
  submit: boolean;
}

function fileError(error: CsvFileError): HttpError {
  const status = error.code === 'too_large' ? 413 : 400;
  return new HttpError(status, `csv_${error.code}`, error.message, error.details);
}

/** What the planner needs to know about the organisation: its sites, its offerings, the gazetteer. */
function importContext(db: Executor, organisationId: number): ImportContext {
  const ownOfferings = new Map(
    offeringsOfOrganisation(db, organisationId).map(({ offering }) => {
      const { locationId, ...input } = inputOf(offering);
      return [offering.id, { status: offering.status, input, locationId }] as const;
    }),
  );
  return {
    sites: sitesOf(db, organisationId),
    ownOfferings,
    postcode: (code) => {
      const found = findPostcode(db, code);
      return found ? { regionKey: found.regionKey, lat: found.lat, lng: found.lng, place: found.place } : null;
    },
  };
}

/** Writes the planned rows; any failure throws and the caller's transaction rolls everything back. */
function commitRows(
  tx: Executor,
  actor: Actor,
  organisationId: number,
  rows: readonly PlannedRow[],
  inputs: ReadonlyMap<number, OfferingFields>,
  submit: boolean,
): number[] {
  const newSiteIds = new Map<string, number>();
  const siteIdFor = (site: { existingId: number } | { new: NewSite }): number => {
    if ('existingId' in site) return site.existingId;
    const key = siteKey(site.new.street, site.new.postcode);
    let id = newSiteIds.get(key);
    if (id === undefined) {
      const { regionKey: _regionKey, ...input } = site.new;
      id = createSite(tx, actor, organisationId, input).id;
      newSiteIds.set(key, id);
    }
    return id;
  };
  const createdIds: number[] = [];
  for (const row of rows) {
    const fields = inputs.get(row.line);
    if (row.action === 'unchanged' || row.action === 'error' || !row.site || !fields) continue;
    try {
      const locationId = siteIdFor(row.site);
      if (row.action === 'create') {
        createdIds.push(createOffering(tx, actor, { ...fields, locationId }, { submit }).id);
      } else if (row.id !== null) {
        const { offering } = updateOffering(tx, actor, row.id, { ...fields, locationId });
        if (submit && offering.status === 'draft') submitOffering(tx, actor, row.id);
      }
    } catch (error) {
      // The plan checked every row already; what still fails here (a rule that needs the stored state, such
      // as an archived entry) is reported with its line, and the whole import is rolled back.
      if (error instanceof HttpError) {
        throw new HttpError(error.statusCode === 404 ? 400 : error.statusCode, 'import_row_failed',
          `Zeile ${row.line}: ${error.message} / Line ${row.line}: nothing was imported.`, { line: row.line, error: error.code, details: error.details });
      }
      throw error;
    }
  }
  return createdIds;
}

/**
 * Reads a CSV file of offerings for an organisation and reports row by row what would happen; with
 * `dryRun: false` and no row in error, writes all rows in one transaction.
 */
export function importOfferings(db: Db, actor: Actor, organisationId: number, bytes: Buffer, options: ImportOptions): ImportReport {
  requireUser(actor);
  const organisation = findOrganisation(db, organisationId);
  if (!organisation) throw new HttpError(404, 'not_found', `Keine Organisation mit der Nummer ${organisationId} / No organisation with id ${organisationId}`);
  authorize(actor, 'organisation.import', { type: 'organisation', id: organisation.id, regionKey: organisation.regionKey });

  let parsed;
  try {
    parsed = parseOfferingsCsv(bytes);
  } catch (error) {
    if (error instanceof CsvFileError) throw fileError(error);
    throw error;
  }
  const plan = planImport(parsed.rows, importContext(db, organisationId));
  const inputs = new Map<number, OfferingFields>();
  for (const row of parsed.rows) if (row.input) inputs.set(row.line, row.input);
  const report: ImportReport = {
    dryRun: options.dryRun,
    committed: false,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    summary: plan.summary,
    rows: plan.rows,
    createdIds: [],
  };
  if (options.dryRun) return report;
  if (plan.summary.errors > 0) {
    throw new HttpError(422, 'import_has_errors',
      `${plan.summary.errors} Zeile(n) mit Fehlern: nichts wurde importiert / ${plan.summary.errors} row(s) with errors: nothing was imported.`, report);
  }
  const createdIds = db.transaction((tx) => commitRows(tx, actor, organisationId, plan.rows, inputs, options.submit), { behavior: 'immediate' });
  return { ...report, committed: true, createdIds };
}

/**
 * An organisation's offerings in every state, as CSV in the template's columns (plus their status). Each row
 * is one the actor may view: members and admins get all of them, a coordinator only those whose site lies in
 * their region (the organisation's seat lets them open the file, not read its entries elsewhere).
 */
export function exportOfferings(db: Db, actor: Actor, organisationId: number): { file: Buffer; organisationName: string } {
  requireUser(actor);
  const organisation = findOrganisation(db, organisationId);
  if (!organisation) throw new HttpError(404, 'not_found', `Keine Organisation mit der Nummer ${organisationId} / No organisation with id ${organisationId}`);
  authorize(actor, 'organisation.view', { type: 'organisation', id: organisation.id, regionKey: organisation.regionKey });
  const visible = offeringsOfOrganisation(db, organisationId).filter((row) => decide(actor, 'offering.view', offeringResource(row)).allowed);
  const rows = visible.map(({ offering, location }) => {
    const { locationId: _locationId, ...input } = inputOf(offering);
    return {
      id: offering.id,
      input,
      site: { name: location.name, street: location.street, postcode: location.postcode, city: location.city },
      status: offering.status,
    };
  });
  return { file: offeringsToCsv(rows), organisationName: organisation.name };
}
