import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { workspaceApi } from '../api/workspace-api';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { landingPath } from '../lib/landing';
import { paths } from '../lib/paths';
import { accountTexts } from './texts';

type State = { kind: 'working' } | { kind: 'done' } | { kind: 'failed'; message: string };

/** Opened from the verification mail: sends the token from the address once and says how it went. */
export function VerifyPage() {
  const { me, setMe, href } = useWorkspace();
  const { query } = useLocation();
  const t = useTexts(accountTexts);
  const token = query.token ?? '';
  const [state, setState] = useState<State>(token ? { kind: 'working' } : { kind: 'failed', message: t('verifyNoToken') });

  useEffect(() => {
    if (!token) return;
    workspaceApi.verify(token).then(
      () => {
        setState({ kind: 'done' });
        // A signed-in person's "unconfirmed" notice should go at once.
        workspaceApi.me().then(setMe, () => undefined);
      },
      (error: Error) => setState({ kind: 'failed', message: t('verifyFailed', { message: error.message }) }),
    );
  }, [token]);

  return (
    <Page title={t('verifyTitle')}>
      {state.kind === 'working' && <p role="status">{t('verifying')}</p>}
      {state.kind === 'done' && (
        <>
          <p class="ws-success" role="status">
            {t('verified')}
          </p>
          <p>
            {me ? <a href={href(landingPath(me))}>{t('continueToDashboard')}</a> : <a href={href(paths.login)}>{t('continueToLogin')}</a>}
          </p>
        </>
      )}
      {state.kind === 'failed' && (
        <div class="error" role="alert">
          <p>{state.message}</p>
          <p>
            {t('verifyResendHint')} <a href={href(paths.login)}>{t('continueToLogin')}</a>
          </p>
        </div>
      )}
    </Page>
  );
}
