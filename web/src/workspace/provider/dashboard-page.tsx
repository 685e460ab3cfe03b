import { useState } from 'preact/hooks';
import type { ManagedOfferingSummary } from '../../../../schema';
import { downloads, workspaceApi } from '../api/workspace-api';
import { FlashMessage } from '../components/flash-message';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { UnverifiedNotice } from '../components/unverified-notice';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { useLoad } from '../lib/use-load';
import { Pager } from '../components/pager';
import { OfferingRow } from './offering-row';
import { providerTexts } from './texts';

const FILTERS = ['', 'stale', 'soon', 'draft', 'pending', 'published', 'rejected', 'archived'] as const;
type Filter = (typeof FILTERS)[number];

/** The provider's entries with their state, what needs attention, and the CSV tools. */
export function DashboardPage() {
  const { me, href } = useWorkspace();
  const t = useTexts(providerTexts);
  const c = useTexts(commonTexts);
  const [filter, setFilter] = useState<Filter>('');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const organisation = me?.organisation ?? null;
  const list = useLoad(
    () =>
      organisation
        ? workspaceApi.offerings({ page, ...(filter === 'stale' ? { stale: true } : filter === 'soon' ? { stale: 'soon' as const } : filter ? { status: filter } : {}) })
        : Promise.resolve(null),
    [filter, page, organisation?.id],
  );

  const replaceItem = (item: ManagedOfferingSummary) => {
    if (!list.data) return;
    list.set({ ...list.data, items: list.data.items.map((i) => (i.id === item.id ? item : i)) });
  };

  return (
    <Page title={t('dashboardTitle')} wide>
      <UnverifiedNotice />
      <FlashMessage extra={notice} />
      {!organisation ? (
        <div class="ws-notice">
          <p>{t('noOrganisation')}</p>
          <a class="button primary" href={href(paths.organisation)}>
            {t('createOrganisation')}
          </a>
        </div>
      ) : (
        <>
          <div class="ws-toolbar">
            <a class="button primary" href={href(paths.newOffering)}>
              {t('newOffering')}
            </a>
            <div class="field ws-filter">
              <label for="status-filter">{t('filterLabel')}</label>
              <select
                id="status-filter"
                value={filter}
                onChange={(e) => {
                  setFilter(e.currentTarget.value as Filter);
                  setPage(1);
                }}
              >
                {FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {f === '' ? t('filterAll') : f === 'stale' ? t('filterStale') : f === 'soon' ? t('filterSoon') : c(`status_${f}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <LoadState loaded={list}>
            {(data) =>
              data && (
                <>
                  <p class="ws-count">{data.total === 1 ? t('countOne') : t('count', { count: data.total })}</p>
                  {data.items.length === 0 ? (
                    <p>{t('noOfferings')}</p>
                  ) : (
                    <ul class="ws-entries">
                      {data.items.map((item) => (
                        <OfferingRow key={item.id} item={item} onChange={replaceItem} onNotice={setNotice} />
                      ))}
                    </ul>
                  )}
                  <Pager page={data.page} perPage={data.perPage} total={data.total} onPage={setPage} />
                </>
              )
            }
          </LoadState>
          <section class="ws-section" aria-labelledby="csv-title">
            <h2 id="csv-title">{t('csvTitle')}</h2>
            <p>{t('csvText')}</p>
            <ul class="ws-link-list">
              <li>
                <a href={downloads.template} download>
                  {t('template')}
                </a>
              </li>
              <li>
                <a href={downloads.export(organisation.id)} download>
                  {t('export')}
                </a>
              </li>
              <li>
                <a href={href(paths.import)}>{t('importLink')}</a>
              </li>
            </ul>
          </section>
        </>
      )}
    </Page>
  );
}
