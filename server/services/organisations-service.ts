import type { ZodError } from 'zod';
import {
  zOrganisationInput, zOrganisationPatch, zSiteInput, zSitePatch, type Organisation, type OrganisationInput,
  type OrganisationPatch, type SiteInput, type SitePatch, type SitePosition,
} from '../../schema';
import type { Executor } from '../db/connection';
import type { LocationRow, ProviderRow } from '../db/schema';
import { HttpError } from '../plugins/errors';
import { changedFields, recordAudit } from '../repos/audit-repo';
import {
  countOfferingsAtSite, deleteSite as deleteSiteRow, findOrganisation, findPostcode, findRegion, findSite,
  insertOrganisation, insertSite, linkMember, publishedOfferingIdsAtSite, publishedOfferingIdsOfOrganisation,
  sitesOf, updateOrganisation as updateOrganisationRow, updateSite as updateSiteRow,
} from '../repos/organisations-repo';
import { enqueueOfferingChanges } from '../repos/outbox-repo';
import { countOpenRevisionsAtSite } from '../repos/revisions-repo';
import type { Actor, UserActor } from './actor';
import { authorize, requireUser } from './authorization';
import { issueDetails, writeTransaction } from './offering-rules';

// Organisations (table `providers`) and their sites (`locations`). Positions come from the bundled
// gazetteer: a postcode gives its municipality's key and centre, which a member may then refine by moving
// the pin. No outside geocoder is asked.

const who = (user: UserActor) => ({ id: user.id, role: user.role });

function invalid(parameter: string, message: string): HttpError {
  return new HttpError(400, 'invalid_request', `Ungültige Angabe / Invalid value: ${parameter}: ${message}`, [{ parameter, message }]);
}

function parseOrThrow<T>(result: { success: true; data: T } | { success: false; error: ZodError }): T {
  if (result.success) return result.data;
  const details = issueDetails(result.error);
  throw new HttpError(400, 'invalid_request', `Ungültige Angabe / Invalid value: ${details[0]?.parameter}: ${details[0]?.message}`, details);
}

const organisationNotFound = (id: number) => new HttpError(404, 'not_found', `Keine Organisation mit der Nummer ${id} / No organisation with id ${id}`);
const siteNotFound = (id: number) => new HttpError(404, 'not_found', `Kein Standort mit der Nummer ${id} / No site with id ${id}`);

/** The seat must be a municipality the directory knows, so coordinators of its region can find it. */
function checkSeat(db: Executor, regionKey: string): void {
  const region = findRegion(db, regionKey);
  if (!region || region.level !== 'gemeinde') {
    throw invalid('regionKey', 'Bitte einen Ort aus der Liste wählen / Please choose a place from the list.');
  }
}

function loadOrganisation(db: Executor, actor: Actor, id: number): ProviderRow {
  requireUser(actor);
  const row = findOrganisation(db, id);
  if (!row) throw organisationNotFound(id);
  return row;
}

const organisationResource = (row: ProviderRow) => ({ type: 'organisation' as const, id: row.id, regionKey: row.regionKey });

export function presentOrganisation(db: Executor, row: ProviderRow): Organisation {
  const { verifiedBy: _verifiedBy, ...rest } = row;
  return { ...rest, verified: row.verifiedAt !== null, sites: sitesOf(db, row.id) };
}

/** A provider describes their organisation and becomes its member (an admin creates one without joining). */
export function createOrganisation(db: Executor, actor: Actor, input: OrganisationInput): ProviderRow {
  const user = authorize(actor, 'organisation.create', { type: 'own-account' });
  const data = parseOrThrow(zOrganisationInput.safeParse(input));
  return writeTransaction(db, (tx) => {
    checkSeat(tx, data.regionKey);
    const row = insertOrganisation(tx, { ...data, website: data.website ?? null, email: data.email ?? null, phone: data.phone ?? null });
    if (user.role === 'provider') linkMember(tx, user.id, row.id);
    recordAudit(tx, { actor: who(user), entityType: 'organisation', entityId: row.id, action: 'create', changes: changedFields(null, data) });
    return row;
  });
}

export function getOrganisation(db: Executor, actor: Actor, id: number): Organisation {
  const row = loadOrganisation(db, actor, id);
  authorize(actor, 'organisation.view', organisationResource(row));
  return presentOrganisation(db, row);
}

/** Edits the organisation; a new name reaches the search documents of its published offerings. */
export function updateOrganisation(db: Executor, actor: Actor, id: number, patch: OrganisationPatch): ProviderRow {
  return writeTransaction(db, (tx) => {
    const row = loadOrganisation(tx, actor, id);
    const user = authorize(actor, 'organisation.edit', organisationResource(row));
    const edit = parseOrThrow(zOrganisationPatch.safeParse(patch));
    const before = { name: row.name, kind: row.kind, description: row.description, website: row.website, email: row.email, phone: row.phone, regionKey: row.regionKey };
    const after = parseOrThrow(zOrganisationInput.safeParse({ ...before, ...edit }));
    if (after.regionKey !== row.regionKey) checkSeat(tx, after.regionKey);
    const next = { ...after, website: after.website ?? null, email: after.email ?? null, phone: after.phone ?? null };
    const changes = changedFields(before, next);
    if (changes.length === 0) return row;
    const updated = updateOrganisationRow(tx, id, next);
    recordAudit(tx, { actor: who(user), entityType: 'organisation', entityId: id, action: 'edit', changes });
    if (next.name !== row.name) enqueueOfferingChanges(tx, publishedOfferingIdsOfOrganisation(tx, id), 'organisation-renamed');
    return updated;
  });
}

/** A coordinator of the seat's region confirms the organisation is who it says; repeating keeps the first. */
export function verifyOrganisation(db: Executor, actor: Actor, id: number): ProviderRow {
  return writeTransaction(db, (tx) => {
    const row = loadOrganisation(tx, actor, id);
    const user = authorize(actor, 'organisation.verify', organisationResource(row));
    if (row.verifiedAt !== null) return row;
    const updated = updateOrganisationRow(tx, id, { verifiedAt: new Date().toISOString(), verifiedBy: user.id });
    recordAudit(tx, { actor: who(user), entityType: 'organisation', entityId: id, action: 'verify', changes: [{ field: 'verified', old: false, new: true }] });
    return updated;
  });
}

/** The gazetteer's position for a postcode: its municipality's centre, so the precision is the municipality. */
export function proposeSitePosition(db: Executor, actor: Actor, postcode: string): SitePosition {
  requireUser(actor);
  const found = findPostcode(db, postcode);
  if (!found) throw invalid('postcode', 'Diese Postleitzahl ist nicht bekannt / This postcode is not known.');
  return { lat: found.lat, lng: found.lng, regionKey: found.regionKey, place: found.place, precision: 'municipality' };
}

/** Position and region of a site: the pin as given, else the postcode's; the region always from the postcode. */
function placeOf(db: Executor, site: SiteInput) {
  const found = findPostcode(db, site.postcode);
  if (!found) throw invalid('postcode', 'Diese Postleitzahl ist nicht bekannt / This postcode is not known.');
  return { regionKey: found.regionKey, lat: site.lat ?? found.lat, lng: site.lng ?? found.lng };
}

export function createSite(db: Executor, actor: Actor, organisationId: number, input: SiteInput): LocationRow {
  return writeTransaction(db, (tx) => {
    const organisation = loadOrganisation(tx, actor, organisationId);
    const user = authorize(actor, 'site.create', organisationResource(organisation));
    const data = parseOrThrow(zSiteInput.safeParse(input));
    const place = placeOf(tx, data);
    const row = insertSite(tx, { providerId: organisationId, name: data.name ?? null, street: data.street, postcode: data.postcode, city: data.city, ...place });
    recordAudit(tx, { actor: who(user), entityType: 'location', entityId: row.id, action: 'create', changes: changedFields(null, { ...data, ...place }) });
    return row;
  });
}

function loadSite(db: Executor, actor: Actor, id: number): LocationRow {
  requireUser(actor);
  const site = findSite(db, id);
  if (!site) throw siteNotFound(id);
  return site;
}

const siteResource = (site: Pick<LocationRow, 'providerId' | 'regionKey'>) => ({ type: 'site' as const, providerId: site.providerId, regionKey: site.regionKey });

/**
 * Edits a site. A new postcode without a new pin takes the postcode's position. When what the public sees
 * of the place changes, its published offerings go through the outbox.
 */
export function updateSite(db: Executor, actor: Actor, id: number, patch: SitePatch): LocationRow {
  return writeTransaction(db, (tx) => {
    const site = loadSite(tx, actor, id);
    const user = authorize(actor, 'site.edit', siteResource(site));
    const edit = parseOrThrow(zSitePatch.safeParse(patch));
    const repin = edit.postcode !== undefined && edit.postcode !== site.postcode && edit.lat === undefined;
    const merged = parseOrThrow(zSiteInput.safeParse({
      name: site.name, street: site.street, postcode: site.postcode, city: site.city,
      ...(repin ? {} : { lat: site.lat, lng: site.lng }),
      ...edit,
    }));
    const place = placeOf(tx, merged);
    if (place.regionKey !== site.regionKey) {
      // A coordinator may not move a site out of the region they are responsible for.
      authorize(actor, 'site.edit', siteResource({ providerId: site.providerId, regionKey: place.regionKey }));
      // A member moving a site into another municipality would move its published entries past review (and
      // past the coordinators of both places). They create a new site and move each entry there instead: an
      // edit of a published entry is reviewed.
      const published = publishedOfferingIdsAtSite(tx, id).length;
      if (user.role === 'provider' && published > 0) {
        throw new HttpError(409, 'site_has_published_offerings',
          `An diesem Standort sind ${published} Angebot(e) veröffentlicht: Bitte einen neuen Standort anlegen und die Angebote dorthin verlegen (das wird geprüft) / ` +
          `${published} published offering(s) use this site: please create a new site and move the offerings there (this is reviewed).`,
          { publishedOfferings: published });
      }
    }
    const before = { name: site.name, street: site.street, postcode: site.postcode, city: site.city, regionKey: site.regionKey, lat: site.lat, lng: site.lng };
    const after = { name: merged.name ?? null, street: merged.street, postcode: merged.postcode, city: merged.city, ...place };
    const changes = changedFields(before, after);
    if (changes.length === 0) return site;
    const updated = updateSiteRow(tx, id, after);
    recordAudit(tx, { actor: who(user), entityType: 'location', entityId: id, action: 'edit', changes });
    // The street is not in the search document; everything else of the place is.
    if (changes.some((c) => c.field !== 'street' && c.field !== 'name')) {
      enqueueOfferingChanges(tx, publishedOfferingIdsAtSite(tx, id), 'site-moved');
    }
    return updated;
  });
}

/** Deletes a site that no offering (nor an open revision) names: 409 `site_in_use` otherwise. */
export function deleteSite(db: Executor, actor: Actor, id: number): void {
  writeTransaction(db, (tx) => {
    const site = loadSite(tx, actor, id);
    const user = authorize(actor, 'site.delete', siteResource(site));
    const inUse = countOfferingsAtSite(tx, id) + countOpenRevisionsAtSite(tx, id);
    if (inUse > 0) {
      throw new HttpError(409, 'site_in_use', `Dieser Standort wird noch von ${inUse} Angebot(en) genutzt / This site is still used by ${inUse} offering(s).`, { offerings: inUse });
    }
    deleteSiteRow(tx, id);
    recordAudit(tx, { actor: who(user), entityType: 'location', entityId: id, action: 'delete', changes: changedFields({ ...site }, {}) });
  });
}
