import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { zPasswordResetInput, zPasswordResetRequest } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { errorsOf } from '../forms/zod-errors';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { accountTexts } from './texts';

export function ForgotPasswordPage() {
  const { lang, href } = useWorkspace();
  const t = useTexts(accountTexts);
  const [sent, setSent] = useState(false);
  const form = useForm({ email: '' }, (v) => errorsOf(zPasswordResetRequest.safeParse({ ...v, lang }), lang));
  return (
    <Page title={t('forgotTitle')}>
      {sent ? (
        <p class="ws-success" role="status">
          {t('forgotSent')}
        </p>
      ) : (
        <>
          <p>{t('forgotIntro')}</p>
          <form
            class="ws-form ws-form--narrow"
            noValidate
            onSubmit={(event) =>
              form.submit(event, async (values) => {
                await workspaceApi.requestPasswordReset({ email: values.email.trim(), lang });
                setSent(true);
              })
            }
          >
            <ErrorSummary form={form} />
            <TextField form={form} name="email" type="email" label={t('email')} autocomplete="email" required />
            <div class="ws-actions">
              <button type="submit" class="primary" disabled={form.busy}>
                {t('sendLink')}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <a href={href(paths.login)}>{t('continueToLogin')}</a>
      </p>
    </Page>
  );
}

/** Opened from the reset mail: the token comes from the address, the person chooses the new password. */
export function NewPasswordPage() {
  const { lang, href } = useWorkspace();
  const { query } = useLocation();
  const t = useTexts(accountTexts);
  const token = query.token ?? '';
  const [done, setDone] = useState(false);
  const form = useForm({ password: '' }, (v) => errorsOf(zPasswordResetInput.safeParse({ ...v, token }), lang));

  if (!token) {
    return (
      <Page title={t('newPasswordTitle')}>
        <p class="error">{t('resetNoToken')}</p>
        <p>
          <a href={href(paths.forgotPassword)}>{t('requestNewLink')}</a>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('newPasswordTitle')}>
      {done ? (
        <>
          <p class="ws-success" role="status">
            {t('passwordChanged')}
          </p>
          <p>
            <a href={href(paths.login)}>{t('continueToLogin')}</a>
          </p>
        </>
      ) : (
        <form
          class="ws-form ws-form--narrow"
          noValidate
          onSubmit={(event) =>
            form.submit(event, async (values) => {
              await workspaceApi.resetPassword({ token, password: values.password });
              setDone(true);
            })
          }
        >
          <ErrorSummary form={form} />
          <TextField form={form} name="password" type="password" label={t('newPassword')} hint={t('passwordRule')} autocomplete="new-password" required />
          <div class="ws-actions">
            <button type="submit" class="primary" disabled={form.busy}>
              {t('setPassword')}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
