import { useLocation } from 'preact-iso';
import { zLoginInput } from '../../../../schema';
import { ApiFailure } from '../api/http';
import { workspaceApi } from '../api/workspace-api';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { errorsOf } from '../forms/zod-errors';
import { type Translate, useTexts } from '../i18n/text';
import { landingPath } from '../lib/landing';
import { paths, safeReturnPath } from '../lib/paths';
import { accountTexts } from './texts';

type Key = keyof (typeof accountTexts)['de'];

/** "3 Minuten" / "45 Sekunden": the wait of a throttled login in words. */
function waitText(t: Translate<Key>, seconds: number): string {
  if (seconds < 90) return t('seconds', { n: seconds });
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? t('minuteOne') : t('minutes', { n: minutes });
}

export function LoginPage() {
  const { lang, setMe, href, go } = useWorkspace();
  const { query } = useLocation();
  const t = useTexts(accountTexts);
  const form = useForm({ email: '', password: '' }, (v) => errorsOf(zLoginInput.safeParse(v), lang));

  const onSubmit = (event: Event) =>
    form.submit(event, async (values) => {
      try {
        const me = await workspaceApi.login(values);
        setMe(me);
        go(safeReturnPath(query.next) ?? landingPath(me), true);
      } catch (error) {
        // The API's wording is bilingual; these two answers deserve the page's own language and the wait time.
        if (error instanceof ApiFailure && error.status === 401) throw new Error(t('invalidCredentials'));
        if (error instanceof ApiFailure && error.status === 429) {
          throw new Error(error.retryAfter ? t('tooManyAttempts', { wait: waitText(t, error.retryAfter) }) : t('tooManyAttemptsNoTime'));
        }
        throw error;
      }
    });

  return (
    <Page title={t('loginTitle')}>
      {query.abgemeldet && <p class="ws-success" role="status">{t('loggedOut')}</p>}
      {query.geloescht && <p class="ws-success" role="status">{t('accountDeleted')}</p>}
      <form class="ws-form ws-form--narrow" noValidate onSubmit={onSubmit}>
        <ErrorSummary form={form} />
        <TextField form={form} name="email" type="email" label={t('email')} autocomplete="username" required />
        <TextField form={form} name="password" type="password" label={t('password')} autocomplete="current-password" required />
        <div class="ws-actions">
          <button type="submit" class="primary" disabled={form.busy}>
            {form.busy ? t('loggingIn') : t('logIn')}
          </button>
        </div>
      </form>
      <p>
        <a href={href(paths.forgotPassword)}>{t('forgotPassword')}</a>
      </p>
      <p>
        {t('noAccount')} <a href={href(paths.register)}>{t('registerLink')}</a>
      </p>
    </Page>
  );
}
