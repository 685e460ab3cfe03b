import { useState } from 'preact/hooks';
import { workspaceApi } from '../api/workspace-api';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';

/** Tells a provider whose address is unconfirmed why saving fails, and offers the mail again. */
export function UnverifiedNotice() {
  const { me } = useWorkspace();
  const t = useTexts(commonTexts);
  const [sent, setSent] = useState(false);
  if (!me || me.emailVerified) return null;
  return (
    <div class="ws-notice" role="note">
      <p>{t('unverifiedEmail')}</p>
      {sent ? (
        <p role="status">{t('verificationResent')}</p>
      ) : (
        <button type="button" class="secondary" onClick={() => workspaceApi.resendVerification().then(() => setSent(true), () => setSent(false))}>
          {t('resendVerification')}
        </button>
      )}
    </div>
  );
}
