import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientConfig, OfferingHit, Taxonomy } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import type { Loaded } from '../../lib/use-load';
import { filterParams, hasFilters, serializeSearchState, type SearchState } from '../../state/search-state';
import { navigate } from '../../state/use-location';
import { useRegionPlace } from '../../state/use-region-place';
import { useSearch } from '../../state/use-search';
import { ActiveFilters } from '../active-filters/active-filters';
import { CompactBar } from '../compact-bar/compact-bar';
import { LoadError } from '../load-error/load-error';
import { FilterPanel } from '../filters/filters';
import { NoResultsHint, ResultCount, Results } from '../results/results';
import { SearchForm } from '../search-form/search-form';
import { Guidance } from '../search-guidance/lazy-guidance';

interface Props {
  state: SearchState;
  update(next: SearchState, mode?: 'push' | 'replace'): void;
  taxonomy: Taxonomy | null;
  clientConfig: Loaded<ClientConfig>;
}

const WIDE = '(min-width: 960px)';
const mapView = lazyModule(() => import('../map-view/map-view'));

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

/**
 * Search form, filters, results and map. On narrow screens list and map take turns, and after a search the
 * form folds into a one-line bar so the results (or the map, filling the screen) start on the first screen.
 */
export function SearchPage({ state, update, taxonomy, clientConfig }: Props) {
  const i18n = useI18n();
  const wide = useMediaQuery(WIDE);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [formOpen, setFormOpen] = useState(false);
  const resultQuery = filterParams(state.filters, state.sort).toString();
  const pointsQuery = filterParams(state.filters).toString();
  const result = useSearch(resultQuery);
  useRegionPlace(state, update);
  // The map waits for the first results, so the first screen loads only what it shows.
  const [mapWanted, setMapWanted] = useState(false);
  useEffect(() => {
    if (result.response && !mapWanted) setMapWanted(true);
  }, [result.response, mapWanted]);
  const showMap = wide || state.view === 'map';
  const showList = wide || state.view === 'list';
  const mapChunk = useLazyModule(mapView, showMap && mapWanted);
  const MapView = mapChunk.value?.MapView;

  const compact = !wide && hasFilters(state.filters);
  const collapsed = compact && !formOpen;
  const phoneMap = collapsed && state.view === 'map';
  // The full-screen map begins right under the bar: bring the bar to the top (the site header scrolls away).
  useEffect(() => {
    if (phoneMap && MapView) document.getElementById('compact-bar')?.scrollIntoView({ block: 'start' });
  }, [phoneMap, MapView]);

  const detailHref = (id: number) => {
    const query = serializeSearchState(state);
    return `/angebot/${id}${query ? `?${query}` : ''}`;
  };
  const openOffering = (id: number) => navigate(detailHref(id));
  const response = result.response;
  // Chips and broader searches change the current search based on the query they were made for (a chip puts
  // its remaining text in place of the search text): none from an earlier query, or while the next answer loads.
  const guidance = result.answered === resultQuery ? response : null;

  // Submitting or picking a suggestion folds the form on phones, hiding the field that has focus; the keyboard
  // would fall back to the start of the page. The bar that replaces the form takes focus instead.
  const focusBar = useRef(false);
  const onSearched = () => {
    focusBar.current = document.getElementById('search-form')?.contains(document.activeElement) ?? false;
    setFormOpen(false);
  };
  useEffect(() => {
    if (!focusBar.current) return;
    focusBar.current = false;
    if (collapsed) document.getElementById('compact-bar')?.focus();
  });

  return (
    <main id="content" class={phoneMap ? 'search-page phone-map' : 'search-page'}>
      <p class="tagline">{i18n.t('tagline')}</p>
      {compact && <CompactBar state={state} expanded={formOpen} onToggle={() => setFormOpen(!formOpen)} />}
      <SearchForm state={state} update={update} hidden={collapsed} onSearched={onSearched} />
      {!phoneMap && <ActiveFilters state={state} update={update} />}
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
      <ResultCount result={result} />
      {/* Above list and map alike, so it shows in either view. Its text and markup load with the guidance. */}
      {response?.degraded && <Guidance part="degraded" response={response} state={state} update={update} />}
      <div class="search-layout">
        <aside class="filters" aria-label={i18n.t('filters')} hidden={phoneMap}>
          {!wide && (
            <button type="button" class="secondary filters-toggle" aria-expanded={filtersOpen} aria-controls="filter-panel" onClick={() => setFiltersOpen(!filtersOpen)}>
              {filtersOpen ? i18n.t('hideFilters') : i18n.t('showFilters')}
            </button>
          )}
          <div id="filter-panel" hidden={!wide && !filtersOpen}>
            <FilterPanel state={state} update={update} taxonomy={taxonomy} facets={response?.facets ?? null} />
          </div>
        </aside>
        <div class="results-column" hidden={!showList}>
          {guidance && <Guidance part="query" response={guidance} state={state} update={update} />}
          <Results
            result={result}
            hrefOf={(hit: OfferingHit) => detailHref(hit.id)}
            open={(hit, event) => {
              if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              openOffering(hit.id);
            }}
            noResults={
              guidance?.alternatives?.length ? (
                <Guidance part="alternatives" response={guidance} state={state} update={update} fallback={<NoResultsHint />} />
              ) : undefined
            }
          />
        </div>
        {showMap && mapChunk.failed && (
          <div class="map-column">
            <LoadError message={i18n.t('partFailed')} retry={mapChunk.retry} />
          </div>
        )}
        {showMap && MapView && (
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
