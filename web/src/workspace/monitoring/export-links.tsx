import type { TargetGroup } from '../../../../schema';
import { useTexts } from '../i18n/text';
import { monitoringApi } from './monitoring-api';
import { regionQuery, type MonitoringState } from './monitoring-state';
import { monitoringTexts } from './texts';

interface Props {
  state: MonitoringState;
  /** The target groups on screen, each with its words (one link pair per group). */
  groups: { group: TargetGroup; label: string }[];
}

/** Plain download links of the current view: the region's matching offerings as CSV and GeoJSON. */
export function ExportLinks({ state, groups }: Props) {
  const t = useTexts(monitoringTexts);
  const named = groups.length > 1;
  return (
    <section class="mon-exports mon-no-print">
      <h2>{t('exportTitle')}</h2>
      <p>{t('exportIntro')}</p>
      <ul class="ws-link-list">
        {groups.flatMap(({ group, label }, i) => {
          const query = regionQuery(state, group);
          return [
            <li key={`csv-${i}`}>
              <a href={monitoringApi.exportUrl('csv', query)} download>
                {named ? t('exportCsvNamed', { group: label }) : t('exportCsv')}
              </a>
            </li>,
            <li key={`geojson-${i}`}>
              <a href={monitoringApi.exportUrl('geojson', query)} download>
                {named ? t('exportGeojsonNamed', { group: label }) : t('exportGeojson')}
              </a>
            </li>,
          ];
        })}
      </ul>
    </section>
  );
}
