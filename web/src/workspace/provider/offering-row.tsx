import { useEffect, useState } from 'preact/hooks';
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
  const reason = useRejectionReason(item);

  const confirm = async () => {
    setBusy(true);
    try {
      const updated = await workspaceApi.offeringAction(item.id, 'confirm');
      onChange({ ...item, stale: updated.stale, lastConfirmedAt: updated.lastConfirmedAt, updatedAt: updated.updatedAt });
      onNotice(t('confirmed', { title: item.title }));
    } catch (error) {
      onNotice((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={item.stale ? 'ws-entry ws-entry--stale' : 'ws-entry'}>
      <h2 class="ws-entry-title">
        <a href={href(paths.offering(item.id))}>{item.title}</a>
      </h2>
      <p class="ws-entry-marks">
        <StatusBadge status={item.status} />
        {item.hasPendingRevision && <span class="ws-badge ws-badge--revision">{t('pendingRevision')}</span>}
        {item.stale && <span class="ws-badge ws-badge--stale">{t('stale')}</span>}
      </p>
      {reason && <p class="ws-reason">{t('rejectedReason', { reason })}</p>}
      <p class="ws-entry-meta">
        {item.location.city} · {t('colConfirmed')}: {i18n.formatDate(item.lastConfirmedAt.slice(0, 10))}
      </p>
      <p class="ws-entry-actions">
        <a class="button secondary" href={href(paths.offering(item.id))} aria-label={t('editNamed', { title: item.title })}>
          {t('edit')}
        </a>
        {item.status === 'published' && (
          <button type="button" class={item.stale ? 'primary' : 'secondary'} disabled={busy} onClick={confirm} aria-label={t('stillCurrentNamed', { title: item.title })}>
            {t('stillCurrent')}
          </button>
        )}
      </p>
    </li>
  );
}

/**
 * The list answers without reasons; a rejected entry is worth one more request, since the reason says what
 * to fix. (A rejected edit of a published entry shows its reason on the entry's page.)
 */
function useRejectionReason(item: ManagedOfferingSummary): string | null {
  const [reason, setReason] = useState<string | null>(null);
  useEffect(() => {
    if (item.status !== 'rejected') return;
    let current = true;
    workspaceApi.offering(item.id).then(
      (full) => current && setReason(full.rejectionReason ?? full.rejectedRevision?.reason ?? null),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [item.id, item.status]);
  return reason;
}
