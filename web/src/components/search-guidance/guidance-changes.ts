import { DEFAULT_RADIUS_KM, type QueryChip, type SearchAlternative } from '../../../../schema';
import { vocabularyOf, type ListFilter } from '../../lib/format';
import { withoutPlace } from '../../state/place-change';
import type { Filters, SearchState } from '../../state/search-state';

function added<T extends string>(values: readonly T[] | undefined, value: T): T[] {
  return values?.includes(value) ? [...values] : [...(values ?? []), value];
}

const isListFilter = (name: string): name is ListFilter => name in vocabularyOf;

/** The search after one tap on a chip: its filters applied, its words taken out of the text. */
export function applyChip(state: SearchState, { apply, remainingQ }: QueryChip): SearchState {
  let filters: Filters = { ...state.filters, q: remainingQ.trim() || undefined };
  let { place, map } = state;
  if (apply.region || apply.near) {
    filters = withoutPlace(filters);
    if (apply.region) filters.region = apply.region;
    if (apply.near) {
      filters.near = apply.near;
      filters.radius = state.filters.radius ?? DEFAULT_RADIUS_KM;
    }
    place = apply.place;
    map = undefined;
  }
  if (apply.age !== undefined) filters.age = apply.age;
  if (apply.cost) filters.cost = added(filters.cost, apply.cost);
  if (apply.lang) filters.lang = added(filters.lang, apply.lang);
  if (apply.access) filters.access = added(filters.access, apply.access);
  if (apply.but) filters.but = true;
  return { ...state, filters, place, map };
}

/** The filters without the parameters a "without filter" alternative names (of a list filter only `value`). */
function dropped(filters: Filters, names: readonly string[], value: string | undefined): Filters {
  const next: Record<string, unknown> = { ...filters };
  for (const name of names) {
    const current = next[name];
    if (isListFilter(name) && value !== undefined && Array.isArray(current)) {
      const rest = (current as string[]).filter((v) => v !== value);
      next[name] = rest.length > 0 ? rest : undefined;
    } else {
      delete next[name];
    }
  }
  if (next.near === undefined) delete next.radius;
  return next as Filters;
}

/** The search a broader alternative stands for. */
export function applyAlternative(state: SearchState, alternative: SearchAlternative): SearchState {
  const f = state.filters;
  switch (alternative.kind) {
    case 'spelling':
      return { ...state, filters: { ...f, q: alternative.q } };
    case 'without_place':
      return { ...state, filters: withoutPlace(f), place: undefined, map: undefined };
    case 'wider_radius':
      return { ...state, filters: { ...f, radius: alternative.radius }, map: undefined };
    case 'without_filter': {
      const filters = dropped(f, alternative.drop ?? [], alternative.value);
      return { ...state, filters, place: filters.near || filters.region ? state.place : undefined };
    }
    case 'without_words':
      return { ...state, filters: { ...f, q: undefined } };
  }
}
