import { useEffect, useMemo } from 'preact/hooks';
import { api } from '../../api/client';
import { createI18n, I18nContext } from '../../i18n/i18n';
import { parseSearchState, serializeSearchState, type SearchState } from '../../state/search-state';
import { navigate, useLocation } from '../../state/use-location';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import { useLoad } from '../../lib/use-load';
import { LoadError } from '../load-error/load-error';
import { SearchPage } from '../search-page/search-page';

// The detail page is its own chunk: the search page, where most visits begin, does not wait for it.
const detailPage = lazyModule(() => import('../detail/detail-page'));

/** Shows the search or an offering's page, as the address says; owns the taxonomy and the client config. */
export function App() {
  const location = useLocation();
  const state = useMemo(() => parseSearchState(location.search), [location.search]);
  const taxonomyLoad = useLoad(api.taxonomy);
  const clientConfig = useLoad(api.clientConfig);
  const taxonomy = taxonomyLoad.value;

  const i18n = useMemo(() => createI18n(state.ui, taxonomy), [state.ui, taxonomy]);
  useEffect(() => {
    document.documentElement.lang = state.ui;
  }, [state.ui]);

  const detail = /^\/angebot\/(\d{1,10})\/?$/.exec(location.pathname);
  const detailChunk = useLazyModule(detailPage, detail !== null);
  const DetailPage = detailChunk.value?.DetailPage;
  const update = (next: SearchState, mode: 'push' | 'replace' = 'push') => {
    const query = serializeSearchState(next);
    navigate(`/${query ? `?${query}` : ''}`, mode);
  };
  const switchLanguage = () => {
    const next = serializeSearchState({ ...state, ui: state.ui === 'de' ? 'en' : 'de' });
    navigate(`${location.pathname}${next ? `?${next}` : ''}`, 'replace');
  };

  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip-link" href={detail ? '#content' : '#results'}>
        {i18n.t('skipToResults')}
      </a>
      <header class="site-header">
        <a class="brand" href={`/${location.search}`}>
          <span class="brand-mark" aria-hidden="true" />
          {detail ? <span class="brand-name">{i18n.t('appTitle')}</span> : <h1 class="brand-name">{i18n.t('appTitle')}</h1>}
        </a>
        <button type="button" class="link-button" lang={state.ui === 'de' ? 'en' : 'de'} title={i18n.t('switchLanguageLabel')} onClick={switchLanguage}>
          {i18n.t('switchLanguage')}
        </button>
      </header>
      {/* Without the taxonomy the filters are empty and terms show as ids: say so (on every page) and offer a retry. */}
      {taxonomyLoad.failed && (
        <LoadError message={i18n.t('partFailed')} retry={taxonomyLoad.retry} />
      )}
      {detail ? (
        DetailPage ? (
          <DetailPage id={Number(detail[1])} search={location.search} reportEmail={clientConfig.value?.reportEmail ?? null} />
        ) : (
          <main id="content" class="detail-page" aria-busy="true">
            {detailChunk.failed ? (
              <LoadError message={i18n.t('partFailed')} retry={detailChunk.retry} />
            ) : (
              <p role="status">{i18n.t('loadingOffering')}</p>
            )}
          </main>
        )
      ) : (
        <SearchPage state={state} update={update} taxonomy={taxonomy} clientConfig={clientConfig} />
      )}
      <footer class="site-footer">
        <p>{i18n.t('footerData')}</p>
        <p>
          <a href="/api/docs">{i18n.t('apiLink')}</a>
        </p>
      </footer>
    </I18nContext.Provider>
  );
}
