import { useEffect, useRef } from 'preact/hooks';
import { zUpdateUserInput, type AdminUser } from '../../../../schema';
import { ApiFailure } from '../api/http';
import { workspaceApi } from '../api/workspace-api';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { SelectField } from '../forms/fields';
import { RegionField } from '../forms/region-field';
import { useForm } from '../forms/use-form';
import { errorsOf, type FieldErrors } from '../forms/zod-errors';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { adminTexts } from './texts';

interface Props {
  user: AdminUser;
  onDone(user: AdminUser): void;
  onCancel(): void;
}

interface Values {
  // Named apart from the invitation form's `role` and `regionPrefix`: field ids follow the names, and both
  // forms can be on the page at once.
  newRole: string;
  newRegion: string;
}

const bodyOf = (v: Values) => ({ role: v.newRole, regionPrefix: v.newRole === 'coordinator' ? v.newRegion : null });

/** The API names the fields `role` and `regionPrefix`; the form shows their messages at its own fields. */
function renamed(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    out[field === 'role' ? 'newRole' : field === 'regionPrefix' ? 'newRegion' : field] = message;
  }
  return out;
}

/** An admin changes one account's role and region; the account is signed out everywhere (the API does that). */
export function UserRoleForm({ user, onDone, onCancel }: Props) {
  const { lang, i18n } = useWorkspace();
  const t = useTexts(adminTexts);
  const c = useTexts(commonTexts);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<Values>({ newRole: user.role, newRegion: user.regionPrefix ?? '' }, (v) =>
    renamed(errorsOf(zUpdateUserInput.safeParse(bodyOf(v)), lang)),
  );

  // Opened from a row of the table: the focus moves here, so keyboard and screen reader follow.
  useEffect(() => heading.current?.focus(), [user.id]);

  return (
    <section class="ws-section ws-edit-user" aria-labelledby="edit-user-title">
      <h3 id="edit-user-title" ref={heading} tabIndex={-1}>
        {t('editTitle', { name: user.displayName })}
      </h3>
      <p class="ws-notice">{t('signOutNote')}</p>
      <form
        class="ws-form ws-form--narrow"
        noValidate
        onSubmit={(event) =>
          form.submit(event, async (values) => {
            try {
              onDone(await workspaceApi.updateUser(user.id, zUpdateUserInput.parse(bodyOf(values))));
            } catch (error) {
              if (!(error instanceof ApiFailure)) throw error;
              throw new ApiFailure(error.status, error.code, error.message, renamed(error.fields), error.retryAfter, error.details);
            }
          })
        }
      >
        <ErrorSummary form={form} />
        <SelectField
          form={form}
          name="newRole"
          label={t('role')}
          options={[
            { value: 'provider', label: t('roleProvider') },
            { value: 'coordinator', label: t('roleCoordinator') },
            { value: 'admin', label: t('roleAdmin') },
          ]}
          required
        />
        {form.values.newRole === 'coordinator' && (
          <RegionField
            form={form}
            name="newRegion"
            label={t('region')}
            hint={t('regionHint')}
            initialText={user.regionPrefix ?? ''}
            required
            acceptTypedKey
            emptyText={i18n.t('noPlaceFound')}
            listLabel={i18n.t('placeSuggestions')}
          />
        )}
        <div class="ws-actions">
          <button type="submit" class="primary" disabled={form.busy}>
            {t('saveRole')}
          </button>
          <button type="button" class="secondary" onClick={onCancel}>
            {c('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
