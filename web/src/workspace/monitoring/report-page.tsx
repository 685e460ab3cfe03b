import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TargetGroup } from '../../../../schema';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { FiguresView } from './figures-view';
import { monitoringFormat, type MonitoringFormat } from './format';
import { GapLegend } from './gap-legend';
import { GapMap } from './gap-map';
import { classCounts } from './gap-panel';
import { GapSummary, RankedTable, SettlementTable } from './gap-tables';
import { gapTexts } from './gap-texts';
import { monitoringApi } from './monitoring-api';
import { gapsQuery, type MonitoringState } from './monitoring-state';
import { MonitoringNav } from './monitoring-nav';
import { RegionPicker } from './region-picker';
import { describeGroup } from './target-group';
import { monitoringTexts } from './texts';
import { useMonitoring } from './use-monitoring';
import { useQueryLoad } from './use-query-load';

/** The report lists at most this many unserved municipalities; the gap page has them all. */
const REPORT_GAP_ROWS = 40;

/**
 * `/auswertung/bericht`: map, key figures, the gap list and the charts on one page that prints on A4 (see the
 * print rules in monitoring.css). With a second target group (compare=1), its gaps follow the first's, so the
 * comparison of the gap page can be taken to a meeting too; the figures are those of the first. The title
 * names region, target groups and date, so a printout stands on its own.
 */
export function ReportPage() {
  const { lang, i18n } = useWorkspace();
  const t = useTexts(monitoringTexts);
  const common = useTexts(commonTexts);
  const monitoring = useMonitoring();
  const { state, update } = monitoring;
  const format = useMemo(() => monitoringFormat(lang), [lang]);
  const [regionName, setRegionName] = useState<string | undefined>(undefined);
  const [gapsName, setGapsName] = useState<string | undefined>(undefined);
  const name = gapsName ?? regionName;
  const group = describeGroup(state.a, i18n, t);
  const second = state.b ? describeGroup(state.b, i18n, t) : null;

  return (
    <Page title={name && state.region ? t('reportTitle', { region: name }) : t('reportTitleLoading')}>
      <div class="mon-report">
        <MonitoringNav monitoring={monitoring} />
        <p class="mon-report-meta">
          {t('reportMeta', { group, km: format.distance(state.thresholdKm), date: format.date(new Date().toISOString()) })}
          {second && ` · ${t('reportSecondGroup', { group: second })}`}
        </p>
        <p class="mon-no-print mon-report-actions">
          <button type="button" class="primary" onClick={() => window.print()}>
            {t('print')}
          </button>
          <a href={monitoring.linkTo(paths.gaps)}>{t('backToGaps')}</a>
        </p>
        {monitoring.deciding ? (
          <p role="status">{common('loading')}</p>
        ) : !state.region ? (
          <div class="mon-settings">
            <p class="ws-notice">{t('chooseRegion')}</p>
            <RegionPicker region={null} name={undefined} onChange={(region) => update({ ...state, region })} />
          </div>
        ) : (
          <>
            <ReportGaps state={state} group={state.a} label={group} format={format} onRegionName={setGapsName} />
            {state.b && second && (
              <section class="mon-report-second" aria-labelledby="report-second-title">
                <h2 id="report-second-title">{t('reportSecondTitle', { group: second })}</h2>
                <ReportGaps state={state} group={state.b} label={second} format={format} id="report-b" Heading="h3" />
              </section>
            )}
            <section class="mon-report-figures" aria-labelledby="report-figures-title">
              <h2 id="report-figures-title">{t('figuresTitle')}</h2>
              <FiguresView state={state} group={state.a} onRegionName={setRegionName} Heading="h3" />
            </section>
          </>
        )}
      </div>
    </Page>
  );
}

interface ReportGapsProps {
  state: MonitoringState;
  group: TargetGroup;
  label: string;
  format: MonitoringFormat;
  onRegionName?(name: string): void;
  /** Prefix of the element ids of the tables (two target groups on one page). */
  id?: string;
  Heading?: 'h2' | 'h3';
}

/** Key figures, map, list of unserved municipalities and the urban/rural table of one target group. */
function ReportGaps({ state, group, label, format, onRegionName, id = 'report', Heading = 'h2' }: ReportGapsProps) {
  const t = useTexts(monitoringTexts);
  const gt = useTexts(gapTexts);
  const query = gapsQuery(state, group);
  const gaps = useQueryLoad(query.toString(), () => monitoringApi.gaps(query));
  const regionName = gaps.data?.region?.name;
  useEffect(() => {
    if (regionName) onRegionName?.(regionName);
  }, [regionName]);
  return (
    <LoadState loaded={gaps}>
      {(data) => {
        const unserved = data.municipalities.filter((m) => !m.served);
        return (
          <>
            <GapSummary data={data} format={format} Heading={Heading} title={t('keyFigures')} />
            <section class="mon-map-section mon-report-map">
              <Heading>{gt('mapTitle')}</Heading>
              <GapMap region={state.region!} data={data} groupLabel={label} format={format} />
              <GapLegend thresholdKm={data.thresholdKm} counts={classCounts(data)} format={format} />
            </section>
            <section class="mon-ranked-section">
              <Heading>{t('gapListTitle', { km: format.distance(data.thresholdKm) })}</Heading>
              {unserved.length === 0 ? (
                <p>{t('allServed', { km: format.distance(data.thresholdKm) })}</p>
              ) : (
                <>
                  <RankedTable id={id} data={data} rows={unserved} format={format} limit={REPORT_GAP_ROWS} expandable={false} />
                  {unserved.length > REPORT_GAP_ROWS && <p>{t('gapListMore', { count: unserved.length - REPORT_GAP_ROWS })}</p>}
                </>
              )}
            </section>
            <SettlementTable id={id} data={data} format={format} Heading={Heading} />
          </>
        );
      }}
    </LoadState>
  );
}
