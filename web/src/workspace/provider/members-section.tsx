import { useEffect, useRef, useState } from 'preact/hooks';
import type { Member } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { LoadState } from '../components/load-state';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { setFlash } from '../lib/flash';
import { useLoad } from '../lib/use-load';
import { MemberInviteForm } from './member-invite-form';
import { memberTexts } from './member-texts';

/**
 * Who maintains the organisation: the list, an invitation for a colleague, and removing a member or leaving,
 * each after a question (neither can be undone from here: a removed account can only come back when invited
 * with another address).
 */
export function MembersSection({ organisationId }: { organisationId: number }) {
  const { me, setMe, i18n } = useWorkspace();
  const t = useTexts(memberTexts);
  const c = useTexts(commonTexts);
  const members = useLoad(() => workspaceApi.members(organisationId), [organisationId]);
  const [asking, setAsking] = useState<Member | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const question = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const canManage = me?.emailVerified === true;

  // The question takes the focus, so a screen reader reads it and the keyboard is next to its buttons.
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const ask = (member: Member, button: HTMLButtonElement) => {
    opener.current = button;
    setMessage(null);
    setAsking(member);
  };
  const cancel = () => {
    setAsking(null);
    // Back to the button that asked, rather than to the top of the page.
    opener.current?.focus();
  };
  const remove = async (member: Member) => {
    setBusy(true);
    setMessage(null);
    try {
      await workspaceApi.removeMember(organisationId, member.id);
      setAsking(null);
      if (member.isYou) {
        // Without an organisation the page offers to create one; it shows this message above that form.
        setFlash(t('left'));
        setMe(await workspaceApi.me());
        return;
      }
      setMessage({ text: t('removed', { name: member.displayName }), error: false });
      members.reload();
      // The entry and its button are gone: the focus goes to the section, whose status says what happened.
      heading.current?.focus();
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ws-section" aria-labelledby="members-title">
      <h2 id="members-title" tabIndex={-1} ref={heading}>
        {t('membersTitle')}
      </h2>
      <p>{t('membersText')}</p>
      <p role="status" class={message ? (message.error ? 'ws-reason' : 'ws-success') : 'ws-status-empty'}>
        {message?.text ?? ''}
      </p>
      <LoadState loaded={members}>
        {({ members: list }) => (
          <ul class="ws-entries">
            {list.map((member) => (
              <li key={member.id} class="ws-entry">
                <h3 class="ws-entry-title">
                  {member.displayName} {member.isYou && t('you')}
                </h3>
                <p class="ws-entry-meta">
                  {member.email} · {member.emailVerified ? t('since', { date: i18n.formatDate(member.createdAt.slice(0, 10)) }) : t('notConfirmed')}
                </p>
                {canManage && list.length > 1 && (
                  <p class="ws-entry-actions">
                    <button
                      type="button"
                      class="secondary"
                      disabled={busy}
                      aria-expanded={asking?.id === member.id}
                      aria-label={member.isYou ? undefined : t('removeNamed', { name: member.displayName })}
                      onClick={(event) => ask(member, event.currentTarget)}
                    >
                      {member.isYou ? t('leave') : t('remove')}
                    </button>
                  </p>
                )}
                {asking?.id === member.id && (
                  <div class="ws-notice ws-confirm" role="group" aria-labelledby="member-question" tabIndex={-1} ref={question}>
                    <p id="member-question">{member.isYou ? t('leaveQuestion') : t('removeQuestion', { name: member.displayName })}</p>
                    <div class="ws-actions">
                      <button type="button" class="danger" disabled={busy} onClick={() => remove(member)}>
                        {member.isYou ? t('leaveConfirm') : t('removeConfirm')}
                      </button>
                      <button type="button" class="secondary" disabled={busy} onClick={cancel}>
                        {c('cancel')}
                      </button>
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadState>
      <h3>{t('inviteTitle')}</h3>
      {canManage ? (
        <>
          <p>{t('inviteText')}</p>
          <MemberInviteForm
            organisationId={organisationId}
            onInvited={(member) => {
              setMessage({ text: t('invited', { name: member.displayName }), error: false });
              members.reload();
            }}
          />
        </>
      ) : (
        <p>{t('unverifiedHint')}</p>
      )}
    </section>
  );
}
