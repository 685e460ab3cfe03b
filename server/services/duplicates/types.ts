import type {
  Category, Contact, DuplicateDecisionKind, DuplicateKind, DuplicateReason, Phase, Schedule, Status,
} from '../../../schema';

/** One offering as duplicate detection sees it: the entry, its organisation and its site. */
export interface DuplicateCandidate {
  id: number;
  title: string;
  description: string;
  status: Status;
  providerId: number;
  providerName: string;
  street: string;
  postcode: string;
  city: string;
  regionKey: string;
  lat: number;
  lng: number;
  categories: Category[];
  phases: Phase[];
  minAge: number;
  maxAge: number;
  schedule: Schedule;
  contact: Contact;
  lastConfirmedAt: string;
  updatedAt: string;
}

/** A stored decision, as far as detection needs it: which pairs of which kind it settles. */
export interface DecisionCover {
  kind: DuplicateKind;
  offeringIds: readonly number[];
  decision: DuplicateDecisionKind;
}

/** A group found (or rebuilt from a decision), without the members' details. */
export interface DetectedGroup {
  id: string;
  kind: DuplicateKind;
  score: number;
  reasons: DuplicateReason[];
  /** Ascending. */
  offeringIds: number[];
  suggestedKeepId: number | null;
}
