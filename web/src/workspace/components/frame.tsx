import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { workspaceApi } from '../api/workspace-api';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { paths, withLang } from '../lib/paths';
import { Navigation } from './navigation';

/** The frame of every workspace page: the search page's header and footer, plus who is signed in. */
export function Frame({ children }: { children: ComponentChildren }) {
  const { lang, me, setMe, i18n, href, go } = useWorkspace();
  const t = useTexts(commonTexts);
  const location = useLocation();
  const [leaving, setLeaving] = useState(false);

  const switchLanguage = () => location.route(withLang(location.url, lang === 'de' ? 'en' : 'de'), true);
  const logOut = async () => {
    setLeaving(true);
    try {
      await workspaceApi.logout();
    } catch {
      // Logging out of a session that already ended is still logged out.
    }
    // To the login page first, then forget the user: the other way round, the page being left sees no user
    // and sends the person to the login page itself, without the "logged out" message.
    go(`${paths.login}?abgemeldet=1`);
    setMe(null);
    setLeaving(false);
  };

  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="site-header ws-header">
        <a class="brand" href={lang === 'en' ? '/?ui=en' : '/'}>
          <span class="brand-mark" aria-hidden="true" />
          <span class="brand-name">{i18n.t('appTitle')}</span>
        </a>
        <div class="ws-header-tools">
          {me && (
            <span class="ws-user">
              {t('signedInAs', { name: me.displayName })}
              <button type="button" class="link-button" onClick={logOut} disabled={leaving}>
                {t('logOut')}
              </button>
            </span>
          )}
          {me === null && location.path !== paths.login && (
            <a class="ws-header-link" href={href(paths.login)}>
              {t('logIn')}
            </a>
          )}
          <button
            type="button"
            class="link-button"
            lang={lang === 'de' ? 'en' : 'de'}
            title={i18n.t('switchLanguageLabel')}
            onClick={switchLanguage}
          >
            {i18n.t('switchLanguage')}
          </button>
        </div>
      </header>
      {me && <Navigation me={me} />}
      <main id="main" class="ws-main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>
          <a href={lang === 'en' ? '/?ui=en' : '/'}>{t('backToSearch')}</a>
        </p>
        <p>{i18n.t('footerData')}</p>
      </footer>
    </>
  );
}
