import { useState } from 'preact/hooks';
import type { ManagedOfferingSummary } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { Pager } from '../components/pager';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { takeFlash } from '../lib/flash';
import { paths } from '../lib/paths';
import { useLoad } from '../lib/use-load';
import { reviewTexts } from './texts';

/** `/koordination/veraltet`: published entries nobody confirmed for 12 months, with what to do about them. */
export function StalePage() {
  const { href, i18n } = useWorkspace();
  const t = useTexts(reviewTexts);
  const [page, setPage] = useState(1);
  // A correction made from this list comes back here with its message.
  const [message, setMessage] = useState<string | null>(takeFlash);
  const list = useLoad(() => workspaceApi.stale(page), [page]);

  const act = async (item: ManagedOfferingSummary, action: 'confirm' | 'archive') => {
    try {
      await workspaceApi.offeringAction(item.id, action);
      setMessage(t(action === 'confirm' ? 'confirmed' : 'archived', { title: item.title }));
      if (list.data) list.set({ ...list.data, total: list.data.total - 1, items: list.data.items.filter((i) => i.id !== item.id) });
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <Page title={t('staleTitle')} wide>
      <p>{t('staleIntro')}</p>
      <p role="status" class={message ? 'ws-success' : 'ws-status-empty'}>
        {message ?? ''}
      </p>
      <LoadState loaded={list}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <p>{t('staleEmpty')}</p>
            ) : (
              <ul class="ws-entries">
                {data.items.map((item) => (
                  <li key={item.id} class="ws-entry ws-entry--stale">
                    <h2 class="ws-entry-title">{item.title}</h2>
                    <p class="ws-entry-meta">
                      {item.organisation.name} · {item.location.city} ·{' '}
                      {t('lastConfirmed', { date: i18n.formatDate(item.lastConfirmedAt.slice(0, 10)) })}
                    </p>
                    <p class="ws-entry-actions">
                      <button type="button" class="primary" onClick={() => act(item, 'confirm')} aria-label={t('stillCurrentNamed', { title: item.title })}>
                        {t('stillCurrent')}
                      </button>
                      <a class="button secondary" href={href(paths.correct(item.id))} aria-label={t('correctNamed', { title: item.title })}>
                        {t('correct')}
                      </a>
                      <button type="button" class="secondary" onClick={() => act(item, 'archive')} aria-label={t('archiveNamed', { title: item.title })}>
                        {t('archive')}
                      </button>
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Pager page={data.page} perPage={data.perPage} total={data.total} onPage={setPage} />
          </>
        )}
      </LoadState>
    </Page>
  );
}
