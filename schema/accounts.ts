import { z } from 'zod';
import { zEmail, zRegionPrefix, zUserRole } from './editing';
import { zDuplicateDecisionKind, zDuplicateKind } from './monitoring';

// Answers of the account routes, and the admin's edit of a user. The inputs for registering, signing in and
// resetting live in editing.ts.

/** `GET /api/auth/csrf`: send `token` back as the `x-csrf-token` header with every change. */
export const zCsrfToken = z.object({ token: z.string() });

/** An answer that only tells a person what happened (in German and English). */
export const zMessage = z.object({ message: z.string() });

/** A user as the admin's list shows them. */
export const zAdminUser = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: zUserRole,
  regionPrefix: z.string().nullable(),
  emailVerified: z.boolean(),
  organisation: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof zAdminUser>;

export const zAdminUserList = z.object({ users: z.array(zAdminUser) });

/** An admin changes a user's role or region; a coordinator needs a region, the others have none. */
export const zUpdateUserInput = z
  .object({ role: zUserRole.optional(), regionPrefix: zRegionPrefix.nullable().optional() })
  .strict()
  .refine((u) => u.role !== undefined || u.regionPrefix !== undefined, {
    message: 'Nichts zu ändern: role oder regionPrefix angeben / Nothing to change: give role or regionPrefix',
  });
export type UpdateUserInput = z.infer<typeof zUpdateUserInput>;

export const zUserIdParams = z.object({ id: z.coerce.number().int().positive() });

/** `GET /api/me/export`: everything the directory keeps about a person (GDPR Art. 15 and 20). */
export const zAccountExport = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    role: zUserRole,
    regionPrefix: z.string().nullable(),
    lang: z.string(),
    emailVerifiedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    organisation: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  }),
  /** Open sessions (when each began and will end; not their ids). */
  sessions: z.array(z.object({ createdAt: z.string(), expiresAt: z.string() })),
  /** The changes this person made. */
  auditEntries: z.array(
    z.object({
      at: z.string(),
      role: z.string(),
      entityType: z.string(),
      entityId: z.number().int(),
      action: z.string(),
      changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
      note: z.string().nullable(),
    }),
  ),
  /** The person's decisions on duplicate structures (coordinators and admins), oldest first. */
  duplicateDecisions: z.array(
    z.object({
      id: z.number().int(),
      kind: zDuplicateKind,
      decision: zDuplicateDecisionKind,
      offeringIds: z.array(z.number().int()),
      note: z.string().nullable(),
      decidedAt: z.string(),
    }),
  ),
});
export type AccountExport = z.infer<typeof zAccountExport>;

/**
 * A member of an organisation as its other members and admins see them. Coordinators never get this: the
 * accounts behind an organisation are personal data, its public contact is what it entered for the public.
 */
export const zMember = z.object({
  id: z.number().int(),
  displayName: z.string(),
  email: z.string(),
  /** False until an invited member has set a password through the mailed link. */
  emailVerified: z.boolean(),
  createdAt: z.string(),
  /** The member making the request. */
  isYou: z.boolean(),
});
export type Member = z.infer<typeof zMember>;

export const zMemberList = z.object({ members: z.array(zMember) });

/** A member invites a colleague of the same organisation; `lang` is the language of the mail and the account. */
export const zInviteMemberInput = z.object({
  email: zEmail,
  displayName: z.string().trim().min(1).max(120),
  lang: z.enum(['de', 'en']).default('de'),
});
export type InviteMemberInput = z.input<typeof zInviteMemberInput>;

/** `/api/organisations/:id/members/:userId`. */
export const zMemberParams = z.object({
  id: z.coerce.number().int().positive().max(2 ** 31 - 1),
  userId: z.coerce.number().int().positive().max(2 ** 31 - 1),
});
