import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { DuplicateDecision, DuplicateDecisionKind, DuplicateGroup, NewDuplicateDecision } from '../../../../schema';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { duplicatesApi } from './duplicates-api';
import { duplicateTexts } from './texts';

interface Props {
  group: DuplicateGroup;
  decision: DuplicateDecisionKind;
  onCancel(): void;
  /** The decision is stored; `keepId` is the entry that stays (merged) or null. */
  onDone(decision: DuplicateDecision, keepId: number | null): void;
}

/**
 * Asks before a decision is stored, in place (as the provider's "archive" question does): what it means, for
 * a merge which entry stays (the suggestion chosen) and which are archived, and an optional note for the log.
 * The question takes the focus so a screen reader reads it and the keyboard is next to its buttons.
 */
export function DecisionForm({ group, decision, onCancel, onDone }: Props) {
  const t = useTexts(duplicateTexts);
  const c = useTexts(commonTexts);
  const id = useId();
  const panel = useRef<HTMLFormElement>(null);
  const [keepId, setKeepId] = useState(group.suggestedKeepId ?? group.offerings[0]?.id ?? 0);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const merging = decision === 'merged';
  // The server refuses to archive a published entry in favour of one still in review (the programme would
  // vanish from the search if that one were rejected), so only published entries are offered then.
  const anyPublished = group.offerings.some((o) => o.status === 'published');
  const keepable = anyPublished ? group.offerings.filter((o) => o.status === 'published') : group.offerings;
  const archived = group.offerings.filter((o) => o.id !== keepId);

  useEffect(() => {
    panel.current?.focus();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const body: NewDuplicateDecision = { kind: group.kind, offeringIds: group.offeringIds, decision };
    if (merging) body.keepId = keepId;
    if (note.trim()) body.note = note.trim();
    try {
      onDone(await duplicatesApi.decide(body), merging ? keepId : null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  const question = merging
    ? t('question_merged')
    : decision === 'not_duplicate'
      ? t('question_not_duplicate')
      : t(group.kind === 'same_entry' ? 'question_intended_same_entry' : 'question_intended_parallel');
  const confirm = merging
    ? archived.length === 1
      ? t('confirm_mergedOne')
      : t('confirm_merged', { count: archived.length })
    : t(decision === 'not_duplicate' ? 'confirm_not_duplicate' : 'confirm_intended');

  return (
    <form
      ref={panel}
      class="ws-form ws-notice ws-confirm dup-decision"
      tabIndex={-1}
      aria-labelledby={`${id}-question`}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) onCancel();
      }}
    >
      {merging ? (
        <fieldset class="ws-choices">
          <legend id={`${id}-question`}>{question}</legend>
          <ul>
            {keepable.map((o) => (
              <li key={o.id}>
                <input type="radio" id={`${id}-keep-${o.id}`} name={`${id}-keep`} checked={keepId === o.id} onChange={() => setKeepId(o.id)} />
                <label for={`${id}-keep-${o.id}`}>
                  {o.title} – {o.providerName}
                  {o.id === group.suggestedKeepId ? ` ${t('suggestion')}` : ''}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : (
        <p id={`${id}-question`}>{question}</p>
      )}
      {merging && (
        <div>
          <p>{t('mergeWarning')}</p>
          <ul class="dup-archived">
            {archived.map((o) => (
              <li key={o.id}>
                {o.title} – {o.providerName}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="field">
        <label for={`${id}-note`}>{t('note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={1000}
          value={note}
          aria-describedby={`${id}-note-hint`}
          onInput={(event) => setNote(event.currentTarget.value)}
        />
        <p class="hint" id={`${id}-note-hint`}>
          {t('noteHint')}
        </p>
      </div>
      {error && (
        <p class="ws-reason" role="alert">
          {error}
        </p>
      )}
      <div class="ws-actions">
        <button type="submit" class={merging ? 'danger' : 'primary'} disabled={busy}>
          {confirm}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
          {c('cancel')}
        </button>
      </div>
    </form>
  );
}
