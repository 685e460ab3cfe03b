import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/connection';
import { auditLog, offerings, providers, users, type AuditRow, type NewUserRow, type UserRow, type UserRoleId } from '../db/schema';

export type UserChanges = Partial<
  Pick<NewUserRow, 'passwordHash' | 'role' | 'regionPrefix' | 'displayName' | 'emailVerifiedAt' | 'providerId' | 'lang'>
>;

/** The organisation a user belongs to, as the account pages show it. */
export interface UserOrganisation {
  id: number;
  name: string;
  verifiedAt: string | null;
}

export function findUserById(db: Executor, id: number): UserRow | null {
  return db.select().from(users).where(eq(users.id, id)).get() ?? null;
}

/** `email` must already be normalised (trimmed, lower-case), as zEmail does. */
export function findUserByEmail(db: Executor, email: string): UserRow | null {
  return db.select().from(users).where(eq(users.email, email)).get() ?? null;
}

export function insertUser(db: Executor, row: NewUserRow): UserRow {
  return db.insert(users).values(row).returning().get();
}

/**
 * Inserts the user, or returns null when the address has an account already. Decided by the unique index in
 * the same statement, so also when another request created that account a moment ago.
 */
export function insertUserUnlessTaken(db: Executor, row: NewUserRow): UserRow | null {
  return db.insert(users).values(row).onConflictDoNothing({ target: users.email }).returning().get() ?? null;
}

export function updateUser(db: Executor, id: number, changes: UserChanges): UserRow | null {
  return (
    db
      .update(users)
      .set({ ...changes, updatedAt: new Date().toISOString() })
      .where(eq(users.id, id))
      .returning()
      .get() ?? null
  );
}

/** Deletes the user; their sessions and tokens go with them, audit rows keep the change without the actor. */
export function deleteUser(db: Executor, id: number): boolean {
  return db.delete(users).where(eq(users.id, id)).run().changes > 0;
}

export function countUsersWithRole(db: Executor, role: UserRoleId): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.role, role)).get()?.n ?? 0;
}

export function findOrganisation(db: Executor, providerId: number | null): UserOrganisation | null {
  if (providerId === null) return null;
  return (
    db
      .select({ id: providers.id, name: providers.name, verifiedAt: providers.verifiedAt })
      .from(providers)
      .where(eq(providers.id, providerId))
      .get() ?? null
  );
}

/** The accounts that belong to an organisation, oldest first (its founder on top). */
export function listMembers(db: Executor, providerId: number): UserRow[] {
  return db.select().from(users).where(eq(users.providerId, providerId)).orderBy(asc(users.id)).all();
}

export function countMembers(db: Executor, providerId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.providerId, providerId)).get()?.n ?? 0;
}

/** Every account with its organisation's name, oldest first (for the admin's list). */
export function listUsers(db: Db): (UserRow & { organisationName: string | null })[] {
  return db
    .select({ user: users, organisationName: providers.name })
    .from(users)
    .leftJoin(providers, eq(users.providerId, providers.id))
    .orderBy(asc(users.id))
    .all()
    .map((r) => ({ ...r.user, organisationName: r.organisationName }));
}

/** The changes a person made (their part of the audit log), newest first: for the GDPR export. */
export function auditEntriesByActor(db: Db, userId: number): AuditRow[] {
  return db.select().from(auditLog).where(eq(auditLog.actorUserId, userId)).orderBy(desc(auditLog.id)).all();
}

/**
 * The organisation with the most published offerings (ties: the oldest), of those seated under
 * `regionPrefix` when given: the demo provider's.
 */
export function organisationWithMostPublished(db: Db, regionPrefix?: string): { id: number; name: string; regionKey: string } | null {
  const top = db
    .select({ providerId: offerings.providerId })
    .from(offerings)
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .where(and(eq(offerings.status, 'published'), regionPrefix === undefined ? undefined : like(providers.regionKey, `${regionPrefix}%`)))
    .groupBy(offerings.providerId)
    .orderBy(desc(sql`count(*)`), asc(offerings.providerId))
    .limit(1)
    .get();
  if (!top) return null;
  return (
    db
      .select({ id: providers.id, name: providers.name, regionKey: providers.regionKey })
      .from(providers)
      .where(eq(providers.id, top.providerId))
      .get() ?? null
  );
}
