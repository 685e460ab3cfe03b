import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import type { UserRole } from '../../../../schema';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { Page } from './page';

/**
 * Wraps a page that needs a session and one of `roles` (an admin may use every page). Without a session the
 * person goes to the login page and comes back afterwards; with the wrong role they are told so. The server
 * checks all of this again: this only spares people a page of errors.
 */
export function guarded<P extends object>(roles: UserRole[], PageComponent: ComponentType<P>): ComponentType<P> {
  return function Guarded(props: P) {
    const { me, go } = useWorkspace();
    const { url } = useLocation();
    const t = useTexts(commonTexts);
    useEffect(() => {
      // The effect may run after someone else already went to the login page (logging out): stay there.
      if (me === null && !window.location.pathname.startsWith(paths.login)) go(`${paths.login}?next=${encodeURIComponent(url)}`, true);
    }, [me]);
    if (me === undefined || me === null) return <p role="status">{t('loading')}</p>;
    if (me.role !== 'admin' && !roles.includes(me.role)) {
      return (
        <Page title={t('noAccess')}>
          <p>{t('noAccess')}</p>
        </Page>
      );
    }
    return <PageComponent {...props} />;
  };
}
