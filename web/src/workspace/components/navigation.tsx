import { useLocation } from 'preact-iso';
import type { Me } from '../../../../schema';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';

type Key = keyof (typeof commonTexts)['de'];

/** The sections the signed-in person may use; the current one is marked with aria-current. */
export function Navigation({ me }: { me: Me }) {
  const { href } = useWorkspace();
  const t = useTexts(commonTexts);
  const { path } = useLocation();
  const links: [string, Key][] = [];
  if (me.role === 'provider') {
    links.push([paths.dashboard, 'navDashboard'], [paths.organisation, 'navOrganisation'], [paths.newOffering, 'navNewOffering'], [paths.import, 'navImport']);
  }
  if (me.role === 'coordinator' || me.role === 'admin') {
    links.push([paths.queue, 'navQueue'], [paths.stale, 'navStale'], [paths.duplicates, 'navDuplicates'], [paths.gaps, 'navGaps'], [paths.figures, 'navFigures']);
  }
  if (me.role === 'admin') links.push([paths.users, 'navUsers']);
  links.push([paths.account, 'navAccount']);
  return (
    <nav class="ws-nav" aria-label={t('navigation')}>
      <ul>
        {links.map(([to, key]) => (
          <li key={to}>
            <a href={href(to)} aria-current={path === to ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
