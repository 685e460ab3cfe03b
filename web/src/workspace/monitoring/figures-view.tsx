import { useEffect, useMemo } from 'preact/hooks';
import type { FiguresResponse, TargetGroup } from '../../../../schema';
import { LoadState } from '../components/load-state';
import { useWorkspace } from '../context';
import { useTexts, type Translate } from '../i18n/text';
import { FigureChart } from './figure-chart';
import { LANGUAGES_SHOWN, figureSections, type SectionId } from './figure-sections';
import { figureTexts } from './figure-texts';
import { monitoringFormat, type MonitoringFormat } from './format';
import { monitoringApi } from './monitoring-api';
import { regionQuery, type MonitoringState } from './monitoring-state';
import { TableWrap } from './table-wrap';
import { useQueryLoad } from './use-query-load';

/** Published offerings in total, per area. */
function TotalsTable({ data, format }: { data: FiguresResponse; format: MonitoringFormat }) {
  const t = useTexts(figureTexts);
  return (
    <TableWrap captionId="figure-total-caption">
      <table class="ws-table mon-table mon-totals" data-testid="figure-table-total">
        <caption id="figure-total-caption">{t('totalCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('area')}</th>
            <th scope="col" class="mon-num">
              {t('offerings')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.sets.map((set) => (
            <tr key={set.scope} data-scope={set.scope}>
              <th scope="row">{set.scope === 'country' ? t('country') : set.name}</th>
              <td class="mon-num">{format.integer(set.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function noteOf(id: SectionId, t: Translate<keyof (typeof figureTexts)['de']>): string | undefined {
  if (id === 'access') return t('note_access');
  if (id === 'languages') return t('note_languages', { count: LANGUAGES_SHOWN });
  if (id === 'stale') return t('note_stale');
  return undefined;
}

/**
 * The figures of a region and target group compared with its state and the country: the total, then one chart
 * with its table per section. `Heading` is the level of the section headings (h3 inside the report's section).
 */
export function FiguresView({
  state, group, onRegionName, Heading = 'h2',
}: { state: MonitoringState; group: TargetGroup; onRegionName?(name: string): void; Heading?: 'h2' | 'h3' }) {
  const { lang, i18n, taxonomy } = useWorkspace();
  const t = useTexts(figureTexts);
  const format = useMemo(() => monitoringFormat(lang), [lang]);
  const query = regionQuery(state, group);
  const figures = useQueryLoad(query.toString(), () => monitoringApi.figures(query));

  useEffect(() => {
    const region = figures.data?.sets.find((set) => set.scope === 'region');
    if (region) onRegionName?.(region.name);
  }, [figures.data]);

  return (
    <div class="mon-results" aria-busy={figures.loading ? 'true' : 'false'}>
      <LoadState loaded={figures}>
        {(data) => {
          const sections = figureSections(data.sets, taxonomy ?? {}, i18n, (key) => t(key));
          return (
            <>
              <section class="mon-figure mon-figure--total" aria-labelledby="total-title">
                <Heading id="total-title">{t('totalTitle')}</Heading>
                <p class="hint">{t('generatedAt', { date: format.date(data.generatedAt) })}</p>
                <TotalsTable data={data} format={format} />
              </section>
              {data.sets[0]?.total === 0 ? (
                <p class="ws-notice">{t('noOfferings')}</p>
              ) : (
                sections.map((section) => (
                  <FigureChart
                    key={section.id}
                    id={section.id}
                    title={t(`section_${section.id}`)}
                    note={noteOf(section.id, t)}
                    rows={section.rows}
                    sets={data.sets}
                    format={format}
                    Heading={Heading}
                  />
                ))
              )}
            </>
          );
        }}
      </LoadState>
    </div>
  );
}
