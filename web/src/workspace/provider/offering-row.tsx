import { useState } from 'preact/hooks';
import type { ManagedOfferingSummary } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { StatusBadge } from '../components/status-badge';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { providerTexts } from './texts';

interface Props {
  item: ManagedOfferingSummary;
  onChange(item: ManagedOfferingSummary): void;
  onNotice(message: string): void;
}

/** One entry of the dashboard: state in words, what needs doing, and the one-click "still current". */
export function OfferingRow({ item, onChange, onNotice }: Props) {
  const { href, i18n } = useWorkspace();
  const t = useTexts(providerTexts);
  const [busy, setBusy] = useState(false);
  const due = item.stale || item.staleSoon;

  const confirm = async () => {
    setBusy(true);
    try {
      const updated = await workspaceApi.offeringAction(item.id, 'confirm');
      onChange({ ...item, stale: updated.stale, staleSoon: updated.staleSoon, lastConfirmedAt: updated.lastConfirmedAt, updatedAt: updated.updatedAt });
      onNotice(t('confirmed', { title: item.title }));
    } catch (error) {
      onNotice((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={due ? 'ws-entry ws-entry--stale' : 'ws-entry'}>
      <h2 class="ws-entry-title">
        <a href={href(paths.offering(item.id))}>{item.title}</a>
      </h2>
      <p class="ws-entry-marks">
        <StatusBadge status={item.status} />
        {item.hasPendingRevision && <span class="ws-badge ws-badge--revision">{t('pendingRevision')}</span>}
        {item.stale && <span class="ws-badge ws-badge--stale">{t('stale')}</span>}
        {item.staleSoon && <span class="ws-badge ws-badge--stale">{t('staleSoon')}</span>}
      </p>
      {item.status === 'rejected' && item.rejectionReason && <p class="ws-reason">{t('rejectedReason', { reason: item.rejectionReason })}</p>}
      {item.revisionRejectionReason && <p class="ws-reason">{t('revisionRejectedReason', { reason: item.revisionRejectionReason })}</p>}
      <p class="ws-entry-meta">
        {item.location.city} · {t('colConfirmed')}: {i18n.formatDate(item.lastConfirmedAt.slice(0, 10))}
      </p>
      <p class="ws-entry-actions">
        <a class="button secondary" href={href(paths.offering(item.id))} aria-label={t('editNamed', { title: item.title })}>
          {t('edit')}
        </a>
        {item.status === 'published' && (
          <button type="button" class={due ? 'primary' : 'secondary'} disabled={busy} onClick={confirm} aria-label={t('stillCurrentNamed', { title: item.title })}>
            {t('stillCurrent')}
          </button>
        )}
      </p>
    </li>
  );
}

