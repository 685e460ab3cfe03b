import type { Facets, Taxonomy } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { Filters, SearchState } from '../../state/search-state';

type ListFilter = 'phase' | 'category' | 'formality' | 'access' | 'lang' | 'cost';

interface Props {
  state: SearchState;
  update(next: SearchState): void;
  taxonomy: Taxonomy | null;
  facets: Facets | null;
}

const groups: { filter: ListFilter; vocabulary: string; legend: MessageKey }[] = [
  { filter: 'phase', vocabulary: 'phases', legend: 'facetPhase' },
  { filter: 'category', vocabulary: 'categories', legend: 'facetCategory' },
  { filter: 'formality', vocabulary: 'formalities', legend: 'facetFormality' },
  { filter: 'access', vocabulary: 'accessFeatures', legend: 'facetAccess' },
  { filter: 'lang', vocabulary: 'languages', legend: 'facetLanguage' },
  { filter: 'cost', vocabulary: 'costs', legend: 'facetCost' },
];

function toggled(values: readonly string[] | undefined, id: string, on: boolean): string[] | undefined {
  const next = on ? [...(values ?? []), id] : (values ?? []).filter((v) => v !== id);
  return next.length > 0 ? next : undefined;
}

/** One fieldset of checkboxes per facet, each option with the count the API gave for it. */
export function FilterPanel({ state, update, taxonomy, facets }: Props) {
  const i18n = useI18n();
  const set = (filters: Filters) => update({ ...state, filters });

  const option = (filter: ListFilter, id: string, label: string) => {
    const checked = (state.filters[filter] as readonly string[] | undefined)?.includes(id) ?? false;
    const count = facets?.[filter]?.[id];
    const inputId = `f-${filter}-${id}`;
    return (
      <li key={id}>
        <input
          id={inputId}
          type="checkbox"
          checked={checked}
          onChange={(e) => set({ ...state.filters, [filter]: toggled(state.filters[filter] as string[] | undefined, id, e.currentTarget.checked) })}
        />
        <label for={inputId} class={count === 0 && !checked ? 'empty' : undefined}>
          {label} {count !== undefined && <span class="count">({i18n.formatNumber(count)})</span>}
        </label>
      </li>
    );
  };

  const accessGroups = taxonomy?.accessNeedGroups ?? [];
  return (
    <div class="filter-panel">
      {groups.map(({ filter, vocabulary, legend }) => {
        const terms = taxonomy?.[vocabulary] ?? [];
        return (
          <fieldset key={filter} class={`facet facet-${filter}`}>
            <legend>{i18n.t(legend)}</legend>
            {filter === 'access' ? (
              accessGroups.map((group) => (
                <div key={group.id} class="access-group">
                  <p class="access-group-name" id={`access-${group.id}`}>{group.label[i18n.lang]}</p>
                  <ul aria-labelledby={`access-${group.id}`}>
                    {terms.filter((t) => t.group === group.id).map((t) => option('access', t.id, t.label[i18n.lang]))}
                  </ul>
                </div>
              ))
            ) : (
              <ul>
                {terms.map((t) => option(filter, t.id, t.label[i18n.lang]))}
                {filter === 'cost' && (
                  <li key="but">
                    <input
                      id="f-but"
                      type="checkbox"
                      checked={state.filters.but === true}
                      onChange={(e) => set({ ...state.filters, but: e.currentTarget.checked ? true : undefined })}
                    />
                    <label for="f-but">
                      {i18n.t('butEligible')}{' '}
                      {facets && <span class="count">({i18n.formatNumber(facets.but.true ?? 0)})</span>}
                    </label>
                  </li>
                )}
              </ul>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
