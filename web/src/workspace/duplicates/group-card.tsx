import { useRef, useState } from 'preact/hooks';
import type { DuplicateDecision, DuplicateDecisionKind, DuplicateGroup } from '../../../../schema';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { DecisionForm } from './decision-form';
import { MemberCard } from './member-card';
import { groupHeading, leadMember, reasonSentence, scoreText, shownReasons } from './reasons';
import { duplicateTexts } from './texts';

interface Props {
  group: DuplicateGroup;
  onDecided(group: DuplicateGroup, decision: DuplicateDecision, keepId: number | null): void;
}

/** An open group: how sure, why, the entries side by side, and what the coordinator decides. */
export function GroupCard({ group, onDecided }: Props) {
  const { i18n } = useWorkspace();
  const t = useTexts(duplicateTexts);
  const [asking, setAsking] = useState<DuplicateDecisionKind | null>(null);
  // The button that opened the question gets the focus back when the question is cancelled.
  const opener = useRef<HTMLButtonElement | null>(null);
  const heading = groupHeading(group, t, i18n);
  const members = group.offerings.length;
  const title = leadMember(group)?.title ?? heading;
  const same = group.kind === 'same_entry';

  const ask = (decision: DuplicateDecisionKind) => (event: Event) => {
    opener.current = event.currentTarget as HTMLButtonElement;
    setAsking(decision);
  };
  const button = (decision: DuplicateDecisionKind, label: string, primary: boolean) => (
    <button type="button" class={primary ? 'primary' : 'secondary'} aria-expanded={asking === decision} onClick={ask(decision)}>
      {label}
    </button>
  );

  return (
    <li class={`dup-group dup-group--${group.kind}`} data-group-id={group.id}>
      <h3 class="dup-group-title">{heading}</h3>
      <p class="dup-group-marks">
        <span class={`ws-badge dup-badge--${group.kind}`}>{t(`kind_${group.kind}`)}</span>
        <span class="dup-score">{scoreText(group.kind, group.score, t)}</span>
      </p>
      <div class="dup-reasons">
        <p class="dup-reasons-title">{t('reasonsTitle')}</p>
        <ul>
          {shownReasons(group.reasons).map((reason, i) => (
            <li key={i}>{reasonSentence(reason, members, t, i18n)}</li>
          ))}
        </ul>
      </div>
      <ul class="dup-members" aria-label={t('members')}>
        {group.offerings.map((member) => (
          <MemberCard key={member.id} member={member} mark={same && member.id === group.suggestedKeepId ? t('suggestedKeep') : undefined} />
        ))}
      </ul>
      <div class="ws-actions dup-actions" role="group" aria-label={t('actions', { title })}>
        {same && button('merged', t('merged'), true)}
        {!same && button('intended', t('intended_parallel'), true)}
        {button('not_duplicate', t('not_duplicate'), false)}
        {same && button('intended', t('intended_same_entry'), false)}
      </div>
      {asking && (
        <DecisionForm
          key={asking}
          group={group}
          decision={asking}
          onCancel={() => {
            setAsking(null);
            opener.current?.focus();
          }}
          onDone={(decision, keepId) => onDecided(group, decision, keepId)}
        />
      )}
    </li>
  );
}
