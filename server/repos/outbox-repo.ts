import type { Executor } from '../db/connection';
import { outbox } from '../db/schema';

/**
 * Records that these offerings may look different to the public now. Call it in the same transaction as
 * the change itself: then the change and its way to the index commit together or not at all.
 */
export function enqueueOfferingChanges(tx: Executor, offeringIds: readonly number[], reason: string): void {
  if (offeringIds.length === 0) return;
  const now = Date.now();
  for (let i = 0; i < offeringIds.length; i += 500) {
    tx.insert(outbox)
      .values(offeringIds.slice(i, i + 500).map((offeringId) => ({ offeringId, reason, createdAt: now })))
      .run();
  }
}
