import { useState } from 'preact/hooks';
import { zDeleteAccountInput, zPasswordChangeInput } from '../../../../schema';
import { ApiFailure } from '../api/http';
import { downloads, workspaceApi } from '../api/workspace-api';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { errorsOf } from '../forms/zod-errors';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { accountTexts } from './texts';

/** The signed-in person's own account: who they are, a new password, their data, and leaving. */
export function AccountPage() {
  const { me, lang, i18n, setMe, go } = useWorkspace();
  const t = useTexts(accountTexts);
  const c = useTexts(commonTexts);
  const [changed, setChanged] = useState(false);
  const passwordForm = useForm({ currentPassword: '', newPassword: '' }, (v) => errorsOf(zPasswordChangeInput.safeParse(v), lang));
  const deleteForm = useForm({ password: '' }, (v) => errorsOf(zDeleteAccountInput.safeParse(v), lang));
  if (!me) return null;

  const wrongPassword = (field: string) => (error: unknown) => {
    // A wrong password is a mistake in that field, not a failure of the page.
    if (error instanceof ApiFailure && (error.status === 401 || error.status === 403) && Object.keys(error.fields).length === 0) {
      throw new ApiFailure(400, error.code, error.message, { [field]: t('wrongPassword') });
    }
    throw error;
  };

  return (
    <Page title={t('accountTitle')}>
      <dl class="ws-facts">
        <dt>{t('name')}</dt>
        <dd>{me.displayName}</dd>
        <dt>{t('email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('emailConfirmed')}</dt>
        <dd>{me.emailVerified ? c('yes') : c('no')}</dd>
        <dt>{t('role')}</dt>
        <dd>{c(`role_${me.role}`)}</dd>
        {me.regionPrefix && (
          <>
            <dt>{t('region')}</dt>
            <dd>{me.regionPrefix}</dd>
          </>
        )}
        {me.organisation && (
          <>
            <dt>{t('organisation')}</dt>
            <dd>{me.organisation.name}</dd>
          </>
        )}
        <dt>{t('memberSince')}</dt>
        <dd>{i18n.formatDate(me.createdAt.slice(0, 10))}</dd>
      </dl>

      <section aria-labelledby="change-password">
        <h2 id="change-password">{t('changePasswordTitle')}</h2>
        {changed && (
          <p class="ws-success" role="status">
            {t('passwordChangedHere')}
          </p>
        )}
        <form
          class="ws-form ws-form--narrow"
          noValidate
          onSubmit={(event) =>
            passwordForm.submit(event, async (values) => {
              setChanged(false);
              const updated = await workspaceApi.changePassword(values).catch(wrongPassword('currentPassword'));
              setMe(updated);
              passwordForm.reset({ currentPassword: '', newPassword: '' });
              setChanged(true);
            })
          }
        >
          <ErrorSummary form={passwordForm} />
          {/* Password managers need the account's name next to a new password to store it for the right login. */}
          <input type="email" autocomplete="username" value={me.email} readOnly hidden />
          <TextField form={passwordForm} name="currentPassword" type="password" label={t('currentPassword')} autocomplete="current-password" required />
          <TextField form={passwordForm} name="newPassword" type="password" label={t('newPassword')} hint={t('passwordRule')} autocomplete="new-password" required />
          <div class="ws-actions">
            <button type="submit" class="secondary" disabled={passwordForm.busy}>
              {t('changePassword')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="export">
        <h2 id="export">{t('exportTitle')}</h2>
        <p>{t('exportText')}</p>
        <a class="button secondary" href={downloads.personalData} download="bildungslandkarte-meine-daten.json">
          {t('exportLink')}
        </a>
      </section>

      <section aria-labelledby="delete-account" class="ws-danger">
        <h2 id="delete-account">{t('deleteTitle')}</h2>
        <p>{t('deleteText')}</p>
        <form
          class="ws-form ws-form--narrow"
          noValidate
          onSubmit={(event) =>
            deleteForm.submit(event, async (values) => {
              await workspaceApi.deleteAccount(values.password).catch(wrongPassword('password'));
              setMe(null);
              go(`${paths.login}?geloescht=1`, true);
            })
          }
        >
          <ErrorSummary form={deleteForm} />
          <input type="email" autocomplete="username" value={me.email} readOnly hidden />
          <TextField form={deleteForm} name="password" type="password" label={t('deleteConfirm')} autocomplete="current-password" required />
          <div class="ws-actions">
            <button type="submit" class="danger" disabled={deleteForm.busy}>
              {t('deleteButton')}
            </button>
          </div>
        </form>
      </section>
    </Page>
  );
}
