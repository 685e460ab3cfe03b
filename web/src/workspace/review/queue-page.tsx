import { useState } from 'preact/hooks';
import { workspaceApi } from '../api/workspace-api';
import { FlashMessage } from '../components/flash-message';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { Pager } from '../components/pager';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { useLoad } from '../lib/use-load';
import { reviewTexts } from './texts';

/** `/koordination`: what waits for a decision in the coordinator's region, oldest first. */
export function QueuePage() {
  const { href, i18n } = useWorkspace();
  const t = useTexts(reviewTexts);
  const [page, setPage] = useState(1);
  const queue = useLoad(() => workspaceApi.queue(page), [page]);
  return (
    <Page title={t('queueTitle')} wide>
      <FlashMessage />
      <p>{t('queueIntro')}</p>
      <LoadState loaded={queue}>
        {(data) => (
          <>
            <p class="ws-count">{data.total === 1 ? t('countOne') : t('count', { count: data.total })}</p>
            {data.items.length === 0 ? (
              <p>{t('queueEmpty')}</p>
            ) : (
              <ul class="ws-entries">
                {data.items.map((item) => (
                  <li key={`${item.offeringId}-${item.revisionId ?? 'new'}`} class="ws-entry">
                    <h2 class="ws-entry-title">
                      <a href={href(paths.review(item.offeringId))}>{item.title}</a>
                    </h2>
                    <p class="ws-entry-marks">
                      <span class={`ws-badge ws-badge--${item.kind === 'new' ? 'pending' : 'revision'}`}>{t(`kind_${item.kind}`)}</span>
                      {!item.organisation.verified && <span class="ws-badge ws-badge--stale">{t('orgNotVerified')}</span>}
                    </p>
                    <p class="ws-entry-meta">
                      {item.organisation.name} · {item.city} ({item.municipality.name}) ·{' '}
                      {t('submitted', { date: i18n.formatDate(item.submittedAt.slice(0, 10)) })}
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
