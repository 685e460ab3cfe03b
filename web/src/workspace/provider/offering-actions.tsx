import { useEffect, useRef, useState } from 'preact/hooks';
import type { ManagedOffering } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { setFlash } from '../lib/flash';
import { paths } from '../lib/paths';
import { entryTexts } from './entry-texts';

interface Props {
  offering: ManagedOffering;
  /** The entry changed and stays on this page (a withdrawal). */
  onChanged(offering: ManagedOffering): void;
}

type Step = 'archive' | 'delete';

/**
 * The owner's steps besides editing: take the entry (or its pending change) back from review, archive it,
 * delete a draft. Archive and delete ask first: neither can be undone from here.
 */
export function OfferingActions({ offering, onChanged }: Props) {
  const { go } = useWorkspace();
  const t = useTexts(entryTexts);
  const c = useTexts(commonTexts);
  const [asking, setAsking] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const question = useRef<HTMLDivElement>(null);
  const title = offering.title;

  // The question takes the focus, so a screen reader reads it and the keyboard is next to its buttons.
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  const withdraw = () =>
    run(async () => {
      const revision = offering.status === 'published';
      const updated = await workspaceApi.offeringAction(offering.id, 'withdraw');
      onChanged(updated);
      setMessage({ text: revision ? t('revisionWithdrawn', { title }) : t('withdrawn', { title }), error: false });
    });

  const confirmStep = (step: Step) =>
    run(async () => {
      if (step === 'delete') await workspaceApi.deleteOffering(offering.id);
      else await workspaceApi.offeringAction(offering.id, 'archive');
      setFlash(step === 'delete' ? t('deleted', { title }) : t('archived', { title }));
      go(paths.dashboard);
    });

  const canWithdraw = offering.status === 'pending' || (offering.status === 'published' && offering.pendingRevision !== null);
  const canArchive = offering.status !== 'archived';
  const canDelete = offering.status === 'draft';
  if (!canWithdraw && !canArchive && !canDelete) return null;

  return (
    <section class="ws-section" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('stepsTitle')}</h2>
      <p role="status" class={message ? (message.error ? 'ws-reason' : 'ws-success') : 'ws-status-empty'}>
        {message?.text ?? ''}
      </p>
      {canWithdraw && <p class="hint">{offering.status === 'pending' ? t('withdrawHint') : t('withdrawRevisionHint')}</p>}
      <div class="ws-actions">
        {canWithdraw && (
          <button type="button" class="secondary" disabled={busy} onClick={withdraw}>
            {offering.status === 'pending' ? t('withdraw') : t('withdrawRevision')}
          </button>
        )}
        {canArchive && (
          <button type="button" class="secondary" disabled={busy} aria-expanded={asking === 'archive'} onClick={() => setAsking('archive')}>
            {t('archive')}
          </button>
        )}
        {canDelete && (
          <button type="button" class="secondary" disabled={busy} aria-expanded={asking === 'delete'} onClick={() => setAsking('delete')}>
            {t('delete')}
          </button>
        )}
      </div>
      {asking && (
        <div class="ws-notice ws-confirm" role="group" aria-labelledby="confirm-question" tabIndex={-1} ref={question}>
          <p id="confirm-question">{asking === 'delete' ? t('deleteQuestion', { title }) : t('archiveQuestion', { title })}</p>
          <div class="ws-actions">
            <button type="button" class="danger" disabled={busy} onClick={() => confirmStep(asking)}>
              {asking === 'delete' ? t('deleteConfirm') : t('archiveConfirm')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setAsking(null)}>
              {c('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
