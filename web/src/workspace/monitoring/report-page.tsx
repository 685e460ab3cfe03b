import { useMemo, useState } from 'preact/hooks';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { FiguresView } from './figures-view';
import { monitoringFormat } from './format';
import { GapLegend } from './gap-legend';
import { GapMap } from './gap-map';
import { classCounts } from './gap-panel';
import { GapSummary, RankedTable, SettlementTable } from './gap-tables';
import { gapTexts } from './gap-texts';
import { monitoringApi } from './monitoring-api';
import { gapsQuery } from './monitoring-state';
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
 * print rules in monitoring.css). The first target group of the selection; the title names region, target
 * group and date, so a printout stands on its own.
 */
export function ReportPage() {
  const { lang, i18n } = useWorkspace();
  const t = useTexts(monitoringTexts);
  const gt = useTexts(gapTexts);
  const common = useTexts(commonTexts);
  const monitoring = useMonitoring();
  const { state, update } = monitoring;
  const format = useMemo(() => monitoringFormat(lang), [lang]);
  const [regionName, setRegionName] = useState<string | undefined>(undefined);
  const query = gapsQuery(state, state.a);
  const gaps = useQueryLoad(state.region ? query.toString() : '', () =>
    state.region ? monitoringApi.gaps(query) : new Promise<never>(() => undefined),
  );
  const name = gaps.data?.region?.name ?? regionName;
  const group = describeGroup(state.a, i18n, t);

  return (
    <Page title={name && state.region ? t('reportTitle', { region: name }) : t('reportTitleLoading')}>
      <div class="mon-report">
        <MonitoringNav monitoring={monitoring} />
        <p class="mon-report-meta">
          {t('reportMeta', { group, km: format.distance(state.thresholdKm), date: format.date(new Date().toISOString()) })}
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
            <LoadState loaded={gaps}>
              {(data) => {
                const unserved = data.municipalities.filter((m) => !m.served);
                return (
                  <>
                    <GapSummary data={data} format={format} Heading="h2" title={t('keyFigures')} />
                    <section class="mon-map-section mon-report-map">
                      <h2>{gt('mapTitle')}</h2>
                      <GapMap region={state.region!} data={data} groupLabel={group} format={format} />
                      <GapLegend thresholdKm={data.thresholdKm} counts={classCounts(data)} format={format} />
                    </section>
                    <section class="mon-ranked-section">
                      <h2>{t('gapListTitle', { km: format.distance(data.thresholdKm) })}</h2>
                      {unserved.length === 0 ? (
                        <p>{t('allServed', { km: format.distance(data.thresholdKm) })}</p>
                      ) : (
                        <>
                          <RankedTable id="report" data={data} rows={unserved} format={format} limit={REPORT_GAP_ROWS} expandable={false} />
                          {unserved.length > REPORT_GAP_ROWS && <p>{t('gapListMore', { count: unserved.length - REPORT_GAP_ROWS })}</p>}
                        </>
                      )}
                    </section>
                    <SettlementTable id="report" data={data} format={format} Heading="h2" />
                  </>
                );
              }}
            </LoadState>
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
