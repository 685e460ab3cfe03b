import type { ManagedOffering } from '../../../../schema';
import { StatusBadge } from '../components/status-badge';
import { useTexts } from '../i18n/text';
import { offeringTexts } from './texts';

/** Above the form: the entry's state, the reason of a rejection, and whether an edit waits for review. */
export function OfferingState({ offering, coordinator }: { offering: ManagedOffering; coordinator?: boolean }) {
  const t = useTexts(offeringTexts);
  const reason = offering.rejectionReason ?? offering.rejectedRevision?.reason ?? null;
  return (
    <div class="ws-state">
      <p>
        {t('statusLine')} <StatusBadge status={offering.status} />
      </p>
      {reason && <p class="ws-reason">{t('rejectedBecause', { reason })}</p>}
      {offering.pendingRevision && <p class="ws-notice">{t('pendingRevision')}</p>}
      {!coordinator && offering.status === 'published' && !offering.pendingRevision && <p class="hint">{t('publishedEditNote')}</p>}
      {coordinator && <p class="hint">{t('correctionNote')}</p>}
    </div>
  );
}
