import type { Me } from '../../../../schema';
import { paths } from './paths';

/** Where a person lands after logging in when no page asked for them. */
export function landingPath(me: Me): string {
  if (me.role === 'provider') return paths.dashboard;
  if (me.role === 'coordinator') return paths.queue;
  return paths.users;
}
