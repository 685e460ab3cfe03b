import { useEffect, useState } from 'preact/hooks';
import type { ClientConfig, OfferingHit, Taxonomy } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import { filterParams, serializeSearchState, type SearchState } from '../../state/search-state';
import { navigate } from '../../state/use-location';
import { useSearch } from '../../state/use-search';
import { ActiveFilters } from '../active-filters/active-filters';
import { FilterPanel } from '../filters/filters';
import { MapView } from '../map-view/map-view';
import { ResultCount, Results } from '../results/results';
import { SearchForm } from '../search-form/search-form';

interface Props {
  state: SearchState;
  update(next: SearchState, mode?: 'push' | 'replace'): void;
  taxonomy: Taxonomy | null;
  clientConfig: ClientConfig | null;
}

const WIDE = '(min-width: 960px)';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Search form, filters, results and map; on narrow screens list and map take turns. */
export function SearchPage({ state, update, taxonomy, clientConfig }: Props) {
  const i18n = useI18n();
  const wide = useMediaQuery(WIDE);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const resultQuery = filterParams(state.filters, state.sort).toString();
  const pointsQuery = filterParams(state.filters).toString();
  const result = useSearch(resultQuery);
  // The map waits for the first results, so the first screen loads only what it shows.
  const [mapWanted, setMapWanted] = useState(false);
  useEffect(() => {
    if (result.response && !mapWanted) setMapWanted(true);
  }, [result.response, mapWanted]);

  const detailHref = (id: number) => {
    const query = serializeSearchState(state);
    return `/angebot/${id}${query ? `?${query}` : ''}`;
  };
  const openOffering = (id: number) => navigate(detailHref(id));
  const showMap = wide || state.view === 'map';
  const showList = wide || state.view === 'list';

  return (
    <main id="content" class="search-page">
      <p class="tagline">{i18n.t('tagline')}</p>
      <SearchForm state={state} update={update} />
      <ActiveFilters state={state} update={update} />
      {!wide && (
        <div class="view-toggle" role="group">
          <button type="button" aria-pressed={state.view === 'list'} onClick={() => update({ ...state, view: 'list' }, 'replace')}>
            {i18n.t('viewList')}
          </button>
          <button type="button" aria-pressed={state.view === 'map'} onClick={() => update({ ...state, view: 'map' }, 'replace')}>
            {i18n.t('viewMap')}
          </button>
        </div>
      )}
      <ResultCount total={result.response?.total} />
      <div class="search-layout">
        <aside class="filters" aria-label={i18n.t('filters')}>
          {!wide && (
            <button type="button" class="secondary filters-toggle" aria-expanded={filtersOpen} aria-controls="filter-panel" onClick={() => setFiltersOpen(!filtersOpen)}>
              {filtersOpen ? i18n.t('hideFilters') : i18n.t('showFilters')}
            </button>
          )}
          <div id="filter-panel" hidden={!wide && !filtersOpen}>
            <FilterPanel state={state} update={update} taxonomy={taxonomy} facets={result.response?.facets ?? null} />
          </div>
        </aside>
        <div class="results-column" hidden={!showList}>
          <Results
            result={result}
            hrefOf={(hit: OfferingHit) => detailHref(hit.id)}
            open={(hit, event) => {
              if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              openOffering(hit.id);
            }}
          />
        </div>
        {showMap && mapWanted && (
          <div class="map-column">
            <MapView
              state={state}
              query={pointsQuery}
              clientConfig={clientConfig}
              onSelect={openOffering}
              onMove={(view) => update({ ...state, map: { zoom: view.zoom, lat: view.center[1], lng: view.center[0] } }, 'replace')}
              onSearchArea={([west, south, east, north]) => {
                const { near: _n, radius: _r, region: _g, ...rest } = state.filters;
                update({ ...state, place: undefined, filters: { ...rest, bbox: { west, south, east, north } } });
              }}
            />
          </div>
        )}
      </div>
    </main>
  );
}
