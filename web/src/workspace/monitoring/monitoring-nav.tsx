import { useLocation } from 'preact-iso';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import type { Monitoring } from './use-monitoring';
import { monitoringTexts } from './texts';

/** Between the three views of the same selection: gaps, figures, report. Open to everyone, signed in or not. */
export function MonitoringNav({ monitoring }: { monitoring: Monitoring }) {
  const t = useTexts(monitoringTexts);
  const { path } = useLocation();
  const links = [
    [paths.gaps, t('navGaps')],
    [paths.figures, t('navFigures')],
    [paths.report, t('navReport')],
  ] as const;
  return (
    <nav class="mon-subnav" aria-label={t('subNav')}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <a href={monitoring.linkTo(to)} aria-current={path === to ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
