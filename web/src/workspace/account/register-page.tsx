import { useState } from 'preact/hooks';
import { zRegisterInput } from '../../../../schema';
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

export function RegisterPage() {
  const { lang, href } = useWorkspace();
  const t = useTexts(accountTexts);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ displayName: '', email: '', password: '' }, (v) =>
    errorsOf(zRegisterInput.safeParse({ ...v, lang }), lang),
  );

  if (sentTo !== null) {
    // A new Page (key): its heading takes the focus, so the change is announced.
    return (
      <Page key="sent" title={t('checkMailTitle')}>
        <p role="status">{t('checkMailText', { email: sentTo })}</p>
        <p>{t('checkMailSpam')}</p>
        <p>
          <a href={href(paths.login)}>{t('continueToLogin')}</a>
        </p>
      </Page>
    );
  }

  return (
    <Page key="form" title={t('registerTitle')}>
      <p>{t('registerIntro')}</p>
      <form
        class="ws-form ws-form--narrow"
        noValidate
        onSubmit={(event) =>
          form.submit(event, async (values) => {
            await workspaceApi.register({ ...values, lang });
            setSentTo(values.email.trim());
          })
        }
      >
        <ErrorSummary form={form} />
        <TextField form={form} name="displayName" label={t('displayName')} hint={t('displayNameHint')} autocomplete="name" maxLength={120} required />
        <TextField form={form} name="email" type="email" label={t('email')} autocomplete="email" maxLength={254} required />
        <TextField form={form} name="password" type="password" label={t('password')} hint={t('passwordRule')} autocomplete="new-password" maxLength={200} required />
        <div class="ws-actions">
          <button type="submit" class="primary" disabled={form.busy}>
            {t('registerButton')}
          </button>
        </div>
      </form>
      <p>
        {t('haveAccount')} <a href={href(paths.login)}>{t('logIn')}</a>
      </p>
    </Page>
  );
}
