import { useState } from 'preact/hooks';
import type { DuplicateDecision, DuplicateGroup } from '../../../../schema';
import { StatusBadge } from '../components/status-badge';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { duplicatesApi } from './duplicates-api';
import { groupHeading, leadMember } from './reasons';
import { duplicateTexts } from './texts';

interface Props {
  group: DuplicateGroup & { decision: DuplicateDecision };
  onUndone(group: DuplicateGroup): void;
}

/** A decided group: what was decided, by whom and when, and the way back for all but a merge. */
export function DecidedCard({ group, onUndone }: Props) {
  const { href, i18n } = useWorkspace();
  const t = useTexts(duplicateTexts);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { decision } = group;
  const keep = decision.keepId ?? null;
  const title = (group.offerings.find((o) => o.id === keep) ?? leadMember(group))?.title ?? '';

  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      await duplicatesApi.undo(decision.id);
      onUndone(group);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <li class={`dup-group dup-group--${group.kind} dup-group--decided`} data-group-id={group.id}>
      <h3 class="dup-group-title">{groupHeading(group, t, i18n)}</h3>
      <p class="dup-group-marks">
        <span class={`ws-badge dup-badge--${group.kind}`}>{t(`kind_${group.kind}`)}</span>
        <strong>{t(`decision_${decision.decision}`)}</strong>
        <span class="dup-decided-by">
          {' – '}
          {t('decidedBy', { who: decision.by ?? t('deletedAccount'), date: i18n.formatDate(decision.at.slice(0, 10)) })}
        </span>
      </p>
      {decision.note && <p class="dup-note">{t('decisionNote', { note: decision.note })}</p>}
      <ul class="dup-decided-members">
        {group.offerings.map((o) => (
          <li key={o.id}>
            <a href={href(paths.correct(o.id))}>{o.title}</a> – {o.providerName} <StatusBadge status={o.status} />
            {o.id === keep && <span class="ws-badge dup-badge--keep">{t('kept')}</span>}
          </li>
        ))}
      </ul>
      {error && (
        <p class="ws-reason" role="alert">
          {error}
        </p>
      )}
      {decision.decision === 'merged' ? (
        <p class="hint">{t('mergedFinal')}</p>
      ) : (
        <p class="ws-entry-actions">
          <button type="button" class="secondary" disabled={busy} onClick={undo} aria-label={t('undoNamed', { title })}>
            {t('undo')}
          </button>
        </p>
      )}
    </li>
  );
}
