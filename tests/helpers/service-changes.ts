import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/connection';
import { offeringRevisions, offerings } from '../../server/db/schema';
import type { UserActor } from '../../server/services/actor';
import { archiveOffering, confirmOffering, submitOffering, withdrawOffering } from '../../server/services/offering-lifecycle';
import { createOffering, updateOffering } from '../../server/services/offerings-service';
import { publishOffering, rejectOffering } from '../../server/services/review-service';
import { createUser } from './accounts';
import { offeringDefaults } from './fixtures';
import { actorFor } from './moderation-fixtures';
import type { ChangeSite } from './offering-changes';
import { seededRandom } from './seeded-random';

// Changes to offerings through the real services, as the routes make them: a provider creates, edits,
// submits and withdraws; a coordinator publishes, rejects, corrects and archives. Only transitions the
// entry's state allows are drawn, so every call must succeed.

export interface ServiceActors {
  provider: UserActor;
  coordinator: UserActor;
}

/** A provider of the change site's organisation and the coordinator of its state (Baden-Württemberg). */
export function serviceActors(site: ChangeSite): ServiceActors {
  const tag = `${site.providerId}-${Date.now()}`;
  const provider = createUser(site.db, { email: `anbieter-${tag}@test.example`, role: 'provider', providerId: site.providerId });
  const coordinator = createUser(site.db, { email: `bw-${tag}@test.example`, role: 'coordinator', regionPrefix: '08' });
  return { provider: actorFor(site.db, provider.id), coordinator: actorFor(site.db, coordinator.id) };
}

const statusOf = (db: Db, id: number) => db.select({ status: offerings.status }).from(offerings).where(eq(offerings.id, id)).get()!.status;
const hasOpenRevision = (db: Db, id: number) =>
  db.select({ id: offeringRevisions.id }).from(offeringRevisions)
    .where(and(eq(offeringRevisions.offeringId, id), eq(offeringRevisions.state, 'pending'))).get() !== undefined;

/**
 * `count` service calls over a growing set of offerings, each one a change a person could make in that
 * state. Returns how many calls of each kind were made.
 */
export function makeServiceChanges(
  site: ChangeSite,
  actors: ServiceActors,
  count: number,
  seed = 1,
  /** The offerings to change, grown by the ones created; pass the same list to continue on them. */
  ids: number[] = [],
): Record<string, number> {
  const { db } = site;
  const next = seededRandom(seed);
  const made: Record<string, number> = {};
  const did = (kind: string) => (made[kind] = (made[kind] ?? 0) + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  for (let i = 0; i < count; i++) {
    if (ids.length < 5 || next() < 0.25) {
      const input = { ...offeringDefaults, title: `Lernhilfe ${seed}-${i}`, locationId: pick(site.locationIds), minAge: 5 + (i % 8), maxAge: 18 };
      ids.push(createOffering(db, actors.provider, input, { submit: next() < 0.6 }).id);
      did('create');
      continue;
    }
    const id = pick(ids);
    const title = { title: `Lernhilfe ${seed}-${i} überarbeitet` };
    const roll = next();
    switch (statusOf(db, id)) {
      case 'draft':
        if (roll < 0.5) updateOffering(db, actors.provider, id, title);
        else submitOffering(db, actors.provider, id);
        did(roll < 0.5 ? 'edit' : 'submit');
        break;
      case 'pending':
        if (roll < 0.5) publishOffering(db, actors.coordinator, id);
        else if (roll < 0.75) rejectOffering(db, actors.coordinator, id, { reason: 'Bitte die Zeiten ergänzen.' });
        else withdrawOffering(db, actors.provider, id);
        did(roll < 0.5 ? 'publish' : roll < 0.75 ? 'reject' : 'withdraw');
        break;
      case 'published':
        if (roll < 0.4 && hasOpenRevision(db, id)) {
          publishOffering(db, actors.coordinator, id);
          did('approve revision');
        } else if (roll < 0.55) {
          updateOffering(db, actors.provider, id, { ...title, maxAge: 12 + (i % 6) });
          did('propose revision');
        } else if (roll < 0.75) {
          updateOffering(db, actors.coordinator, id, { maxAge: 10 + (i % 8) });
          did('correct');
        } else if (roll < 0.85) {
          confirmOffering(db, actors.provider, id);
          did('confirm');
        } else {
          archiveOffering(db, actors.coordinator, id);
          did('archive');
        }
        break;
      case 'rejected':
        updateOffering(db, actors.provider, id, title);
        did('edit rejected');
        break;
      default: {
        // Archived entries stay archived; this step creates a new one instead.
        const input = { ...offeringDefaults, title: `Lernhilfe ${seed}-${i} neu`, locationId: pick(site.locationIds) };
        ids.push(createOffering(db, actors.provider, input, { submit: true }).id);
        did('create');
      }
    }
  }
  return made;
}
