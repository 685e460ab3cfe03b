import { zInviteMemberInput, type Member } from '../../../../schema';
import { ApiFailure } from '../api/http';
import { workspaceApi } from '../api/workspace-api';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { errorsOf, type FieldErrors } from '../forms/zod-errors';
import { useTexts } from '../i18n/text';
import { memberTexts } from './member-texts';

// The fields have names of their own: the organisation form on the same page has an `email` field already,
// and a field's name is its element id.
const EMPTY = { inviteName: '', inviteEmail: '' };
type Values = typeof EMPTY;
const fieldOf: Record<string, keyof Values> = { displayName: 'inviteName', email: 'inviteEmail' };

function renamed(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [fieldOf[field] ?? field, message]));
}

/** Invites a colleague into the organisation; the mail goes out in the inviting person's interface language. */
export function MemberInviteForm({ organisationId, onInvited }: { organisationId: number; onInvited(member: Member): void }) {
  const { lang } = useWorkspace();
  const t = useTexts(memberTexts);
  const inputOf = (v: Values) => ({ displayName: v.inviteName, email: v.inviteEmail, lang });
  const form = useForm(EMPTY, (v) => renamed(errorsOf(zInviteMemberInput.safeParse(inputOf(v)), lang)));

  const send = async (values: Values) => {
    try {
      const member = await workspaceApi.inviteMember(organisationId, zInviteMemberInput.parse(inputOf(values)));
      form.reset(EMPTY);
      onInvited(member);
    } catch (error) {
      // A taken address is a mistake in that field: said next to it, with what the person can do instead.
      if (error instanceof ApiFailure && error.code === 'email_taken') {
        throw new ApiFailure(400, error.code, error.message, { inviteEmail: t('emailTaken') });
      }
      if (error instanceof ApiFailure) throw new ApiFailure(error.status, error.code, error.message, renamed(error.fields));
      throw error;
    }
  };

  return (
    <form class="ws-form ws-form--narrow" noValidate onSubmit={(event) => form.submit(event, send)}>
      <ErrorSummary form={form} />
      <TextField form={form} name="inviteName" label={t('inviteName')} maxLength={120} autocomplete="off" required />
      <TextField form={form} name="inviteEmail" type="email" label={t('inviteEmail')} maxLength={254} autocomplete="off" required />
      <div class="ws-actions">
        <button type="submit" class="primary" disabled={form.busy}>
          {t('invite')}
        </button>
      </div>
    </form>
  );
}
