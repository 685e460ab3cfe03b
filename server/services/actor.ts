import type { UserRoleId } from '../db/schema';

/**
 * Who is making a request, as the rules see them. Routes get it from the session (request.actor) and pass
 * it to services; services never read the request.
 */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      id: number;
      role: UserRoleId;
      /** The organisation of a provider (null until they have created it). */
      providerId: number | null;
      /** A coordinator's region: official key prefix. */
      regionPrefix: string | null;
      emailVerified: boolean;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };

/** For audit rows written by the system itself (seeding, the shell). */
export const systemActor = { id: null, role: 'system' } as const;
