import {
  zDuplicateDecision, zDuplicatesResponse, type DuplicateDecision, type DuplicateKind, type DuplicatesResponse,
  type NewDuplicateDecision,
} from '../../../../schema';
import { request } from '../api/http';

// The duplicate structures of a region: for its coordinators and admins only (the session decides, the
// server checks the region). Answers are parsed with the shared schemas like every workspace request.

export interface GroupsQuery {
  region: string;
  kind?: DuplicateKind;
  /** open: without a decision (the server's default); decided: with one; all: both. */
  show?: 'open' | 'decided' | 'all';
  /** From 1; the server's page size (50). */
  page?: number;
}

export const duplicatesApi = {
  groups(query: GroupsQuery): Promise<DuplicatesResponse> {
    const params = new URLSearchParams({ region: query.region });
    if (query.kind) params.set('kind', query.kind);
    if (query.show && query.show !== 'open') params.set('show', query.show);
    if (query.page && query.page > 1) params.set('page', String(query.page));
    return request(`/api/duplicates?${params.toString()}`, zDuplicatesResponse);
  },

  /** Stores the decision on a group; `merged` archives every member but `keepId`. */
  decide: (decision: NewDuplicateDecision): Promise<DuplicateDecision> =>
    request('/api/duplicates/decisions', zDuplicateDecision, { method: 'POST', json: decision }),

  /** Takes a decision back (not for merges: the server answers 409). */
  undo: (decisionId: number): Promise<void> =>
    request(`/api/duplicates/decisions/${encodeURIComponent(String(decisionId))}`, null, { method: 'DELETE' }),
};
