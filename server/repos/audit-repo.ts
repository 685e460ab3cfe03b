import { and, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/connection';
import { auditLog, type AuditRow } from '../db/schema';

export type AuditEntityType = 'offering' | 'organisation' | 'location' | 'user' | 'revision';
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** The fields whose values differ between two versions of a record (compared as JSON). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>, fields?: readonly string[]): FieldChange[] {
  const keys = fields ?? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])];
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const oldValue = before?.[field] ?? null;
    const newValue = after[field] ?? null;
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) changes.push({ field, old: oldValue, new: newValue });
  }
  return changes;
}

/** One audit row; call it inside the transaction of the change it records. */
export function recordAudit(
  tx: Executor,
  entry: {
    actor: { id: number | null; role: string };
    entityType: AuditEntityType;
    entityId: number;
    action: string;
    changes?: FieldChange[];
    note?: string | null;
  },
): void {
  tx.insert(auditLog)
    .values({
      actorUserId: entry.actor.id,
      actorRole: entry.actor.role,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      changes: entry.changes ?? [],
      note: entry.note ?? null,
    })
    .run();
}

export function auditTrail(db: Db, entityType: AuditEntityType, entityId: number, limit = 200): AuditRow[] {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}
