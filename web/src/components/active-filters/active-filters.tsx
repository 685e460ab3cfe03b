import { DEFAULT_RADIUS_KM } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import { placeText, vocabularyOf } from '../../lib/format';
import { hasFilters, type Filters, type SearchState } from '../../state/search-state';

interface Props {
  state: SearchState;
  update(next: SearchState): void;
}

interface Chip {
  key: string;
  label: string;
  remove(filters: Filters): Filters;
}

/** Every active filter as a removable chip, and one reset for all of them. */
export function ActiveFilters({ state, update }: Props) {
  const i18n = useI18n();
  const f = state.filters;
  if (!hasFilters(f)) return null;

  const chips: Chip[] = [];
  if (f.q) chips.push({ key: 'q', label: i18n.t('chipText', { text: f.q }), remove: ({ q: _, ...rest }) => rest });
  if (f.age !== undefined) chips.push({ key: 'age', label: i18n.t('chipAge', { age: f.age }), remove: ({ age: _, ...rest }) => rest });
  // A place is named as the user picked it ("Zwiesel", "Landkreis Regen"); a region from a link by its key
  // until its name has been looked up (useRegionPlace).
  if (f.near) {
    chips.push({
      key: 'near',
      label: i18n.t('chipNear', { place: placeText(state)!, km: f.radius ?? DEFAULT_RADIUS_KM }),
      remove: ({ near: _n, radius: _r, ...rest }) => rest,
    });
  }
  if (f.region) chips.push({ key: 'region', label: placeText(state)!, remove: ({ region: _, ...rest }) => rest });
  if (f.bbox) chips.push({ key: 'bbox', label: i18n.t('chipArea'), remove: ({ bbox: _, ...rest }) => rest });
  for (const [filter, vocabulary] of Object.entries(vocabularyOf) as [keyof typeof vocabularyOf, string][]) {
    for (const id of f[filter] ?? []) {
      chips.push({
        key: `${filter}-${id}`,
        label: i18n.term(vocabulary, id),
        remove: (filters) => {
          const rest = (filters[filter] as string[] | undefined)?.filter((v) => v !== id) ?? [];
          return { ...filters, [filter]: rest.length > 0 ? rest : undefined };
        },
      });
    }
  }
  if (f.but) chips.push({ key: 'but', label: i18n.t('butEligible'), remove: ({ but: _, ...rest }) => rest });

  const keepPlace = (filters: Filters) => (filters.near || filters.region ? state.place : undefined);
  return (
    <div class="active-filters">
      <ul aria-label={i18n.t('activeFilters')}>
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              class="chip"
              aria-label={i18n.t('removeFilter', { label: chip.label })}
              onClick={() => {
                const filters = chip.remove(state.filters);
                update({ ...state, filters, place: keepPlace(filters) });
              }}
            >
              {chip.label} <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="link-button" onClick={() => update({ ...state, filters: {}, place: undefined, sort: undefined })}>
        {i18n.t('resetFilters')}
      </button>
    </div>
  );
}
